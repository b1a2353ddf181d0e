import { describe, expect, it } from "vitest";
import { shiftDay, spanDays, stepPeriod, today, trendStep, type ReportPeriod } from "./report-period.js";

describe("report period arithmetic", () => {
  it.each<[string, number, string]>([
    ["2026-11-30", 1, "2026-12-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2028-03-01", -1, "2028-02-29"],
    ["2026-12-31", 1, "2027-01-01"],
  ])("%s shifted by %s is %s", (day, n, expected) => {
    expect(shiftDay(day, n)).toBe(expected);
  });

  it.each<[ReportPeriod, string, string, -1 | 1, ReportPeriod]>([
    [{ period: "DAY", day: "2026-11-30", lastDay: null }, "2026-11-30", "2026-11-30", -1, { period: "DAY", day: "2026-11-29", lastDay: null }],
    [{ period: "WEEK", day: "2026-12-02", lastDay: null }, "2026-11-30", "2026-12-06", 1, { period: "WEEK", day: "2026-12-07", lastDay: null }],
    [{ period: "MONTH", day: "2026-03-15", lastDay: null }, "2026-03-01", "2026-03-31", -1, { period: "MONTH", day: "2026-02-28", lastDay: null }],
    [{ period: "CUSTOM", day: "2026-11-03", lastDay: "2026-11-05" }, "2026-11-03", "2026-11-05", -1, { period: "CUSTOM", day: "2026-10-31", lastDay: "2026-11-02" }],
    [{ period: "CUSTOM", day: "2026-11-03", lastDay: "2026-11-05" }, "2026-11-03", "2026-11-05", 1, { period: "CUSTOM", day: "2026-11-06", lastDay: "2026-11-08" }],
  ])("from %j (%s to %s) a step %s is %j", (shown, first, last, direction, expected) => {
    expect(stepPeriod(shown, first, last, direction)).toEqual(expected);
  });

  it.each<[string, string, number, string]>([
    ["2026-11-30", "2026-11-30", 1, "DAY"],
    ["2026-11-01", "2026-11-30", 30, "DAY"],
    ["2026-01-01", "2026-12-31", 365, "WEEK"],
    ["2025-01-01", "2026-12-31", 730, "MONTH"],
  ])("%s to %s spans %s days, trended by %s", (first, last, span, step) => {
    expect(spanDays(first, last)).toBe(span);
    expect(trendStep(first, last)).toBe(step);
  });

  it("today is the reader's own date", () => {
    const now = new Date(2026, 10, 30, 23, 30);
    expect(today(now)).toBe("2026-11-30");
  });
});
