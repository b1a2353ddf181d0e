import { describe, expect, it } from "vitest";
import { parseWeeklyHours } from "./business-time.rules.js";
import { TicketStatus } from "../tickets/ticket.enums.js";
import {
  DEFAULT_SLA_LADDER,
  dueSteps,
  formatSteps,
  ladderOf,
  nextLadderAt,
  parseSteps,
  stepEffect,
  stepInstant,
  stepRecipients,
  validateSteps,
  type LadderState,
  type LadderStep,
} from "./ladder.rules.js";

const MIN = 60_000;
const T0 = new Date("2026-01-05T08:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MIN);

/** A P3 ticket logged at T0: response due after 60 minutes, resolution after 480. */
function ticket(extra: Partial<LadderState> = {}): LadderState {
  return {
    status: TicketStatus.IN_PROGRESS,
    isOpen: true,
    supportLevel: 1,
    hierarchyLevel: 0,
    createdAt: T0,
    responseDueAt: at(60),
    resolutionDueAt: at(480),
    firstRespondedAt: null,
    resolvedAt: null,
    pausedAt: null,
    pausedMs: 0,
    ladderResponseShare: 0,
    ladderResolutionShare: 0,
    assigneeId: null,
    ...extra,
  };
}

const due = (t: LadderState, minutes: number) => dueSteps(t, DEFAULT_SLA_LADDER, at(minutes)).map((d) => `${d.target}@${d.step.share}`);

describe("stepInstant", () => {
  it.each([
    ["RESPONSE 50 %", ticket(), "RESPONSE", 50, 30],
    ["RESPONSE 100 % is the due time", ticket(), "RESPONSE", 100, 60],
    ["RESPONSE 150 %", ticket(), "RESPONSE", 150, 90],
    ["RESOLUTION 75 %", ticket(), "RESOLUTION", 75, 360],
    ["RESOLUTION 50 % after a 30-minute pause is 30 minutes later", ticket({ resolutionDueAt: at(510), pausedMs: 30 * MIN }), "RESOLUTION", 50, 270],
    ["RESOLUTION 150 % after a 30-minute pause", ticket({ resolutionDueAt: at(510), pausedMs: 30 * MIN }), "RESOLUTION", 150, 750],
    ["the pause does not move the response clock", ticket({ pausedMs: 30 * MIN }), "RESPONSE", 50, 30],
  ] as const)("%s", (_what, t, target, share, minutes) => {
    expect(stepInstant(t, target, share)).toEqual(at(minutes));
  });
});

describe("dueSteps (the default ladder)", () => {
  it.each([
    ["nothing before 50 % of the response window", ticket(), 30, []],
    ["the response 50 % step just after its instant", ticket(), 31, ["RESPONSE@50"]],
    ["several steps at once come in the order of their instants", ticket(), 61, ["RESPONSE@50", "RESPONSE@75", "RESPONSE@100"]],
    ["a fired step does not fire again", ticket({ ladderResponseShare: 75 }), 61, ["RESPONSE@100"]],
    ["steps of both targets interleave by instant", ticket({ ladderResponseShare: 100 }), 250, ["RESPONSE@150", "RESOLUTION@50"]],
    ["a responded ticket climbs only the resolution ladder", ticket({ firstRespondedAt: at(5) }), 250, ["RESOLUTION@50"]],
    ["a paused ticket fires nothing", ticket({ firstRespondedAt: at(5), pausedAt: at(100), status: TicketStatus.PENDING }), 300, []],
    ["after a pause the resolution steps are later by it", ticket({ firstRespondedAt: at(5), resolutionDueAt: at(540), pausedMs: 60 * MIN }), 260, []],
    ["… and come once the moved instant passes", ticket({ firstRespondedAt: at(5), resolutionDueAt: at(540), pausedMs: 60 * MIN }), 301, ["RESOLUTION@50"]],
    ["a resolved ticket fires nothing", ticket({ isOpen: false, firstRespondedAt: at(5), resolvedAt: at(10), status: TicketStatus.RESOLVED }), 2000, []],
    ["a reclassification to P1 brings steps earlier, fired ones stay fired", ticket({ responseDueAt: at(10), resolutionDueAt: at(60), ladderResponseShare: 50 }), 11, ["RESPONSE@75", "RESPONSE@100"]],
  ] as const)("%s", (_what, t, minutes, expected) => {
    expect(due(t, minutes)).toEqual(expected);
  });
});

describe("nextLadderAt", () => {
  it.each([
    ["a new ticket: the response 50 % step", ticket(), at(30)],
    ["after the response 50 % step: 75 %", ticket({ ladderResponseShare: 50 }), at(45)],
    ["responded: the resolution 50 % step", ticket({ firstRespondedAt: at(5) }), at(240)],
    ["paused: none until resumed", ticket({ pausedAt: at(10), status: TicketStatus.PENDING }), null],
    ["every step fired: none", ticket({ ladderResponseShare: 150, ladderResolutionShare: 150 }), null],
    ["closed: none", ticket({ isOpen: false, status: TicketStatus.CLOSED }), null],
  ] as const)("%s", (_what, t, expected) => {
    expect(nextLadderAt(t, DEFAULT_SLA_LADDER)).toEqual(expected);
  });
});

describe("stepEffect", () => {
  const step = (share: number): LadderStep => DEFAULT_SLA_LADDER.RESOLUTION.find((s) => s.share === share)!;
  const fire = (t: LadderState, target: "RESPONSE" | "RESOLUTION", share: number, reached = {}) =>
    stepEffect(t, { target, position: DEFAULT_SLA_LADDER[target].findIndex((s) => s.share === share) + 1, step: step(share), at: at(0), dueAt: target === "RESPONSE" ? t.responseDueAt : t.resolutionDueAt }, at(61), reached);

  it.each([
    ["50 % warns the assignee, desk only, by name", "RESPONSE", 50, { ASSIGNEE: ["Siti"] }, "INTERNAL_NOTE", "INTERNAL", "sla.warning", /The assignee \(Siti\) has been warned by e-mail/],
    ["75 % warns group and supervisor", "RESPONSE", 75, { GROUP: ["Ani", "Budi"], SUPERVISOR: ["Sari"] }, "INTERNAL_NOTE", "INTERNAL", "sla.warning", /The group \(Ani, Budi\) and the supervisor \(Sari\) have been warned/],
    ["a step with nobody to reach says so", "RESPONSE", 50, {}, "INTERNAL_NOTE", "INTERNAL", "sla.warning", /Nobody to notify as the assignee/],
    ["100 % escalates in public, naming nobody", "RESPONSE", 100, { SUPERVISOR: ["Sari"] }, "AUTO_ESCALATED", "PUBLIC", "sla.breached", /^The supervisor has been alerted by e-mail\.$/],
    ["150 % alerts the manager", "RESOLUTION", 150, { MANAGER: ["Mira"] }, "INTERNAL_NOTE", "INTERNAL", "sla.breached", /The manager \(Mira\) has been alerted/],
  ] as const)("%s", (_what, target, share, reached, kind, visibility, type, body) => {
    const e = fire(ticket(), target, share, reached);
    expect(e.entry).toMatchObject({ kind, visibility });
    expect(e.entry.body).toMatch(body);
    expect(e.eventType).toBe(type);
    expect(e.detail).toMatchObject({ target, share });
  });

  it("the public 100 % entry carries no name even when the desk's people are known", () => {
    expect(fire(ticket(), "RESPONSE", 100, { SUPERVISOR: ["Sari Wulandari"] }).entry.body).not.toMatch(/Sari/);
  });

  it.each([
    ["a missed response goes to the supervisor", "RESPONSE", { hierarchyLevel: 1, ladderResponseShare: 100 }],
    ["a missed resolution goes one support line up", "RESOLUTION", { supportLevel: 2, ladderResolutionShare: 100 }],
  ] as const)("100 %%: %s and the step counts as fired", (_what, target, patch) => {
    expect(fire(ticket(), target, 100).patch).toMatchObject(patch);
  });

  it.each([
    ["a warning: whom the step names", "RESPONSE", 75, {}, ["GROUP", "SUPERVISOR"]],
    ["a missed response: the supervisor, named by the step already", "RESPONSE", 100, {}, ["SUPERVISOR"]],
    ["a line up: the supervisor and the ticket's agent", "RESOLUTION", 100, { assigneeId: "a1" }, ["SUPERVISOR", "ASSIGNEE"]],
    ["a line up without an agent: the supervisor and the group", "RESOLUTION", 100, {}, ["SUPERVISOR", "GROUP"]],
    ["past line 3 with the supervisor told: the supervisor and the manager", "RESOLUTION", 100, { supportLevel: 3, hierarchyLevel: 1 }, ["SUPERVISOR", "MANAGER"]],
    ["past line 3, first time: the supervisor", "RESOLUTION", 100, { supportLevel: 3 }, ["SUPERVISOR"]],
  ] as const)("mails %s", (_what, target, share, extra, expected) => {
    const t = ticket(extra);
    const position = DEFAULT_SLA_LADDER[target].findIndex((s) => s.share === share) + 1;
    const due = { target, position, step: DEFAULT_SLA_LADDER[target][position - 1]!, at: at(0), dueAt: target === "RESPONSE" ? t.responseDueAt : t.resolutionDueAt };
    expect(stepRecipients(t, due)).toEqual(expected);
    expect(stepEffect(t, due, at(61), {}).detail.notify).toEqual(expected);
  });

  it("names the event by ticket, target, step and due time", () => {
    expect(fire(ticket(), "RESOLUTION", 75).detail).toEqual({ target: "RESOLUTION", step: 2, share: 75, dueAt: at(480).toISOString(), action: "WARN_GROUP+WARN_SUPERVISOR", notify: ["GROUP", "SUPERVISOR"] });
  });
});

describe("the ladder as text", () => {
  it("formats the default ladder", () => {
    expect(formatSteps(DEFAULT_SLA_LADDER.RESOLUTION)).toBe("50:WARN_ASSIGNEE,75:WARN_GROUP+WARN_SUPERVISOR,100:ESCALATE+ALERT_SUPERVISOR,150:ALERT_MANAGER");
  });

  it("reads back what it formats", () => {
    expect(parseSteps("RESOLUTION", formatSteps(DEFAULT_SLA_LADDER.RESOLUTION))).toEqual({ steps: DEFAULT_SLA_LADDER.RESOLUTION, problems: [] });
  });

  it.each([
    ["a bare recipient after a prefixed one", "75:WARN_GROUP+SUPERVISOR", [{ share: 75, escalate: false, notify: ["GROUP", "SUPERVISOR"] }]],
    ["any case, a percent sign and spaces", " 120% : escalate + alert_manager ", [{ share: 120, escalate: true, notify: ["MANAGER"] }]],
    ["nothing: no steps", "", []],
  ])("takes %s", (_what, text, steps) => {
    expect(parseSteps("RESPONSE", text)).toEqual({ steps, problems: [] });
  });

  it.each([
    ["an unknown action", "50:WARN_EVERYONE", /"WARN_EVERYONE" is not an action/],
    ["no colon", "50 WARN_ASSIGNEE", /must look like 50:WARN_ASSIGNEE/],
    ["shares out of order", "75:WARN_GROUP,50:WARN_ASSIGNEE", /step 2 \(50 %\) must come later than step 1 \(75 %\)/],
    ["a share twice", "50:WARN_GROUP,50:WARN_ASSIGNEE", /step 2 \(50 %\) must come later/],
    ["a share of 0", "0:WARN_ASSIGNEE", /whole percent from 1 to 1000/],
    ["a share past 1000", "1001:ALERT_MANAGER", /whole percent from 1 to 1000/],
    ["a fraction", "50.5:WARN_ASSIGNEE", /whole percent/],
  ])("refuses %s with a sentence", (_what, text, message) => {
    const { problems } = parseSteps("RESPONSE", text);
    expect(problems.some((p) => message.test(p))).toBe(true);
  });
});

describe("validateSteps", () => {
  it.each([
    ["the default", DEFAULT_SLA_LADDER.RESPONSE, []],
    ["no steps", [], []],
    ["not a list", "50:WARN", ["The RESPONSE ladder must be a list of steps, got \"50:WARN\"."]],
    ["a step that does nothing", [{ share: 50, escalate: false, notify: [] }], ["RESPONSE step 1 does nothing: give it ESCALATE or someone to notify."]],
    ["an unknown recipient", [{ share: 50, escalate: false, notify: ["CEO"] }], ['RESPONSE step 1: notify must list some of ASSIGNEE, GROUP, SUPERVISOR, MANAGER, got ["CEO"].']],
    ["escalate not a boolean", [{ share: 50, escalate: "yes", notify: ["GROUP"] }], ["RESPONSE step 1: escalate must be true or false."]],
  ])("%s", (_what, steps, problems) => {
    expect(validateSteps("RESPONSE", steps)).toEqual(problems);
  });
});

describe("ladderOf", () => {
  it("keeps the default for a target the site does not set", () => {
    const own = [{ share: 80, escalate: true, notify: [] }];
    expect(ladderOf({ RESOLUTION: own })).toEqual({ RESPONSE: DEFAULT_SLA_LADDER.RESPONSE, RESOLUTION: own });
    expect(ladderOf(null)).toEqual(DEFAULT_SLA_LADDER);
  });
});

describe("stepInstant on business hours (Jakarta, MON-FRI 08:00-17:00)", () => {
  const cal = { timeZone: "Asia/Jakarta", week: parseWeeklyHours("MON-FRI 08:00-17:00").week, holidays: new Set(["2026-12-28"]) };
  const iso = (s: string) => new Date(s);
  // A P4 logged Friday 2026-12-25 16:00 WIB: 240 business minutes to respond, due Tuesday 11:00 (Monday is a holiday).
  const p4 = (extra: Partial<LadderState> = {}) =>
    ticket({ createdAt: iso("2026-12-25T09:00:00Z"), responseDueAt: iso("2026-12-29T04:00:00Z"), resolutionDueAt: iso("2026-12-30T07:00:00Z"), ...extra });
  it.each([
    ["RESPONSE 25 % is the end of Friday", p4(), "RESPONSE", 25, "2026-12-25T10:00:00Z"],
    ["RESPONSE 50 % skips the weekend and the holiday", p4(), "RESPONSE", 50, "2026-12-29T02:00:00Z"],
    ["RESPONSE 100 % is the due time", p4(), "RESPONSE", 100, "2026-12-29T04:00:00Z"],
    ["RESPONSE 150 % runs on in business time", p4(), "RESPONSE", 150, "2026-12-29T06:00:00Z"],
    // 720 business minutes: Friday 1 h, Tuesday 9 h, Wednesday 2 h → Wednesday 10:00; a 60-minute business pause moved it to 11:00.
    ["RESOLUTION 50 % after a one-hour pause", p4({ resolutionDueAt: iso("2026-12-30T04:00:00Z"), pausedMs: 60 * MIN }), "RESOLUTION", 50, "2026-12-29T07:00:00Z"],
  ] as const)("%s", (_what, t, target, share, when) => {
    expect(stepInstant(t, target, share, cal).toISOString()).toBe(iso(when).toISOString());
  });

  it("keeps the 24×7 instants without a calendar", () => {
    expect(stepInstant(p4(), "RESPONSE", 50, null).toISOString()).toBe("2026-12-27T06:30:00.000Z");
  });
});
