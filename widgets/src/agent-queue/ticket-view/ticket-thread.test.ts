import { describe, expect, it } from "vitest";
import type { TimelineEntryLike } from "../../shared/ticket-text.js";
import { threadItems } from "./ticket-thread.js";

const entry = (kind: TimelineEntryLike["kind"], extra: Partial<TimelineEntryLike> = {}): TimelineEntryLike =>
  ({ id: kind, at: "2026-01-01T00:00:00Z", kind, visibility: "PUBLIC", actorName: null, message: null, attachmentIds: [], ...extra }) as TimelineEntryLike;

describe("threadItems", () => {
  it.each([
    ["REPORTED", {}, "report", "reporter", false],
    ["AGENT_REPLY", { message: "We are on it" }, "message", "desk", false],
    ["REPORTER_MESSAGE", { message: "Still broken" }, "message", "reporter", false],
    ["INTERNAL_NOTE", { message: "Server 3", visibility: "INTERNAL" }, "message", "desk", true],
    ["FEEDBACK", { message: "Thanks" }, "message", "reporter", false],
    ["STATUS_CHANGED", {}, "event", "desk", false],
    ["STATUS_CHANGED", { message: "Waiting for the vendor" }, "message", "desk", false],
    ["ESCALATED", { message: "Needs level 2", visibility: "INTERNAL" }, "message", "desk", true],
    ["ASSIGNED", { visibility: "INTERNAL" }, "event", "desk", true],
  ] as const)("%s %j is a %s from the %s side (internal: %s)", (kind, extra, type, from, internal) => {
    expect(threadItems([entry(kind, extra as Partial<TimelineEntryLike>)])[0]).toMatchObject({ type, from, internal });
  });

  it("keeps the gateway's order, oldest first", () => {
    const items = threadItems([entry("REPORTED"), entry("ASSIGNED"), entry("AGENT_REPLY", { message: "x" })]);
    expect(items.map((i) => i.entry.kind)).toEqual(["REPORTED", "ASSIGNED", "AGENT_REPLY"]);
  });
});
