// Past 400 lines: the SLA rules' tables (seed figures, pauses, breach SQL against its predicate, and
// the same again on a business calendar) read best side by side.
import { describe, expect, it } from "vitest";
import { Priority } from "../tickets/ticket.enums.js";
import {
  AT_RISK_FRACTION,
  breachedSql,
  isBreached,
  DEFAULT_SLA_POLICY,
  type SlaClock,
  dueTimes,
  pauseClock,
  respondedAtApprovalRequest,
  resumeClock,
  retarget,
  slaStatus,
  slaWindows,
} from "./sla.rules.js";
import { parseWeeklyHours } from "./business-time.rules.js";

const at = (iso: string): Date => new Date(iso);
const MIN = 60_000;
const LOGGED = at("2019-07-18T01:00:00.000Z");
const P1 = DEFAULT_SLA_POLICY[Priority.P1];

/** A P1 ticket logged at 01:00: response due 01:10, resolution due 02:00, untouched. */
function clock(overrides: Partial<SlaClock> = {}): SlaClock {
  return {
    responseDueAt: at("2019-07-18T01:10:00.000Z"),
    resolutionDueAt: at("2019-07-18T02:00:00.000Z"),
    firstRespondedAt: null,
    resolvedAt: null,
    pausedAt: null,
    pausedMs: 0,
    ...overrides,
  };
}

describe("DEFAULT_SLA_POLICY", () => {
  // Seed 002, table 6, in minutes.
  it.each([
    [Priority.P1, 10, 60],
    [Priority.P2, 30, 180],
    [Priority.P3, 60, 480],
    [Priority.P4, 240, 720],
    [Priority.P5, 480, 1440],
  ])("gives %s %i minutes to respond and %i to resolve", (priority, responseMinutes, resolutionMinutes) => {
    expect(DEFAULT_SLA_POLICY[priority]).toEqual({ responseMinutes, resolutionMinutes });
  });
});

describe("dueTimes", () => {
  it.each([
    [Priority.P1, "2019-07-18T01:10:00.000Z", "2019-07-18T02:00:00.000Z"],
    [Priority.P2, "2019-07-18T01:30:00.000Z", "2019-07-18T04:00:00.000Z"],
    [Priority.P3, "2019-07-18T02:00:00.000Z", "2019-07-18T09:00:00.000Z"],
    [Priority.P4, "2019-07-18T05:00:00.000Z", "2019-07-18T13:00:00.000Z"],
    [Priority.P5, "2019-07-18T09:00:00.000Z", "2019-07-19T01:00:00.000Z"],
  ])("makes a %s ticket logged at 01:00 due for response at %s and resolution at %s", (priority, response, resolution) => {
    expect(dueTimes(LOGGED, DEFAULT_SLA_POLICY[priority])).toEqual({
      responseDueAt: at(response),
      resolutionDueAt: at(resolution),
    });
  });

  it("leaves the logged time untouched", () => {
    dueTimes(LOGGED, P1);
    expect(LOGGED.toISOString()).toBe("2019-07-18T01:00:00.000Z");
  });
});

describe("retarget", () => {
  it.each([
    [Priority.P3, 0, "2019-07-18T02:00:00.000Z", "2019-07-18T09:00:00.000Z"],
    [Priority.P3, 45, "2019-07-18T02:00:00.000Z", "2019-07-18T09:45:00.000Z"],
    [Priority.P1, 30, "2019-07-18T01:10:00.000Z", "2019-07-18T02:30:00.000Z"],
    [Priority.P5, 120, "2019-07-18T09:00:00.000Z", "2019-07-19T03:00:00.000Z"],
  ])(
    "measures a ticket re-prioritised to %s from logging, adding %i paused minutes to resolution only",
    (priority, pausedMinutes, response, resolution) => {
      expect(retarget(LOGGED, DEFAULT_SLA_POLICY[priority], pausedMinutes * MIN)).toEqual({
        responseDueAt: at(response),
        resolutionDueAt: at(resolution),
      });
    },
  );
});

