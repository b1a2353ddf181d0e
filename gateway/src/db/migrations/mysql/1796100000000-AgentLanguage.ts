import type { MigrationInterface, QueryRunner } from "typeorm";

/** AgentLanguage (mysql): the language a desk member reads mail in; existing agents take their site's. */
export class AgentLanguage1796100000000 implements MigrationInterface {
  name = "AgentLanguage1796100000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `agent` ADD `language` varchar(2) NOT NULL DEFAULT 'id'");
    await db.query("UPDATE `agent` SET `language` = COALESCE((SELECT s.`language` FROM `site` s WHERE s.`id` = `agent`.`site_id`), 'id')");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `agent` DROP COLUMN `language`");
  }
}
