/**
 * What one ticket adds to a site's daily recap rollups (issue 13 item 2): from its facts as they
 * stand, the tally it puts on each local day (the site's zone) and the rollup rows — scope ×
 * dimension key — those tallies go to. The daily rollups are sums of these, so a recap over whole
 * local days merged from them equals the live counter's figures (recap-counter.ts) to the digit.
 *
 * Every figure follows recap.rules' definitions (targetOutcome, resolutionTime, percentile keys
 * by `hours`, first contact by EVENT_KINDS, escalationDirection); nothing is defined twice here.
 * A target is decided by `now`: one not yet met and not yet due adds nothing, so the catch-up
 * recomputes tickets whose due time has passed since it last ran (recap-rollup.service.ts).
 * The backlog is a snapshot, not a sum: a ticket that has ended adds its age to the backlog kept
 * on each day it was open at the end of (every recap period ends at a local midnight), and a
 * period's backlog is its last day's, plus the tickets open now (read live: they have no end).
 */
import { businessTimeBetween, civilDayOf, instantOf } from "../sla/business-time.rules.js";
import { calendarFor, type SiteCalendar } from "../sla/sla-calendar.rules.js";
import type { Priority } from "../tickets/ticket.enums.js";
import { addCount, durationKey, emptyTally, type RecapTally } from "./recap-tally.rules.js";
import { civilDayText, escalationDirection, EVENT_KINDS, resolutionTime, targetOutcome } from "./recap.rules.js";

/** A timeline entry a recap counts: REOPENED, ESCALATED, AUTO_ESCALATED, or ASSIGNED (first contact). */
export interface CountedEvent {
  kind: string;
  at: Date;
  /** The entry's `data` column as stored (JSON text), for the escalation's direction. */
  data: unknown;
}

/** One ticket as the recap sees it. */
export interface TicketFacts {
  createdAt: Date;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  status: string;
  responseDueAt: Date | null;
  resolutionDueAt: Date | null;
  pausedMs: number;
  priority: Priority;
  groupId: string | null;
  assigneeId: string | null;
  /** The ticket's key in each recap dimension (dimension name → key, null for none). */
  keys: Readonly<Record<string, string | null>>;
  /** Its entries of the kinds in {@link COUNTED_KINDS}, all of them. */
  events: readonly CountedEvent[];
  /** The reporter's answers to the three questions and their suggestion, if they gave feedback. */
  feedback: { answers: readonly [number, number, number]; suggestion: string | null } | null;
}

/** The timeline kinds a contribution reads. */
export const COUNTED_KINDS = [...EVENT_KINDS.reopened, ...EVENT_KINDS.escalations, "ASSIGNED"] as const;

/** The dimension of a rollup row holding the scope's totals. */
export const ALL = "ALL";
/** The key of a rollup row for tickets with no key in the dimension (the breakdown's null row). */
export const NULL_KEY = "~";

/** A rollup row's identity within a site: the scope (SITE, GROUP:<id>, AGENT:<id>), the dimension (ALL or a RecapDimension) and the key. */
export interface RollupRow {
  scope: string;
  dimension: string;
  key: string;
}

/** Where a ticket's share goes: its scopes and its key in each dimension. */
export interface Placement {
  groupId: string | null;
  assigneeId: string | null;
  keys: Readonly<Record<string, string | null>>;
}

/** A ticket's share of the rollups: the tally of each local day ("YYYY-MM-DD"), added to each row of its placement. */
export interface Contribution {
  days: Record<string, RecapTally>;
  placement: Placement;
}

/** The scopes a ticket counts in: the site's, its group's, its assignee's (recap-scope.rules). */
export function scopesOf(groupId: string | null, assigneeId: string | null): string[] {
  return ["SITE", ...(groupId ? [`GROUP:${groupId}`] : []), ...(assigneeId ? [`AGENT:${assigneeId}`] : [])];
}