describe("pauseClock and resumeClock", () => {
  it("moves the resolution due time later by the length of a pause", () => {
    const paused = pauseClock(clock(), at("2019-07-18T01:30:00.000Z"));
    expect(paused.pausedAt).toEqual(at("2019-07-18T01:30:00.000Z"));
    expect(paused.resolutionDueAt).toEqual(at("2019-07-18T02:00:00.000Z"));

    const resumed = resumeClock(paused, at("2019-07-18T03:30:00.000Z"));
    expect(resumed).toEqual(
      clock({ resolutionDueAt: at("2019-07-18T04:00:00.000Z"), pausedMs: 120 * MIN, pausedAt: null }),
    );
  });

  it("adds up two pauses", () => {
    let c = clock();
    c = pauseClock(c, at("2019-07-18T01:20:00.000Z"));
    c = resumeClock(c, at("2019-07-18T01:35:00.000Z")); // 15 min
    c = pauseClock(c, at("2019-07-18T01:50:00.000Z"));
    c = resumeClock(c, at("2019-07-18T02:30:00.000Z")); // 40 min
    expect(c.pausedMs).toBe(55 * MIN);
    expect(c.pausedAt).toBeNull();
    expect(c.resolutionDueAt).toEqual(at("2019-07-18T02:55:00.000Z"));
  });

  it("never moves the response due time", () => {
    const c = resumeClock(pauseClock(clock(), at("2019-07-18T01:05:00.000Z")), at("2019-07-18T05:00:00.000Z"));
    expect(c.responseDueAt).toEqual(at("2019-07-18T01:10:00.000Z"));
  });

  it("keeps the first pause start when paused again", () => {
    const once = pauseClock(clock(), at("2019-07-18T01:30:00.000Z"));
    const twice = pauseClock(once, at("2019-07-18T01:45:00.000Z"));
    expect(twice).toEqual(once);
  });

  it("ignores a resume when the clock is running", () => {
    const running = clock({ pausedMs: 5 * MIN });
    expect(resumeClock(running, at("2019-07-18T01:45:00.000Z"))).toEqual(running);
  });

  it("does not pull the due time earlier when the server clock stepped back", () => {
    const paused = pauseClock(clock(), at("2019-07-18T01:30:00.000Z"));
    const resumed = resumeClock(paused, at("2019-07-18T01:29:00.000Z"));
    expect(resumed.resolutionDueAt).toEqual(at("2019-07-18T02:00:00.000Z"));
    expect(resumed.pausedMs).toBe(0);
    expect(resumed.pausedAt).toBeNull();
  });

  it("leaves the clock it was given untouched", () => {
    const original = clock();
    const snapshot = structuredClone(original);
    resumeClock(pauseClock(original, at("2019-07-18T01:30:00.000Z")), at("2019-07-18T02:30:00.000Z"));
    expect(original).toEqual(snapshot);
  });
});

describe("respondedAtApprovalRequest", () => {
  const asked = new Date("2026-01-05T09:00:00Z");
  it.each([
    ["a request the reporter filed is responded to as it goes to its approvers", null, asked],
    ["a request the desk logged for a caller keeps the response it had", new Date("2026-01-05T08:55:00Z"), new Date("2026-01-05T08:55:00Z")],
  ])("%s", (_name, responded, expected) => {
    expect(respondedAtApprovalRequest(responded, asked)).toEqual(expected);
  });

  it("meets the response target, so a request waiting on approval breaches nothing while its resolution clock is paused", () => {
    const waiting = { responseDueAt: new Date("2026-01-05T09:10:00Z"), resolutionDueAt: new Date("2026-01-05T10:00:00Z"), firstRespondedAt: respondedAtApprovalRequest(null, asked), resolvedAt: null, pausedAt: asked, pausedMs: 0 };
    const aDayLater = new Date("2026-01-06T09:00:00Z");
    expect(slaStatus(waiting, aDayLater)).toMatchObject({ responseBreached: false, resolutionBreached: false, responseRemainingMs: null, paused: true });
    expect(isBreached(waiting, aDayLater)).toBe(false);
  });
});

