import type { MigrationInterface, QueryRunner } from "typeorm";

/** Approvals (mysql): request items' approval chains, each ticket's chain and decisions, the ticket's approval wait, the site's offer of request items on its form. */
export class Approvals17985000000000 implements MigrationInterface {
  name = "Approvals17985000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE `service_approval` (`service_id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `steps` text NOT NULL, `valid_days` int NOT NULL, `updated_at` datetime(3) NOT NULL, PRIMARY KEY (`service_id`)) ENGINE=InnoDB",
    );
    await db.query(
      "CREATE TABLE `ticket_approval` (`ticket_id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `state` varchar(16) NOT NULL, `steps` text NOT NULL, `decisions` text NOT NULL, `logged_by_id` varchar(36) NULL, `valid_days` int NOT NULL, `requested_at` datetime(3) NOT NULL, `decided_at` datetime(3) NULL, INDEX `ix_ticket_approval_pending` (`site_id`, `state`), PRIMARY KEY (`ticket_id`)) ENGINE=InnoDB",
    );
    await db.query("ALTER TABLE `ticket` ADD `awaiting_approval` tinyint NOT NULL DEFAULT 0");
    await db.query("ALTER TABLE `site` ADD `offers_requests` tinyint NOT NULL DEFAULT 0");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `site` DROP COLUMN `offers_requests`");
    await db.query("ALTER TABLE `ticket` DROP COLUMN `awaiting_approval`");
    await db.query("DROP TABLE `ticket_approval`");
    await db.query("DROP TABLE `service_approval`");
  }
}
