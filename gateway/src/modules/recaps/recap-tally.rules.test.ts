/** Table tests of recap-tally.rules: percentiles from duration counts equal the live ones; tallies add and subtract exactly. */
import { describe, expect, it } from "vitest";
import { hours, percentile } from "./recap.rules.js";
import { addCount, addTally, answersOf, compactTally, durationKey, emptyTally, isEmptyTally, percentileHours, tallyOf, type Counts } from "./recap-tally.rules.js";

const H = 3_600_000;
const countsOf = (values: number[]): Counts => {
  const c: Counts = {};
  for (const v of values) addCount(c, durationKey(v));
  return c;
};

describe("percentileHours", () => {
  it.each<[string, number[], number]>([
    ["one value", [1.5 * H], 50],
    ["nearest rank p50 of four is the 2nd", [6 * H, 2 * H, 4 * H, 8 * H], 50],
    ["p90 of three is the 3rd", [0.25 * H, 0.5 * H, 1.5 * H], 90],
    // 35 999 ms and 18 000 ms round to the same hundredth (0.01 h and 0.01 h), 17 999 ms to 0.00 h.
    ["values within a hundredth of an hour", [35_999, 18_000, 17_999, 54_000], 50],
    ["repeats", [H, H, H, 2 * H, 2 * H], 90],
    ["zero", [0, 0, 5 * H], 50],
  ])("equals hours(percentile(values)): %s", (_what, values, p) => {
    expect(percentileHours(countsOf(values), p)).toBe(hours(percentile(values, p)));
  });

  it("is null for no values", () => {
    expect(percentileHours({}, 50)).toBeNull();
  });
});

describe("tallies", () => {
  it("subtracting what was added leaves nothing (rows and counts drop to empty)", () => {
    const a = emptyTally();
    a.resolved = 2;
    addCount(a.resolution, "150", 2);
    addCount(a.answers[1], "4");
    const sum = addTally(emptyTally(), a);
    addTally(sum, a, -1);
    expect(isEmptyTally(sum)).toBe(true);
    expect(sum.resolution).toEqual({});
  });

  it("keeps only what is not zero in its stored form, and reads it back whole", () => {
    const a = emptyTally();
    a.ticketsIn = 3;
    addCount(a.answers[2], "5", 2);
    expect(compactTally(a)).toEqual({ ticketsIn: 3, answers: [{}, {}, { "5": 2 }] });
    expect(tallyOf(JSON.parse(JSON.stringify(compactTally(a))))).toEqual(a);
  });

  it("lists answers once per occurrence", () => {
    expect(answersOf({ "4": 2, "5": 1 }).sort()).toEqual([4, 4, 5]);
  });
});
