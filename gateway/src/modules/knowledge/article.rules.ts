/**
 * Knowledge-base articles' pure rules: what an article may hold, the review path from draft to
 * published, who may take each step, what a reporter may read, and the draft a resolved ticket
 * gives. Imports nothing from TypeORM or GraphQL.
 */
import type { FieldProblem } from "../../errors.js";
import { can, DeskAction } from "../agents/permissions.rules.js";
import type { Role } from "../agents/role.js";
import { TEXT_LIMIT, textProblem } from "../tickets/field.rules.js";

/** Where an article stands on its way to reporters. */
export enum ArticleStatus {
  DRAFT = "DRAFT",
  IN_REVIEW = "IN_REVIEW",
  PUBLISHED = "PUBLISHED",
  ARCHIVED = "ARCHIVED",
}

/** Who may read an article once it is published. */
export enum ArticleVisibility {
  /** Reporters on the help centre and in the report form's suggestions, and the desk. */
  PUBLIC = "PUBLIC",
  /** The desk only. */
  INTERNAL = "INTERNAL",
}

/** The languages an article is written in. */
export const ARTICLE_LANGUAGES = ["id", "en"] as const;
/** One of {@link ARTICLE_LANGUAGES}. */
export type ArticleLanguage = (typeof ARTICLE_LANGUAGES)[number];

/** Longest title, in characters as the databases count them. */
export const ARTICLE_TITLE_LIMIT = 200;
/** Longest body, in characters: every TEXT column Sigap writes holds at most this (tickets/field.rules). */
export const ARTICLE_BODY_LIMIT = TEXT_LIMIT;

/** What a desk member may do to an article, beside editing it. */
export interface ArticleRights {
  /** WRITE_ARTICLES: draft, edit drafts, send for review. */
  write: boolean;
  /** PUBLISH_ARTICLES: review, publish, archive, edit what is published. */
  publish: boolean;
}

/** An article's content as the desk saves it. */
export interface ArticleDraft {
  language: string;
  title: string;
  body: string;
}

// Written out whole so that a change to the review path is one line here and one in the test.
const STEPS: ReadonlyArray<readonly [from: ArticleStatus, to: ArticleStatus, needs: keyof ArticleRights]> = [
  [ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, "write"],
  // Back to work: the writer takes it back, or the reviewer sends it back (a reviewer writes too).
  [ArticleStatus.IN_REVIEW, ArticleStatus.DRAFT, "write"],
  [ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED, "publish"],
  [ArticleStatus.PUBLISHED, ArticleStatus.ARCHIVED, "publish"],
  // An archived article comes back as a draft and goes through review again.
  [ArticleStatus.ARCHIVED, ArticleStatus.DRAFT, "write"],
];

/** The statuses an article may move to from `from`, for someone with these rights, in table order. */
export function nextArticleStatuses(from: ArticleStatus, rights: ArticleRights): ArticleStatus[] {
  const out: ArticleStatus[] = [];
  for (const [f, to, needs] of STEPS) if (f === from && rights[needs]) out.push(to);
  return out;
}

/** Why a move is refused, as a sentence; null when it is allowed. */
export function transitionProblem(from: ArticleStatus, to: ArticleStatus, rights: ArticleRights): string | null {
  if (nextArticleStatuses(from, rights).includes(to)) return null;
  if (STEPS.some(([f, t]) => f === from && t === to)) return `Only a supervisor and up may move an article from ${from} to ${to}.`;
  return `An article cannot move from ${from} to ${to}.`;
}

/**
 * Whether someone may change an article's content in this status: a draft or one in review by
 * any writer; a published one only by a publisher (the change is live at once); an archived one
 * by nobody (bring it back to DRAFT first).
 */
export function mayEdit(status: ArticleStatus, rights: ArticleRights): boolean {
  if (status === ArticleStatus.ARCHIVED) return false;
  if (status === ArticleStatus.PUBLISHED) return rights.publish;
  return rights.write;
}

/** Whether a reporter may find and read an article (the help centre, suggestions, deflection). */
export function publiclyReadable(a: { status: ArticleStatus; visibility: ArticleVisibility }): boolean {
  return a.status === ArticleStatus.PUBLISHED && a.visibility === ArticleVisibility.PUBLIC;
}

/** Every problem of an article's content, each naming its field. */
export function articleProblems(draft: ArticleDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const title = textProblem("title", draft.title.trim(), ARTICLE_TITLE_LIMIT, true);
  if (title) problems.push({ field: "title", message: title });
  const body = textProblem("body", draft.body.trim(), ARTICLE_BODY_LIMIT, true);
  if (body) problems.push({ field: "body", message: body });
  if (!(ARTICLE_LANGUAGES as readonly string[]).includes(draft.language)) {
    problems.push({ field: "language", message: `language must be id or en (got ${JSON.stringify(draft.language)})` });
  }
  return problems;
}

/** What a resolved ticket offers an article: the symptom as reported, the fix as resolved. */
export interface ResolvedTicket {
  code: string;
  problemType: string | null;
  description: string;
  resolution: string | null;
  language: string;
}

const HEADINGS: Readonly<Record<ArticleLanguage, { symptom: string; fix: string }>> = {
  id: { symptom: "Gejala", fix: "Penyelesaian" },
  en: { symptom: "Symptom", fix: "Fix" },
};

/**
 * The draft a resolved ticket gives, in the reporter's language: the title from the problem type
 * (or the description's first line), the body a "Symptom" and a "Fix" section. Cut to the limits,
 * so the draft always saves; the writer edits it before review.
 */
export function draftFromTicket(t: ResolvedTicket): ArticleDraft {
  const language: ArticleLanguage = t.language === "en" ? "en" : "id";
  const h = HEADINGS[language];
  const firstLine = t.description.trim().split(/\r?\n/)[0] ?? "";
  const title = cut((t.problemType?.trim() || firstLine).replace(/\s+/g, " "), ARTICLE_TITLE_LIMIT) || t.code;
  const fix = t.resolution?.trim() ?? "";
  const sections = `${h.symptom}\n${t.description.trim()}\n\n${h.fix}\n`;
  const body = cut(sections + fix, ARTICLE_BODY_LIMIT);
  return { language, title, body };
}

/** The first `max` code points of a text, trimmed. */
function cut(text: string, max: number): string {
  return [...text].slice(0, max).join("").trim();
}

/** A short plain summary of a body for lists and the composer: its first `max` characters, on word ends. */
export function articleSummary(body: string, max = 160): string {
  const flat = body.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const head = chars.slice(0, max).join("");
  const space = head.lastIndexOf(" ");
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** The article rights of a desk role, read from the permissions table. */
export function articleRights(role: Role): ArticleRights {
  return { write: can(role, DeskAction.WRITE_ARTICLES), publish: can(role, DeskAction.PUBLISH_ARTICLES) };
}
