import type { MigrationInterface, QueryRunner } from "typeorm";
import { articleWords } from "../../../modules/knowledge/knowledge-typo.rules.js";

/**
 * ArticleWords (mysql): each site's article words, which the knowledge base's search corrects a
 * misspelt query word towards (modules/knowledge/knowledge-typo.rules.ts, article-words.ts). Binary
 * collation, so a site's words sort by code point as SQLite sorts them. Filled from the articles
 * already written.
 */
export class ArticleWords17998500000000 implements MigrationInterface {
  name = "ArticleWords17998500000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE `article_word` (`site_id` varchar(36) NOT NULL, `word` varchar(84) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, PRIMARY KEY (`site_id`, `word`)) ENGINE=InnoDB",
    );
    const articles = (await db.query("SELECT site_id, title, body FROM `article`")) as Array<{ site_id: string; title: string; body: string }>;
    for (const a of articles) {
      const words = articleWords(a.title, a.body);
      if (words.length) await db.query(`INSERT IGNORE INTO \`article_word\` (site_id, word) VALUES ${words.map(() => "(?, ?)").join(", ")}`, words.flatMap((w) => [a.site_id, w]));
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP TABLE `article_word`");
  }
}
