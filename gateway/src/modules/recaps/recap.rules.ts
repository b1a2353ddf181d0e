/**
 * What every recap figure means (issue 13), written once. The service counts with SQL built from
 * the fragments here and reads durations to apply the percentile and the business clock here.
 *
 * Definitions, for a period [from, to) in the site's time zone:
 * - tickets in: created in the period; resolved: `resolved_at` in it (the latest resolution: a
 *   reopened ticket counts when resolved again); closed: `closed_at` in it and not CANCELLED;
 *   cancelled: CANCELLED with `closed_at` (the cancel) in it; reopened: REOPENED events in it.
 * - backlog: created before `to` and neither resolved nor closed/cancelled before `to`, as the
 *   ticket stands now (a ticket reopened after `to` is judged by its latest resolution); its age is
 *   `to` − created, in hours.
 * - a target (response, resolution) is decided at the moment it is met if it was met on time,
 *   else at its due time once that has passed; a ticket counts for the period its target was
 *   decided in, once, and kept means met at or before due. A target not yet met and not yet due is
 *   undecided, and CANCELLED tickets count for no target.
 * - time to first response: created → first response, for tickets first answered in the period;
 *   time to resolution: created → resolved less the time on hold, for tickets resolved in it;
 *   both in business time where the ticket's priority follows the site's calendar
 *   ({@link ticketTimes}: one ticket's, as the closed-incidents report prints them).
 * - first-contact resolution: resolved in the period, never escalated (no ESCALATED or
 *   AUTO_ESCALATED entry) and assigned at most once (no reassignment).
 * - the tickets behind a figure (drill-down): {@link figureSql}, from the same SQL fragments.
 * - escalations: ESCALATED and AUTO_ESCALATED entries in the period, by direction.
 * - satisfaction: the answers on tickets resolved in the period; response rate = answers / resolved.
 * - percentiles: nearest rank (the ⌈p·n⌉-th smallest), null for no values.
 */
import { type BusinessCalendar, businessTimeBetween, civilDayOf, instantOf } from "../sla/business-time.rules.js";

/** The length of a recap's period. */
export enum RecapPeriod {
  DAY = "DAY",
  WEEK = "WEEK",
  MONTH = "MONTH",
  CUSTOM = "CUSTOM",
}

/** The step of a recap's trend. */
export enum RecapTrendStep {
  DAY = "DAY",
  WEEK = "WEEK",
  MONTH = "MONTH",
}

/** A half-open interval [from, to) of instants. */
export interface Bounds {
  from: Date;
  to: Date;
}

/** One bad part of a recap request. */
export interface RecapProblem {
  field: string;
  message: string;
}

const DAY_MS = 86_400_000;
/** The longest custom period and the most trend points one recap answers. */
export const MAX_CUSTOM_DAYS = 366;
/** The most points a trend may have. */
export const MAX_TREND_POINTS = 92;

function monthStart(day: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
}

function addMonths(day: number, n: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1) / DAY_MS;
}

/** The civil day a period of `step` containing `day` starts on (ISO weeks start on Monday). */
function stepStart(step: RecapTrendStep | RecapPeriod, day: number): number {
  if (step === RecapPeriod.WEEK) return day - ((((day + 3) % 7) + 7) % 7);
  if (step === RecapPeriod.MONTH) return monthStart(day);
  return day;
}

function nextStep(step: RecapTrendStep | RecapPeriod, start: number): number {
  if (step === RecapPeriod.WEEK) return start + 7;
  if (step === RecapPeriod.MONTH) return addMonths(start, 1);
  return start + 1;
}

/**
 * The bounds of the period a request names, or what is wrong with it: `from` must be the local
 * start of its day, ISO week (Monday) or month; CUSTOM takes local day starts `from` < `to`,
 * at most {@link MAX_CUSTOM_DAYS} days apart, and only CUSTOM takes `to`.
 */
export function periodBounds(period: RecapPeriod, from: Date, to: Date | null, timeZone: string): Bounds | RecapProblem[] {
  const problems: RecapProblem[] = [];
  const day = civilDayOf(from.getTime(), timeZone);
  const step = period === RecapPeriod.CUSTOM ? RecapPeriod.DAY : period;
  const start = stepStart(step, day);
  if (instantOf(start, 0, timeZone) !== from.getTime()) {
    const what = { DAY: "day", WEEK: "ISO week (Monday)", MONTH: "month", CUSTOM: "day" }[period];
    problems.push({ field: "from", message: `from must be the start of a ${what} in the site's time zone (${timeZone}).` });
  }
  if (period !== RecapPeriod.CUSTOM) {
    if (to !== null) problems.push({ field: "to", message: "to is given only for a CUSTOM period." });
    return problems.length ? problems : { from, to: new Date(instantOf(nextStep(period, start), 0, timeZone)) };
  }
  if (to === null) return [...problems, { field: "to", message: "A CUSTOM period needs to (the start of the day after its last)." }];
  const end = civilDayOf(to.getTime(), timeZone);
  if (instantOf(end, 0, timeZone) !== to.getTime()) problems.push({ field: "to", message: `to must be the start of a day in the site's time zone (${timeZone}).` });
  else if (end <= day) problems.push({ field: "to", message: "to must be after from." });
  else if (end - day > MAX_CUSTOM_DAYS) problems.push({ field: "to", message: `A CUSTOM period spans at most ${MAX_CUSTOM_DAYS} days.` });
  return problems.length ? problems : { from, to };
}

