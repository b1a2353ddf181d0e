import type { MigrationInterface, QueryRunner } from "typeorm";

/** DataProtection (mysql): a site's retention of reporters' data, and when a ticket's was anonymized. */
export class DataProtection1797000000000 implements MigrationInterface {
  name = "DataProtection1797000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `site` ADD `retention_months` int NULL");
    await db.query("ALTER TABLE `ticket` ADD `anonymized_at` datetime(3) NULL");
    await db.query("CREATE INDEX `ix_ticket_retention` ON `ticket` (`site_id`, `anonymized_at`, `closed_at`)");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP INDEX `ix_ticket_retention` ON `ticket`");
    await db.query("ALTER TABLE `ticket` DROP COLUMN `anonymized_at`");
    await db.query("ALTER TABLE `site` DROP COLUMN `retention_months`");
  }
}
