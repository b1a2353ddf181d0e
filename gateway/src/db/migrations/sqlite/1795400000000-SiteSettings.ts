import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * SiteSettings (sqlite), written by hand: the site's handling settings, the queue's
 * arrival-order index, and the visibility of the entry that linked each attachment (files
 * linked by an internal note become INTERNAL, every other linked file PUBLIC).
 */
export class SiteSettings1795400000000 implements MigrationInterface {
  name = "SiteSettings1795400000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE \"site\" ADD COLUMN \"reporter_sets_impact\" boolean NOT NULL DEFAULT (0)");
    await db.query("ALTER TABLE \"site\" ADD COLUMN \"default_impact\" varchar(8) NOT NULL DEFAULT ('MEDIUM')");
    await db.query("ALTER TABLE \"site\" ADD COLUMN \"queue_order\" varchar(12) NOT NULL DEFAULT ('DUE_TIME')");
    await db.query("ALTER TABLE \"site\" ADD COLUMN \"reopen_closed_within_days\" integer NOT NULL DEFAULT (0)");
    await db.query("ALTER TABLE \"attachment\" ADD COLUMN \"visibility\" varchar(8)");
    await db.query("UPDATE \"attachment\" SET \"visibility\" = 'PUBLIC' WHERE \"ticket_id\" IS NOT NULL");
    await db.query(
      "UPDATE \"attachment\" SET \"visibility\" = 'INTERNAL' WHERE EXISTS (SELECT 1 FROM \"ticket_event\" e WHERE e.\"ticket_id\" = \"attachment\".\"ticket_id\" AND e.\"visibility\" = 'INTERNAL' AND e.\"data\" LIKE '%' || \"attachment\".\"id\" || '%')",
    );
    await db.query("CREATE INDEX \"ix_ticket_arrival\" ON \"ticket\" (\"site_id\", \"is_open\", \"priority_rank\", \"created_at\", \"id\")");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP INDEX \"ix_ticket_arrival\"");
    await db.query("ALTER TABLE \"attachment\" DROP COLUMN \"visibility\"");
    for (const c of ["reopen_closed_within_days", "queue_order", "default_impact", "reporter_sets_impact"]) await db.query(`ALTER TABLE "site" DROP COLUMN "${c}"`);
  }
}