/** The last whole day, ISO week or month before the one holding `at`, in the site's time zone. */
export function lastCompletePeriod(period: RecapPeriod.DAY | RecapPeriod.WEEK | RecapPeriod.MONTH, at: Date, timeZone: string): Bounds {
  const current = stepStart(period, civilDayOf(at.getTime(), timeZone));
  return previousBounds(period, { from: new Date(instantOf(current, 0, timeZone)), to: new Date(instantOf(nextStep(period, current), 0, timeZone)) }, timeZone);
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A civil date written "YYYY-MM-DD" as a civil day number (days since 1970-01-01); null for other text or no such date. */
export function civilDayFromText(text: string): number | null {
  const m = DATE_TEXT.exec(text);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === text ? ms / DAY_MS : null;
}

/** A civil day number written "YYYY-MM-DD". */
export function civilDayText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A period named by civil dates in the site's zone instead of instants: the day, ISO week or month
 * containing `day`, or for CUSTOM the days `day` to `lastDay` inclusive. Answers the `from` (and
 * CUSTOM's `to`) that {@link periodBounds} takes, so widgets never do time-zone arithmetic.
 */
export function periodOfDays(period: RecapPeriod, day: string, lastDay: string | null, timeZone: string): { from: Date; to: Date | null } | RecapProblem[] {
  const first = civilDayFromText(day);
  const last = lastDay === null ? null : civilDayFromText(lastDay);
  const problems: RecapProblem[] = [];
  if (first === null) problems.push({ field: "day", message: `day must be a date written YYYY-MM-DD, got ${JSON.stringify(day)}.` });
  if (period === RecapPeriod.CUSTOM && lastDay === null) problems.push({ field: "lastDay", message: "A CUSTOM period needs lastDay (its last day, YYYY-MM-DD)." });
  else if (period !== RecapPeriod.CUSTOM && lastDay !== null) problems.push({ field: "lastDay", message: "lastDay is given only for a CUSTOM period." });
  else if (lastDay !== null && last === null) problems.push({ field: "lastDay", message: `lastDay must be a date written YYYY-MM-DD, got ${JSON.stringify(lastDay)}.` });
  if (problems.length || first === null) return problems;
  const start = stepStart(period === RecapPeriod.CUSTOM ? RecapPeriod.DAY : period, first);
  return { from: new Date(instantOf(start, 0, timeZone)), to: last === null ? null : new Date(instantOf(last + 1, 0, timeZone)) };
}

/** The first and last civil days of a period, "YYYY-MM-DD", in the site's zone. */
export function periodDays(bounds: Bounds, timeZone: string): { firstDay: string; lastDay: string } {
  return { firstDay: civilDayText(civilDayOf(bounds.from.getTime(), timeZone)), lastDay: civilDayText(civilDayOf(bounds.to.getTime(), timeZone) - 1) };
}

/** The period before: the previous day, week or month; for CUSTOM the same number of days just before. */
export function previousBounds(period: RecapPeriod, bounds: Bounds, timeZone: string): Bounds {
  const day = civilDayOf(bounds.from.getTime(), timeZone);
  let start: number;
  if (period === RecapPeriod.MONTH) start = addMonths(day, -1);
  else if (period === RecapPeriod.WEEK) start = day - 7;
  else if (period === RecapPeriod.DAY) start = day - 1;
  else start = day - (civilDayOf(bounds.to.getTime(), timeZone) - day);
  return { from: new Date(instantOf(start, 0, timeZone)), to: bounds.from };
}

/** The trend's points over a period: steps in local time, the first and last clipped to the period. */
export function trendBounds(step: RecapTrendStep, bounds: Bounds, timeZone: string): Bounds[] | RecapProblem[] {
  const points: Bounds[] = [];
  let start = stepStart(step, civilDayOf(bounds.from.getTime(), timeZone));
  const to = bounds.to.getTime();
  while (instantOf(start, 0, timeZone) < to) {
    const next = nextStep(step, start);
    points.push({ from: new Date(Math.max(instantOf(start, 0, timeZone), bounds.from.getTime())), to: new Date(Math.min(instantOf(next, 0, timeZone), to)) });
    if (points.length > MAX_TREND_POINTS) return [{ field: "trend", message: `A trend has at most ${MAX_TREND_POINTS} points; choose a longer step.` }];
    start = next;
  }
  return points;
}

/** The rank (1-based) the nearest-rank percentile p of n values picks: ⌈p/100·n⌉, at least 1. */
export function nearestRank(n: number, p: number): number {
  return Math.max(1, Math.ceil((p / 100) * n));
}

/** The nearest-rank percentile (the ⌈p/100·n⌉-th smallest value); null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[nearestRank(sorted.length, p) - 1]!;
}

/** A share as a percentage rounded to one decimal; null when there is nothing to share. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** Hours from milliseconds, rounded to two decimals; null stays null. */
export function hours(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / 3_600_000) * 100) / 100;
}

