import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * WorkOrders (sqlite): routing rules, a site's dispatch settings and round-robin pointers per
 * technician group (routing/); a work order's findings and payment, its cost proposals, and the
 * ticket's payment_due flag that keeps an unpaid accepted cost from closing (workorders/).
 */
export class WorkOrders17986000000000 implements MigrationInterface {
  name = "WorkOrders17986000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE TABLE "assignment_pointer" ("site_id" varchar(36) NOT NULL, "group_id" varchar(36) NOT NULL, "last_agent_id" varchar(36), PRIMARY KEY ("site_id", "group_id"))');
    await db.query(
      "CREATE TABLE \"dispatch_settings\" (\"site_id\" varchar(36) PRIMARY KEY NOT NULL, \"assignment\" varchar(16) NOT NULL DEFAULT ('ROUND_ROBIN'), \"route_incidents\" boolean NOT NULL DEFAULT (0), \"declined_cost\" varchar(16) NOT NULL DEFAULT ('CANCEL_JOB'), \"updated_at\" datetime(3) NOT NULL)",
    );
    await db.query(
      'CREATE TABLE "routing_rule" ("id" varchar(36) PRIMARY KEY NOT NULL, "site_id" varchar(36) NOT NULL, "position" integer NOT NULL, "region" varchar(60), "service_id" varchar(36), "category_id" varchar(36), "skill" varchar(60), "group_id" varchar(36) NOT NULL, "updated_at" datetime(3) NOT NULL)',
    );
    await db.query('CREATE INDEX "ix_routing_rule_site" ON "routing_rule" ("site_id", "position")');
    await db.query(
      'CREATE TABLE "cost_proposal" ("id" varchar(36) PRIMARY KEY NOT NULL, "site_id" varchar(36) NOT NULL, "ticket_id" varchar(36) NOT NULL, "lines" text NOT NULL, "total" integer NOT NULL, "status" varchar(12) NOT NULL, "proposed_at" datetime(3) NOT NULL, "proposed_by" varchar(120) NOT NULL, "decided_at" datetime(3), "decision_note" text)',
    );
    await db.query('CREATE INDEX "ix_cost_proposal_ticket" ON "cost_proposal" ("ticket_id", "proposed_at")');
    await db.query(
      "CREATE TABLE \"work_order\" (\"ticket_id\" varchar(36) PRIMARY KEY NOT NULL, \"site_id\" varchar(36) NOT NULL, \"findings\" text, \"payment_status\" varchar(12) NOT NULL DEFAULT ('UNPAID'), \"payment_method\" varchar(20), \"payment_amount\" integer, \"payment_recorded_at\" datetime(3), \"updated_at\" datetime(3) NOT NULL)",
    );
    await db.query('ALTER TABLE "ticket" ADD COLUMN "payment_due" boolean NOT NULL DEFAULT (0)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE "ticket" DROP COLUMN "payment_due"');
    await db.query('DROP TABLE "work_order"');
    await db.query('DROP TABLE "cost_proposal"');
    await db.query('DROP TABLE "routing_rule"');
    await db.query('DROP TABLE "dispatch_settings"');
    await db.query('DROP TABLE "assignment_pointer"');
  }
}
