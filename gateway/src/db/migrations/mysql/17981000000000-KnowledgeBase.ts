import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * KnowledgeBase (mysql): articles, their versions, the tickets that used them and the deflections
 * per day (modules/knowledge). InnoDB keeps the FULLTEXT index on (title, body) itself.
 * The migration generator does not know FULLTEXT indexes: drop any DROP INDEX `ft_…` it writes.
 */
export class KnowledgeBase17981000000000 implements MigrationInterface {
  name = "KnowledgeBase17981000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE `article` (`id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `language` varchar(2) NOT NULL, `title` varchar(200) NOT NULL, `body` text NOT NULL, `service_id` varchar(36) NULL, `category_id` varchar(36) NULL, `visibility` varchar(8) NOT NULL, `status` varchar(10) NOT NULL, `version` int NOT NULL, `source_ticket_id` varchar(36) NULL, `helpful_yes` int NOT NULL DEFAULT 0, `helpful_no` int NOT NULL DEFAULT 0, `deflections` int NOT NULL DEFAULT 0, `created_at` datetime(3) NOT NULL, `updated_at` datetime(3) NOT NULL, `updated_by` varchar(120) NOT NULL, `published_at` datetime(3) NULL, INDEX `ix_article_site` (`site_id`, `status`, `language`, `service_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await db.query("ALTER TABLE `article` ADD FULLTEXT INDEX `ft_article_text` (`title`, `body`)");
    await db.query(
      "CREATE TABLE `article_version` (`id` varchar(36) NOT NULL, `article_id` varchar(36) NOT NULL, `version` int NOT NULL, `title` varchar(200) NOT NULL, `body` text NOT NULL, `status` varchar(10) NOT NULL, `saved_at` datetime(3) NOT NULL, `saved_by` varchar(120) NOT NULL, UNIQUE INDEX `uq_article_version` (`article_id`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await db.query(
      "CREATE TABLE `article_ticket` (`article_id` varchar(36) NOT NULL, `ticket_id` varchar(36) NOT NULL, `linked_at` datetime(3) NOT NULL, `linked_by` varchar(120) NOT NULL, INDEX `ix_article_ticket_ticket` (`ticket_id`), PRIMARY KEY (`article_id`, `ticket_id`)) ENGINE=InnoDB",
    );
    await db.query(
      "CREATE TABLE `article_deflection` (`article_id` varchar(36) NOT NULL, `day` varchar(10) NOT NULL, `site_id` varchar(36) NOT NULL, `count` int NOT NULL, INDEX `ix_article_deflection_day` (`site_id`, `day`), PRIMARY KEY (`article_id`, `day`)) ENGINE=InnoDB",
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP TABLE `article_deflection`");
    await db.query("DROP TABLE `article_ticket`");
    await db.query("DROP TABLE `article_version`");
    await db.query("DROP TABLE `article`");
  }
}
