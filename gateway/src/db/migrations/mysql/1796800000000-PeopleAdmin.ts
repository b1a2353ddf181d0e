import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * PeopleAdmin (mysql): an agent's regions and skills (null: none), and a site's previous public
 * key with the instant it stops working, so a rotated key keeps serving widgets during the overlap.
 */
export class PeopleAdmin1796800000000 implements MigrationInterface {
  name = "PeopleAdmin1796800000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `agent` ADD `regions` text NULL, ADD `skills` text NULL");
    await db.query("ALTER TABLE `site` ADD `previous_site_key` varchar(64) NULL, ADD `previous_key_valid_until` datetime(3) NULL");
    await db.query("CREATE UNIQUE INDEX `uq_site_previous_key` ON `site` (`previous_site_key`)");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP INDEX `uq_site_previous_key` ON `site`");
    await db.query("ALTER TABLE `site` DROP COLUMN `previous_key_valid_until`, DROP COLUMN `previous_site_key`");
    await db.query("ALTER TABLE `agent` DROP COLUMN `skills`, DROP COLUMN `regions`");
  }
}
