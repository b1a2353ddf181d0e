/**
 * What a desk search term means: the pure half of ticket search (ticket-search.ts runs it).
 * One typed term is read every way it could be meant at once (a code fragment, a phone, an
 * e-mail, words of the text) and a ticket matching any of them is found.
 */
import { phoneDigits } from "../reporters/reporter-identity.rules.js";
import { charCount } from "./field.rules.js";
import { isValidDayKey } from "./ticket-code.rules.js";

/** Longest search term, in characters, after trimming. */
export const SEARCH_LIMIT = 200;

/**
 * Shortest word the full-text branch looks for: MariaDB's InnoDB FULLTEXT does not index shorter
 * words (innodb_ft_min_token_size = 3), so SQLite's FTS5 is asked the same for the same results.
 */
export const MIN_WORD = 3;

/** Longest word InnoDB indexes (innodb_ft_max_token_size = 84); a longer one could never match. */
const MAX_WORD = 84;

/**
 * InnoDB's default stopwords of three letters or more: MariaDB never finds them, so neither
 * database is asked for them.
 */
const STOPWORDS: ReadonlySet<string> = new Set([
  "about", "are", "com", "for", "from", "how", "that", "the", "this", "was", "what", "when", "where", "who", "will", "with", "und", "www",
]);

/**
 * Words that say nothing about which fault a text is about, in both desk languages ("tidak bisa",
 * "cannot"): similar incidents and the knowledge base's search never look for them.
 */
export const NOISE_WORDS: ReadonlySet<string> = new Set([
  "tidak", "bisa", "dapat", "sudah", "belum", "yang", "dengan", "untuk", "saya", "kami", "ada", "ini", "itu", "dan", "atau", "akan", "juga", "karena", "mohon", "tolong", "masih", "sejak", "pada", "dari", "ke",
  "not", "cannot", "can't", "does", "doesn't", "with", "from", "that", "this", "the", "and", "have", "has", "please", "since", "still", "our", "my", "for", "are", "was", "will", "when", "what", "about", "how", "where", "who",
]);

// A code is read aloud and retyped with dots, dashes (of any kind) or spaces between its parts.
const CODE_LIKE = /^[0-9A-Za-z.\s\-\u2010-\u2015\u2212]+$/;
const CODE_SEPARATORS = /[.\s\-\u2010-\u2015\u2212]+/g;
// The middle of a code: its day (DDMMYYYY, its parts maybe apart), with the unit before it or the start of the sequence after it.
const CODE_DAY = /^(?:([0-9A-Z]{1,6})[.\s\-\u2010-\u2015\u2212]+)?(\d{2})[.\s\-\u2010-\u2015\u2212]*(\d{2})[.\s\-\u2010-\u2015\u2212]*(\d{4})(?:[.\s\-\u2010-\u2015\u2212]+(\d{1,12}))?$/;
const HOUR = 3_600_000;
const PHONE_LIKE = /^\+?[0-9 ().-]+$/;
const MIN_PHONE_DIGITS = 6;

/** A search term read every way it could be meant; a null branch is not tried. */
export interface SearchQuery {
  /** The reversed code fragment (uppercase, no separators): a ticket matches when its `codeKey` starts with it. */
  codeKey: string | null;
  /** The phone's digits as phoneDigits gives them (a leading 0 read as +62). */
  phone: string | null;
  /** The e-mail, lowercased (tickets store it lowercased). */
  email: string | null;
  /** A code's day with what was typed around it (a code read from its start, or its date alone), else null. */
  codeDay: CodeDay | null;
  /** Words that must all start a word of one document (the ticket's name, problem and description, or one message). */
  words: string[];
}

/**
 * The middle of a code: the day it was reported (its `DDMMYYYY`), maybe after the unit and before
 * the start of the sequence. The day bounds the search to the tickets created around it, so the
 * code itself is read only for those.
 */
export interface CodeDay {
  /** The code's day as written in it, DDMMYYYY. */
  ddmmyyyy: string;
  /** The unit typed before it, uppercase; null: any. */
  unit: string | null;
  /** The digits typed after it: the start of the sequence ("" for any). */
  sequence: string;
}

/** The search term's problem as a sentence, or the query it means. */
export type ParsedSearch = { ok: true; query: SearchQuery } | { ok: false; problem: string };