describe("slaStatus", () => {
  describe("response", () => {
    it.each([
      ["is on time a moment before it is due", null, "2019-07-18T01:09:59.999Z", false, 1],
      ["is on time at the due instant itself", null, "2019-07-18T01:10:00.000Z", false, 0],
      ["is breached a millisecond after it is due", null, "2019-07-18T01:10:00.001Z", true, -1],
      ["is breached long after it is due", null, "2019-07-18T03:10:00.000Z", true, -120 * MIN],
      ["is kept when answered at the due instant", "2019-07-18T01:10:00.000Z", "2019-07-18T09:00:00.000Z", false, null],
      ["is kept when answered early", "2019-07-18T01:02:00.000Z", "2019-07-18T09:00:00.000Z", false, null],
      ["is breached when answered late", "2019-07-18T01:10:00.001Z", "2019-07-18T09:00:00.000Z", true, null],
    ])("%s", (_, respondedAt, now, breached, remaining) => {
      const status = slaStatus(clock({ firstRespondedAt: respondedAt ? at(respondedAt) : null }), at(now));
      expect(status.responseBreached).toBe(breached);
      expect(status.responseRemainingMs).toBe(remaining);
    });
  });

  describe("resolution", () => {
    // [behaviour, resolvedAt, pausedAt, now, breached, remaining ms]
    it.each([
      ["is on time a moment before it is due", null, null, "2019-07-18T01:59:59.999Z", false, 1],
      ["is on time at the due instant itself", null, null, "2019-07-18T02:00:00.000Z", false, 0],
      ["is breached a millisecond after it is due", null, null, "2019-07-18T02:00:00.001Z", true, -1],
      ["is kept when resolved at the due instant", "2019-07-18T02:00:00.000Z", null, "2019-07-19T00:00:00.000Z", false, null],
      ["is breached when resolved late", "2019-07-18T02:00:00.001Z", null, "2019-07-19T00:00:00.000Z", true, null],
      [
        "stops while paused, so a ticket paused before its due time is not breached long after",
        null,
        "2019-07-18T01:45:00.000Z",
        "2019-07-25T00:00:00.000Z",
        false,
        15 * MIN,
      ],
      ["stays breached when paused after its due time", null, "2019-07-18T02:05:00.000Z", "2019-07-25T00:00:00.000Z", true, -5 * MIN],
      ["is paused exactly at its due instant without breaching", null, "2019-07-18T02:00:00.000Z", "2019-07-25T00:00:00.000Z", false, 0],
    ])("%s", (_, resolvedAt, pausedAt, now, breached, remaining) => {
      const status = slaStatus(
        clock({
          firstRespondedAt: at("2019-07-18T01:05:00.000Z"),
          resolvedAt: resolvedAt ? at(resolvedAt) : null,
          pausedAt: pausedAt ? at(pausedAt) : null,
        }),
        at(now),
      );
      expect(status.resolutionBreached).toBe(breached);
      expect(status.resolutionRemainingMs).toBe(remaining);
      expect(status.paused).toBe(pausedAt !== null);
    });

    it("counts time again once a pause ends", () => {
      const resumed = resumeClock(
        pauseClock(clock(), at("2019-07-18T01:30:00.000Z")),
        at("2019-07-18T03:30:00.000Z"),
      );
      expect(slaStatus(resumed, at("2019-07-18T03:59:00.000Z")).resolutionBreached).toBe(false);
      expect(slaStatus(resumed, at("2019-07-18T04:00:00.001Z")).resolutionBreached).toBe(true);
    });
  });

  describe("at risk", () => {
    it("uses a quarter of the window", () => {
      expect(AT_RISK_FRACTION).toBe(0.25);
    });

    // P1: 10 min to respond (at risk under 2.5 min left), 60 min to resolve (under 15 min left).
    it.each([
      ["not at risk with more than a quarter of the response window left", null, null, "2019-07-18T01:05:00.000Z", false],
      ["not at risk with exactly a quarter of the response window left", null, null, "2019-07-18T01:07:30.000Z", false],
      ["at risk with under a quarter of the response window left", null, null, "2019-07-18T01:07:30.001Z", true],
      ["at risk at the response due instant", null, null, "2019-07-18T01:10:00.000Z", true],
      ["not at risk once the response is breached", null, null, "2019-07-18T01:10:00.001Z", false],
      ["judged by the resolution window once responded", "2019-07-18T01:09:00.000Z", null, "2019-07-18T01:09:30.000Z", false],
      ["not at risk with exactly a quarter of the resolution window left", "2019-07-18T01:05:00.000Z", null, "2019-07-18T01:45:00.000Z", false],
      ["at risk with under a quarter of the resolution window left", "2019-07-18T01:05:00.000Z", null, "2019-07-18T01:45:00.001Z", true],
      ["not at risk once the resolution is breached", "2019-07-18T01:05:00.000Z", null, "2019-07-18T02:00:00.001Z", false],
      ["not at risk once resolved", "2019-07-18T01:05:00.000Z", "2019-07-18T01:55:00.000Z", "2019-07-18T01:56:00.000Z", false],
    ])("is %s", (_, respondedAt, resolvedAt, now, atRisk) => {
      const c = clock({
        firstRespondedAt: respondedAt ? at(respondedAt) : null,
        resolvedAt: resolvedAt ? at(resolvedAt) : null,
      });
      expect(slaStatus(c, at(now), P1).atRisk).toBe(atRisk);
    });

    it("is never reported without the ticket's target", () => {
      expect(slaStatus(clock(), at("2019-07-18T01:09:00.000Z")).atRisk).toBe(false);
      expect(slaStatus(clock(), at("2019-07-18T01:09:00.000Z"), P1).atRisk).toBe(true);
    });

    it("keeps the risk a ticket had when its pause began", () => {
      const c = clock({ firstRespondedAt: at("2019-07-18T01:05:00.000Z"), pausedAt: at("2019-07-18T01:50:00.000Z") });
      expect(slaStatus(c, at("2019-07-20T00:00:00.000Z"), P1)).toMatchObject({
        atRisk: true,
        paused: true,
        resolutionBreached: false,
      });
    });
  });
});

