import type { MigrationInterface, QueryRunner } from "typeorm";

/** CustomFields (mysql): a site's custom field definitions and the values tickets carry. */
export class CustomFields1797100000000 implements MigrationInterface {
  name = "CustomFields1797100000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE `custom_field` (`id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `field_key` varchar(40) NOT NULL, `type` varchar(16) NOT NULL, `label_id` varchar(120) NOT NULL, `label_en` varchar(120) NOT NULL, `help_id` varchar(500) NULL, `help_en` varchar(500) NULL, `required` tinyint NOT NULL, `choices` text NOT NULL, `max_length` int NULL, `min_number` double NULL, `max_number` double NULL, `min_date` varchar(10) NULL, `max_date` varchar(10) NULL, `service_ids` text NULL, `position` int NOT NULL, `retired` tinyint NOT NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_custom_field_key` (`site_id`, `field_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    // The queue filter's index: a prefix of the value (utf8mb4 keys are limited to 3072 bytes).
    await db.query(
      "CREATE TABLE `ticket_field_value` (`id` bigint NOT NULL AUTO_INCREMENT, `ticket_id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `field_key` varchar(40) NOT NULL, `value` text NOT NULL, INDEX `ix_field_value_ticket` (`ticket_id`), INDEX `ix_field_value_lookup` (`site_id`, `field_key`, `value`(255)), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP TABLE `ticket_field_value`");
    await db.query("DROP TABLE `custom_field`");
  }
}
