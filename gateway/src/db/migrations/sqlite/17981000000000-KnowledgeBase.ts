import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * KnowledgeBase (sqlite): articles, their versions, the tickets that used them and the deflections
 * per day (modules/knowledge). Full text is FTS5 with external content (the article rows), kept by
 * triggers as TicketSearch keeps the tickets' (see 17973000000000-TicketSearch for why triggers,
 * and for the rowid caveat after a VACUUM). A later migration that rebuilds `article` must create
 * these triggers again.
 */
export class KnowledgeBase17981000000000 implements MigrationInterface {
  name = "KnowledgeBase17981000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'CREATE TABLE "article" ("id" varchar(36) PRIMARY KEY NOT NULL, "site_id" varchar(36) NOT NULL, "language" varchar(2) NOT NULL, "title" varchar(200) NOT NULL, "body" text NOT NULL, "service_id" varchar(36), "category_id" varchar(36), "visibility" varchar(8) NOT NULL, "status" varchar(10) NOT NULL, "version" integer NOT NULL, "source_ticket_id" varchar(36), "helpful_yes" integer NOT NULL DEFAULT (0), "helpful_no" integer NOT NULL DEFAULT (0), "deflections" integer NOT NULL DEFAULT (0), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL, "updated_by" varchar(120) NOT NULL, "published_at" datetime(3))',
    );
    await db.query('CREATE INDEX "ix_article_site" ON "article" ("site_id", "status", "language", "service_id")');
    await db.query("CREATE VIRTUAL TABLE article_fts USING fts5(title, body, content='article', content_rowid='rowid')");
    await db.query(`CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
      INSERT INTO article_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END`);
    await db.query(`CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
      INSERT INTO article_fts(article_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body); END`);
    await db.query(`CREATE TRIGGER article_fts_update AFTER UPDATE OF title, body ON article BEGIN
      INSERT INTO article_fts(article_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
      INSERT INTO article_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END`);
    await db.query(
      'CREATE TABLE "article_version" ("id" varchar(36) PRIMARY KEY NOT NULL, "article_id" varchar(36) NOT NULL, "version" integer NOT NULL, "title" varchar(200) NOT NULL, "body" text NOT NULL, "status" varchar(10) NOT NULL, "saved_at" datetime(3) NOT NULL, "saved_by" varchar(120) NOT NULL)',
    );
    await db.query('CREATE UNIQUE INDEX "uq_article_version" ON "article_version" ("article_id", "version")');
    await db.query(
      'CREATE TABLE "article_ticket" ("article_id" varchar(36) NOT NULL, "ticket_id" varchar(36) NOT NULL, "linked_at" datetime(3) NOT NULL, "linked_by" varchar(120) NOT NULL, PRIMARY KEY ("article_id", "ticket_id"))',
    );
    await db.query('CREATE INDEX "ix_article_ticket_ticket" ON "article_ticket" ("ticket_id")');
    await db.query(
      'CREATE TABLE "article_deflection" ("article_id" varchar(36) NOT NULL, "day" varchar(10) NOT NULL, "site_id" varchar(36) NOT NULL, "count" integer NOT NULL, PRIMARY KEY ("article_id", "day"))',
    );
    await db.query('CREATE INDEX "ix_article_deflection_day" ON "article_deflection" ("site_id", "day")');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE "article_deflection"');
    await db.query('DROP TABLE "article_ticket"');
    await db.query('DROP TABLE "article_version"');
    for (const t of ["article_fts_update", "article_fts_delete", "article_fts_insert"]) await db.query(`DROP TRIGGER "${t}"`);
    await db.query("DROP TABLE article_fts");
    await db.query('DROP TABLE "article"');
  }
}
