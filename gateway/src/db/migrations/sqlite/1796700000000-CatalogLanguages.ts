import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * CatalogLanguages (sqlite): services' and categories' names and help texts per language
 * (catalog_text), their order and retirement; support groups' retirement. Each existing name
 * becomes the name in its site's language; positions follow the old alphabetical order.
 */
export class CatalogLanguages1796700000000 implements MigrationInterface {
  name = "CatalogLanguages1796700000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE \"catalog_text\" (\"item_id\" varchar(36) NOT NULL, \"language\" varchar(2) NOT NULL, \"site_id\" varchar(36) NOT NULL, \"kind\" varchar(16) NOT NULL, \"name\" varchar(120) NOT NULL, \"help\" varchar(500), PRIMARY KEY (\"item_id\", \"language\"))",
    );
    await db.query("CREATE UNIQUE INDEX \"uq_catalog_text_name\" ON \"catalog_text\" (\"site_id\", \"kind\", \"language\", \"name\") ");
    await db.query(
      "INSERT INTO \"catalog_text\" (\"item_id\", \"language\", \"site_id\", \"kind\", \"name\", \"help\") SELECT s.\"id\", COALESCE((SELECT \"language\" FROM \"site\" WHERE \"site\".\"id\" = s.\"site_id\"), 'id'), s.\"site_id\", 'service', s.\"name\", s.\"description\" FROM \"it_service\" s",
    );
    await db.query(
      "INSERT INTO \"catalog_text\" (\"item_id\", \"language\", \"site_id\", \"kind\", \"name\", \"help\") SELECT c.\"id\", COALESCE((SELECT \"language\" FROM \"site\" WHERE \"site\".\"id\" = c.\"site_id\"), 'id'), c.\"site_id\", 'category', c.\"name\", NULL FROM \"category\" c",
    );
    await db.query("ALTER TABLE \"it_service\" ADD COLUMN \"position\" integer NOT NULL DEFAULT (0)");
    await db.query("ALTER TABLE \"it_service\" ADD COLUMN \"retired_at\" datetime(3)");
    await db.query("ALTER TABLE \"category\" ADD COLUMN \"position\" integer NOT NULL DEFAULT (0)");
    await db.query("ALTER TABLE \"category\" ADD COLUMN \"retired_at\" datetime(3)");
    await db.query("ALTER TABLE \"support_group\" ADD COLUMN \"retired_at\" datetime(3)");
    await db.query(
      "UPDATE \"it_service\" SET \"position\" = (SELECT COUNT(*) FROM \"it_service\" o WHERE o.\"site_id\" = \"it_service\".\"site_id\" AND o.\"name\" < \"it_service\".\"name\")",
    );
    await db.query(
      "UPDATE \"category\" SET \"position\" = (SELECT COUNT(*) FROM \"category\" o WHERE o.\"site_id\" = \"category\".\"site_id\" AND o.\"parent_id\" IS \"category\".\"parent_id\" AND o.\"name\" < \"category\".\"name\")",
    );
    await db.query("DROP INDEX \"uq_service_name\"");
    await db.query("DROP INDEX \"uq_category_name\"");
    await db.query("ALTER TABLE \"it_service\" DROP COLUMN \"name\"");
    await db.query("ALTER TABLE \"it_service\" DROP COLUMN \"description\"");
    await db.query("ALTER TABLE \"category\" DROP COLUMN \"name\"");
  }

  async down(db: QueryRunner): Promise<void> {
    // Back to one name: the site's language's, else any. SQLite cannot add a NOT NULL column without a default.
    await db.query("ALTER TABLE \"it_service\" ADD COLUMN \"name\" varchar(120) NOT NULL DEFAULT ('')");
    await db.query("ALTER TABLE \"it_service\" ADD COLUMN \"description\" varchar(500)");
    await db.query("ALTER TABLE \"category\" ADD COLUMN \"name\" varchar(120) NOT NULL DEFAULT ('')");
    for (const table of ["it_service", "category"]) {
      await db.query(
        `UPDATE "${table}" SET "name" = COALESCE((SELECT t."name" FROM "catalog_text" t WHERE t."item_id" = "${table}"."id" AND t."language" = (SELECT "language" FROM "site" WHERE "site"."id" = "${table}"."site_id")), (SELECT MIN(t."name") FROM "catalog_text" t WHERE t."item_id" = "${table}"."id"), '')`,
      );
    }
    await db.query(
      "UPDATE \"it_service\" SET \"description\" = (SELECT t.\"help\" FROM \"catalog_text\" t WHERE t.\"item_id\" = \"it_service\".\"id\" AND t.\"language\" = (SELECT \"language\" FROM \"site\" WHERE \"site\".\"id\" = \"it_service\".\"site_id\"))",
    );
    for (const table of ["it_service", "category"]) {
      await db.query(`ALTER TABLE "${table}" DROP COLUMN "position"`);
      await db.query(`ALTER TABLE "${table}" DROP COLUMN "retired_at"`);
    }
    await db.query("ALTER TABLE \"support_group\" DROP COLUMN \"retired_at\"");
    await db.query("CREATE UNIQUE INDEX \"uq_service_name\" ON \"it_service\" (\"site_id\", \"name\") ");
    await db.query("CREATE UNIQUE INDEX \"uq_category_name\" ON \"category\" (\"site_id\", \"name\") ");
    await db.query("DROP TABLE \"catalog_text\"");
  }
}
