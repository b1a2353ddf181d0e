/** Table tests of recap-contribution.rules: each ticket's dated share of the rollups, computed by hand. */
import { describe, expect, it } from "vitest";
import type { SiteCalendar } from "../sla/sla-calendar.rules.js";
import { Priority } from "../tickets/ticket.enums.js";
import { ALL, NULL_KEY, rowsOf, ticketContribution, type TicketFacts } from "./recap-contribution.rules.js";
import { compactTally, type RecapTally } from "./recap-tally.rules.js";

// Asia/Jakarta is UTC+7: local 2026-03-01 00:00 is 2026-02-28T17:00Z. All clocks 24×7.
const JKT: SiteCalendar = { timeZone: "Asia/Jakarta", hours: null, holidays: new Set() };
/** Local time in Jakarta on March 2026: day and hour (fractions for minutes). */
const local = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, 0, 0) - 7 * 3_600_000 + hour * 3_600_000);

const base: TicketFacts = {
  createdAt: local(1, 1),
  firstRespondedAt: null,
  resolvedAt: null,
  closedAt: null,
  status: "NEW",
  responseDueAt: local(1, 2),
  resolutionDueAt: local(1, 9),
  pausedMs: 0,
  priority: Priority.P3,
  groupId: null,
  assigneeId: null,
  keys: { SERVICE: "svc-1", PRIORITY: "P3" },
  events: [],
  feedback: null,
};
const ASSIGNED = { kind: "ASSIGNED", data: null };

/** Each day's tally without its zeros: what was hand-computed. */
const daysOf = (t: TicketFacts, now: Date): Record<string, Partial<RecapTally>> =>
  Object.fromEntries(Object.entries(ticketContribution(t, JKT, now).days).map(([d, tally]) => [d, compactTally(tally)]));

