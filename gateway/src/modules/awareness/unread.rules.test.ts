import { describe, expect, it } from "vitest";
import { TicketEventKind } from "../tickets/ticket.enums.js";
import { countsAsReporterActivity, isUnread, isUnreadInPush, lastReporterActivity } from "./unread.rules.js";

const at = (s: string) => new Date(`2026-11-30T${s}Z`);

describe("unread rules", () => {
  it.each([
    // reporterActivityAt, createdAt, readAt, unread
    [null, "08:00:00", null, true],
    [null, "08:00:00", "08:00:01", false],
    [null, "08:00:00", "08:00:00", false],
    ["09:00:00", "08:00:00", "08:30:00", true],
    ["09:00:00", "08:00:00", "09:00:00", false],
    ["09:00:00", "08:00:00", "09:30:00", false],
    ["09:00:00", "08:00:00", null, true],
  ])("activity %s on a ticket created %s, read at %s: unread %s", (activity, created, read, unread) => {
    const t = { reporterActivityAt: activity ? at(activity) : null, createdAt: at(created) };
    expect(isUnread(t, read ? at(read) : null)).toBe(unread);
  });

  it.each([
    // reporterActivityAt, createdAt, updatedAt, unread in a push
    [null, "08:00:00", "08:00:00", true],
    [null, "08:00:00", "08:05:00", false],
    ["09:00:00", "08:00:00", "09:00:00", true],
    ["09:00:00", "08:00:00", "09:01:00", false],
  ])("a push with activity %s, created %s, updated %s: unread %s", (activity, created, updated, unread) => {
    expect(isUnreadInPush({ reporterActivityAt: activity ? at(activity) : null, createdAt: at(created), updatedAt: at(updated) })).toBe(unread);
  });

  it.each([
    [TicketEventKind.REPORTER_MESSAGE, true],
    [TicketEventKind.AGENT_REPLY, false],
    [TicketEventKind.INTERNAL_NOTE, false],
  ])("%s counts as reporter activity: %s", (kind, counts) => {
    expect(countsAsReporterActivity(kind)).toBe(counts);
  });

  it("takes the report as the first reporter activity", () => {
    expect(lastReporterActivity({ reporterActivityAt: null, createdAt: at("08:00:00") })).toEqual(at("08:00:00"));
  });
});
