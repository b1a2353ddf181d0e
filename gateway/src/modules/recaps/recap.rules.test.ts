import { describe, expect, it } from "vitest";
import { BACKLOG_AT_SQL, CLOSED_IN_SQL, eventsInSql, figureSql, firstContactSql, percent, percentile, periodBounds, periodDays, periodOfDays, previousBounds, RecapFigure, RecapPeriod, RecapTrendStep, RESOLVED_IN_SQL, resolutionTime, targetSql, TICKETS_IN_SQL, summarizeAnswers, targetOutcome, ticketTimes, trendBounds } from "./recap.rules.js";

const JKT = "Asia/Jakarta"; // UTC+7, no DST
const NY = "America/New_York"; // DST ends 2026-11-01
const at = (iso: string) => new Date(iso);

describe("periodBounds", () => {
  it.each<[RecapPeriod, string, string | null, string, string, string]>([
    [RecapPeriod.DAY, "2026-11-29T17:00:00Z", null, JKT, "2026-11-29T17:00:00.000Z", "2026-11-30T17:00:00.000Z"],
    // ISO week: Monday 2026-11-30 local midnight in Jakarta.
    [RecapPeriod.WEEK, "2026-11-29T17:00:00Z", null, JKT, "2026-11-29T17:00:00.000Z", "2026-12-06T17:00:00.000Z"],
    [RecapPeriod.MONTH, "2026-10-31T17:00:00Z", null, JKT, "2026-10-31T17:00:00.000Z", "2026-11-30T17:00:00.000Z"],
    // The day DST ends in New York has 25 hours.
    [RecapPeriod.DAY, "2026-11-01T04:00:00Z", null, NY, "2026-11-01T04:00:00.000Z", "2026-11-02T05:00:00.000Z"],
    [RecapPeriod.MONTH, "2026-10-01T04:00:00Z", null, NY, "2026-10-01T04:00:00.000Z", "2026-11-01T04:00:00.000Z"],
    [RecapPeriod.CUSTOM, "2026-11-02T17:00:00Z", "2026-11-05T17:00:00Z", JKT, "2026-11-02T17:00:00.000Z", "2026-11-05T17:00:00.000Z"],
  ])("%s from %s (to %s) in %s is [%s, %s)", (period, from, to, tz, a, b) => {
    const bounds = periodBounds(period, at(from), to ? at(to) : null, tz);
    expect(bounds).toEqual({ from: at(a), to: at(b) });
  });

  it.each<[RecapPeriod, string, string | null, string]>([
    [RecapPeriod.DAY, "2026-11-30T00:00:00Z", null, "from"], // midnight UTC is 07:00 in Jakarta
    [RecapPeriod.WEEK, "2026-11-30T17:00:00Z", null, "from"], // a Tuesday
    [RecapPeriod.MONTH, "2026-11-01T17:00:00Z", null, "from"],
    [RecapPeriod.DAY, "2026-11-29T17:00:00Z", "2026-11-30T17:00:00Z", "to"],
    [RecapPeriod.CUSTOM, "2026-11-29T17:00:00Z", null, "to"],
    [RecapPeriod.CUSTOM, "2026-11-29T17:00:00Z", "2026-11-29T17:00:00Z", "to"],
    [RecapPeriod.CUSTOM, "2025-11-29T17:00:00Z", "2026-12-29T17:00:00Z", "to"],
  ])("refuses %s from %s to %s, naming %s", (period, from, to, field) => {
    const problems = periodBounds(period, at(from), to ? at(to) : null, JKT);
    expect(Array.isArray(problems) ? problems.map((p) => p.field) : problems).toEqual([field]);
  });
});

