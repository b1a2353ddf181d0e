import { describe, expect, it } from "vitest";
import type { SlaReading } from "../shared/sla-clock.js";
import { dueNote } from "./ticket-details.js";

const sla = (target: SlaReading["target"], remainingMs: number, tone: SlaReading["tone"] = "ok"): SlaReading => ({ tone, target, remainingMs, everBreached: false });
const AT = "2026-01-01T09:00:00Z";

describe("dueNote", () => {
  it.each([
    ["a met response says when", sla("resolution", 60_000), "response", AT, { key: "responded", at: AT }],
    ["a met resolution says when", sla(null, 0, "met"), "resolution", AT, { key: "resolvedAt", at: AT }],
    ["the running target counts down", sla("response", 60_000), "response", null, { key: "left", ms: 60_000 }],
    ["the running target past due says by how much", sla("resolution", -60_000, "breached"), "resolution", null, { key: "over", ms: -60_000 }],
    ["a target not yet running says nothing", sla("response", 60_000), "resolution", null, null],
    ["a paused clock says nothing", sla("resolution", 60_000, "paused"), "resolution", null, null],
  ] as const)("%s", (_name, reading, target, doneAt, expected) => {
    expect(dueNote(reading, target, doneAt)).toEqual(expected);
  });
});
