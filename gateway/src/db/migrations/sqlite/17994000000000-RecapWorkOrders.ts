import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * RecapWorkOrders (sqlite): the recap's work-order figures (recaps/work-order-figures.ts) read a
 * site's work orders by when they were created or resolved (without reading its other tickets),
 * cost proposals by when they were made, decided or by status, and payments by when they were
 * recorded, each within one site. The tickets CSV export (recaps/recap-export.routes.ts) pages on
 * (site_id, created_at, id): SQLite's (site_id, created_at) index holds the rowid, not the id, so
 * it gets one that holds the id (MySQL's secondary indexes end with the primary key already).
 */
export class RecapWorkOrders17994000000000 implements MigrationInterface {
  name = "RecapWorkOrders17994000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX "ix_ticket_type_created" ON "ticket" ("site_id", "ticket_type", "created_at")');
    await db.query('CREATE INDEX "ix_ticket_type_resolved" ON "ticket" ("site_id", "ticket_type", "resolved_at")');
    await db.query('CREATE INDEX "ix_cost_proposal_recap_proposed" ON "cost_proposal" ("site_id", "proposed_at")');
    await db.query('CREATE INDEX "ix_cost_proposal_recap_decided" ON "cost_proposal" ("site_id", "decided_at")');
    await db.query('CREATE INDEX "ix_cost_proposal_recap_status" ON "cost_proposal" ("site_id", "status", "proposed_at")');
    await db.query('CREATE INDEX "ix_work_order_recap_paid" ON "work_order" ("site_id", "payment_recorded_at")');
    await db.query('CREATE INDEX "ix_ticket_export" ON "ticket" ("site_id", "created_at", "id")');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX "ix_ticket_export"');
    await db.query('DROP INDEX "ix_work_order_recap_paid"');
    await db.query('DROP INDEX "ix_cost_proposal_recap_status"');
    await db.query('DROP INDEX "ix_cost_proposal_recap_decided"');
    await db.query('DROP INDEX "ix_cost_proposal_recap_proposed"');
    await db.query('DROP INDEX "ix_ticket_type_resolved"');
    await db.query('DROP INDEX "ix_ticket_type_created"');
  }
}
