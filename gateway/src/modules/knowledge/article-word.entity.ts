import { Entity, PrimaryColumn } from "typeorm";

/**
 * A word some article of the site holds (or held): what the search corrects a misspelt query word
 * towards (knowledge-typo.rules). Only ever added to: a word an edit removed costs at most a
 * correction that then finds nothing. Binary collation on MariaDB, as SQLite compares, so both
 * databases list a site's words in one order.
 */
@Entity("article_word")
export class ArticleWordEntity {
  @PrimaryColumn("varchar", { length: 36, name: "site_id" })
  siteId: string;

  // utf8mb4_bin on MariaDB (the migration's; SQLite has no such collation name).
  @PrimaryColumn("varchar", { length: 84 })
  word: string;
}
