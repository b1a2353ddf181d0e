import type { MigrationInterface, QueryRunner } from "typeorm";

/** CannedResponses (mysql): the reply texts a site's agents insert from the composer. */
export class CannedResponses17974000000000 implements MigrationInterface {
  name = "CannedResponses17974000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE `canned_response` (`id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `title` varchar(120) NOT NULL, `title_key` varchar(64) NOT NULL, `body` text NOT NULL, `language` varchar(2) NOT NULL, `group_id` varchar(36) NULL, `updated_at` datetime(3) NOT NULL, `updated_by` varchar(120) NOT NULL, UNIQUE INDEX `uq_canned_response_title` (`site_id`, `language`, `title_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP TABLE `canned_response`");
  }
}
