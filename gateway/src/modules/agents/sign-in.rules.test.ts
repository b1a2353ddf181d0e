import { describe, expect, it } from "vitest";
import { afterFailure, isLocked, LOCKOUT, passwordProblem, UNLOCKED, type LockState } from "./sign-in.rules.js";

const T0 = Date.parse("2026-01-05T08:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const state = (failures: number, windowMin: number | null, lockedMin: number | null): LockState => ({
  failures,
  windowStartedAt: windowMin === null ? null : at(windowMin),
  lockedUntil: lockedMin === null ? null : at(lockedMin),
});

describe("afterFailure", () => {
  it.each([
    // [before, failure at minute, after]
    ["the first failure opens a window", UNLOCKED, 0, state(1, 0, null)],
    ["a failure in the window counts", state(1, 0, null), 5, state(2, 0, null)],
    ["the fourth still does not lock", state(3, 0, null), 14, state(4, 0, null)],
    ["the fifth in 15 minutes locks for 15 minutes", state(4, 0, null), 14, state(0, null, 29)],
    ["a failure after the window starts a new count", state(4, 0, null), 15, state(1, 15, null)],
    ["a failure while locked keeps the lock", state(1, 20, 29), 21, state(2, 20, 29)],
  ] as const)("%s", (_name, before, minute, after) => {
    expect(afterFailure(before, at(minute), LOCKOUT)).toEqual(after);
  });

  it("locks after exactly five failures in a row", () => {
    let s: LockState = UNLOCKED;
    for (let i = 0; i < 5; i++) {
      expect(isLocked(s, at(i))).toBe(false);
      s = afterFailure(s, at(i));
    }
    expect(isLocked(s, at(5))).toBe(true);
    expect(isLocked(s, at(4 + 15))).toBe(false);
  });
});

describe("passwordProblem", () => {
  it.each([
    ["short", "abc123", "at least 10"],
    ["too long", "a1".repeat(101), "at most 200"],
    ["only spaces", " ".repeat(12), "only spaces"],
    ["one repeated character", "aaaaaaaaaaaa", "4 different"],
    ["a good one", "correct horse battery", null],
  ] as const)("%s", (_name, password, problem) => {
    const p = passwordProblem(password);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
});
