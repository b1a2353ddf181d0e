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

describe("readSla with the gateway's windows of the ticket's type", () => {
  // 2.5 hours after logging, 1.5 hours left to respond: over a quarter of a 4-hour window, under a quarter of an
  // 8-hour one. The window is the gateway's (the ticket's type and priority), whatever the span to the due time.
  it.each([
    ["no window from the gateway (the span from logging to the due time, 4 hours)", undefined, "ok"],
    ["a 4-hour window", 4, "ok"],
    ["an 8-hour window", 8, "risk"],
  ] as const)("judges risk against %s", (_case, windowHours, tone) => {
    const windows = windowHours ? { responseWindowMs: windowHours * HOUR, resolutionWindowMs: 2 * windowHours * HOUR } : {};
    expect(readSla({ ...ticket, sla: { ...ticket.sla, ...windows } }, created + 2.5 * HOUR, 0.25).tone).toBe(tone);
  });
});

describe("readSla with the gateway's business-time reading (desk view)", () => {
  // Measured Friday 16:00 (UTC here): 4 business hours left, the calendar closing at 17:00 and opening Monday 08:00.
  const measuredAt = Date.parse("2026-11-27T16:00:00Z");
  const reading = (running: boolean, changesAt: string | null): SlaClockFields => ({
    ...ticket,
    responseDueAt: "2026-11-30T11:00:00.000Z",
    sla: { ...ticket.sla, responseRemainingMs: 4 * HOUR, running, changesAt, measuredAt: new Date(measuredAt).toISOString() },
  });
  it.each([
    ["counts down while the calendar runs", reading(true, "2026-11-27T17:00:00Z"), 0.5, 3.5],
    ["stops counting at closing time", reading(true, "2026-11-27T17:00:00Z"), 20, 3],
    ["does not count down while the calendar is closed", reading(false, "2026-11-30T08:00:00Z"), 24, 4],
    ["counts again from opening time", reading(false, "2026-11-30T08:00:00Z"), 64 + 1, 3],
    ["counts like wall time on a 24×7 clock", reading(true, null), 3, 1],
  ] as const)("%s", (_case, t, hoursLater, hoursLeft) => {
    expect(readSla({ ...t, sla: { ...t.sla, responseWindowMs: 4 * HOUR, resolutionWindowMs: 12 * HOUR } }, measuredAt + hoursLater * HOUR, 0.25).remainingMs).toBe(hoursLeft * HOUR);
  });

  it("keeps the gateway's frozen reading while paused", () => {
    const paused: SlaClockFields = { ...reading(false, null), firstRespondedAt: ticket.createdAt, pausedAt: ticket.createdAt, sla: { ...reading(false, null).sla, paused: true, resolutionRemainingMs: 2 * HOUR } };
    expect(readSla(paused, measuredAt + 50 * HOUR, 0.25)).toMatchObject({ tone: "paused", remainingMs: 2 * HOUR });
  });
});