/** How a target turned out by `now`: when it was decided and whether it was kept; null while undecided or for a CANCELLED ticket. */
export function targetOutcome(metAt: Date | null, dueAt: Date, cancelled: boolean, now: Date): { decidedAt: Date; kept: boolean } | null {
  if (cancelled) return null;
  const kept = metAt !== null && metAt.getTime() <= dueAt.getTime();
  if (!kept && dueAt.getTime() >= now.getTime()) return null;
  return { decidedAt: kept ? metAt : dueAt, kept };
}

/**
 * The SQL of {@link targetOutcome} for alias `t`, as two disjoint conditions each bound by one
 * indexed column: targets kept whose meeting fell in [:from, :to), and targets missed whose due
 * time fell in it and has passed (before :now).
 */
export function targetSql(alias: string, metColumn: string, dueColumn: string): { keptIn: string; missedIn: string } {
  const met = `${alias}.${metColumn}`;
  const due = `${alias}.${dueColumn}`;
  const live = `${alias}.status <> 'CANCELLED'`;
  return {
    keptIn: `${met} >= :from AND ${met} < :to AND ${met} <= ${due} AND ${live}`,
    missedIn: `${due} >= :from AND ${due} < :to AND ${due} < :now AND (${met} IS NULL OR ${met} > ${due}) AND ${live}`,
  };
}

/** The kinds of timeline entry each event-counted figure counts. */
export const EVENT_KINDS = { reopened: ["REOPENED"], escalations: ["ESCALATED", "AUTO_ESCALATED"] } as const;

const sqlList = (kinds: readonly string[]) => `(${kinds.map((k) => `'${k}'`).join(", ")})`;

/** The direction of an escalation entry, from its `data` column as stored (JSON text). */
export function escalationDirection(data: unknown): "FUNCTIONAL" | "HIERARCHICAL" {
  return String(data ?? "").includes('"escalationKind":"HIERARCHICAL"') ? "HIERARCHICAL" : "FUNCTIONAL";
}

/** Timeline entries (alias `e`) of `kinds` in [:from, :to). */
export function eventsInSql(kinds: readonly string[]): string {
  return `e.kind IN ${sqlList(kinds)} AND e.at >= :from AND e.at < :to`;
}

/** Whether ticket `alias` was resolved at first contact: never escalated and assigned at most once (no reassignment). */
export function firstContactSql(alias: string): string {
  const count = (kinds: readonly string[]) => `(SELECT COUNT(*) FROM ticket_event fc WHERE fc.ticket_id = ${alias}.id AND fc.kind IN ${sqlList(kinds)})`;
  return `${count(EVENT_KINDS.escalations)} = 0 AND ${count(["ASSIGNED"])} <= 1`;
}

/** The figures whose tickets a drill-down lists. */
export enum RecapFigure {
  TICKETS_IN = "TICKETS_IN",
  RESOLVED = "RESOLVED",
  CLOSED = "CLOSED",
  CANCELLED = "CANCELLED",
  REOPENED = "REOPENED",
  BACKLOG = "BACKLOG",
  RESPONSE_KEPT = "RESPONSE_KEPT",
  RESPONSE_MISSED = "RESPONSE_MISSED",
  RESOLUTION_KEPT = "RESOLUTION_KEPT",
  RESOLUTION_MISSED = "RESOLUTION_MISSED",
  FIRST_RESPONDED = "FIRST_RESPONDED",
  FIRST_CONTACT = "FIRST_CONTACT",
  ESCALATED = "ESCALATED",
}

