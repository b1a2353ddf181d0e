import type { MigrationInterface, QueryRunner } from "typeorm";

/** ScheduledRecaps (mysql): a site's switch for the weekly and monthly recap mail, on by default. */
export class ScheduledRecaps17987000000000 implements MigrationInterface {
  name = "ScheduledRecaps17987000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `site` ADD `scheduled_recaps` tinyint NOT NULL DEFAULT 1");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `site` DROP COLUMN `scheduled_recaps`");
  }
}
