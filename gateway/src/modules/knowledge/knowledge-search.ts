/**
 * Finds a site's articles by their words: the full-text index finds candidates (InnoDB FULLTEXT
 * on MariaDB, FTS5 kept by triggers on SQLite, each asked for any word as a word prefix) and
 * knowledge-rank.rules orders them, so both databases give the same order. A query word that no
 * found article covers and no article word starts is read as a typo: the search runs once more
 * with it corrected to the nearest article word (knowledge-typo.rules), when there is one. Without
 * words it browses, newest change first.
 */
import { type DataSource, In } from "typeorm";
import { dialectOf, type Dialect } from "../../db/transactions.js";
import type { ArticleWords } from "./article-words.js";
import { ArticleEntity } from "./article.entity.js";
import { ArticleStatus, ArticleVisibility } from "./article.rules.js";
import { coveredWords, mysqlAnyWord, queryWords, rankArticles, sqliteAnyWord } from "./knowledge-rank.rules.js";

/**
 * Most candidates read per search. The rule ranks these; a query matching more articles than this
 * takes the index's own best first (the two databases may then differ beyond this many).
 */
export const CANDIDATE_LIMIT = 200;

/** What a search is narrowed to; null fields do not narrow. */
export interface ArticleScope {
  siteId: string;
  /** Reporters' scope: published and public only. */
  publicOnly: boolean;
  language: string | null;
  serviceId: string | null;
  categoryId: string | null;
  /** The desk's narrowing to one status. */
  status: ArticleStatus | null;
}

/** The full-text half of the knowledge base. */
export class KnowledgeSearch {
  private readonly dialect: Dialect;

  constructor(
    private readonly ds: DataSource,
    private readonly words: ArticleWords,
  ) {
    this.dialect = dialectOf(ds);
  }

  /** Up to `first` articles of the scope: ranked by the words of `text`, or the newest without any. */
  async find(scope: ArticleScope, text: string | null, first: number): Promise<ArticleEntity[]> {
    const words = text ? queryWords(text) : [];
    if (text?.trim() && !words.length) return [];
    if (!words.length) return this.browse(scope, first);
    const found = await this.ranked(scope, words);
    const fixed = await this.corrected(scope.siteId, words, found);
    return (fixed ? await this.ranked(scope, fixed) : found).slice(0, first);
  }

  private async ranked(scope: ArticleScope, words: string[]): Promise<ArticleEntity[]> {
    const ids = await this.candidates(scope, words);
    if (!ids.length) return [];
    return rankArticles(words, await this.ds.getRepository(ArticleEntity).findBy({ id: In(ids) }));
  }

  /**
   * The query with its misspelt words corrected, or null when none is: a word is misspelt when no
   * found article covers it and no article word of the site starts with it. The happy path (every
   * word found) asks nothing more.
   */
  private async corrected(siteId: string, words: string[], found: readonly ArticleEntity[]): Promise<string[] | null> {
    const covered = coveredWords(words, found);
    const out: string[] = [];
    for (const w of words) {
      const fix = covered.has(w) || (await this.words.known(siteId, w)) ? null : await this.words.nearest(siteId, w);
      out.push(fix ?? w);
    }
    const fixed = [...new Set(out)];
    return fixed.some((w) => !words.includes(w)) ? fixed : null;
  }

  private async browse(scope: ArticleScope, first: number): Promise<ArticleEntity[]> {
    const where: Record<string, unknown> = { siteId: scope.siteId };
    if (scope.publicOnly) Object.assign(where, { status: ArticleStatus.PUBLISHED, visibility: ArticleVisibility.PUBLIC });
    else if (scope.status) where["status"] = scope.status;
    if (scope.language) where["language"] = scope.language;
    if (scope.serviceId) where["serviceId"] = scope.serviceId;
    if (scope.categoryId) where["categoryId"] = scope.categoryId;
    return this.ds.getRepository(ArticleEntity).find({ where, order: { updatedAt: "DESC", id: "DESC" }, take: first });
  }

  /** The ids the index finds for any of the words within the scope, its best first. */
  private async candidates(scope: ArticleScope, words: string[]): Promise<string[]> {
    const conditions = ["a.site_id = ?"];
    const params: unknown[] = [scope.siteId];
    const narrow = (sql: string, value: unknown) => {
      conditions.push(sql);
      params.push(value);
    };
    if (scope.publicOnly) {
      narrow("a.status = ?", ArticleStatus.PUBLISHED);
      narrow("a.visibility = ?", ArticleVisibility.PUBLIC);
    } else if (scope.status) narrow("a.status = ?", scope.status);
    if (scope.language) narrow("a.language = ?", scope.language);
    if (scope.serviceId) narrow("a.service_id = ?", scope.serviceId);
    if (scope.categoryId) narrow("a.category_id = ?", scope.categoryId);
    let sql: string;
    if (this.dialect === "mysql") {
      const q = mysqlAnyWord(words);
      const match = "MATCH (a.title, a.body) AGAINST (? IN BOOLEAN MODE)";
      sql = `SELECT a.id AS id FROM article a WHERE ${match} AND ${conditions.join(" AND ")} ORDER BY ${match} DESC, a.id LIMIT ${CANDIDATE_LIMIT}`;
      params.unshift(q);
      params.push(q);
    } else {
      sql = `SELECT a.id AS id FROM article_fts JOIN article a ON a.rowid = article_fts.rowid WHERE article_fts MATCH ? AND ${conditions.join(" AND ")} ORDER BY article_fts.rank, a.id LIMIT ${CANDIDATE_LIMIT}`;
      params.unshift(sqliteAnyWord(words));
    }
    const rows = (await this.ds.query(sql, params)) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }
}