describe("slaWindows", () => {
  // Seed 002, table 6 (the incident policy), and a request policy twice as long: what a widget colours by.
  it.each([
    ["P1 incident", DEFAULT_SLA_POLICY[Priority.P1], 10 * MIN, 60 * MIN],
    ["P3 incident", DEFAULT_SLA_POLICY[Priority.P3], 60 * MIN, 8 * 60 * MIN],
    ["P5 incident", DEFAULT_SLA_POLICY[Priority.P5], 8 * 60 * MIN, 24 * 60 * MIN],
    ["P1 service request on a longer policy", { responseMinutes: 20, resolutionMinutes: 240 }, 20 * MIN, 240 * MIN],
  ])("gives the %s target's windows in milliseconds", (_, target, responseWindowMs, resolutionWindowMs) => {
    expect(slaWindows(target)).toEqual({ responseWindowMs, resolutionWindowMs });
  });

  // A P1 ticket logged at 01:00, read at 01:06: an incident (due 01:10) has 4 of its 10 minutes left, over
  // a quarter; at 01:08 it has 2, under a quarter. A request on a 20-minute response target (due 01:20)
  // of the same age has 12 or 14 of its 20 left: fine both times.
  it.each([
    ["an incident's 10-minute response window, 4 minutes left", P1, "2019-07-18T01:06:00.000Z", false],
    ["an incident's 10-minute response window, 2 minutes left", P1, "2019-07-18T01:08:00.000Z", true],
    ["a service request's 20-minute response window, 14 minutes left", { responseMinutes: 20, resolutionMinutes: 240 }, "2019-07-18T01:06:00.000Z", false],
    ["a service request's 20-minute response window, 12 minutes left", { responseMinutes: 20, resolutionMinutes: 240 }, "2019-07-18T01:08:00.000Z", false],
  ])("judges risk against %s", (_, target, now, atRisk) => {
    const c = clock(dueTimes(LOGGED, target));
    const status = slaStatus(c, at(now), target);
    expect(status.atRisk).toBe(atRisk);
    expect(status.responseRemainingMs! < slaWindows(target).responseWindowMs * AT_RISK_FRACTION).toBe(atRisk);
  });
});

describe("isBreached, and the SQL read off the same definition", () => {
  const now = new Date("2026-01-05T12:00:00Z");
  const at = (m: number) => new Date(now.getTime() + m * 60_000);
  const clock = (extra: Partial<SlaClock>): SlaClock => ({
    responseDueAt: at(10),
    resolutionDueAt: at(60),
    firstRespondedAt: null,
    resolvedAt: null,
    pausedAt: null,
    pausedMs: 0,
    ...extra,
  });
  it.each([
    ["both running, on time", clock({}), false],
    ["response overdue, unanswered", clock({ responseDueAt: at(-1) }), true],
    ["answered late", clock({ responseDueAt: at(-10), firstRespondedAt: at(-5) }), true],
    ["answered on time", clock({ responseDueAt: at(-10), firstRespondedAt: at(-15) }), false],
    ["resolution overdue", clock({ firstRespondedAt: at(-1), resolutionDueAt: at(-1) }), true],
    ["paused before its due time, now past it", clock({ firstRespondedAt: at(-30), resolutionDueAt: at(-1), pausedAt: at(-5) }), false],
    ["paused after its due time", clock({ firstRespondedAt: at(-30), resolutionDueAt: at(-10), pausedAt: at(-5) }), true],
    ["resolved late", clock({ firstRespondedAt: at(-30), resolutionDueAt: at(-10), resolvedAt: at(-5) }), true],
    ["resolved on time", clock({ firstRespondedAt: at(-30), resolutionDueAt: at(-1), resolvedAt: at(-5) }), false],
    ["exactly at the due instant", clock({ responseDueAt: now }), false],
  ])("%s: %s", (_what, c, breached) => {
    expect(isBreached(c, now)).toBe(breached);
    const s = slaStatus(c, now);
    expect(s.responseBreached || s.resolutionBreached).toBe(breached);
  });

  it("writes the SQL over the alias with one :now, every term coalesced", () => {
    expect(breachedSql("t")).toBe("(COALESCE(t.firstRespondedAt, :now) > t.responseDueAt OR COALESCE(t.resolvedAt, t.pausedAt, :now) > t.resolutionDueAt)");
  });
});

