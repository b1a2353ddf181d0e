import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * CatalogLanguages (mysql): services' and categories' names and help texts per language
 * (catalog_text), their order and retirement; support groups' retirement. Each existing name
 * becomes the name in its site's language; positions follow the old alphabetical order.
 */
export class CatalogLanguages1796700000000 implements MigrationInterface {
  name = "CatalogLanguages1796700000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE `catalog_text` (`item_id` varchar(36) NOT NULL, `language` varchar(2) NOT NULL, `site_id` varchar(36) NOT NULL, `kind` varchar(16) NOT NULL, `name` varchar(120) NOT NULL, `help` varchar(500) NULL, UNIQUE INDEX `uq_catalog_text_name` (`site_id`, `kind`, `language`, `name`), PRIMARY KEY (`item_id`, `language`)) ENGINE=InnoDB",
    );
    await db.query(
      "INSERT INTO `catalog_text` (`item_id`, `language`, `site_id`, `kind`, `name`, `help`) SELECT s.`id`, COALESCE(site.`language`, 'id'), s.`site_id`, 'service', s.`name`, s.`description` FROM `it_service` s LEFT JOIN `site` ON site.`id` = s.`site_id`",
    );
    await db.query(
      "INSERT INTO `catalog_text` (`item_id`, `language`, `site_id`, `kind`, `name`, `help`) SELECT c.`id`, COALESCE(site.`language`, 'id'), c.`site_id`, 'category', c.`name`, NULL FROM `category` c LEFT JOIN `site` ON site.`id` = c.`site_id`",
    );
    await db.query("ALTER TABLE `it_service` ADD `position` int NOT NULL DEFAULT 0, ADD `retired_at` datetime(3) NULL");
    await db.query("ALTER TABLE `category` ADD `position` int NOT NULL DEFAULT 0, ADD `retired_at` datetime(3) NULL");
    await db.query("ALTER TABLE `support_group` ADD `retired_at` datetime(3) NULL");
    await db.query(
      "UPDATE `it_service` s JOIN (SELECT `id`, ROW_NUMBER() OVER (PARTITION BY `site_id` ORDER BY `name`) - 1 AS `pos` FROM `it_service`) r ON r.`id` = s.`id` SET s.`position` = r.`pos`",
    );
    await db.query(
      "UPDATE `category` c JOIN (SELECT `id`, ROW_NUMBER() OVER (PARTITION BY `site_id`, `parent_id` ORDER BY `name`) - 1 AS `pos` FROM `category`) r ON r.`id` = c.`id` SET c.`position` = r.`pos`",
    );
    await db.query("DROP INDEX `uq_service_name` ON `it_service`");
    await db.query("DROP INDEX `uq_category_name` ON `category`");
    await db.query("ALTER TABLE `it_service` DROP COLUMN `name`, DROP COLUMN `description`");
    await db.query("ALTER TABLE `category` DROP COLUMN `name`");
  }

  async down(db: QueryRunner): Promise<void> {
    // Back to one name: the site's language's, else any (names unique per language may then clash: the index says so).
    await db.query("ALTER TABLE `it_service` ADD `name` varchar(120) NULL, ADD `description` varchar(500) NULL");
    await db.query("ALTER TABLE `category` ADD `name` varchar(120) NULL");
    for (const [table, kind] of [["it_service", "service"], ["category", "category"]] as const) {
      await db.query(
        `UPDATE \`${table}\` i JOIN \`site\` ON site.\`id\` = i.\`site_id\` SET i.\`name\` = COALESCE((SELECT t.\`name\` FROM \`catalog_text\` t WHERE t.\`item_id\` = i.\`id\` AND t.\`language\` = site.\`language\`), (SELECT MIN(t.\`name\`) FROM \`catalog_text\` t WHERE t.\`item_id\` = i.\`id\` AND t.\`kind\` = '${kind}'))`,
      );
    }
    await db.query("UPDATE `it_service` i JOIN `site` ON site.`id` = i.`site_id` SET i.`description` = (SELECT t.`help` FROM `catalog_text` t WHERE t.`item_id` = i.`id` AND t.`language` = site.`language`)");
    await db.query("ALTER TABLE `it_service` MODIFY `name` varchar(120) NOT NULL, DROP COLUMN `position`, DROP COLUMN `retired_at`");
    await db.query("ALTER TABLE `category` MODIFY `name` varchar(120) NOT NULL, DROP COLUMN `position`, DROP COLUMN `retired_at`");
    await db.query("ALTER TABLE `support_group` DROP COLUMN `retired_at`");
    await db.query("CREATE UNIQUE INDEX `uq_service_name` ON `it_service` (`site_id`, `name`)");
    await db.query("CREATE UNIQUE INDEX `uq_category_name` ON `category` (`site_id`, `name`)");
    await db.query("DROP TABLE `catalog_text`");
  }
}
