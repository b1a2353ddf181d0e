/**
 * Each site's article words, kept for the search's typo tolerance (knowledge-typo.rules): added
 * whenever an article's text is saved, read by first letter when a query word finds nothing.
 */
import type { DataSource, EntityManager } from "typeorm";
import { dialectOf, type Dialect } from "../../db/transactions.js";
import { prefixEnd } from "../tickets/search-query.rules.js";
import { articleWords, correctWord } from "./knowledge-typo.rules.js";

/** Words written per statement (two parameters each). */
const BATCH = 400;

/** The site's article words: kept as articles are saved, read to correct a misspelt query. */
export class ArticleWords {
  private readonly dialect: Dialect;

  constructor(private readonly ds: DataSource) {
    this.dialect = dialectOf(ds);
  }

  /** Keeps the words of an article's text, inside the unit of work that saves it; a word kept already is skipped. */
  async keep(em: EntityManager, siteId: string, title: string, body: string): Promise<void> {
    const words = articleWords(title, body);
    const insert = this.dialect === "mysql" ? "INSERT IGNORE INTO article_word (site_id, word) VALUES " : "INSERT OR IGNORE INTO article_word (site_id, word) VALUES ";
    for (let i = 0; i < words.length; i += BATCH) {
      const batch = words.slice(i, i + BATCH);
      await em.query(insert + batch.map(() => "(?, ?)").join(", "), batch.flatMap((w) => [siteId, w]));
    }
  }

  /** Whether some kept word of the site starts with `word` (then the indexes' prefix finds it: nothing to correct). */
  async known(siteId: string, word: string): Promise<boolean> {
    const rows = (await this.ds.query("SELECT 1 AS one FROM article_word WHERE site_id = ? AND word >= ? AND word < ? LIMIT 1", [siteId, word, prefixEnd(word)])) as unknown[];
    return rows.length > 0;
  }

  /** The kept word of the site a misspelt `word` most likely means, or null (knowledge-typo.rules.correctWord). */
  async nearest(siteId: string, word: string): Promise<string | null> {
    const first = [...word][0]!;
    const rows = (await this.ds.query("SELECT word FROM article_word WHERE site_id = ? AND word >= ? AND word < ? ORDER BY word", [siteId, first, prefixEnd(first)])) as Array<{ word: string }>;
    return correctWord(word, rows.map((r) => r.word));
  }
}
