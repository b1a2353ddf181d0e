import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * SiteRateLimits (sqlite): a site's own rate budgets and form fill time, null for the deployment's.
 * A nullable column is added in place; TypeORM's generator would rebuild the whole table.
 */
export class SiteRateLimits1795993253549 implements MigrationInterface {
  name = "SiteRateLimits1795993253549";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE \"site\" ADD COLUMN \"rate_limits\" text");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE \"site\" DROP COLUMN \"rate_limits\"");
  }
}