describe("periodOfDays and periodDays: periods named by dates in the site's zone", () => {
  it.each<[RecapPeriod, string, string | null, string, string, string | null, string, string]>([
    [RecapPeriod.DAY, "2026-11-30", null, JKT, "2026-11-29T17:00:00.000Z", null, "2026-11-30", "2026-11-30"],
    // Wednesday 2026-12-02 lies in the ISO week starting Monday 2026-11-30.
    [RecapPeriod.WEEK, "2026-12-02", null, JKT, "2026-11-29T17:00:00.000Z", null, "2026-11-30", "2026-12-06"],
    [RecapPeriod.MONTH, "2026-11-17", null, JKT, "2026-10-31T17:00:00.000Z", null, "2026-11-01", "2026-11-30"],
    [RecapPeriod.DAY, "2026-11-01", null, NY, "2026-11-01T04:00:00.000Z", null, "2026-11-01", "2026-11-01"],
    [RecapPeriod.CUSTOM, "2026-11-03", "2026-11-05", JKT, "2026-11-02T17:00:00.000Z", "2026-11-05T17:00:00.000Z", "2026-11-03", "2026-11-05"],
  ])("%s of %s (last %s) in %s starts %s (to %s), days %s to %s", (period, day, lastDay, tz, from, to, firstDay, last) => {
    const named = periodOfDays(period, day, lastDay, tz);
    expect(named).toEqual({ from: at(from), to: to ? at(to) : null });
    const bounds = periodBounds(period, (named as { from: Date }).from, (named as { to: Date | null }).to, tz);
    expect(periodDays(bounds as { from: Date; to: Date }, tz)).toEqual({ firstDay, lastDay: last });
  });
  it.each<[RecapPeriod, string, string | null, string[]]>([
    [RecapPeriod.DAY, "2026-02-30", null, ["day"]],
    [RecapPeriod.DAY, "30/11/2026", null, ["day"]],
    [RecapPeriod.DAY, "2026-11-30", "2026-12-01", ["lastDay"]],
    [RecapPeriod.CUSTOM, "2026-11-30", null, ["lastDay"]],
    [RecapPeriod.CUSTOM, "2026-11-30", "soon", ["lastDay"]],
  ])("refuses %s of %s (last %s), naming %j", (period, day, lastDay, fields) => {
    const problems = periodOfDays(period, day, lastDay, JKT);
    expect(Array.isArray(problems) ? problems.map((p) => p.field) : problems).toEqual(fields);
  });
});

describe("previousBounds", () => {
  it.each<[RecapPeriod, string, string, string]>([
    [RecapPeriod.DAY, "2026-11-29T17:00:00Z", "2026-11-30T17:00:00Z", "2026-11-28T17:00:00.000Z"],
    [RecapPeriod.WEEK, "2026-11-29T17:00:00Z", "2026-12-06T17:00:00Z", "2026-11-22T17:00:00.000Z"],
    [RecapPeriod.MONTH, "2026-02-28T17:00:00Z", "2026-03-31T17:00:00Z", "2026-01-31T17:00:00.000Z"],
    [RecapPeriod.CUSTOM, "2026-11-02T17:00:00Z", "2026-11-05T17:00:00Z", "2026-10-30T17:00:00.000Z"],
  ])("before %s [%s, %s) starts at %s", (period, from, to, prev) => {
    expect(previousBounds(period, { from: at(from), to: at(to) }, JKT)).toEqual({ from: at(prev), to: at(from) });
  });
});

describe("trendBounds", () => {
  it("steps a month by ISO week, clipping the first and last weeks", () => {
    const points = trendBounds(RecapTrendStep.WEEK, { from: at("2026-10-31T17:00:00Z"), to: at("2026-11-30T17:00:00Z") }, JKT);
    expect(Array.isArray(points) && points.map((p) => ("from" in p ? p.from.toISOString() : p))).toEqual([
      "2026-10-31T17:00:00.000Z", // Sun 1 Nov (the week began Mon 26 Oct)
      "2026-11-01T17:00:00.000Z",
      "2026-11-08T17:00:00.000Z",
      "2026-11-15T17:00:00.000Z",
      "2026-11-22T17:00:00.000Z",
      "2026-11-29T17:00:00.000Z", // Mon 30 Nov, one day
    ]);
  });

  it("refuses a daily trend over a year", () => {
    const r = trendBounds(RecapTrendStep.DAY, { from: at("2025-11-29T17:00:00Z"), to: at("2026-11-29T17:00:00Z") }, JKT);
    expect(r).toEqual([expect.objectContaining({ field: "trend" })]);
  });
});

