import { describe, expect, it } from "vitest";
import { edited, moved } from "./reorder.js";

describe("moved", () => {
  it.each([
    ["the second up", 1, -1, ["b", "a", "c"]],
    ["the second down", 1, 1, ["a", "c", "b"]],
    ["the first up (no neighbour)", 0, -1, ["a", "b", "c"]],
    ["the last down (no neighbour)", 2, 1, ["a", "b", "c"]],
    ["an index past the end", 5, -1, ["a", "b", "c"]],
  ] as const)("moves %s", (_what, at, by, after) => {
    const list = ["a", "b", "c"];
    expect(moved(list, at, by)).toEqual(after);
    expect(list).toEqual(["a", "b", "c"]);
  });
});

describe("edited", () => {
  it("changes one entry and leaves the list given alone", () => {
    const list = [{ a: 1, b: 1 }, { a: 2, b: 2 }];
    expect(edited(list, 1, { b: 9 })).toEqual([{ a: 1, b: 1 }, { a: 2, b: 9 }]);
    expect(list[1]).toEqual({ a: 2, b: 2 });
  });
});
