import { describe, expect, it } from "vitest";
import { rowMove } from "./keyboard.controller.js";

describe("rowMove", () => {
  it.each([
    ["ArrowDown", 0, 3, 1],
    ["ArrowDown", 2, 3, 2],
    ["ArrowUp", 1, 3, 0],
    ["ArrowUp", 0, 3, 0],
    ["j", 0, 3, 1],
    ["k", 2, 3, 1],
    ["k", 0, 3, 0],
    ["Home", 2, 3, 0],
    ["End", 0, 3, 2],
    ["Enter", 1, 3, "open"],
    [" ", 1, 3, "open"],
    ["a", 1, 3, undefined],
    ["Tab", 1, 3, undefined],
  ] as const)("%j from row %i of %i → %j", (key, i, n, expected) => {
    expect(rowMove(key, i, n)).toBe(expected);
  });
});