/** Tickets (alias `t`) created in the period; the fragments below take :from, :to, :now (and :siteId) bound. */
export const TICKETS_IN_SQL = "t.created_at >= :from AND t.created_at < :to";
/** Tickets closed or cancelled in the period: `closed_at` (the close or the cancel) in it. */
export const CLOSED_IN_SQL = "t.closed_at >= :from AND t.closed_at < :to";
/** Tickets whose latest resolution fell in the period. */
export const RESOLVED_IN_SQL = "t.resolved_at >= :from AND t.resolved_at < :to";
/** Tickets first answered in the period (their time to first response counts in it). */
export const FIRST_RESPONDED_IN_SQL = "t.first_responded_at >= :from AND t.first_responded_at < :to";
/** The backlog at :to: three disjoint sets, each bound by its own index. */
export const BACKLOG_AT_SQL = [
  "t.is_open = 1 AND t.resolved_at IS NULL AND t.created_at < :to",
  "t.resolved_at >= :to AND t.created_at < :to",
  "t.resolved_at IS NULL AND t.closed_at >= :to AND t.created_at < :to",
] as const;

// The site's entries of the period by the recap index (site, kind, at), not a probe per ticket.
const hasEvent = (kinds: readonly string[]) => `t.id IN (SELECT e.ticket_id FROM ticket_event e WHERE e.site_id = :siteId AND ${eventsInSql(kinds)})`;

/**
 * The tickets behind a figure, as disjoint SQL conditions on alias `t` (OR them): built from the
 * same fragments the counter counts with, so a drill-down lists exactly what the figure counted
 * (event figures list each ticket once, however many entries it has in the period).
 */
export function figureSql(figure: RecapFigure): readonly string[] {
  const response = targetSql("t", "first_responded_at", "response_due_at");
  const resolution = targetSql("t", "resolved_at", "resolution_due_at");
  switch (figure) {
    case RecapFigure.TICKETS_IN:
      return [TICKETS_IN_SQL];
    case RecapFigure.RESOLVED:
      return [RESOLVED_IN_SQL];
    case RecapFigure.CLOSED:
      return [`${CLOSED_IN_SQL} AND t.status <> 'CANCELLED'`];
    case RecapFigure.CANCELLED:
      return [`${CLOSED_IN_SQL} AND t.status = 'CANCELLED'`];
    case RecapFigure.REOPENED:
      return [hasEvent(EVENT_KINDS.reopened)];
    case RecapFigure.BACKLOG:
      return BACKLOG_AT_SQL;
    case RecapFigure.RESPONSE_KEPT:
      return [response.keptIn];
    case RecapFigure.RESPONSE_MISSED:
      return [response.missedIn];
    case RecapFigure.RESOLUTION_KEPT:
      return [resolution.keptIn];
    case RecapFigure.RESOLUTION_MISSED:
      return [resolution.missedIn];
    case RecapFigure.FIRST_RESPONDED:
      return [FIRST_RESPONDED_IN_SQL];
    case RecapFigure.FIRST_CONTACT:
      return [`${RESOLVED_IN_SQL} AND ${firstContactSql("t")}`];
    case RecapFigure.ESCALATED:
      return [hasEvent(EVENT_KINDS.escalations)];
  }
}

/** Time to resolution: business time from report to resolution less the time on hold, never below 0. */
export function resolutionTime(businessMs: number, pausedMs: number): number {
  return Math.max(0, businessMs - pausedMs);
}

/** Mean, 1–5 distribution and count of one satisfaction question's answers. */
export interface QuestionSummary {
  mean: number | null;
  distribution: number[];
  responses: number;
}

/** Summarizes 1–5 answers; the mean is rounded to two decimals, answers outside 1–5 are ignored. */
export function summarizeAnswers(answers: readonly number[]): QuestionSummary {
  const distribution = [0, 0, 0, 0, 0];
  let sum = 0;
  let n = 0;
  for (const a of answers) {
    if (!Number.isInteger(a) || a < 1 || a > 5) continue;
    distribution[a - 1]!++;
    sum += a;
    n++;
  }
  return { mean: n ? Math.round((sum / n) * 100) / 100 : null, distribution, responses: n };
}

/** What {@link ticketTimes} reads of a ticket. */
export interface TimedTicket {
  createdAt: Date;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  pausedMs: number;
}

/**
 * One ticket's time to first response and to resolution as the recap defines them: business time
 * on the ticket's clock (`clock` null: around the clock), the resolution less its time on hold;
 * null for what has not happened.
 */
export function ticketTimes(clock: BusinessCalendar | null, t: TimedTicket): { toRespondMs: number | null; toResolveMs: number | null } {
  return {
    toRespondMs: t.firstRespondedAt ? businessTimeBetween(clock, t.createdAt, t.firstRespondedAt) : null,
    toResolveMs: t.resolvedAt ? resolutionTime(businessTimeBetween(clock, t.createdAt, t.resolvedAt), t.pausedMs) : null,
  };
}
