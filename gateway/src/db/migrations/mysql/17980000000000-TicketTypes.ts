import type { MigrationInterface, QueryRunner } from "typeorm";

/** TicketTypes (mysql): what a catalogue service opens (incident, service request, work order) and what each ticket is. */
export class TicketTypes17980000000000 implements MigrationInterface {
  name = "TicketTypes17980000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `it_service` ADD `ticket_type` varchar(16) NOT NULL DEFAULT 'INCIDENT'");
    await db.query("ALTER TABLE `ticket` ADD `ticket_type` varchar(16) NOT NULL DEFAULT 'INCIDENT'");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `ticket` DROP COLUMN `ticket_type`");
    await db.query("ALTER TABLE `it_service` DROP COLUMN `ticket_type`");
  }
}
