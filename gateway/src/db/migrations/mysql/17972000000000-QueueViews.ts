import type { MigrationInterface, QueryRunner } from "typeorm";

/** QueueViews (mysql): agents' saved queue views, their remembered view, and the indexes the views' counts read. */
export class QueueViews17972000000000 implements MigrationInterface {
  name = "QueueViews17972000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE `saved_queue_view` (`id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `agent_id` varchar(36) NOT NULL, `name` varchar(60) NOT NULL, `name_key` varchar(60) NOT NULL, `filter` text NOT NULL, `created_at` datetime(3) NOT NULL, INDEX `ix_saved_queue_view_agent` (`agent_id`, `created_at`), UNIQUE INDEX `uq_saved_queue_view_name` (`agent_id`, `name_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await db.query("ALTER TABLE `agent` ADD `queue_view` varchar(80) NULL");
    await db.query("CREATE INDEX `ix_ticket_assignee_open` ON `ticket` (`site_id`, `assignee_id`, `is_open`)");
    await db.query("CREATE INDEX `ix_ticket_group_open` ON `ticket` (`site_id`, `group_id`, `is_open`)");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP INDEX `ix_ticket_group_open` ON `ticket`");
    await db.query("DROP INDEX `ix_ticket_assignee_open` ON `ticket`");
    await db.query("ALTER TABLE `agent` DROP COLUMN `queue_view`");
    await db.query("DROP TABLE `saved_queue_view`");
  }
}
