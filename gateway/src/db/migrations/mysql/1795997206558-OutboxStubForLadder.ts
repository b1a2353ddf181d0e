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
      "CREATE TABLE `outbox_message` (`id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `ticket_id` varchar(36) NULL, `event_id` varchar(200) NOT NULL, `channel` varchar(8) NOT NULL, `recipient` varchar(254) NOT NULL, `payload` text NOT NULL, `status` varchar(8) NOT NULL, `attempts` int NOT NULL DEFAULT 0, `next_attempt_at` datetime(3) NOT NULL, `claimed_until` datetime(3) NULL, `last_error` text NULL, `created_at` datetime(3) NOT NULL, `sent_at` datetime(3) NULL, UNIQUE INDEX `uq_outbox_event` (`event_id`, `channel`, `recipient`), INDEX `ix_outbox_due` (`status`, `next_attempt_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP TABLE `outbox_message`");
  }
}
