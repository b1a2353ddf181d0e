import type { MailLanguage } from "../notifications/mail-language.js";
import { OPEN_STATUSES } from "./status.rules.js";
import { PendingReason, TicketStatus } from "./ticket.enums.js";

/** The desk's built-in queue views (issue 11); each is one predicate over the site's tickets. */
export enum QueueView {
  MINE = "MINE",
  UNASSIGNED = "UNASSIGNED",
  MY_GROUPS = "MY_GROUPS",
  AT_RISK = "AT_RISK",
  BREACHED = "BREACHED",
  WAITING = "WAITING",
  RESOLVED = "RESOLVED",
  CLOSED = "CLOSED",
  CANCELLED = "CANCELLED",
  ALL = "ALL",
}

/** The built-in views in the order the desk shows them. */
export const QUEUE_VIEWS: readonly QueueView[] = Object.freeze(Object.values(QueueView));

/** The agent a view is read for: "mine" and "my groups" depend on who asks. */
export interface ViewReader {
  id: string;
  groupId: string | null;
}

/**
 * Which tickets a queue shows, as data the queue's SQL is read off: the view's predicate with
 * the filter's statuses folded in.
 */
export interface QueueScope {
  /** Only open tickets (the `is_open` index prefix). */
  open: boolean;
  /** Only these statuses; null: any (within `open`). Empty never occurs: see `empty`. */
  statuses: readonly TicketStatus[] | null;
  /** Assigned to this agent id, or to nobody (`null`); undefined: anyone. */
  assigneeId?: string | null;
  /** Of this support group; undefined: any. */
  groupId?: string;
  /** Past a target (`breached`) or not yet but close to one (`atRisk`). */
  sla?: "breached" | "atRisk";
  pendingReason?: PendingReason;
  /** Nothing can match (a status filter outside the view, "my groups" without a group): an empty page, not an error. */
  empty: boolean;
}

/** The statuses each view holds; null: every status. */
const VIEW_STATUSES: Readonly<Record<QueueView, readonly TicketStatus[] | null>> = {
  [QueueView.MINE]: OPEN_STATUSES,
  [QueueView.UNASSIGNED]: OPEN_STATUSES,
  [QueueView.MY_GROUPS]: OPEN_STATUSES,
  [QueueView.AT_RISK]: OPEN_STATUSES,
  [QueueView.BREACHED]: OPEN_STATUSES,
  [QueueView.WAITING]: [TicketStatus.PENDING],
  [QueueView.RESOLVED]: [TicketStatus.RESOLVED],
  [QueueView.CLOSED]: [TicketStatus.CLOSED],
  [QueueView.CANCELLED]: [TicketStatus.CANCELLED],
  [QueueView.ALL]: null,
};

/**
 * The scope of a queue read: the view's predicate (none: open tickets, as the queue always was)
 * narrowed by the filter's statuses. Views are defined here once; the page and the counts both
 * apply the result.
 */
export function queueScope(view: QueueView | null | undefined, filterStatuses: readonly TicketStatus[] | null | undefined, reader: ViewReader): QueueScope {
  const given = filterStatuses?.length ? filterStatuses : null;
  if (!view) return given ? { open: false, statuses: given, empty: false } : { open: true, statuses: null, empty: false };
  const held = VIEW_STATUSES[view];
  const statuses = held && given ? held.filter((s) => given.includes(s)) : (given ?? held);
  const open = held === OPEN_STATUSES;
  const scope: QueueScope = {
    // An open view with no status filter reads the is_open index; with one, the statuses say it all.
    open: open && !given,
    statuses: open && !given ? null : statuses,
    empty: statuses !== null && statuses.length === 0,
  };
  switch (view) {
    case QueueView.MINE:
      return { ...scope, assigneeId: reader.id };
    case QueueView.UNASSIGNED:
      return { ...scope, assigneeId: null };
    case QueueView.MY_GROUPS:
      return reader.groupId ? { ...scope, groupId: reader.groupId } : { ...scope, empty: true };
    case QueueView.AT_RISK:
      return { ...scope, sla: "atRisk" };
    case QueueView.BREACHED:
      return { ...scope, sla: "breached" };
    case QueueView.WAITING:
      return { ...scope, pendingReason: PendingReason.REPORTER };
    default:
      return scope;
  }
}

/** The desk's name of each view, in both languages; the widget shows these words, it does not hold them. */
export const VIEW_LABELS: Readonly<Record<QueueView, Readonly<Record<MailLanguage, string>>>> = {
  [QueueView.MINE]: { en: "Mine", id: "Milik saya" },
  [QueueView.UNASSIGNED]: { en: "Unassigned", id: "Belum ditugaskan" },
  [QueueView.MY_GROUPS]: { en: "My groups", id: "Grup saya" },
  [QueueView.AT_RISK]: { en: "At risk", id: "Berisiko" },
  [QueueView.BREACHED]: { en: "Breached", id: "Melewati SLA" },
  [QueueView.WAITING]: { en: "Waiting on reporter", id: "Menunggu pelapor" },
  [QueueView.RESOLVED]: { en: "Resolved", id: "Selesai" },
  [QueueView.CLOSED]: { en: "Closed", id: "Ditutup" },
  [QueueView.CANCELLED]: { en: "Cancelled", id: "Dibatalkan" },
  [QueueView.ALL]: { en: "All", id: "Semua" },
};

/** Counts stop here: a view with more shows "999+" (`capped`), so a count never reads more than this many rows. */
export const VIEW_COUNT_CAP = 999;

/** A count read with `LIMIT cap + 1`, as the desk shows it. */
export function cappedCount(rows: number, cap = VIEW_COUNT_CAP): { count: number; capped: boolean } {
  return rows > cap ? { count: cap, capped: true } : { count: rows, capped: false };
}

/** How many views one agent may save. */
export const SAVED_VIEW_LIMIT = 20;

/** The longest name of a saved view. */
export const SAVED_VIEW_NAME_MAX = 60;

/** The prefix of a saved view's id in an agent's remembered choice (`saved:<id>`). */
const SAVED_PREFIX = "saved:";

/** An agent's remembered queue view: a built-in view, or one of their saved views. */
export type ViewChoice = { view: QueueView } | { savedId: string };

/** Reads a remembered choice (`MINE`, `saved:<id>`); null when it is neither. */
export function parseViewChoice(value: string): ViewChoice | null {
  if ((QUEUE_VIEWS as readonly string[]).includes(value)) return { view: value as QueueView };
  const id = value.startsWith(SAVED_PREFIX) ? value.slice(SAVED_PREFIX.length) : "";
  return /^[0-9a-f-]{36}$/i.test(id) ? { savedId: id.toLowerCase() } : null;
}

/** The remembered-choice spelling of a saved view. */
export function savedChoice(id: string): string {
  return `${SAVED_PREFIX}${id}`;
}

/** What is wrong with a saved view's name, or null: 1–60 characters after trimming. */
export function savedViewNameProblem(name: string): string | null {
  const n = [...name.trim()].length;
  if (n === 0) return "name must not be empty";
  return n > SAVED_VIEW_NAME_MAX ? `name must be at most ${SAVED_VIEW_NAME_MAX} characters (got ${n})` : null;
}
