import type { MigrationInterface, QueryRunner } from "typeorm";

/** Awareness (sqlite): per-agent read marks, the reporter's latest activity on a ticket (the unread count reads the queue views' indexes). */
export class Awareness17975000000000 implements MigrationInterface {
  name = "Awareness17975000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE \"ticket_read\" (\"agent_id\" varchar(36) NOT NULL, \"ticket_id\" varchar(36) NOT NULL, \"read_at\" datetime(3) NOT NULL, PRIMARY KEY (\"agent_id\", \"ticket_id\"))",
    );
    await db.query("ALTER TABLE \"ticket\" ADD COLUMN \"reporter_activity_at\" datetime(3)");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE \"ticket\" DROP COLUMN \"reporter_activity_at\"");
    await db.query("DROP TABLE \"ticket_read\"");
  }
}
