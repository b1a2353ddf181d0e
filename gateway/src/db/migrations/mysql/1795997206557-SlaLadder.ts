import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * SlaLadder (mysql), written by hand: the steps of the SLA ladder each ticket has fired, when
 * its next step comes (with the sweep's index), and a site's own ladder. Tickets the old sweep
 * already escalated count their 100 % step as fired, so none escalates twice; every other open
 * running ticket is due for a look at once, and the first sweep stores its real next instant.
 */
export class SlaLadder1795997206557 implements MigrationInterface {
  name = "SlaLadder1795997206557";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "ALTER TABLE `ticket` ADD `ladder_response_share` int NOT NULL DEFAULT 0, ADD `ladder_resolution_share` int NOT NULL DEFAULT 0, ADD `next_ladder_at` datetime(3) NULL",
    );
    await db.query("ALTER TABLE `site` ADD `sla_ladder` text NULL");
    await db.query("CREATE INDEX `ix_ticket_ladder` ON `ticket` (`is_open`, `next_ladder_at`)");
    await db.query("UPDATE `ticket` SET `ladder_response_share` = 100 WHERE `response_escalated_at` IS NOT NULL");
    await db.query("UPDATE `ticket` SET `ladder_resolution_share` = 100 WHERE `resolution_escalated_at` IS NOT NULL");
    await db.query("UPDATE `ticket` SET `next_ladder_at` = `created_at` WHERE `is_open` = 1 AND `paused_at` IS NULL");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP INDEX `ix_ticket_ladder` ON `ticket`");
    await db.query("ALTER TABLE `site` DROP COLUMN `sla_ladder`");
    await db.query("ALTER TABLE `ticket` DROP COLUMN `next_ladder_at`, DROP COLUMN `ladder_resolution_share`, DROP COLUMN `ladder_response_share`");
  }
}
