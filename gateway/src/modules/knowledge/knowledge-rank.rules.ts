/**
 * The knowledge base's one ranking contract. The databases' full-text indexes only FIND
 * candidates (InnoDB and FTS5 score differently); the order reporters and the desk see is this
 * pure rule over the candidates' own text, so a query ranks the same articles alike on MariaDB
 * and SQLite. A word matches a word of the article that it starts (the indexes' `term*`), which
 * forgives a word cut short or typed with a different ending.
 */
import { NOISE_WORDS, searchWords } from "../tickets/search-query.rules.js";

/** Most words of a query looked for: a description of several paragraphs is cut to its first words. */
export const MAX_QUERY_WORDS = 12;

/**
 * The words a query looks for, as the indexes see them: lowercased, at least 3 characters, no
 * stopwords, at most {@link MAX_QUERY_WORDS}. Words that say nothing of the fault ("tidak",
 * "bisa", "cannot": NOISE_WORDS) are not looked for: a description says "tidak bisa" as often as
 * not, and every article that does would be suggested for it.
 */
export function queryWords(text: string): string[] {
  return searchWords(text)
    .filter((w) => !NOISE_WORDS.has(w))
    .slice(0, MAX_QUERY_WORDS);
}

/** An article's text the rule ranks by. */
export interface RankedText {
  id: string;
  title: string;
  body: string;
}

/** How well an article matches a query. */
export interface ArticleScore {
  /** Query words found anywhere in the article. */
  coverage: number;
  /** Query words found in the title. */
  titleHits: number;
  /** Query words found in the body. */
  bodyHits: number;
}

function tokens(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function hits(words: readonly string[], text: string): Set<string> {
  const toks = tokens(text);
  return new Set(words.filter((w) => toks.some((t) => t.startsWith(w))));
}

/** The score of one article for the query's words. */
export function scoreArticle(words: readonly string[], a: RankedText): ArticleScore {
  const inTitle = hits(words, a.title);
  const inBody = hits(words, a.body);
  return { coverage: new Set([...inTitle, ...inBody]).size, titleHits: inTitle.size, bodyHits: inBody.size };
}

/** The query words some of the articles cover (in title or body), as scoreArticle reads words. */
export function coveredWords(words: readonly string[], articles: readonly RankedText[]): Set<string> {
  const out = new Set<string>();
  for (const a of articles) {
    if (out.size === words.length) break;
    for (const w of hits(words, `${a.title}\n${a.body}`)) out.add(w);
  }
  return out;
}

/**
 * Orders candidates for a query: more query words covered first, then more in the title, then more
 * in the body, then by id (a total order, so both databases agree). Candidates that match no word
 * as this rule reads words are dropped: an index may find a word its tokenizer splits differently.
 */
export function rankArticles<T extends RankedText>(words: readonly string[], candidates: readonly T[]): T[] {
  const scored = candidates.map((a) => ({ a, s: scoreArticle(words, a) })).filter((x) => x.s.coverage > 0);
  scored.sort((x, y) => y.s.coverage - x.s.coverage || y.s.titleHits - x.s.titleHits || y.s.bodyHits - x.s.bodyHits || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0));
  return scored.map((x) => x.a);
}

/** The MariaDB boolean-mode query: any word, each as a word prefix (natural language's "any word" with `*`). */
export function mysqlAnyWord(words: readonly string[]): string {
  return words.map((w) => `${w}*`).join(" ");
}

/** The SQLite FTS5 query: any word, each a quoted word prefix (so no word reads as an operator). */
export function sqliteAnyWord(words: readonly string[]): string {
  return words.map((w) => `"${w}"*`).join(" OR ");
}