/** Reads a search term; 1–200 characters once trimmed. */
export function parseSearch(raw: string): ParsedSearch {
  const term = raw.trim();
  if (!term) return { ok: false, problem: "search must not be blank" };
  if (charCount(term) > SEARCH_LIMIT) return { ok: false, problem: `search is too long: at most ${SEARCH_LIMIT} characters` };
  if (term.includes("@")) return { ok: true, query: { codeKey: null, phone: null, email: term.toLowerCase(), codeDay: null, words: [] } };
  return { ok: true, query: { codeKey: codeKeyOf(term), phone: phoneOf(term), email: null, codeDay: codeDayOf(term), words: searchWords(term) } };
}

/** Whether a query can match anything at all (a term of short words and punctuation cannot). */
export function searchable(q: SearchQuery): boolean {
  return q.codeKey !== null || q.phone !== null || q.email !== null || q.codeDay !== null || q.words.length > 0;
}

/** The key a ticket's code is found by: uppercase, separators dropped, reversed, so any ending of the code is a prefix of it. */
export function ticketCodeKey(code: string): string {
  return [...code.toUpperCase().replace(CODE_SEPARATORS, "")].reverse().join("");
}

/** The key a ticket's phone is found by (null without a phone). */
export function ticketPhoneKey(phone: string | null): string | null {
  return phone ? phoneDigits(phone) : null;
}

/** The smallest string greater than every string that starts with `prefix` (ASCII letters and digits) in BINARY order (SQLite), for an index range. */
export function prefixEnd(prefix: string): string {
  return `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
}

/** The MariaDB boolean-mode query: every word required, each as a word prefix. */
export function mysqlFullText(words: readonly string[]): string {
  return words.map((w) => `+${w}*`).join(" ");
}

/** The SQLite FTS5 query: every word required, each as a quoted word prefix (so no word reads as an operator). */
export function sqliteFullText(words: readonly string[]): string {
  return words.map((w) => `"${w}"*`).join(" AND ");
}

/**
 * When tickets whose code carries this day were created: the day in any time zone a site can
 * have (UTC−12 to UTC+14), since a code's day is the site's day at its creation and a site may
 * have changed its zone since.
 */
export function codeDayWindow(day: CodeDay): { from: Date; to: Date } {
  const dd = Number(day.ddmmyyyy.slice(0, 2));
  const mm = Number(day.ddmmyyyy.slice(2, 4));
  const yyyy = Number(day.ddmmyyyy.slice(4, 8));
  const start = new Date(0);
  start.setUTCFullYear(yyyy, mm - 1, dd);
  return { from: new Date(start.getTime() - 14 * HOUR), to: new Date(start.getTime() + 36 * HOUR) };
}

/** The LIKE pattern a code with this day matches (codes are stored `unit.DDMMYYYY.sequence`; the parts are letters and digits only). */
export function codeDayPattern(day: CodeDay): string {
  return `${day.unit ?? "%"}.${day.ddmmyyyy}.${day.sequence}%`;
}

function codeDayOf(term: string): CodeDay | null {
  const match = CODE_DAY.exec(term.toUpperCase());
  if (!match) return null;
  const [, unit, dd = "", mm = "", yyyy = "", sequence = ""] = match;
  // With a whole sequence (3 digits or more) the term is an ending of a code, which codeKey finds by its index alone.
  if (sequence.length >= 3) return null;
  return isValidDayKey(`${yyyy}${mm}${dd}`) ? { ddmmyyyy: `${dd}${mm}${yyyy}`, unit: unit ?? null, sequence } : null;
}

function codeKeyOf(term: string): string | null {
  // A code fragment has a digit: codes end in the day and sequence, so a fragment without one
  // could only match a unit code, which every ticket of the site shares.
  if (!CODE_LIKE.test(term) || !/\d/.test(term)) return null;
  const key = ticketCodeKey(term);
  return key.length > 0 && key.length <= 32 ? key : null;
}

function phoneOf(term: string): string | null {
  if (!PHONE_LIKE.test(term)) return null;
  const digits = phoneDigits(term);
  return digits.length >= MIN_PHONE_DIGITS && digits.length <= 40 ? digits : null;
}

/** The words of a text a full-text index finds: lowercased, distinct, 3–84 characters, InnoDB's stopwords left out. */
export function searchWords(term: string): string[] {
  const words = term
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => charCount(w) >= MIN_WORD && charCount(w) <= MAX_WORD && !STOPWORDS.has(w));
  return [...new Set(words)];
}
