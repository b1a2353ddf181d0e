/**
 * Which recap figures the report heads with, how each reads and which tickets open behind it. The
 * figures themselves are the gateway's (Recap.totals, Recap.previous); this only picks and formats.
 */
import type { ReportFiguresFragment, RecapFigure } from "../../client/generated.js";
import type { ReportKey } from "../desk-report.messages.js";

/** How a figure is written. */
export type FigureFormat = "count" | "percent" | "hours" | "score";

/** One headline figure. */
export interface Headline {
  key: ReportKey;
  value(f: ReportFiguresFragment): number | null;
  format: FigureFormat;
  /** The tickets a click lists (null: none to list, e.g. an age). */
  drill: RecapFigure | null;
}

const serviceScore = (f: ReportFiguresFragment) => f.satisfaction.find((s) => s.question === "SERVICE")?.mean ?? null;

/** The headline figures, in the order the report shows them. */
export const HEADLINES: readonly Headline[] = [
  { key: "ticketsIn", value: (f) => f.ticketsIn, format: "count", drill: "TICKETS_IN" },
  { key: "resolved", value: (f) => f.resolved, format: "count", drill: "RESOLVED" },
  { key: "closed", value: (f) => f.closed, format: "count", drill: "CLOSED" },
  { key: "cancelled", value: (f) => f.cancelled, format: "count", drill: "CANCELLED" },
  { key: "reopened", value: (f) => f.reopened, format: "count", drill: "REOPENED" },
  { key: "backlog", value: (f) => f.backlog, format: "count", drill: "BACKLOG" },
  { key: "backlogAge", value: (f) => f.backlogAgeMedianHours, format: "hours", drill: "BACKLOG" },
  { key: "backlogAgeP90", value: (f) => f.backlogAgeP90Hours, format: "hours", drill: "BACKLOG" },
  { key: "responseKept", value: (f) => f.responseKeptPercent, format: "percent", drill: "RESPONSE_MISSED" },
  { key: "resolutionKept", value: (f) => f.resolutionKeptPercent, format: "percent", drill: "RESOLUTION_MISSED" },
  { key: "firstResponseMedian", value: (f) => f.firstResponseMedianHours, format: "hours", drill: "FIRST_RESPONDED" },
  { key: "firstResponseP90", value: (f) => f.firstResponseP90Hours, format: "hours", drill: "FIRST_RESPONDED" },
  { key: "resolutionMedian", value: (f) => f.resolutionMedianHours, format: "hours", drill: "RESOLVED" },
  { key: "resolutionP90", value: (f) => f.resolutionP90Hours, format: "hours", drill: "RESOLVED" },
  { key: "firstContact", value: (f) => f.firstContactPercent, format: "percent", drill: "FIRST_CONTACT" },
  { key: "escalations", value: (f) => f.escalationsFunctional + f.escalationsHierarchical, format: "count", drill: "ESCALATED" },
  { key: "satisfaction", value: serviceScore, format: "score", drill: "RESOLVED" },
];

/** A figure's change against the previous period: its direction and size (null when either side has no value). */
export function change(now: number | null, before: number | null): { direction: "up" | "down" | "same"; delta: number } | null {
  if (now === null || before === null) return null;
  const delta = Math.round((now - before) * 100) / 100;
  return { direction: delta > 0 ? "up" : delta < 0 ? "down" : "same", delta: Math.abs(delta) };
}

/** A number in the reader's locale, at most two decimals. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}
