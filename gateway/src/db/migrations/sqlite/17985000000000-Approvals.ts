import type { MigrationInterface, QueryRunner } from "typeorm";

/** Approvals (sqlite): request items' approval chains, each ticket's chain and decisions, the ticket's approval wait, the site's offer of request items on its form. */
export class Approvals17985000000000 implements MigrationInterface {
  name = "Approvals17985000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE \"service_approval\" (\"service_id\" varchar(36) PRIMARY KEY NOT NULL, \"site_id\" varchar(36) NOT NULL, \"steps\" text NOT NULL, \"valid_days\" integer NOT NULL, \"updated_at\" datetime(3) NOT NULL)",
    );
    await db.query(
      "CREATE TABLE \"ticket_approval\" (\"ticket_id\" varchar(36) PRIMARY KEY NOT NULL, \"site_id\" varchar(36) NOT NULL, \"state\" varchar(16) NOT NULL, \"steps\" text NOT NULL, \"decisions\" text NOT NULL, \"logged_by_id\" varchar(36), \"valid_days\" integer NOT NULL, \"requested_at\" datetime(3) NOT NULL, \"decided_at\" datetime(3))",
    );
    await db.query("CREATE INDEX \"ix_ticket_approval_pending\" ON \"ticket_approval\" (\"site_id\", \"state\")");
    await db.query("ALTER TABLE \"ticket\" ADD COLUMN \"awaiting_approval\" boolean NOT NULL DEFAULT (0)");
    await db.query("ALTER TABLE \"site\" ADD COLUMN \"offers_requests\" boolean NOT NULL DEFAULT (0)");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE \"site\" DROP COLUMN \"offers_requests\"");
    await db.query("ALTER TABLE \"ticket\" DROP COLUMN \"awaiting_approval\"");
    await db.query("DROP TABLE \"ticket_approval\"");
    await db.query("DROP TABLE \"service_approval\"");
  }
}
