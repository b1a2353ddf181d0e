import { describe, expect, it } from "vitest";
import { paceOf, type Pace } from "./dispatch-pacing.rules.js";

const policy = { busyAt: 0.75, maxDeferMs: 10_000 };

describe("dispatch pacing rules", () => {
  it.each<[string, number, number, Pace]>([
    ["an idle gateway drains", 0, 0, "drain"],
    ["a gateway below the threshold drains, however long it held messages back", 0.74, 60_000, "drain"],
    ["a busy gateway with nothing due yields (nothing to hold back)", 0.95, 0, "yield"],
    ["a gateway at the threshold yields", 0.75, 0, "yield"],
    ["a busy gateway yields within the bound", 0.95, 9_999, "yield"],
    ["a busy gateway drains anyway once the bound is reached", 0.95, 10_000, "overdue"],
    ["a saturated gateway past the bound drains anyway", 1, 120_000, "overdue"],
  ])("%s (utilisation %s, held back %s ms → %s)", (_what, utilisation, heldMs, pace) => {
    expect(paceOf({ utilisation, heldMs }, policy)).toBe(pace);
  });

  it.each([0, 0.5, 1])("never yields with a bound of 0 (utilisation %s)", (utilisation) => {
    expect(paceOf({ utilisation, heldMs: 0 }, { busyAt: 0.5, maxDeferMs: 0 })).toBe("drain");
  });
});
