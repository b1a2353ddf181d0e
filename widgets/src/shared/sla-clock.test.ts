import { describe, expect, it } from "vitest";
import { readSla, type SlaClockFields } from "./sla-clock.js";

const HOUR = 3_600_000;
const created = Date.parse("2026-11-30T08:00:00Z");

/** A ticket logged at 08:00 with its response due at 12:00 (a 4-hour window), not yet answered. */
const ticket: SlaClockFields = {
  createdAt: new Date(created).toISOString(),
  responseDueAt: new Date(created + 4 * HOUR).toISOString(),
  resolutionDueAt: new Date(created + 8 * HOUR).toISOString(),
  firstRespondedAt: null,
  resolvedAt: null,
  closedAt: null,
  sla: { paused: false, responseBreached: false, resolutionBreached: false, resolutionRemainingMs: null },
};

describe("readSla", () => {
  it.each([
    // The at-risk share is the gateway's: the same instant reads differently under another fraction.
    [0.25, 2.5, "ok"],
    [0.25, 3.1, "risk"],
    [0.5, 1.5, "ok"],
    [0.5, 2.5, "risk"],
    [0.25, 4.5, "breached"],
  ] as const)("at-risk fraction %s, %s h after logging → %s", (fraction, hours, tone) => {
    expect(readSla(ticket, created + hours * HOUR, fraction).tone).toBe(tone);
  });
});
