import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Outbox (sqlite): the transactional outbox, the reporter's language, and each site's mail
 * settings. Columns are added in place; TypeORM's generator would rebuild the tables.
 */
export class Outbox1796000100000 implements MigrationInterface {
  name = "Outbox1796000100000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE \"outbox_message\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"site_id\" varchar(36) NOT NULL, \"ticket_id\" varchar(36), \"event_id\" varchar(120) NOT NULL, \"channel\" varchar(16) NOT NULL, \"recipient\" varchar(254) NOT NULL, \"payload\" text NOT NULL, \"status\" varchar(8) NOT NULL, \"attempts\" integer NOT NULL, \"next_attempt_at\" datetime(3) NOT NULL, \"claimed_until\" datetime(3), \"last_error\" varchar(500), \"created_at\" datetime(3) NOT NULL, \"sent_at\" datetime(3))",
    );
    await db.query("CREATE UNIQUE INDEX \"uq_outbox_event\" ON \"outbox_message\" (\"event_id\", \"channel\", \"recipient\")");
    await db.query("CREATE INDEX \"ix_outbox_due\" ON \"outbox_message\" (\"status\", \"next_attempt_at\")");
    await db.query("CREATE INDEX \"ix_outbox_stream\" ON \"outbox_message\" (\"ticket_id\", \"channel\", \"recipient\", \"status\")");
    await db.query("ALTER TABLE \"ticket\" ADD COLUMN \"reporter_language\" varchar(2) NOT NULL DEFAULT ('id')");
    await db.query("ALTER TABLE \"site\" ADD COLUMN \"language\" varchar(2) NOT NULL DEFAULT ('id')");
    await db.query("ALTER TABLE \"site\" ADD COLUMN \"accent_color\" varchar(16)");
    await db.query("ALTER TABLE \"site\" ADD COLUMN \"logo_url\" varchar(500)");
    await db.query("ALTER TABLE \"site\" ADD COLUMN \"tracking_url\" varchar(500)");
    await db.query("ALTER TABLE \"site\" ADD COLUMN \"reporter_mail_events\" text");
  }

  async down(db: QueryRunner): Promise<void> {
    for (const c of ["reporter_mail_events", "tracking_url", "logo_url", "accent_color", "language"]) await db.query(`ALTER TABLE "site" DROP COLUMN "${c}"`);
    await db.query("ALTER TABLE \"ticket\" DROP COLUMN \"reporter_language\"");
    await db.query("DROP TABLE \"outbox_message\"");
  }
}
