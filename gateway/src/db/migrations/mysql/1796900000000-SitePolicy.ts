import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * SitePolicy (mysql), written by hand: a site's own urgency × impact priority matrix and the
 * languages its widgets offer (null for both: seed 002's matrix, and both id and en, as before).
 */
export class SitePolicy1796900000000 implements MigrationInterface {
  name = "SitePolicy1796900000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `site` ADD `priority_matrix` text NULL");
    await db.query("ALTER TABLE `site` ADD `languages` text NULL");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `site` DROP COLUMN `languages`");
    await db.query("ALTER TABLE `site` DROP COLUMN `priority_matrix`");
  }
}
