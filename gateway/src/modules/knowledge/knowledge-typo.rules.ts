/**
 * Typo tolerance of the knowledge base's search, as far as both databases allow alike. Neither
 * InnoDB FULLTEXT nor FTS5 forgives a misspelt word, so the gateway keeps each site's article words
 * (article_word) and, for a query word no found article covers and no kept word starts, looks for
 * the kept word nearest to it: same first letter, at most one edit (two from eight letters; a swap
 * of neighbours is one edit). The search then runs again with the corrected words, so the one
 * ranking contract (knowledge-rank.rules) still decides the order. Imports nothing from TypeORM.
 */
import { MIN_WORD } from "../tickets/search-query.rules.js";

/** Longest word kept: InnoDB indexes none longer (innodb_ft_max_token_size = 84). */
export const MAX_KEPT_WORD = 84;

/** The distinct words of an article the search may correct a query towards: lowercased, 3 to 84 characters. */
export function articleWords(title: string, body: string): string[] {
  const words = `${title}\n${body}`.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return [...new Set(words.filter((w) => [...w].length >= MIN_WORD && [...w].length <= MAX_KEPT_WORD))];
}

/** Edits a query word of this many characters may be away from the word it means: none below 4, one to 7, two from 8. */
export function allowedEdits(word: string): number {
  const n = [...word].length;
  return n < 4 ? 0 : n < 8 ? 1 : 2;
}

/** Edits between two words: insertions, deletions, substitutions, and a swap of two neighbours as one (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[s.length]![t.length]!;
}

/**
 * The kept word a misspelt query word most likely means: the fewest edits within allowedEdits,
 * then the closest length, then the first in code-point order (a total order, so both databases
 * agree); null when none is near enough. `kept` are the site's words with the same first letter.
 */
export function correctWord(word: string, kept: readonly string[]): string | null {
  const allowed = allowedEdits(word);
  if (!allowed) return null;
  const len = [...word].length;
  let best: { w: string; d: number; gap: number } | null = null;
  for (const w of kept) {
    const gap = Math.abs([...w].length - len);
    if (gap > allowed || w === word) continue;
    const d = editDistance(word, w);
    if (d > allowed) continue;
    if (!best || d < best.d || (d === best.d && (gap < best.gap || (gap === best.gap && w < best.w)))) best = { w, d, gap };
  }
  return best?.w ?? null;
}
