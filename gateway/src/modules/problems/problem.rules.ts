/**
 * Problem management (ITIL v3; seed 002's future work): the pure rules of a problem record —
 * its lifecycle, what each role may do to it now, its readable code, how resolving it reaches
 * its linked incidents, and what "similar incidents" means. Nothing here reads a database.
 */
import { can, deniedMessage, DeskAction, TicketAction } from "../agents/permissions.rules.js";
import type { Role } from "../agents/role.js";
import { charCount } from "../tickets/field.rules.js";
import { conflictRefusal, type FieldIssue, Refusal } from "../tickets/refusal.js";
import { MIN_WORD, NOISE_WORDS } from "../tickets/search-query.rules.js";
import { isOpen } from "../tickets/status.rules.js";
import { TicketStatus } from "../tickets/ticket.enums.js";

/** Where a problem is in its lifecycle. */
export enum ProblemStatus {
  NEW = "NEW",
  INVESTIGATING = "INVESTIGATING",
  /** The root cause is known and a workaround exists, the permanent fix not yet. */
  KNOWN_ERROR = "KNOWN_ERROR",
  RESOLVED = "RESOLVED",
  CLOSED = "CLOSED",
}

/** Something a desk member may do to one problem; `Problem.allowedActions` lists them. */
export enum ProblemAction {
  EDIT = "EDIT",
  CHANGE_STATUS = "CHANGE_STATUS",
  RESOLVE = "RESOLVE",
  LINK_INCIDENT = "LINK_INCIDENT",
  UNLINK_INCIDENT = "UNLINK_INCIDENT",
}

/** What resolving a problem does to its open linked incidents. */
export enum ProblemResolveMode {
  /** Each open incident is resolved with the problem's resolution, as a desk resolve would. */
  RESOLVE_LINKED = "RESOLVE_LINKED",
  /** Each open incident gets an internal note and a public reply naming the fix, and stays open. */
  NOTIFY_LINKED = "NOTIFY_LINKED",
}

const { NEW, INVESTIGATING, KNOWN_ERROR, RESOLVED, CLOSED } = ProblemStatus;

/** The problem lifecycle graph; RESOLVED is reached only through resolveProblem. */
export const PROBLEM_TRANSITIONS: Readonly<Record<ProblemStatus, readonly ProblemStatus[]>> = Object.freeze({
  // CLOSED straight from NEW or INVESTIGATING: not a problem after all.
  [NEW]: Object.freeze([INVESTIGATING, KNOWN_ERROR, CLOSED]),
  [INVESTIGATING]: Object.freeze([KNOWN_ERROR, RESOLVED, CLOSED]),
  // Back to INVESTIGATING when the workaround turns out not to hold.
  [KNOWN_ERROR]: Object.freeze([INVESTIGATING, RESOLVED]),
  // INVESTIGATING again when the fix did not remove the cause.
  [RESOLVED]: Object.freeze([INVESTIGATING, CLOSED]),
  [CLOSED]: Object.freeze([]),
});

/** Longest title, in characters. */
export const TITLE_LIMIT = 200;
/** Longest description, root cause, workaround or resolution, in characters. */
export const PROBLEM_TEXT_LIMIT = 5000;
/** Most incidents one problem links (resolving a problem touches each of them). */
export const MAX_LINKED_INCIDENTS = 200;
/** Longest look-back of similarIncidents, in days. */
export const MAX_SIMILAR_DAYS = 90;
/** Most tickets similarIncidents lists (the count counts them all). */
export const SIMILAR_LIST_LIMIT = 50;

/** Whether the graph allows a move (RESOLVED included; changeProblemStatus refuses it separately). */
export function canMoveProblem(from: ProblemStatus, to: ProblemStatus): boolean {
  return PROBLEM_TRANSITIONS[from].includes(to);
}

/**
 * Why changeProblemStatus refuses a move, as a Refusal (CONFLICT for the graph, BAD_USER_INPUT for
 * what the target needs); null when it may go.
 */
