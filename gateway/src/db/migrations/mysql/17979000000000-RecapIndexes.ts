import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * RecapIndexes (mysql): each recap figure counts one timestamp range of one site (recaps/recap-counter.ts),
 * so each range gets its own (site_id, column) index; the backlog reads open tickets by creation, and
 * reopenings and escalations come from the timeline by kind and time.
 */
export class RecapIndexes17979000000000 implements MigrationInterface {
  name = "RecapIndexes17979000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("CREATE INDEX `ix_ticket_recap_created` ON `ticket` (`site_id`, `created_at`)");
    await db.query("CREATE INDEX `ix_ticket_recap_closed` ON `ticket` (`site_id`, `closed_at`)");
    await db.query("CREATE INDEX `ix_ticket_recap_resolved` ON `ticket` (`site_id`, `resolved_at`)");
    await db.query("CREATE INDEX `ix_ticket_recap_responded` ON `ticket` (`site_id`, `first_responded_at`)");
    await db.query("CREATE INDEX `ix_ticket_recap_response_due` ON `ticket` (`site_id`, `response_due_at`)");
    await db.query("CREATE INDEX `ix_ticket_recap_resolution_due` ON `ticket` (`site_id`, `resolution_due_at`)");
    await db.query("CREATE INDEX `ix_ticket_recap_open` ON `ticket` (`site_id`, `is_open`, `created_at`)");
    await db.query("CREATE INDEX `ix_event_recap` ON `ticket_event` (`site_id`, `kind`, `at`)");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP INDEX `ix_event_recap` ON `ticket_event`");
    await db.query("DROP INDEX `ix_ticket_recap_open` ON `ticket`");
    await db.query("DROP INDEX `ix_ticket_recap_resolution_due` ON `ticket`");
    await db.query("DROP INDEX `ix_ticket_recap_response_due` ON `ticket`");
    await db.query("DROP INDEX `ix_ticket_recap_responded` ON `ticket`");
    await db.query("DROP INDEX `ix_ticket_recap_resolved` ON `ticket`");
    await db.query("DROP INDEX `ix_ticket_recap_closed` ON `ticket`");
    await db.query("DROP INDEX `ix_ticket_recap_created` ON `ticket`");
  }
}
