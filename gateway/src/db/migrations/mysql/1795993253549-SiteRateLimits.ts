import type { MigrationInterface, QueryRunner } from "typeorm";

/** SiteRateLimits (mysql): a site's own rate budgets and form fill time, null for the deployment's. */
export class SiteRateLimits1795993253549 implements MigrationInterface {
  name = "SiteRateLimits1795993253549";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `site` ADD `rate_limits` text NULL");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `site` DROP COLUMN `rate_limits`");
  }
}