export function statusChangeRefusal(from: ProblemStatus, to: ProblemStatus, workaround: string | null): Refusal | null {
  if (to === RESOLVED) return new Refusal("BAD_USER_INPUT", "Resolve a problem with resolveProblem: it needs the resolution and what to do with the linked incidents.", [{ field: "status", message: "status RESOLVED is set by resolveProblem" }]);
  if (!canMoveProblem(from, to)) {
    const next = PROBLEM_TRANSITIONS[from];
    return conflictRefusal(next.length ? `A ${from} problem cannot go to ${to}; from ${from} it can go to ${next.join(", ")}.` : `A ${from} problem is final.`);
  }
  if (to === KNOWN_ERROR && !workaround?.trim()) return new Refusal("BAD_USER_INPUT", "A known error needs its workaround: write the workaround first.", [{ field: "workaround", message: "workaround is required for a KNOWN_ERROR" }]);
  return null;
}

/** Why resolveProblem refuses the problem's status now; null when it may be resolved. */
export function resolveRefusal(from: ProblemStatus): Refusal | null {
  return canMoveProblem(from, RESOLVED) ? null : conflictRefusal(`A ${from} problem cannot be resolved; only an INVESTIGATING or KNOWN_ERROR one can.`);
}

/**
 * The status after an edit: a problem given a workaround while NEW or INVESTIGATING becomes a
 * KNOWN_ERROR (that is what a known error is); one whose workaround is removed goes back to
 * INVESTIGATING. Other statuses stay.
 */
export function statusAfterEdit(status: ProblemStatus, workaround: string | null): ProblemStatus {
  const has = Boolean(workaround?.trim());
  if (has && (status === NEW || status === INVESTIGATING)) return KNOWN_ERROR;
  if (!has && status === KNOWN_ERROR) return INVESTIGATING;
  return status;
}

/** Whether incidents may still be linked to a problem in this status. */
export function acceptsIncidents(status: ProblemStatus): boolean {
  return status !== RESOLVED && status !== CLOSED;
}

/** What a role may do to a problem in this status now, in ProblemAction order. */
export function problemActions(role: Role, status: ProblemStatus): ProblemAction[] {
  const manage = can(role, DeskAction.MANAGE_PROBLEMS);
  const actions: ProblemAction[] = [];
  if (manage && status !== CLOSED) actions.push(ProblemAction.EDIT);
  if (manage && PROBLEM_TRANSITIONS[status].some((s) => s !== RESOLVED)) actions.push(ProblemAction.CHANGE_STATUS);
  if (manage && canMoveProblem(status, RESOLVED)) actions.push(ProblemAction.RESOLVE);
  if (can(role, DeskAction.RAISE_PROBLEM) && acceptsIncidents(status)) actions.push(ProblemAction.LINK_INCIDENT);
  if (manage && status !== CLOSED) actions.push(ProblemAction.UNLINK_INCIDENT);
  return actions;
}

/** The statuses a role may move a problem to through changeProblemStatus now (RESOLVED is resolveProblem's). */
export function problemNextStatuses(role: Role, status: ProblemStatus): ProblemStatus[] {
  return can(role, DeskAction.MANAGE_PROBLEMS) ? PROBLEM_TRANSITIONS[status].filter((s) => s !== RESOLVED) : [];
}

const ACTION_WORDS: Readonly<Record<ProblemAction, string>> = {
  [ProblemAction.EDIT]: "edited",
  [ProblemAction.CHANGE_STATUS]: "moved",
  [ProblemAction.RESOLVE]: "resolved",
  [ProblemAction.LINK_INCIDENT]: "given more incidents",
  [ProblemAction.UNLINK_INCIDENT]: "unlinked from its incidents",
};

/** Why a role may not do an action to a problem in this status now (FORBIDDEN for the role, CONFLICT for the status); null when it may. */
export function problemActionRefusal(role: Role, status: ProblemStatus, action: ProblemAction): Refusal | null {
  if (problemActions(role, status).includes(action)) return null;
  const needs = action === ProblemAction.LINK_INCIDENT ? DeskAction.RAISE_PROBLEM : DeskAction.MANAGE_PROBLEMS;
  if (!can(role, needs)) return new Refusal("FORBIDDEN", deniedMessage(role, needs));
  return conflictRefusal(`A ${status} problem cannot be ${ACTION_WORDS[action]}.`);
}

