import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * BusinessHours (sqlite), written by hand: a site's weekly hours and the priorities that keep a
 * 24×7 clock (null: every priority 24×7, as before), and its holidays, one row per local date.
 * Existing tickets keep their due times; the calendar applies from the next change of each.
 */
export class BusinessHours1796300000000 implements MigrationInterface {
  name = "BusinessHours1796300000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE \"site\" ADD COLUMN \"business_hours\" text");
    await db.query(
      "CREATE TABLE \"site_holiday\" (\"site_id\" varchar(36) NOT NULL, \"day\" varchar(10) NOT NULL, \"name\" varchar(120) NOT NULL, PRIMARY KEY (\"site_id\", \"day\"))",
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP TABLE \"site_holiday\"");
    await db.query("ALTER TABLE \"site\" DROP COLUMN \"business_hours\"");
  }
}
