import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * ApprovalLooseEnds (sqlite): `it_service.needs_approval`, so intake learns whether a report's
 * service needs approval from the service row it already reads (backfilled from service_approval);
 * and the chains of requests cancelled while they waited read WITHDRAWN, not PENDING.
 */
export class ApprovalLooseEnds17991000000000 implements MigrationInterface {
  name = "ApprovalLooseEnds17991000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE "it_service" ADD COLUMN "needs_approval" boolean NOT NULL DEFAULT (0)');
    await db.query('UPDATE "it_service" SET "needs_approval" = 1 WHERE "id" IN (SELECT "service_id" FROM "service_approval")');
    await db.query(
      'UPDATE "ticket_approval" SET "state" = \'WITHDRAWN\', "decided_at" = (SELECT "closed_at" FROM "ticket" WHERE "ticket"."id" = "ticket_approval"."ticket_id") WHERE "state" = \'PENDING\' AND "ticket_id" IN (SELECT "id" FROM "ticket" WHERE "status" IN (\'CANCELLED\', \'CLOSED\'))',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('UPDATE "ticket_approval" SET "state" = \'PENDING\', "decided_at" = NULL WHERE "state" = \'WITHDRAWN\'');
    await db.query('ALTER TABLE "it_service" DROP COLUMN "needs_approval"');
  }
}
