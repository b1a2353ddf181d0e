import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * SiteSettings (mysql), written by hand: the site's handling settings, the queue's arrival-order
 * index, and the visibility of the entry that linked each attachment. Existing files linked by
 * an internal note become INTERNAL, every other linked file PUBLIC.
 */
export class SiteSettings1795400000000 implements MigrationInterface {
  name = "SiteSettings1795400000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "ALTER TABLE `site` ADD `reporter_sets_impact` tinyint NOT NULL DEFAULT 0, ADD `default_impact` varchar(8) NOT NULL DEFAULT 'MEDIUM', ADD `queue_order` varchar(12) NOT NULL DEFAULT 'DUE_TIME', ADD `reopen_closed_within_days` int NOT NULL DEFAULT 0",
    );
    await db.query("ALTER TABLE `attachment` ADD `visibility` varchar(8) NULL");
    await db.query("UPDATE `attachment` SET `visibility` = 'PUBLIC' WHERE `ticket_id` IS NOT NULL");
    await db.query(
      "UPDATE `attachment` a JOIN `ticket_event` e ON e.`ticket_id` = a.`ticket_id` AND e.`visibility` = 'INTERNAL' AND e.`data` LIKE CONCAT('%', a.`id`, '%') SET a.`visibility` = 'INTERNAL'",
    );
    await db.query("CREATE INDEX `ix_ticket_arrival` ON `ticket` (`site_id`, `is_open`, `priority_rank`, `created_at`, `id`)");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP INDEX `ix_ticket_arrival` ON `ticket`");
    await db.query("ALTER TABLE `attachment` DROP COLUMN `visibility`");
    await db.query("ALTER TABLE `site` DROP COLUMN `reopen_closed_within_days`, DROP COLUMN `queue_order`, DROP COLUMN `default_impact`, DROP COLUMN `reporter_sets_impact`");
  }
}
