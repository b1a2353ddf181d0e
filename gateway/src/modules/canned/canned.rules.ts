/**
 * Canned responses' pure rules: what a saved response may hold, the placeholders its body may use
 * and how they are filled in for one ticket, and which responses an agent sees.
 */
import { createHash } from "node:crypto";
import type { FieldProblem } from "../../errors.js";
import { TEXT_LIMIT, textProblem } from "../tickets/field.rules.js";

/** Longest title, in characters as the databases count them. */
export const TITLE_LIMIT = 120;
/** Longest body, in characters: the same as a reply's, so a response without placeholders always fits one. */
export const BODY_LIMIT = TEXT_LIMIT;
/** How many responses one site may keep; the agent's search filters them in memory. */
export const MAX_RESPONSES_PER_SITE = 500;
/** The languages a response may be written for; null means any. */
export const CANNED_LANGUAGES = ["id", "en"] as const;

/** The placeholders a body may use, as written between `{{` and `}}`. */
export const PLACEHOLDERS = ["reporter.name", "ticket.code", "ticket.trackingLink", "agent.name", "site.name"] as const;
/** One of {@link PLACEHOLDERS}. */
export type Placeholder = (typeof PLACEHOLDERS)[number];
/** The value of every placeholder for one ticket and agent. */
export type PlaceholderValues = Readonly<Record<Placeholder, string>>;

/** A response as a supervisor saves it. */
export interface CannedDraft {
  title: string;
  body: string;
  language: string | null;
  groupId: string | null;
}

/** One `{{…}}` of a body: its text as written, and where. */
interface Token {
  start: number;
  end: number;
  raw: string;
  name: string;
}

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/** Splits a body into its `{{…}}` tokens and the problems of the malformed or unknown ones. */
function scan(body: string): { tokens: Token[]; problems: string[] } {
  const tokens: Token[] = [];
  const problems: string[] = [];
  let at = 0;
  for (;;) {
    const open = body.indexOf("{{", at);
    const strayClose = body.indexOf("}}", at);
    if (strayClose >= 0 && (open < 0 || strayClose < open)) {
      problems.push(`body has "}}" without "{{" before it (near "${excerpt(body, strayClose)}")`);
      at = strayClose + 2;
      continue;
    }
    if (open < 0) break;
    const close = body.indexOf("}}", open + 2);
    const nextOpen = body.indexOf("{{", open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      problems.push(`body has "{{" that is not closed with "}}" (near "${excerpt(body, open)}")`);
      at = open + 2;
      continue;
    }
    const raw = body.slice(open, close + 2);
    const name = body.slice(open + 2, close).trim();
    if (!/^[A-Za-z]+(\.[A-Za-z]+)*$/.test(name)) problems.push(`body has a malformed placeholder ${raw}: write one of ${known()}`);
    else if (!isPlaceholder(name)) problems.push(`body has an unknown placeholder ${raw}: use one of ${known()}`);
    tokens.push({ start: open, end: close + 2, raw, name });
    at = close + 2;
  }
  return { tokens, problems };
}

function known(): string {
  return PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ");
}

function excerpt(body: string, at: number): string {
  return body.slice(Math.max(0, at - 10), at + 12).replace(/\s+/g, " ");
}

/** The placeholders a body uses, in order of first use; unknown and malformed ones left out. */
export function placeholdersIn(body: string): Placeholder[] {
  const names = scan(body).tokens.map((t) => t.name).filter(isPlaceholder);
  return [...new Set(names)];
}

/** Every problem of a draft, each naming its field (`title`, `body`, `language`); [] when it may be saved. */
export function cannedProblems(draft: CannedDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const title = textProblem("title", draft.title, TITLE_LIMIT, true);
  if (title) problems.push({ field: "title", message: title });
  const body = textProblem("body", draft.body, BODY_LIMIT, true);
  if (body) problems.push({ field: "body", message: body });
  else for (const message of scan(draft.body).problems) problems.push({ field: "body", message });
  if (draft.language !== null && !(CANNED_LANGUAGES as readonly string[]).includes(draft.language)) {
    problems.push({ field: "language", message: `language must be ${CANNED_LANGUAGES.join(" or ")}, or empty for any language (got ${JSON.stringify(draft.language)})` });
  }
  return problems;
}

/** A language filter's problem (an agent's `language` argument), or null. */
export function languageProblem(language: string | null): FieldProblem | null {
  if (language === null || (CANNED_LANGUAGES as readonly string[]).includes(language)) return null;
  return { field: "language", message: `language must be ${CANNED_LANGUAGES.join(" or ")} (got ${JSON.stringify(language)})` };
}

/** A title as it is compared and sorted: trimmed, width (NFKC) and case folded. */
export function foldTitle(title: string): string {
  return title.trim().normalize("NFKC").toLowerCase();
}

/**
 * The key titles are unique under within a site and language: the SHA-256 of the folded title in
 * hex. A hash, not the folded text, so both databases compare it alike (MariaDB's `_ci` collations
 * would also fold accents, SQLite would not) and it fits its column however far NFKC expands a title.
 */
export function titleKey(title: string): string {
  return createHash("sha256").update(foldTitle(title)).digest("hex");
}

/** The order responses are listed in: by folded title, then any language, Indonesian, English. */
export function byTitle(a: { title: string; language: string | null }, b: { title: string; language: string | null }): number {
  const [x, y] = [foldTitle(a.title), foldTitle(b.title)];
  if (x !== y) return x < y ? -1 : 1;
  const rank = (l: string | null) => (l ? (CANNED_LANGUAGES as readonly string[]).indexOf(l) + 1 : 0);
  return rank(a.language) - rank(b.language);
}

/** The body with every placeholder filled in; a body that was saved has only known ones. */
export function renderCanned(body: string, values: PlaceholderValues): string {
  let out = "";
  let at = 0;
  for (const t of scan(body).tokens) {
    out += body.slice(at, t.start) + (isPlaceholder(t.name) ? values[t.name] : t.raw);
    at = t.end;
  }
  return out + body.slice(at);
}

/** What an agent's list holds of one response: the whole site's and their group's, in their language or any. */
export function cannedVisible(
  response: { groupId: string | null; language: string | null },
  agentGroupId: string | null,
  language: string | null = null,
): boolean {
  const group = response.groupId === null || response.groupId === agentGroupId;
  return group && (language === null || response.language === null || response.language === language);
}

/** Whether a response matches what the agent typed in the picker's search: every word in its title or body. */
export function cannedMatches(response: { title: string; body: string }, search: string | null): boolean {
  const words = (search ?? "").normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const text = `${response.title}\n${response.body}`.normalize("NFKC").toLowerCase();
  return words.every((w) => text.includes(w));
}
