import type { MigrationInterface, QueryRunner } from "typeorm";

/** WebhookEndpoints (mysql): a site's webhook endpoints and the log of every delivery attempt. */
export class WebhookEndpoints1795997237416 implements MigrationInterface {
  name = "WebhookEndpoints1795997237416";

  async up(db: QueryRunner): Promise<void> {
    await db.query("CREATE TABLE `webhook_delivery` (`id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `endpoint_id` varchar(36) NOT NULL, `message_id` varchar(36) NOT NULL, `event_id` varchar(160) NOT NULL, `event_type` varchar(40) NOT NULL, `webhook_id` varchar(64) NOT NULL, `ticket_id` varchar(36) NULL, `attempt` int NOT NULL, `replay` tinyint NOT NULL, `ok` tinyint NOT NULL, `status_code` int NULL, `latency_ms` int NULL, `response_excerpt` varchar(500) NULL, `error` varchar(500) NULL, `payload` text NOT NULL, `created_at` datetime(3) NOT NULL, INDEX `ix_webhook_delivery_endpoint` (`endpoint_id`, `created_at`), INDEX `ix_webhook_delivery_site` (`site_id`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await db.query("CREATE TABLE `webhook_endpoint` (`id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `url` varchar(2000) NOT NULL, `description` varchar(255) NOT NULL DEFAULT '', `event_types` text NOT NULL, `secret` varchar(80) NOT NULL, `previous_secret` varchar(80) NULL, `previous_secret_expires_at` datetime(3) NULL, `enabled` tinyint NOT NULL DEFAULT 1, `disabled_reason` varchar(255) NULL, `failing_since` datetime(3) NULL, `created_at` datetime(3) NOT NULL, `updated_at` datetime(3) NOT NULL, INDEX `ix_webhook_endpoint_site` (`site_id`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP TABLE `webhook_endpoint`");
    await db.query("DROP TABLE `webhook_delivery`");
  }
}
