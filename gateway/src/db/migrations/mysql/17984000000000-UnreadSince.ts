import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * UnreadSince (mysql): the unread count reads only tickets with reporter activity since an agent
 * started (awareness/unread.rules.ts): those created since (ix_ticket_recap_open) and those a
 * reporter wrote to since, by this index.
 */
export class UnreadSince17984000000000 implements MigrationInterface {
  name = "UnreadSince17984000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("CREATE INDEX `ix_ticket_reporter_activity` ON `ticket` (`site_id`, `is_open`, `reporter_activity_at`)");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP INDEX `ix_ticket_reporter_activity` ON `ticket`");
  }
}
