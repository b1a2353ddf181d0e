import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * WorkOrders (mysql): routing rules, a site's dispatch settings and round-robin pointers per
 * technician group (routing/); a work order's findings and payment, its cost proposals, and the
 * ticket's payment_due flag that keeps an unpaid accepted cost from closing (workorders/).
 */
export class WorkOrders17986000000000 implements MigrationInterface {
  name = "WorkOrders17986000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("CREATE TABLE `assignment_pointer` (`site_id` varchar(36) NOT NULL, `group_id` varchar(36) NOT NULL, `last_agent_id` varchar(36) NULL, PRIMARY KEY (`site_id`, `group_id`)) ENGINE=InnoDB");
    await db.query(
      "CREATE TABLE `dispatch_settings` (`site_id` varchar(36) NOT NULL, `assignment` varchar(16) NOT NULL DEFAULT 'ROUND_ROBIN', `route_incidents` tinyint NOT NULL DEFAULT 0, `declined_cost` varchar(16) NOT NULL DEFAULT 'CANCEL_JOB', `updated_at` datetime(3) NOT NULL, PRIMARY KEY (`site_id`)) ENGINE=InnoDB",
    );
    await db.query(
      "CREATE TABLE `routing_rule` (`id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `position` int NOT NULL, `region` varchar(60) NULL, `service_id` varchar(36) NULL, `category_id` varchar(36) NULL, `skill` varchar(60) NULL, `group_id` varchar(36) NOT NULL, `updated_at` datetime(3) NOT NULL, INDEX `ix_routing_rule_site` (`site_id`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await db.query(
      "CREATE TABLE `cost_proposal` (`id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `ticket_id` varchar(36) NOT NULL, `lines` text NOT NULL, `total` int NOT NULL, `status` varchar(12) NOT NULL, `proposed_at` datetime(3) NOT NULL, `proposed_by` varchar(120) NOT NULL, `decided_at` datetime(3) NULL, `decision_note` text NULL, INDEX `ix_cost_proposal_ticket` (`ticket_id`, `proposed_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await db.query(
      "CREATE TABLE `work_order` (`ticket_id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `findings` text NULL, `payment_status` varchar(12) NOT NULL DEFAULT 'UNPAID', `payment_method` varchar(20) NULL, `payment_amount` int NULL, `payment_recorded_at` datetime(3) NULL, `updated_at` datetime(3) NOT NULL, PRIMARY KEY (`ticket_id`)) ENGINE=InnoDB",
    );
    await db.query("ALTER TABLE `ticket` ADD `payment_due` tinyint NOT NULL DEFAULT 0");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `ticket` DROP COLUMN `payment_due`");
    await db.query("DROP TABLE `work_order`");
    await db.query("DROP TABLE `cost_proposal`");
    await db.query("DROP TABLE `routing_rule`");
    await db.query("DROP TABLE `dispatch_settings`");
    await db.query("DROP TABLE `assignment_pointer`");
  }
}
