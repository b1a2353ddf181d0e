import type { MigrationInterface, QueryRunner } from "typeorm";

/** InboundMail (mysql): mail received per site by Message-ID, and a site's desk e-mail address. */
export class InboundMail1796000000000 implements MigrationInterface {
  name = "InboundMail1796000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE `inbound_message` (`site_id` varchar(36) NOT NULL, `message_key` varchar(64) NOT NULL, `state` varchar(12) NOT NULL, `outcome` varchar(12) NULL, `ticket_id` varchar(36) NULL, `received_at` datetime(3) NOT NULL, PRIMARY KEY (`site_id`, `message_key`)) ENGINE=InnoDB",
    );
    await db.query("ALTER TABLE `site` ADD `desk_email` varchar(254) NULL");
    await db.query("CREATE UNIQUE INDEX `uq_site_desk_email` ON `site` (`desk_email`)");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP INDEX `uq_site_desk_email` ON `site`");
    await db.query("ALTER TABLE `site` DROP COLUMN `desk_email`");
    await db.query("DROP TABLE `inbound_message`");
  }
}
