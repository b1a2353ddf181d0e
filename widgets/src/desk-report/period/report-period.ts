/**
 * The period the report shows, as dates in the site's zone ("YYYY-MM-DD"): the gateway turns them
 * into instants (RecapInput.day/lastDay) and answers the period's first and last days, so moving
 * to the previous or next period is date arithmetic with no time zone in it.
 */
import type { RecapPeriod, RecapTrendStep } from "../../client/generated.js";

/** What the report asks for: a period containing `day` (CUSTOM: from `day` to `lastDay`). */
export interface ReportPeriod {
  period: RecapPeriod;
  day: string;
  /** CUSTOM only. */
  lastDay: string | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayText = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** A date `n` days after `day` (before, for negative n). */
export function shiftDay(day: string, n: number): string {
  return dayText(dayNumber(day) + n);
}

/** How many days a period spans, first and last included. */
export function spanDays(firstDay: string, lastDay: string): number {
  return dayNumber(lastDay) - dayNumber(firstDay) + 1;
}

/** The period just before (`-1`) or after (`1`) the one shown, whose first and last days the gateway answered. */
export function stepPeriod(shown: ReportPeriod, firstDay: string, lastDay: string, direction: -1 | 1): ReportPeriod {
  if (shown.period !== "CUSTOM") return { period: shown.period, day: direction < 0 ? shiftDay(firstDay, -1) : shiftDay(lastDay, 1), lastDay: null };
  const span = spanDays(firstDay, lastDay);
  const day = shiftDay(firstDay, direction * span);
  return { period: "CUSTOM", day, lastDay: shiftDay(day, span - 1) };
}

/** The reader's date today ("YYYY-MM-DD" on their own clock): the first period shown contains it. */
export function today(now = new Date()): string {
  return dayText(Math.floor((now.getTime() - now.getTimezoneOffset() * 60_000) / DAY_MS));
}

/** The trend's step for a period: by day up to three months (the gateway's 92 points), by week up to two years' worth, else by month. */
export function trendStep(firstDay: string, lastDay: string): RecapTrendStep {
  const span = spanDays(firstDay, lastDay);
  return span <= 92 ? "DAY" : span <= 92 * 7 ? "WEEK" : "MONTH";
}