/** The public reply that tells a reporter of a linked incident the problem behind it is fixed (NOTIFY_LINKED). */
export function fixReply(language: string, resolution: string): string {
  return language === "en"
    ? `The cause of this incident has been found and fixed: ${resolution.trim()}`
    : `Penyebab gangguan ini sudah ditemukan dan diperbaiki: ${resolution.trim()}`;
}

const DESK_NOTES = {
  resolvedWith: { en: "Resolved with problem {code}.", id: "Diselesaikan melalui masalah {code}." },
  problemResolved: { en: "Problem {code} is resolved: {text}", id: "Masalah {code} sudah diselesaikan: {text}" },
  knownError: { en: "Known error {code}. Workaround: {text}", id: "Kesalahan diketahui {code}. Solusi sementara: {text}" },
} as const;

/** An internal note problem management writes on an incident, in the acting agent's language (`id` or `en`). */
export function deskNote(kind: keyof typeof DESK_NOTES, language: string, code: string, text = ""): string {
  const words = language === "en" ? DESK_NOTES[kind].en : DESK_NOTES[kind].id;
  return words.replace("{code}", code).replace("{text}", text.trim());
}

/** The resolve modes a role may choose: resolving incidents needs RESOLVE, notifying needs REPLY (and the note INTERNAL_NOTE). */
export function resolveModes(role: Role): ProblemResolveMode[] {
  const modes: ProblemResolveMode[] = [];
  if (can(role, TicketAction.RESOLVE) && can(role, TicketAction.CHANGE_STATUS)) modes.push(ProblemResolveMode.RESOLVE_LINKED);
  if (can(role, TicketAction.REPLY) && can(role, TicketAction.INTERNAL_NOTE)) modes.push(ProblemResolveMode.NOTIFY_LINKED);
  return modes;
}

/** The readable code of a site's n-th problem: `PRB-<unit>-<n>`, e.g. PRB-01-7. */
export function formatProblemCode(unit: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`A problem number is a whole number from 1, got ${String(n)}.`);
  return `PRB-${unit}-${n}`;
}

/**
 * The statuses an open incident passes through to RESOLVED along the ticket graph: through
 * IN_PROGRESS unless it is already there; empty for a ticket that is not open.
 */
export function pathToResolved(status: TicketStatus): TicketStatus[] {
  if (!isOpen(status)) return [];
  return status === TicketStatus.IN_PROGRESS ? [TicketStatus.RESOLVED] : [TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED];
}

/** The text problems of a problem's fields as given; each null field is left unchanged (or, for a title, missing). */
export function problemTextIssues(fields: Readonly<Record<string, string | null | undefined>>, required: readonly string[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [field, value] of Object.entries(fields)) {
    const limit = field === "title" ? TITLE_LIMIT : PROBLEM_TEXT_LIMIT;
    if (value === undefined || value === null) {
      if (required.includes(field)) issues.push({ field, message: `${field} is required` });
      continue;
    }
    if (required.includes(field) && !value.trim()) issues.push({ field, message: `${field} is required` });
    else if (charCount(value) > limit) issues.push({ field, message: `${field} is too long: at most ${limit} characters` });
  }
  return issues;
}

/** Why a look-back is refused; null for 1–90 days. */
export function daysIssue(days: number): FieldIssue | null {
  return Number.isInteger(days) && days >= 1 && days <= MAX_SIMILAR_DAYS ? null : { field: "days", message: `days must be a whole number from 1 to ${MAX_SIMILAR_DAYS}, got ${days}` };
}

/** Most words the similar-text branch requires. */
export const SIMILAR_WORDS = 3;

/**
 * The words that make another ticket's text "similar": the longest distinct telling words of the
 * problem type (or, without one, of the description), at most three, each required as a word
 * prefix by the same full-text indexes the desk search reads. Empty: no text branch.
 */
export function similarWords(problemType: string | null, description: string): string[] {
  const pick = (text: string): string[] => {
    const words = [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u))].filter((w) => charCount(w) >= Math.max(MIN_WORD, 4) && charCount(w) <= 84 && !NOISE_WORDS.has(w) && !/^\d+$/.test(w));
    // Longest first (the most telling), ties in the order written; stable sort keeps it.
    return words.sort((a, b) => charCount(b) - charCount(a)).slice(0, SIMILAR_WORDS);
  };
  const fromType = problemType ? pick(problemType) : [];
  return fromType.length ? fromType : pick(description);
}