describe("ticketContribution", () => {
  it.each<[string, TicketFacts, Date, Record<string, Partial<RecapTally>>]>([
    [
      // Created 01:00 local on 1 March, which is still 28 February in UTC: it counts on the local day.
      "a ticket resolved and closed the day it came, both targets kept, with feedback given after resolution",
      { ...base, status: "CLOSED", firstRespondedAt: local(1, 1.5), resolvedAt: local(1, 3), closedAt: local(1, 8), events: [{ ...ASSIGNED, at: local(1, 1.25) }], feedback: { answers: [5, 4, 3], suggestion: "Lebih cepat" } },
      local(5, 0),
      {
        "2026-03-01": {
          ticketsIn: 1, closed: 1, resolved: 1, responseTargets: 1, responseKept: 1, resolutionTargets: 1, resolutionKept: 1, firstContact: 1, suggestions: 1,
          firstResponse: { "50": 1 }, resolution: { "200": 1 }, answers: [{ "5": 1 }, { "4": 1 }, { "3": 1 }],
        },
      },
    ],
    [
      // Resolved 22:30, reopened 23:30, resolved again 01:00 next day: only the latest resolution counts (3 h).
      "a reopened ticket: reopened on its day, resolved (and its resolution target kept) on the day of its latest resolution",
      {
        ...base, status: "RESOLVED", createdAt: local(1, 22), firstRespondedAt: local(1, 22.25), resolvedAt: local(2, 1), responseDueAt: local(1, 23), resolutionDueAt: local(2, 6),
        events: [{ ...ASSIGNED, at: local(1, 22.1) }, { kind: "REOPENED", at: local(1, 23.5), data: null }],
      },
      local(5, 0),
      {
        // Still open at midnight (its latest resolution after it): in that day's backlog, aged 2 h.
        "2026-03-01": { ticketsIn: 1, reopened: 1, responseTargets: 1, responseKept: 1, firstResponse: { "25": 1 }, backlogAges: { "200": 1 } },
        "2026-03-02": { resolved: 1, resolutionTargets: 1, resolutionKept: 1, firstContact: 1, resolution: { "300": 1 } },
      },
    ],
    [
      "an open ticket at noon: its response target missed at its due time (02:00), its resolution target (09:00 next day) not yet decided",
      { ...base, resolutionDueAt: local(2, 9) },
      local(1, 12),
      { "2026-03-01": { ticketsIn: 1, responseTargets: 1 } },
    ],
    [
      "the same ticket later, with no update: its resolution target missed on the day it fell due",
      { ...base, resolutionDueAt: local(2, 9) },
      local(2, 10),
      { "2026-03-01": { ticketsIn: 1, responseTargets: 1 }, "2026-03-02": { resolutionTargets: 1 } },
    ],
    [
      "a target met late is missed on its due day; the late response still counts its time",
      { ...base, status: "IN_PROGRESS", firstRespondedAt: local(2, 3), resolutionDueAt: local(3, 1) },
      local(2, 12),
      { "2026-03-01": { ticketsIn: 1, responseTargets: 1 }, "2026-03-02": { firstResponse: { "2600": 1 } } },
    ],
    [
      "a reassigned ticket is not resolved at first contact; escalations count by direction on their day",
      {
        ...base, status: "RESOLVED", firstRespondedAt: local(1, 1.5), resolvedAt: local(1, 5),
        events: [
          { ...ASSIGNED, at: local(1, 1.2) }, { ...ASSIGNED, at: local(1, 2) },
          { kind: "ESCALATED", at: local(1, 3), data: '{"escalationKind":"HIERARCHICAL","toLevel":2}' },
          { kind: "AUTO_ESCALATED", at: local(2, 3), data: null },
        ],
      },
      local(5, 0),
      {
        "2026-03-01": { ticketsIn: 1, resolved: 1, responseTargets: 1, responseKept: 1, resolutionTargets: 1, resolutionKept: 1, hierarchical: 1, firstResponse: { "50": 1 }, resolution: { "400": 1 } },
        "2026-03-02": { functional: 1 },
      },
    ],
    [
      "a cancelled ticket counts in and cancelled, and no target even past its due times",
      { ...base, status: "CANCELLED", closedAt: local(1, 1.25) },
      local(5, 0),
      { "2026-03-01": { ticketsIn: 1, cancelled: 1 } },
    ],
    [
      // Open at the midnights ending 1 and 2 March (ages 2 h and 26 h), resolved 01:00 on 3 March, closed later.
      "a ticket open across midnights is in the backlog at the end of each day it spans, aged from its report",
      {
        ...base, status: "CLOSED", createdAt: local(1, 22), firstRespondedAt: local(1, 22.5), resolvedAt: local(3, 1), closedAt: local(3, 9), responseDueAt: local(1, 23), resolutionDueAt: local(3, 6),
        events: [{ ...ASSIGNED, at: local(1, 22.2) }],
      },
      local(5, 0),
      {
        "2026-03-01": { ticketsIn: 1, responseTargets: 1, responseKept: 1, firstResponse: { "50": 1 }, backlogAges: { "200": 1 } },
        "2026-03-02": { backlogAges: { "2600": 1 } },
        "2026-03-03": { resolved: 1, closed: 1, resolutionTargets: 1, resolutionKept: 1, firstContact: 1, resolution: { "2700": 1 } },
      },
    ],
    [
      "a ticket still open with no resolution adds no backlog (it has no end: the recap reads it live)",
      { ...base, status: "IN_PROGRESS", firstRespondedAt: local(1, 1.5), resolutionDueAt: local(9, 0) },
      local(4, 0),
      { "2026-03-01": { ticketsIn: 1, responseTargets: 1, responseKept: 1, firstResponse: { "50": 1 } } },
    ],
    [
      "time on hold comes off the resolution time",
      { ...base, status: "RESOLVED", firstRespondedAt: local(1, 1.5), resolvedAt: local(1, 7), pausedMs: 2 * 3_600_000, events: [{ ...ASSIGNED, at: local(1, 1.2) }] },
      local(5, 0),
      { "2026-03-01": { ticketsIn: 1, resolved: 1, responseTargets: 1, responseKept: 1, resolutionTargets: 1, resolutionKept: 1, firstContact: 1, firstResponse: { "50": 1 }, resolution: { "400": 1 } } },
    ],
  ])("%s", (_what, facts, now, expected) => {
    expect(daysOf(facts, now)).toEqual(expected);
  });
});

describe("rowsOf", () => {
  it("adds to the site's, the group's and the assignee's totals and to the ticket's key in each dimension (null as its own key)", () => {
    const rows = rowsOf({ groupId: "g1", assigneeId: "a1", keys: { SERVICE: "svc-1", CATEGORY: null } });
    expect(rows).toEqual(
      ["SITE", "GROUP:g1", "AGENT:a1"].flatMap((scope) => [
        { scope, dimension: ALL, key: "" },
        { scope, dimension: "SERVICE", key: "svc-1" },
        { scope, dimension: "CATEGORY", key: NULL_KEY },
      ]),
    );
  });

  it("counts an unassigned ticket without a group in the site's scope only", () => {
    expect(rowsOf({ groupId: null, assigneeId: null, keys: {} })).toEqual([{ scope: "SITE", dimension: ALL, key: "" }]);
  });
});
