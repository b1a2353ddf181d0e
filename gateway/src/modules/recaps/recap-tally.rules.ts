/**
 * A recap's tally: what one period (or one day, one ticket's share of a day) counts, in a shape
 * that adds and subtracts exactly, so daily rollups merge into any whole-day period and a
 * ticket's old share comes out of them when it changes (recap-contribution.rules).
 *
 * Durations are kept as counts per rounded value, in hundredths of an hour — the precision every
 * duration figure is shown at (recap.rules' `hours`). Rounding is monotone, so the k-th smallest
 * rounded value is the rounded k-th smallest value: a nearest-rank percentile of the counts is
 * exactly `hours(percentile(values))`, and the counts stay small (values repeat) and mergeable.
 */
import { hours, nearestRank } from "./recap.rules.js";

/** How many times each value occurs (value as text → count). */
export type Counts = Record<string, number>;

/** The additive figures of a period; backlog ages are filled only by the live backlog read. */
export interface RecapTally {
  ticketsIn: number;
  resolved: number;
  closed: number;
  cancelled: number;
  reopened: number;
  responseTargets: number;
  responseKept: number;
  resolutionTargets: number;
  resolutionKept: number;
  firstContact: number;
  functional: number;
  hierarchical: number;
  suggestions: number;
  /** Time to first response, hundredths of an hour → count. */
  firstResponse: Counts;
  /** Time to resolution, hundredths of an hour → count. */
  resolution: Counts;
  /** Backlog ages at the end of the period (of the day, in a rollup row), hundredths of an hour → count: a snapshot, never summed over days. */
  backlogAges: Counts;
  /** The answers to the three satisfaction questions, answer → count. */
  answers: [Counts, Counts, Counts];
}

const NUMBERS = ["ticketsIn", "resolved", "closed", "cancelled", "reopened", "responseTargets", "responseKept", "resolutionTargets", "resolutionKept", "firstContact", "functional", "hierarchical", "suggestions"] as const;

/** A tally of nothing. */
export function emptyTally(): RecapTally {
  return {
    ticketsIn: 0,
    resolved: 0,
    closed: 0,
    cancelled: 0,
    reopened: 0,
    responseTargets: 0,
    responseKept: 0,
    resolutionTargets: 0,
    resolutionKept: 0,
    firstContact: 0,
    functional: 0,
    hierarchical: 0,
    suggestions: 0,
    firstResponse: {},
    resolution: {},
    backlogAges: {},
    answers: [{}, {}, {}],
  };
}

/** Adds `n` occurrences of `key` (n may be negative); a count that reaches 0 is dropped. */
export function addCount(counts: Counts, key: string, n = 1): void {
  const next = (counts[key] ?? 0) + n;
  if (next === 0) delete counts[key];
  else counts[key] = next;
}

function addCounts(into: Counts, from: Counts, sign: 1 | -1): void {
  for (const [k, n] of Object.entries(from)) addCount(into, k, sign * n);
}

/** Adds `from` into `into` (sign 1) or takes it out (sign −1); backlog ages too unless `backlog` is false (merging days into a period). */
export function addTally(into: RecapTally, from: RecapTally, sign: 1 | -1 = 1, backlog = true): RecapTally {
  for (const k of NUMBERS) into[k] += sign * from[k];
  addCounts(into.firstResponse, from.firstResponse, sign);
  addCounts(into.resolution, from.resolution, sign);
  if (backlog) addCounts(into.backlogAges, from.backlogAges, sign);
  for (let i = 0; i < 3; i++) addCounts(into.answers[i]!, from.answers[i]!, sign);
  return into;
}

/** Whether a tally counts nothing at all (a rollup row that may go). */
export function isEmptyTally(t: RecapTally): boolean {
  return NUMBERS.every((k) => t[k] === 0) && [t.firstResponse, t.resolution, t.backlogAges, ...t.answers].every((c) => Object.keys(c).length === 0);
}

/** A duration's key: its `hours` in hundredths, as text. */
export function durationKey(ms: number): string {
  return String(Math.round(hours(ms)! * 100));
}

/** How many values the counts hold. */
export function countOf(counts: Counts): number {
  let n = 0;
  for (const v of Object.values(counts)) n += v;
  return n;
}

/** The nearest-rank percentile of duration counts, in hours (`hours(percentile(values))`); null for none. */
export function percentileHours(counts: Counts, p: number): number | null {
  const n = countOf(counts);
  if (!n) return null;
  const rank = nearestRank(n, p);
  const keys = Object.keys(counts)
    .map(Number)
    .sort((a, b) => a - b);
  let seen = 0;
  for (const k of keys) {
    seen += counts[String(k)]!;
    if (seen >= rank) return k / 100;
  }
  return keys.at(-1)! / 100;
}

/** The answers the counts hold, one per occurrence (for summarizeAnswers). */
export function answersOf(counts: Counts): number[] {
  const out: number[] = [];
  for (const [k, n] of Object.entries(counts)) for (let i = 0; i < n; i++) out.push(Number(k));
  return out;
}

/** A tally from its stored form (fields a stored tally omits count 0). */
export function tallyOf(stored: Partial<RecapTally>): RecapTally {
  const t = emptyTally();
  for (const k of NUMBERS) t[k] = stored[k] ?? 0;
  t.firstResponse = { ...stored.firstResponse };
  t.resolution = { ...stored.resolution };
  t.backlogAges = { ...stored.backlogAges };
  t.answers = [{ ...stored.answers?.[0] }, { ...stored.answers?.[1] }, { ...stored.answers?.[2] }];
  return t;
}

/** A tally's stored form: only what is not zero or empty. */
export function compactTally(t: RecapTally): Partial<RecapTally> {
  const out: Partial<RecapTally> = {};
  for (const k of NUMBERS) if (t[k] !== 0) out[k] = t[k];
  if (Object.keys(t.firstResponse).length) out.firstResponse = t.firstResponse;
  if (Object.keys(t.resolution).length) out.resolution = t.resolution;
  if (Object.keys(t.backlogAges).length) out.backlogAges = t.backlogAges;
  if (t.answers.some((a) => Object.keys(a).length)) out.answers = t.answers;
  return out;
}
