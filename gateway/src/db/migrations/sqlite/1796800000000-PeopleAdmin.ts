import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * PeopleAdmin (sqlite): an agent's regions and skills (null: none), and a site's previous public
 * key with the instant it stops working, so a rotated key keeps serving widgets during the overlap.
 * Nullable columns are added in place.
 */
export class PeopleAdmin1796800000000 implements MigrationInterface {
  name = "PeopleAdmin1796800000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE \"agent\" ADD COLUMN \"regions\" text");
    await db.query("ALTER TABLE \"agent\" ADD COLUMN \"skills\" text");
    await db.query("ALTER TABLE \"site\" ADD COLUMN \"previous_site_key\" varchar(64)");
    await db.query("ALTER TABLE \"site\" ADD COLUMN \"previous_key_valid_until\" datetime(3)");
    await db.query("CREATE UNIQUE INDEX \"uq_site_previous_key\" ON \"site\" (\"previous_site_key\")");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP INDEX \"uq_site_previous_key\"");
    for (const c of ["previous_key_valid_until", "previous_site_key"]) await db.query(`ALTER TABLE "site" DROP COLUMN "${c}"`);
    for (const c of ["skills", "regions"]) await db.query(`ALTER TABLE "agent" DROP COLUMN "${c}"`);
  }
}
