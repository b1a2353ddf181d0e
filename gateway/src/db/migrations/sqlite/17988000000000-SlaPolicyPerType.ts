import type { MigrationInterface, QueryRunner } from "typeorm";

/** SlaPolicyPerType (sqlite): the SLA policy keyed by ticket type too; the existing rows are the INCIDENT policy. SQLite cannot change a key in place, so the table is rebuilt. */
export class SlaPolicyPerType17988000000000 implements MigrationInterface {
  name = "SlaPolicyPerType17988000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'CREATE TABLE "temporary_sla_policy" ("site_id" varchar(36) NOT NULL, "ticket_type" varchar(16) NOT NULL DEFAULT (\'INCIDENT\'), "priority" varchar(2) NOT NULL, "response_minutes" integer NOT NULL, "resolution_minutes" integer NOT NULL, PRIMARY KEY ("site_id", "ticket_type", "priority"))',
    );
    await db.query('INSERT INTO "temporary_sla_policy" ("site_id", "ticket_type", "priority", "response_minutes", "resolution_minutes") SELECT "site_id", \'INCIDENT\', "priority", "response_minutes", "resolution_minutes" FROM "sla_policy"');
    await db.query('DROP TABLE "sla_policy"');
    await db.query('ALTER TABLE "temporary_sla_policy" RENAME TO "sla_policy"');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('CREATE TABLE "temporary_sla_policy" ("site_id" varchar(36) NOT NULL, "priority" varchar(2) NOT NULL, "response_minutes" integer NOT NULL, "resolution_minutes" integer NOT NULL, PRIMARY KEY ("site_id", "priority"))');
    await db.query('INSERT INTO "temporary_sla_policy" ("site_id", "priority", "response_minutes", "resolution_minutes") SELECT "site_id", "priority", "response_minutes", "resolution_minutes" FROM "sla_policy" WHERE "ticket_type" = \'INCIDENT\'');
    await db.query('DROP TABLE "sla_policy"');
    await db.query('ALTER TABLE "temporary_sla_policy" RENAME TO "sla_policy"');
  }
}