/** The ticket's dated contributions by `now`, on the site's calendar (its zone and business hours). */
export function ticketContribution(t: TicketFacts, calendar: SiteCalendar, now: Date): Contribution {
  const days: Record<string, RecapTally> = {};
  const on = (at: Date): RecapTally => {
    const day = civilDayText(civilDayOf(at.getTime(), calendar.timeZone));
    return (days[day] ??= emptyTally());
  };
  const cancelled = t.status === "CANCELLED";
  const clock = calendarFor(calendar, t.priority);

  on(t.createdAt).ticketsIn++;
  if (t.closedAt) {
    if (cancelled) on(t.closedAt).cancelled++;
    else on(t.closedAt).closed++;
  }
  for (const [met, due, all, kept] of [
    [t.firstRespondedAt, t.responseDueAt, "responseTargets", "responseKept"],
    [t.resolvedAt, t.resolutionDueAt, "resolutionTargets", "resolutionKept"],
  ] as const) {
    const outcome = due ? targetOutcome(met, due, cancelled, now) : null;
    if (!outcome) continue;
    const d = on(outcome.decidedAt);
    d[all]++;
    if (outcome.kept) d[kept]++;
  }
  if (t.firstRespondedAt) addCount(on(t.firstRespondedAt).firstResponse, durationKey(businessTimeBetween(clock, t.createdAt, t.firstRespondedAt)));
  if (t.resolvedAt) {
    const d = on(t.resolvedAt);
    d.resolved++;
    addCount(d.resolution, durationKey(resolutionTime(businessTimeBetween(clock, t.createdAt, t.resolvedAt), t.pausedMs)));
    const escalated = t.events.some((e) => (EVENT_KINDS.escalations as readonly string[]).includes(e.kind));
    const assignments = t.events.filter((e) => e.kind === "ASSIGNED").length;
    if (!escalated && assignments <= 1) d.firstContact++;
    if (t.feedback) {
      for (let i = 0; i < 3; i++) addCount(d.answers[i]!, String(t.feedback.answers[i]));
      if (t.feedback.suggestion?.trim()) d.suggestions++;
    }
  }
  for (const e of t.events) {
    if ((EVENT_KINDS.reopened as readonly string[]).includes(e.kind)) on(e.at).reopened++;
    else if ((EVENT_KINDS.escalations as readonly string[]).includes(e.kind)) {
      if (escalationDirection(e.data) === "HIERARCHICAL") on(e.at).hierarchical++;
      else on(e.at).functional++;
    }
  }

  // The backlog at each local midnight M between its report and its end (created < M ≤ end), kept
  // on the day M ends, aged M − created: recap.rules' BACKLOG_AT_SQL for tickets that ended (its
  // second and third sets). Tickets still open with no resolution (the first set) are read live.
  const end = t.resolvedAt ?? t.closedAt;
  if (end) {
    const zone = calendar.timeZone;
    for (let day = civilDayOf(t.createdAt.getTime(), zone) + 1; day <= civilDayOf(end.getTime(), zone); day++) {
      const midnight = instantOf(day, 0, zone);
      const before = civilDayText(day - 1);
      addCount((days[before] ??= emptyTally()).backlogAges, durationKey(midnight - t.createdAt.getTime()));
    }
  }
  return { days, placement: { groupId: t.groupId, assigneeId: t.assigneeId, keys: t.keys } };
}

/** The rollup rows a placement adds to: in each of its scopes, the totals (ALL) and its key in each dimension. */
export function rowsOf(p: Placement): RollupRow[] {
  const rows: RollupRow[] = [];
  for (const scope of scopesOf(p.groupId, p.assigneeId)) {
    rows.push({ scope, dimension: ALL, key: "" });
    for (const [dimension, key] of Object.entries(p.keys)) rows.push({ scope, dimension, key: key ?? NULL_KEY });
  }
  return rows;
}