describe("the clock on business hours (Jakarta, MON-FRI 08:00-17:00, Monday 2026-12-07 off)", () => {
  const cal = { timeZone: "Asia/Jakarta", week: parseWeeklyHours("MON-FRI 08:00-17:00").week, holidays: new Set(["2026-12-07"]) };
  const P4 = DEFAULT_SLA_POLICY[Priority.P4];

  it.each([
    ["Friday 17:00: due after the weekend and the holiday", "2026-12-04T10:00:00Z", "2026-12-08T05:00:00Z", "2026-12-09T04:00:00Z"],
    ["Friday 16:00: one hour on Friday counts", "2026-12-04T09:00:00Z", "2026-12-08T04:00:00Z", "2026-12-09T03:00:00Z"],
    ["Wednesday 09:00: within the week", "2026-12-09T02:00:00Z", "2026-12-09T06:00:00Z", "2026-12-10T05:00:00Z"],
  ])("dueTimes: %s", (_case, logged, response, resolution) => {
    expect(dueTimes(at(logged), P4, cal)).toEqual({ responseDueAt: at(response), resolutionDueAt: at(resolution) });
  });

  it.each([
    // [case, paused at, resumed at, business minutes the pause took]
    ["a pause over the weekend costs only its business time", "2026-12-04T09:30:00Z", "2026-12-08T02:00:00Z", 90],
    ["a pause wholly out of hours costs nothing", "2026-12-05T03:00:00Z", "2026-12-06T03:00:00Z", 0],
    ["a pause within a day costs its length", "2026-12-09T02:00:00Z", "2026-12-09T03:15:00Z", 75],
    ["a clock stepping back costs nothing", "2026-12-09T03:00:00Z", "2026-12-09T02:00:00Z", 0],
  ])("resumeClock: %s", (_case, pausedAt, resumedAt, minutes) => {
    const start = { ...clock(), resolutionDueAt: at("2026-12-09T04:00:00Z"), pausedAt: at(pausedAt) };
    const resumed = resumeClock(start, at(resumedAt), cal);
    expect(resumed.pausedMs).toBe(minutes * MIN);
    expect(resumed.pausedAt).toBeNull();
    if (minutes === 0) expect(resumed.resolutionDueAt).toEqual(start.resolutionDueAt);
    // The due time moves by the pause's business time, so business time left is what it was at the pause.
    const leftAtPause = slaStatus(start, at(pausedAt), undefined, cal).resolutionRemainingMs;
    if (pausedAt < resumedAt) expect(slaStatus(resumed, at(resumedAt), undefined, cal).resolutionRemainingMs).toBe(leftAtPause);
  });

  it("retarget adds the business time already paused to resolution only", () => {
    expect(retarget(at("2026-12-04T10:00:00Z"), P4, 60 * MIN, cal)).toEqual({ responseDueAt: at("2026-12-08T05:00:00Z"), resolutionDueAt: at("2026-12-09T05:00:00Z") });
  });

  it.each([
    ["Saturday: the weekend does not count down", "2026-12-05T05:00:00Z", 4 * 60, false, false],
    ["Tuesday 11:30: half an hour left, at risk", "2026-12-08T04:30:00Z", 30, true, false],
    ["Tuesday 13:00: an hour past due", "2026-12-08T06:00:00Z", -60, false, true],
  ])("slaStatus: %s", (_case, now, responseMinutesLeft, atRisk, breached) => {
    const due = dueTimes(at("2026-12-04T10:00:00Z"), P4, cal);
    const s = slaStatus({ ...clock(), ...due }, at(now), P4, cal);
    expect(s).toMatchObject({ responseRemainingMs: responseMinutesLeft * MIN, atRisk, responseBreached: breached });
  });
});
