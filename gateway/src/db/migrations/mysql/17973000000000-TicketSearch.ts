import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * TicketSearch (mysql): the desk search's indexes (modules/tickets/ticket-search.ts). The code and
 * phone keys are written by the intake; existing tickets get theirs here. InnoDB keeps the
 * FULLTEXT indexes itself, and builds them over the existing rows when they are created.
 * The migration generator does not know FULLTEXT indexes: drop any DROP INDEX `ft_…` it writes.
 */
export class TicketSearch17973000000000 implements MigrationInterface {
  name = "TicketSearch17973000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `ticket` ADD `code_key` varchar(32) NOT NULL DEFAULT '', ADD `phone_key` varchar(40) NULL");
    // search-query.rules' ticketCodeKey and ticketPhoneKey (phoneDigits: a leading 0 read as +62), in SQL.
    await db.query("UPDATE `ticket` SET `code_key` = REVERSE(REPLACE(UPPER(`code`), '.', ''))");
    await db.query(
      "UPDATE `ticket` SET `phone_key` = CASE WHEN REGEXP_REPLACE(`reporter_phone`, '[^0-9]', '') LIKE '0%' THEN CONCAT('62', SUBSTRING(REGEXP_REPLACE(`reporter_phone`, '[^0-9]', ''), 2)) ELSE REGEXP_REPLACE(`reporter_phone`, '[^0-9]', '') END WHERE `reporter_phone` IS NOT NULL",
    );
    await db.query("CREATE INDEX `ix_ticket_code_key` ON `ticket` (`site_id`, `code_key`)");
    await db.query("CREATE INDEX `ix_ticket_phone_key` ON `ticket` (`site_id`, `phone_key`)");
    await db.query("CREATE INDEX `ix_ticket_email` ON `ticket` (`site_id`, `reporter_email`)");
    await db.query("ALTER TABLE `ticket` ADD FULLTEXT INDEX `ft_ticket_text` (`reporter_name`, `problem_type`, `description`)");
    await db.query("ALTER TABLE `ticket_event` ADD FULLTEXT INDEX `ft_ticket_event_body` (`body`)");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `ticket_event` DROP INDEX `ft_ticket_event_body`");
    await db.query("ALTER TABLE `ticket` DROP INDEX `ft_ticket_text`");
    await db.query("DROP INDEX `ix_ticket_email` ON `ticket`");
    await db.query("DROP INDEX `ix_ticket_phone_key` ON `ticket`");
    await db.query("DROP INDEX `ix_ticket_code_key` ON `ticket`");
    await db.query("ALTER TABLE `ticket` DROP COLUMN `phone_key`, DROP COLUMN `code_key`");
  }
}
