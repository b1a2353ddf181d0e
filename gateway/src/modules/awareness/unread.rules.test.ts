import { describe, expect, it } from "vitest";
import { TicketEventKind } from "../tickets/ticket.enums.js";
import { countsAsReporterActivity, isUnread, isUnreadInPush, lastReporterActivity, unreadAfter } from "./unread.rules.js";

const at = (s: string) => new Date(`2026-11-30T${s}Z`);

describe("unread rules", () => {
  it.each([
    // reporterActivityAt, createdAt, readAt, agent started, unread
    [null, "08:00:00", null, "07:00:00", true],
    [null, "08:00:00", "08:00:01", "07:00:00", false],
    [null, "08:00:00", "08:00:00", "07:00:00", false],
    ["09:00:00", "08:00:00", "08:30:00", "07:00:00", true],
    ["09:00:00", "08:00:00", "09:00:00", "07:00:00", false],
    ["09:00:00", "08:00:00", "09:30:00", "07:00:00", false],
    ["09:00:00", "08:00:00", null, "07:00:00", true],
    // Before the agent started: the desk's history is not unread for them, never opened or not.
    [null, "08:00:00", null, "10:00:00", false],
    ["09:00:00", "08:00:00", null, "10:00:00", false],
    [null, "08:00:00", null, "08:00:00", false],
    // The reporter wrote after the agent started, on an older ticket: unread until opened.
    ["11:00:00", "08:00:00", null, "10:00:00", true],
    ["11:00:00", "08:00:00", "11:30:00", "10:00:00", false],
    // A read mark older than the agent's start (an account re-created) counts from the start.
    ["09:00:00", "08:00:00", "08:30:00", "10:00:00", false],
  ])("activity %s on a ticket created %s, read at %s, agent started %s: unread %s", (activity, created, read, start, unread) => {
    const t = { reporterActivityAt: activity ? at(activity) : null, createdAt: at(created) };
    expect(isUnread(t, read ? at(read) : null, at(start))).toBe(unread);
  });

  it.each([
    // readAt, agent started, unread after
    [null, "07:00:00", "07:00:00"],
    ["08:00:00", "07:00:00", "08:00:00"],
    ["06:00:00", "07:00:00", "07:00:00"],
  ])("read at %s by an agent who started %s: unread after %s", (read, start, after) => {
    expect(unreadAfter(read ? at(read) : null, at(start))).toEqual(at(after));
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
