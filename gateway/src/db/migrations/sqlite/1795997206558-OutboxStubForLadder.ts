import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * STUB (ladder branch only): the contract's `outbox_message` table, so the ladder's tests can
 * read the messages it raises before the outbox helper's branch is merged. The lead drops this
 * file pair at merge and keeps the outbox helper's migration, which creates the same table.
 */
export class OutboxStubForLadder1795997206558 implements MigrationInterface {
  name = "OutboxStubForLadder1795997206558";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE \"outbox_message\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"site_id\" varchar(36) NOT NULL, \"ticket_id\" varchar(36), \"event_id\" varchar(200) NOT NULL, \"channel\" varchar(8) NOT NULL, \"recipient\" varchar(254) NOT NULL, \"payload\" text NOT NULL, \"status\" varchar(8) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"next_attempt_at\" datetime(3) NOT NULL, \"claimed_until\" datetime(3), \"last_error\" text, \"created_at\" datetime(3) NOT NULL, \"sent_at\" datetime(3))",
    );
    await db.query("CREATE UNIQUE INDEX \"uq_outbox_event\" ON \"outbox_message\" (\"event_id\", \"channel\", \"recipient\")");
    await db.query("CREATE INDEX \"ix_outbox_due\" ON \"outbox_message\" (\"status\", \"next_attempt_at\")");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP TABLE \"outbox_message\"");
  }
}
