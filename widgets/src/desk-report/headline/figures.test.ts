import { describe, expect, it } from "vitest";
import type { ReportFiguresFragment } from "../../client/generated.js";
import { change, formatNumber, HEADLINES } from "./figures.js";

const figures = {
  ticketsIn: 5, resolved: 3, closed: 1, cancelled: 1, reopened: 1, backlog: 1, backlogAgeMedianHours: 19, backlogAgeP90Hours: 19,
  responseTargets: 4, responseTargetsKept: 2, responseKeptPercent: 50, resolutionTargets: 4, resolutionTargetsKept: 3, resolutionKeptPercent: 75,
  firstResponseMedianHours: 0.5, firstResponseP90Hours: 1.5, resolutionMedianHours: 4, resolutionP90Hours: 6, firstContactResolved: 2, firstContactPercent: 66.7,
  escalationsFunctional: 1, escalationsHierarchical: 1, satisfactionResponseRate: 66.7, suggestions: 1,
  satisfaction: [{ question: "SERVICE", mean: 4.5, responses: 2 }, { question: "RESTORED", mean: 4, responses: 2 }],
} satisfies ReportFiguresFragment;

describe("headline figures", () => {
  it.each(HEADLINES.map((h) => [h.key, h] as const))("%s reads a value from the recap", (_, h) => {
    expect(h.value(figures)).not.toBeUndefined();
  });

  it.each<[string, number | null]>([
    ["ticketsIn", 5],
    ["escalations", 2],
    ["satisfaction", 4.5],
    ["responseKept", 50],
    ["backlogAge", 19],
  ])("%s is %s", (key, expected) => {
    expect(HEADLINES.find((h) => h.key === key)!.value(figures)).toBe(expected);
  });

  it.each<[number | null, number | null, ReturnType<typeof change>]>([
    [5, 3, { direction: "up", delta: 2 }],
    [66.7, 70, { direction: "down", delta: 3.3 }],
    [4, 4, { direction: "same", delta: 0 }],
    [null, 4, null],
    [4, null, null],
  ])("from %s to %s: %j", (now, before, expected) => {
    expect(change(now, before)).toEqual(expected);
  });

  it.each<[number, string, string]>([
    [1234.5, "en-GB", "1,234.5"],
    [1234.5, "id-ID", "1.234,5"],
    [66.666, "en-GB", "66.67"],
  ])("writes %s in %s as %s", (value, locale, expected) => {
    expect(formatNumber(value, locale)).toBe(expected);
  });
});
