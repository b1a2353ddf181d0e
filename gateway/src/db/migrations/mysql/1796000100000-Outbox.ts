import type { MigrationInterface, QueryRunner } from "typeorm";

/** Outbox (mysql): the transactional outbox, the reporter's language, and each site's mail settings. */
export class Outbox1796000100000 implements MigrationInterface {
  name = "Outbox1796000100000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE `outbox_message` (`id` bigint NOT NULL AUTO_INCREMENT, `site_id` varchar(36) NOT NULL, `ticket_id` varchar(36) NULL, `event_id` varchar(120) NOT NULL, `channel` varchar(16) NOT NULL, `recipient` varchar(254) NOT NULL, `payload` text NOT NULL, `status` varchar(8) NOT NULL, `attempts` int NOT NULL, `next_attempt_at` datetime(3) NOT NULL, `claimed_until` datetime(3) NULL, `last_error` varchar(500) NULL, `created_at` datetime(3) NOT NULL, `sent_at` datetime(3) NULL, UNIQUE INDEX `uq_outbox_event` (`event_id`, `channel`, `recipient`), INDEX `ix_outbox_due` (`status`, `next_attempt_at`), INDEX `ix_outbox_stream` (`ticket_id`, `channel`, `recipient`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await db.query("ALTER TABLE `ticket` ADD `reporter_language` varchar(2) NOT NULL DEFAULT 'id'");
    await db.query("ALTER TABLE `site` ADD `language` varchar(2) NOT NULL DEFAULT 'id'");
    await db.query("ALTER TABLE `site` ADD `accent_color` varchar(16) NULL");
    await db.query("ALTER TABLE `site` ADD `logo_url` varchar(500) NULL");
    await db.query("ALTER TABLE `site` ADD `tracking_url` varchar(500) NULL");
    await db.query("ALTER TABLE `site` ADD `reporter_mail_events` text NULL");
  }

  async down(db: QueryRunner): Promise<void> {
    for (const c of ["reporter_mail_events", "tracking_url", "logo_url", "accent_color", "language"]) await db.query(`ALTER TABLE \`site\` DROP COLUMN \`${c}\``);
    await db.query("ALTER TABLE `ticket` DROP COLUMN `reporter_language`");
    await db.query("DROP TABLE `outbox_message`");
  }
}
