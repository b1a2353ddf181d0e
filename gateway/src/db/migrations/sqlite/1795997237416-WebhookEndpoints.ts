import type { MigrationInterface, QueryRunner } from "typeorm";

/** WebhookEndpoints (sqlite): a site's webhook endpoints and the log of every delivery attempt. */
export class WebhookEndpoints1795997237416 implements MigrationInterface {
  name = "WebhookEndpoints1795997237416";

  async up(db: QueryRunner): Promise<void> {
    await db.query("CREATE TABLE \"webhook_delivery\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"site_id\" varchar(36) NOT NULL, \"endpoint_id\" varchar(36) NOT NULL, \"message_id\" varchar(36) NOT NULL, \"event_id\" varchar(160) NOT NULL, \"event_type\" varchar(40) NOT NULL, \"webhook_id\" varchar(64) NOT NULL, \"ticket_id\" varchar(36), \"attempt\" integer NOT NULL, \"replay\" boolean NOT NULL, \"ok\" boolean NOT NULL, \"status_code\" integer, \"latency_ms\" integer, \"response_excerpt\" varchar(500), \"error\" varchar(500), \"payload\" text NOT NULL, \"created_at\" datetime(3) NOT NULL)");
    await db.query("CREATE INDEX \"ix_webhook_delivery_endpoint\" ON \"webhook_delivery\" (\"endpoint_id\", \"created_at\") ");
    await db.query("CREATE INDEX \"ix_webhook_delivery_site\" ON \"webhook_delivery\" (\"site_id\", \"created_at\") ");
    await db.query("CREATE TABLE \"webhook_endpoint\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"site_id\" varchar(36) NOT NULL, \"url\" varchar(2000) NOT NULL, \"description\" varchar(255) NOT NULL DEFAULT (''), \"event_types\" text NOT NULL, \"secret\" varchar(80) NOT NULL, \"previous_secret\" varchar(80), \"previous_secret_expires_at\" datetime(3), \"enabled\" boolean NOT NULL DEFAULT (1), \"disabled_reason\" varchar(255), \"failing_since\" datetime(3), \"created_at\" datetime(3) NOT NULL, \"updated_at\" datetime(3) NOT NULL)");
    await db.query("CREATE INDEX \"ix_webhook_endpoint_site\" ON \"webhook_endpoint\" (\"site_id\", \"created_at\") ");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP INDEX \"ix_webhook_endpoint_site\"");
    await db.query("DROP TABLE \"webhook_endpoint\"");
    await db.query("DROP INDEX \"ix_webhook_delivery_site\"");
    await db.query("DROP INDEX \"ix_webhook_delivery_endpoint\"");
    await db.query("DROP TABLE \"webhook_delivery\"");
  }
}