describe("percentile (nearest rank)", () => {
  it.each<[number[], number, number | null]>([
    [[], 50, null],
    [[7], 90, 7],
    [[1, 2, 3, 4], 50, 2],
    [[4, 1, 3, 2, 5], 50, 3],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10],
    [[15, 20, 35, 40, 50], 100, 50],
  ])("of %o at p%s is %s", (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe("targetOutcome", () => {
  const due = at("2026-11-30T10:00:00Z");
  const later = at("2026-11-30T12:00:00Z");
  it.each<[string | null, boolean, Date, unknown]>([
    ["2026-11-30T09:00:00Z", false, later, { decidedAt: at("2026-11-30T09:00:00Z"), kept: true }],
    ["2026-11-30T10:00:00Z", false, later, { decidedAt: at("2026-11-30T10:00:00Z"), kept: true }],
    ["2026-11-30T11:00:00Z", false, later, { decidedAt: due, kept: false }],
    [null, false, later, { decidedAt: due, kept: false }],
    // Not met and not yet due: undecided.
    [null, false, at("2026-11-30T09:30:00Z"), null],
    ["2026-11-30T09:00:00Z", false, at("2026-11-30T09:30:00Z"), { decidedAt: at("2026-11-30T09:00:00Z"), kept: true }],
    ["2026-11-30T09:00:00Z", true, later, null],
  ])("met at %s (cancelled %s), seen at %s, is %o", (met, cancelled, now, expected) => {
    expect(targetOutcome(met ? at(met) : null, due, cancelled, now)).toEqual(expected);
  });
});

describe("figureSql: the tickets behind each figure, from the counter's own fragments", () => {
  const response = targetSql("t", "first_responded_at", "response_due_at");
  const resolution = targetSql("t", "resolved_at", "resolution_due_at");
  it.each<[RecapFigure, readonly string[]]>([
    [RecapFigure.TICKETS_IN, [TICKETS_IN_SQL]],
    [RecapFigure.RESOLVED, [RESOLVED_IN_SQL]],
    [RecapFigure.CLOSED, [`${CLOSED_IN_SQL} AND t.status <> 'CANCELLED'`]],
    [RecapFigure.CANCELLED, [`${CLOSED_IN_SQL} AND t.status = 'CANCELLED'`]],
    [RecapFigure.REOPENED, [`t.id IN (SELECT e.ticket_id FROM ticket_event e WHERE e.site_id = :siteId AND ${eventsInSql(["REOPENED"])})`]],
    [RecapFigure.ESCALATED, [`t.id IN (SELECT e.ticket_id FROM ticket_event e WHERE e.site_id = :siteId AND ${eventsInSql(["ESCALATED", "AUTO_ESCALATED"])})`]],
    [RecapFigure.BACKLOG, BACKLOG_AT_SQL],
    [RecapFigure.RESPONSE_KEPT, [response.keptIn]],
    [RecapFigure.RESPONSE_MISSED, [response.missedIn]],
    [RecapFigure.RESOLUTION_KEPT, [resolution.keptIn]],
    [RecapFigure.RESOLUTION_MISSED, [resolution.missedIn]],
    [RecapFigure.FIRST_RESPONDED, ["t.first_responded_at >= :from AND t.first_responded_at < :to"]],
    [RecapFigure.FIRST_CONTACT, [`${RESOLVED_IN_SQL} AND ${firstContactSql("t")}`]],
  ])("%s lists %j", (figure, expected) => {
    expect(figureSql(figure)).toEqual(expected);
  });
  it.each<[readonly string[], string]>([
    [["REOPENED"], "e.kind IN ('REOPENED') AND e.at >= :from AND e.at < :to"],
    [["ESCALATED", "AUTO_ESCALATED"], "e.kind IN ('ESCALATED', 'AUTO_ESCALATED') AND e.at >= :from AND e.at < :to"],
  ])("entries of %j in the period: %s", (kinds, expected) => {
    expect(eventsInSql(kinds)).toBe(expected);
  });
  it("first contact: no escalation entry and at most one assignment", () => {
    expect(firstContactSql("t")).toBe(
      "(SELECT COUNT(*) FROM ticket_event fc WHERE fc.ticket_id = t.id AND fc.kind IN ('ESCALATED', 'AUTO_ESCALATED')) = 0 AND (SELECT COUNT(*) FROM ticket_event fc WHERE fc.ticket_id = t.id AND fc.kind IN ('ASSIGNED')) <= 1",
    );
  });
});

describe("resolution time, shares", () => {
  it.each<[number, number, number]>([
    [10, 3, 7],
    [3, 10, 0],
  ])("resolution time of %s business ms with %s on hold is %s", (b, p, expected) => {
    expect(resolutionTime(b, p)).toBe(expected);
  });
  it.each<[number, number, number | null]>([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [0, 0, null],
    [3, 3, 100],
  ])("%s of %s is %s%%", (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected);
  });
});

describe("summarizeAnswers", () => {
  it.each<[number[], unknown]>([
    [[], { mean: null, distribution: [0, 0, 0, 0, 0], responses: 0 }],
    [[5, 4, 4], { mean: 4.33, distribution: [0, 0, 0, 2, 1], responses: 3 }],
    [[1, 5, 9], { mean: 3, distribution: [1, 0, 0, 0, 1], responses: 2 }],
  ])("of %o is %o", (answers, expected) => {
    expect(summarizeAnswers(answers)).toEqual(expected);
  });
});

describe("ticketTimes", () => {
  // Monday to Friday 08:00–16:00 in Jakarta; 2026-11-02 is a Monday.
  const shift = [{ start: 480, end: 960 }];
  const office = { timeZone: "Asia/Jakarta", week: { MON: shift, TUE: shift, WED: shift, THU: shift, FRI: shift, SAT: [], SUN: [] }, holidays: new Set<string>() };
  const jkt = (s: string) => new Date(`${s}+07:00`);
  const M = 60_000;
  it.each<[string, typeof office | null, string, string | null, string | null, number, number | null, number | null]>([
    // clock, created, first response, resolved, on hold (min), to respond (min), to resolve (min)
    ["around the clock", null, "2026-11-02T07:00", "2026-11-02T07:25", "2026-11-03T09:40", 0, 25, 26 * 60 + 40],
    ["office hours, reported before opening", office, "2026-11-02T07:00", "2026-11-02T08:25", "2026-11-03T09:40", 0, 25, 8 * 60 + 100],
    ["office hours over a weekend, less 30 min on hold", office, "2026-11-06T15:00", "2026-11-09T08:10", "2026-11-09T10:00", 30, 70, 180 - 30],
    ["not yet answered nor resolved", office, "2026-11-02T09:00", null, null, 0, null, null],
    ["more on hold than worked", null, "2026-11-02T09:00", "2026-11-02T09:05", "2026-11-02T09:10", 60, 5, 0],
  ])("%s", (_, clock, created, responded, resolved, heldMin, respondMin, resolveMin) => {
    const t = { createdAt: jkt(created), firstRespondedAt: responded ? jkt(responded) : null, resolvedAt: resolved ? jkt(resolved) : null, pausedMs: heldMin * M };
    expect(ticketTimes(clock, t)).toEqual({ toRespondMs: respondMin === null ? null : respondMin * M, toResolveMs: resolveMin === null ? null : resolveMin * M });
  });
});
