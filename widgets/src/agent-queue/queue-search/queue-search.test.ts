import { describe, expect, it } from "vitest";
import { searchKeyAction, searchTerm } from "./queue-search.rules.js";

describe("<sigap-queue-search>", () => {
  it.each([
    ["Enter", "now"],
    ["Escape", "clear"],
    ["a", null],
    ["ArrowDown", null],
  ] as const)("takes %s as %j", (key, action) => {
    expect(searchKeyAction(key)).toBe(action);
  });

  it.each([
    ["  budi  ", "budi"],
    ["   ", ""],
    ["01.30112026.001", "01.30112026.001"],
  ])("sends %j as %j", (typed, term) => {
    expect(searchTerm(typed)).toBe(term);
  });
});
