import type { MigrationInterface, QueryRunner } from "typeorm";

/** SlaPolicyPerType (mysql): the SLA policy keyed by ticket type too; the existing rows are the INCIDENT policy. */
export class SlaPolicyPerType17988000000000 implements MigrationInterface {
  name = "SlaPolicyPerType17988000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `sla_policy` ADD `ticket_type` varchar(16) NOT NULL DEFAULT 'INCIDENT'");
    await db.query("ALTER TABLE `sla_policy` DROP PRIMARY KEY, ADD PRIMARY KEY (`site_id`, `ticket_type`, `priority`)");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DELETE FROM `sla_policy` WHERE `ticket_type` <> 'INCIDENT'");
    await db.query("ALTER TABLE `sla_policy` DROP PRIMARY KEY, ADD PRIMARY KEY (`site_id`, `priority`)");
    await db.query("ALTER TABLE `sla_policy` DROP COLUMN `ticket_type`");
  }
}
