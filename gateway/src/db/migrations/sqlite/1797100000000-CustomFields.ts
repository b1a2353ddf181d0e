import type { MigrationInterface, QueryRunner } from "typeorm";

/** CustomFields (sqlite): a site's custom field definitions and the values tickets carry. */
export class CustomFields1797100000000 implements MigrationInterface {
  name = "CustomFields1797100000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE \"custom_field\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"site_id\" varchar(36) NOT NULL, \"field_key\" varchar(40) NOT NULL, \"type\" varchar(16) NOT NULL, \"label_id\" varchar(120) NOT NULL, \"label_en\" varchar(120) NOT NULL, \"help_id\" varchar(500), \"help_en\" varchar(500), \"required\" boolean NOT NULL, \"choices\" text NOT NULL, \"max_length\" integer, \"min_number\" double, \"max_number\" double, \"min_date\" varchar(10), \"max_date\" varchar(10), \"service_ids\" text, \"position\" integer NOT NULL, \"retired\" boolean NOT NULL, \"created_at\" datetime(3) NOT NULL)",
    );
    await db.query("CREATE UNIQUE INDEX \"uq_custom_field_key\" ON \"custom_field\" (\"site_id\", \"field_key\")");
    await db.query(
      "CREATE TABLE \"ticket_field_value\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"ticket_id\" varchar(36) NOT NULL, \"site_id\" varchar(36) NOT NULL, \"field_key\" varchar(40) NOT NULL, \"value\" text NOT NULL)",
    );
    await db.query("CREATE INDEX \"ix_field_value_ticket\" ON \"ticket_field_value\" (\"ticket_id\")");
    await db.query("CREATE INDEX \"ix_field_value_lookup\" ON \"ticket_field_value\" (\"site_id\", \"field_key\", \"value\")");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP TABLE \"ticket_field_value\"");
    await db.query("DROP TABLE \"custom_field\"");
  }
}
