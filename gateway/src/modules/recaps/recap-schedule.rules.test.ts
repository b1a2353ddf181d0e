import { describe, expect, it } from "vitest";
import { Role } from "../agents/role.js";
import { duePeriod, recapEventId, receivesRecap } from "./recap-schedule.rules.js";
import { RecapPeriod } from "./recap.rules.js";

const JAKARTA = "Asia/Jakarta";
const site = (over: Partial<{ scheduledRecaps: boolean; createdAt: Date }> = {}) => ({ id: "s1", timeZone: JAKARTA, scheduledRecaps: true, createdAt: new Date("2026-01-01T00:00:00Z"), ...over });

describe("recap-schedule.rules", () => {
  it.each([
    // now (UTC), period, → from, to (UTC; Jakarta is UTC+7)
    ["2026-11-30T01:00:00Z", RecapPeriod.WEEK, "2026-11-22T17:00:00.000Z", "2026-11-29T17:00:00.000Z"], // Monday 08:00 WIB: last week Mon 23 – Sun 29
    ["2026-11-29T16:59:00Z", RecapPeriod.WEEK, "2026-11-15T17:00:00.000Z", "2026-11-22T17:00:00.000Z"], // Sunday 23:59 WIB: the week before
    ["2026-12-01T00:00:00Z", RecapPeriod.MONTH, "2026-10-31T17:00:00.000Z", "2026-11-30T17:00:00.000Z"], // 1 Dec 07:00 WIB: November
    ["2026-11-30T16:59:00Z", RecapPeriod.MONTH, "2026-09-30T17:00:00.000Z", "2026-10-31T17:00:00.000Z"], // 30 Nov 23:59 WIB: October
    ["2026-03-02T00:00:00Z", RecapPeriod.MONTH, "2026-01-31T17:00:00.000Z", "2026-02-28T17:00:00.000Z"], // February
  ] as const)("at %s the %s recap due covers [%s, %s)", (now, period, from, to) => {
    const b = duePeriod(site(), period, new Date(now));
    expect(b && [b.from.toISOString(), b.to.toISOString()]).toEqual([from, to]);
  });

  it.each([
    ["turned off", site({ scheduledRecaps: false })],
    ["a site created after the period ended", site({ createdAt: new Date("2026-11-30T00:00:00Z") })],
  ])("mails nothing for %s", (_what, s) => {
    expect(duePeriod(s, RecapPeriod.WEEK, new Date("2026-11-30T01:00:00Z"))).toBeNull();
  });

  it.each([
    [Role.MANAGER, true, null, true],
    [Role.MANAGER, false, null, false],
    [Role.SUPERVISOR, true, "g1", true],
    [Role.SUPERVISOR, true, null, false],
    [Role.ADMIN, true, null, false],
    [Role.AGENT, true, "g1", false],
    [Role.SPECIALIST, true, "g1", false],
  ] as const)("a %s (active %s, group %s) receives it: %s", (role, active, groupId, receives) => {
    expect(receivesRecap({ role, active, groupId })).toBe(receives);
  });

  it("names one event per site, period and start, the same in every gateway", () => {
    expect(recapEventId("s1", RecapPeriod.WEEK, new Date("2026-11-22T17:00:00Z"))).toBe("recap:WEEK:s1:2026-11-22T17:00:00.000Z");
  });
});
