import { describe, expect, it } from "vitest";
import { AssignmentStrategy, candidatesFor, chooseAssignee, inTurn, type Technician } from "./assignment.rules.js";

const tech = (id: string, over: Partial<Technician> = {}): Technician => ({ id, active: true, groupId: "g", regions: null, skills: null, ...over });

const TEAM = [
  tech("c", { regions: ["Balikpapan Selatan"], skills: ["AC"] }),
  tech("a", { regions: ["balikpapan selatan", "Balikpapan Kota"] }),
  tech("b", { regions: ["Balikpapan Utara"], skills: ["TV"] }),
  tech("d", { active: false }),
  tech("e", { groupId: "other" }),
  tech("f"),
];

describe("candidatesFor", () => {
  it.each([
    ["the region's technicians and those who work everywhere", "Balikpapan Selatan", null, ["a", "c", "f"]],
    ["who also know the skill (no skills: any job)", "Balikpapan Selatan", "ac", ["a", "c", "f"]],
    ["the TV technician of the north", "Balikpapan Utara", "TV", ["b", "f"]],
    ["everyone active of the group without a region or skill", null, null, ["a", "b", "c", "f"]],
    ["only those listing no region for an unknown one", "Samarinda", null, ["f"]],
  ])("takes %s", (_, region, skill, expected) => {
    expect(candidatesFor(TEAM, "g", region, skill)).toEqual(expected);
  });
});

describe("inTurn", () => {
  it.each([
    [null, ["a", "b", "c"]],
    ["a", ["b", "c", "a"]],
    ["c", ["a", "b", "c"]],
    ["bb", ["c", "a", "b"]],
    ["z", ["a", "b", "c"]],
  ])("goes round after %s", (last, expected) => {
    expect(inTurn(["c", "a", "b"], last)).toEqual(expected);
  });
});

describe("chooseAssignee", () => {
  const loads = new Map([["a", 3], ["b", 1], ["c", 1]]);
  it.each([
    [AssignmentStrategy.ROUND_ROBIN, null, "a"],
    [AssignmentStrategy.ROUND_ROBIN, "a", "b"],
    [AssignmentStrategy.ROUND_ROBIN, "c", "a"],
    [AssignmentStrategy.LEAST_LOADED, null, "b"],
    [AssignmentStrategy.LEAST_LOADED, "b", "c"],
    [AssignmentStrategy.LEAST_LOADED, "c", "b"],
  ])("%s after %s gives %s", (strategy, last, expected) => {
    expect(chooseAssignee(strategy, ["a", "b", "c"], loads, last)).toBe(expected);
  });

  it("gives nobody when nobody qualifies", () => {
    expect(chooseAssignee(AssignmentStrategy.ROUND_ROBIN, [], loads, null)).toBeNull();
  });

  it("shares 100 tickets between two technicians 50 and 50 in turn", () => {
    let last: string | null = null;
    const count = new Map<string, number>();
    for (let i = 0; i < 100; i++) {
      last = chooseAssignee(AssignmentStrategy.ROUND_ROBIN, ["t1", "t2"], new Map(), last);
      count.set(last!, (count.get(last!) ?? 0) + 1);
    }
    expect(Object.fromEntries(count)).toEqual({ t1: 50, t2: 50 });
  });
});
