import { describe, expect, it } from "vitest";
import { combineOverrides, DEFAULT_RATE_LIMITS, mergeLimits, parseAssignment, parseOverrides, retryAfterSeconds, spendOf } from "./limits.rules.js";

describe("limits.rules", () => {
  it("keeps the defaults near Zammad's form: 20 reports per client address per hour, 10 failed guesses per 10 minutes", () => {
    expect(DEFAULT_RATE_LIMITS.reports.perAddress).toEqual({ points: 20, seconds: 3600 });
    expect(DEFAULT_RATE_LIMITS.failedLookups.perAddress).toEqual({ points: 10, seconds: 600 });
    expect(DEFAULT_RATE_LIMITS.reports.perSite.points).toBeGreaterThan(DEFAULT_RATE_LIMITS.reports.perAddress.points);
    expect(DEFAULT_RATE_LIMITS.formMinSeconds).toBe(3);
  });

  it.each([
    ["nothing", [], DEFAULT_RATE_LIMITS.reports.perAddress, 3],
    ["a deployment override", [{ reports: { perAddress: { points: 5, seconds: 60 } } }], { points: 5, seconds: 60 }, 3],
    ["a site override over a deployment one", [{ reports: { perAddress: { points: 5, seconds: 60 } } }, { reports: { perAddress: { points: 2, seconds: 30 } }, formMinSeconds: 0 }], { points: 2, seconds: 30 }, 0],
    ["a null site override", [{ formMinSeconds: 9 }, null], DEFAULT_RATE_LIMITS.reports.perAddress, 9],
  ])("merges %s", (_name, overrides, reports, formMinSeconds) => {
    const merged = mergeLimits(DEFAULT_RATE_LIMITS, ...overrides);
    expect(merged.reports.perAddress).toEqual(reports);
    expect(merged.reports.perSite).toEqual(DEFAULT_RATE_LIMITS.reports.perSite);
    expect(merged.formMinSeconds).toBe(formMinSeconds);
  });

  it.each([
    ['{"reports":{"perAddress":{"points":0,"seconds":60}}}', "reports.perAddress.points"],
    ['{"reportz":{}}', "Unrecognized key"],
    ['{"reports":{"perAddress":{"points":5}}}', "reports.perAddress.seconds"],
    ["not json", "must be a JSON object"],
    ['{"formMinSeconds":-1}', "formMinSeconds"],
  ])("refuses the override %s, naming %s", (text, problem) => {
    const parsed = parseOverrides(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.problems.join(" ")).toContain(problem);
  });

  it.each([
    ["reports.perAddress=5/3600", { reports: { perAddress: { points: 5, seconds: 3600 } } }],
    ["failedLookups.perAddress=3/60", { failedLookups: { perAddress: { points: 3, seconds: 60 } } }],
    ["formMinSeconds=0", { formMinSeconds: 0 }],
    ["reports=5/3600", null],
    ["failedLookups.perSite=3/60", null],
    ["reports.perAddress=0/60", null],
    ["formMinSeconds=3/4", null],
  ])("reads the CLI assignment %s", (text, expected) => {
    const parsed = parseAssignment(text);
    expect(parsed.ok ? parsed.value : null).toEqual(expected);
  });

  it("adds an assignment to what a site already has, scope by scope", () => {
    const a = { reports: { perAddress: { points: 5, seconds: 60 } }, formMinSeconds: 2 };
    expect(combineOverrides(a, { reports: { perSite: { points: 50, seconds: 60 } } })).toEqual({
      reports: { perAddress: { points: 5, seconds: 60 }, perSite: { points: 50, seconds: 60 } },
      formMinSeconds: 2,
    });
  });

  it.each([
    [0, 1],
    [1, 1],
    [999, 1],
    [1000, 1],
    [1001, 2],
    [3_599_001, 3600],
  ])("asks a client refused %i ms before the window ends to wait %i s", (ms, seconds) => {
    expect(retryAfterSeconds(ms)).toBe(seconds);
  });

  it.each([
    [["reportIncident", "reportIncident", "reportIncident"], { reports: 3 }, 0],
    [["trackTicket", "site", "__typename"], { lookups: 2 }, 1],
    [["addReporterMessage", "submitFeedback", "ticketUpdated"], { messages: 1, feedback: 1, subscriptions: 1 }, 3],
    [["requestTrackingLink", "openTrackingLink", "myTicketsChanged", "myTickets"], { trackingLinks: 1, lookups: 2, subscriptions: 1 }, 1],
    [["articleSolvedMyProblem", "rateArticle", "suggestArticles", "helpArticles"], { feedback: 2, lookups: 2 }, 0],
  ])("spends per executed root field: %j", (fields, spend, guesses) => {
    const s = spendOf(fields);
    expect(Object.fromEntries(s.spend)).toEqual(spend);
    expect(s.guesses).toBe(guesses);
  });
});
