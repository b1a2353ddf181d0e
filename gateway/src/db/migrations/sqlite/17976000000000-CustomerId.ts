import type { MigrationInterface, QueryRunner } from "typeorm";

/** CustomerId (sqlite): the caller's customer or account number on a ticket the desk logged. */
export class CustomerId17976000000000 implements MigrationInterface {
  name = "CustomerId17976000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE "ticket" ADD COLUMN "customer_id" varchar(64)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE "ticket" DROP COLUMN "customer_id"');
  }
}
