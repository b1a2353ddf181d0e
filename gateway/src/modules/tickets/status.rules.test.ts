import { describe, expect, it } from "vitest";
import {
  approvalOutcomeEffect,
  holdForApprovalEffect,
  HOLD_REASONS,
  OPEN_STATUSES,
  TRANSITIONS,
  acceptsFeedback,
  canTransition,
  isFinal,
  isOpen,
  pausesClock,
  reopenRefusal,
  transitionEffect,
  transitionError,
  type LifecycleState,
} from "./status.rules.js";
import { Refusal } from "./refusal.js";
import { PendingReason, TicketEventKind, TicketStatus } from "./ticket.enums.js";

const ALL = Object.values(TicketStatus);

const { NEW, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED, CLOSED, CANCELLED } = TicketStatus;

// Written out by hand, not derived from TRANSITIONS, so that changing the graph fails this test.
const ALLOWED: ReadonlyArray<readonly [TicketStatus, TicketStatus]> = [
  [NEW, ASSIGNED],
  [NEW, IN_PROGRESS],
  [NEW, CANCELLED],
  [ASSIGNED, ASSIGNED],
  [ASSIGNED, IN_PROGRESS],
  [ASSIGNED, CANCELLED],
  [IN_PROGRESS, ASSIGNED],
  [IN_PROGRESS, PENDING],
  [IN_PROGRESS, RESOLVED],
  [IN_PROGRESS, CANCELLED],
  [PENDING, IN_PROGRESS],
  [PENDING, CANCELLED],
  [RESOLVED, IN_PROGRESS],
  [RESOLVED, CLOSED],
];

const isAllowed = (from: TicketStatus, to: TicketStatus): boolean =>
  ALLOWED.some(([f, t]) => f === from && t === to);

const FORBIDDEN = ALL.flatMap((from) => ALL.map((to) => [from, to] as const)).filter(
  ([from, to]) => !isAllowed(from, to),
);

describe("TRANSITIONS", () => {
  it("has 14 allowed and 35 forbidden pairs among the 7 statuses", () => {
    expect(ALLOWED).toHaveLength(14);
    expect(FORBIDDEN).toHaveLength(35);
    expect(ALL.reduce((n, s) => n + TRANSITIONS[s].length, 0)).toBe(14);
  });

  it.each(ALLOWED)("allows a transition from %s to %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(transitionError(from, to)).toBeNull();
  });

  it.each(FORBIDDEN)("refuses a transition from %s to %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(transitionError(from, to)).toEqual(expect.stringContaining(from));
  });

  it("cannot be changed at run time", () => {
    expect(Object.isFrozen(TRANSITIONS)).toBe(true);
    for (const s of ALL) expect(Object.isFrozen(TRANSITIONS[s])).toBe(true);
  });
});

describe("transitionError", () => {
  it.each([
    [CLOSED, NEW, "A CLOSED ticket cannot change status: it is final."],
    [CANCELLED, IN_PROGRESS, "A CANCELLED ticket cannot change status: it is final."],
    [
      NEW,
      RESOLVED,
      "A ticket that is NEW cannot go to RESOLVED; from NEW it can go to ASSIGNED, IN_PROGRESS or CANCELLED.",
    ],
    [
      PENDING,
      RESOLVED,
      "A ticket that is PENDING cannot go to RESOLVED; from PENDING it can go to IN_PROGRESS or CANCELLED.",
    ],
    [
      RESOLVED,
      NEW,
      "A ticket that is RESOLVED cannot go to NEW; from RESOLVED it can go to IN_PROGRESS or CLOSED.",
    ],
    [
      IN_PROGRESS,
      IN_PROGRESS,
      "A ticket that is IN_PROGRESS is already IN_PROGRESS; from IN_PROGRESS it can go to ASSIGNED, PENDING, RESOLVED or CANCELLED.",
    ],
  ])("explains why %s cannot go to %s", (from, to, message) => {
    expect(transitionError(from, to)).toBe(message);
  });

  it.each(FORBIDDEN.filter(([from]) => !isFinal(from)))(
    "names %s, %s and every status still reachable",
    (from, to) => {
      const message = transitionError(from, to) ?? "";
      expect(message).toContain(to);
      for (const next of TRANSITIONS[from]) expect(message).toContain(next);
    },
  );
});

describe("status predicates", () => {
  // [status, open, final, accepts feedback, pauses clock]
  it.each([
    [NEW, true, false, false, false],
    [ASSIGNED, true, false, false, false],
    [IN_PROGRESS, true, false, false, false],
    [PENDING, true, false, false, true],
    [RESOLVED, false, false, true, false],
    [CLOSED, false, true, true, false],
    [CANCELLED, false, true, false, false],
  ])("classifies %s (open %s, final %s, feedback %s, paused %s)", (status, open, final, feedback, paused) => {
    expect(isOpen(status)).toBe(open);
    expect(isFinal(status)).toBe(final);
    expect(acceptsFeedback(status)).toBe(feedback);
    expect(pausesClock(status)).toBe(paused);
  });

  it("lists the open statuses in lifecycle order", () => {
    expect(OPEN_STATUSES).toEqual([
      NEW,
      ASSIGNED,
      IN_PROGRESS,
      PENDING,
    ]);
  });

  it.each(ALL)("treats %s as final exactly when no transition leaves it", (status) => {
    expect(isFinal(status)).toBe(TRANSITIONS[status].length === 0);
  });
});

describe("transitionEffect", () => {
  const T0 = new Date("2026-01-05T08:00:00Z");
  const NOW = new Date("2026-01-05T09:00:00Z");
  const base = {
    responseDueAt: new Date("2026-01-05T08:30:00Z"),
    resolutionDueAt: new Date("2026-01-05T16:00:00Z"),
    firstRespondedAt: null,
    resolvedAt: null,
    pausedAt: null,
    pausedMs: 0,
    pendingReason: null,
    closedAt: null,
    resolution: null,
    closureCode: null,
    knowledgeBase: false,
    awaitingApproval: false,
  };
  const state = (status: TicketStatus, extra: Partial<LifecycleState> = {}): LifecycleState => ({ ...base, status, ...extra });

  it.each([
    [NEW, IN_PROGRESS, TicketEventKind.STATUS_CHANGED],
    [NEW, ASSIGNED, TicketEventKind.STATUS_CHANGED],
    [IN_PROGRESS, RESOLVED, TicketEventKind.RESOLVED],
    [RESOLVED, IN_PROGRESS, TicketEventKind.REOPENED],
    [RESOLVED, CLOSED, TicketEventKind.CLOSED],
    [NEW, CANCELLED, TicketEventKind.CANCELLED],
    [PENDING, IN_PROGRESS, TicketEventKind.STATUS_CHANGED],
  ])("%s → %s is recorded as %s", (from, to, kind) => {
    const { patch, entry } = transitionEffect(state(from, { pausedAt: from === PENDING ? T0 : null }), { to, pendingReason: PendingReason.REPORTER, resolution: "r", closureCode: "FIXED" }, NOW);
    expect(patch.status).toBe(to);
    expect(entry).toMatchObject({ kind, fromStatus: from, toStatus: to, visibility: "PUBLIC" });
  });

  it.each([
    [{ to: PENDING }, ["pendingReason"]],
    [{ to: RESOLVED }, ["resolution", "closureCode"]],
    [{ to: RESOLVED, resolution: "ok", closureCode: "SOLVED" }, ["closureCode"]],
    [{ to: RESOLVED, resolution: "  ", closureCode: "FIXED" }, ["resolution"]],
    [{ to: PENDING, pendingReason: PendingReason.COST_DECISION }, ["pendingReason"]],
  ])("asks for what %j needs", (cmd, fields) => {
    try {
      transitionEffect(state(IN_PROGRESS), cmd, NOW);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(Refusal);
      expect((e as Refusal).code).toBe("BAD_USER_INPUT");
      expect((e as Refusal).fields.map((f) => f.field)).toEqual(fields);
    }
  });

  it.each([
    [NEW, RESOLVED],
    [CLOSED, IN_PROGRESS],
    [CANCELLED, NEW],
  ])("refuses %s → %s with CONFLICT before looking at the fields", (from, to) => {
    expect(() => transitionEffect(state(from), { to, closureCode: "X" }, NOW)).toThrow(expect.objectContaining({ code: "CONFLICT" }));
  });

  it("pauses the clock for PENDING and resumes it, pushing the due time by the pause", () => {
    const paused = transitionEffect(state(IN_PROGRESS), { to: PENDING, pendingReason: PendingReason.THIRD_PARTY }, T0).patch;
    expect(paused).toMatchObject({ pausedAt: T0, pendingReason: PendingReason.THIRD_PARTY });
    const resumed = transitionEffect(state(PENDING, { pausedAt: T0, pendingReason: PendingReason.THIRD_PARTY }), { to: IN_PROGRESS }, NOW).patch;
    expect(resumed).toMatchObject({ pausedAt: null, pausedMs: 3_600_000, pendingReason: null, resolutionDueAt: new Date("2026-01-05T17:00:00Z") });
  });

  it.each([
    [IN_PROGRESS, "CONFLICT"],
    [CANCELLED, null],
  ])("a ticket waiting on its approvers moved to %s: %s", (to, code) => {
    const waiting = state(PENDING, { pausedAt: T0, pendingReason: PendingReason.APPROVAL, awaitingApproval: true });
    if (code) expect(() => transitionEffect(waiting, { to }, NOW)).toThrow(expect.objectContaining({ code, message: expect.stringContaining("waits for its approvers") }));
    else expect(transitionEffect(waiting, { to }, NOW).patch).toMatchObject({ status: to, awaitingApproval: false });
  });

  it("holds a new request for approval with the clock paused, and resumes it on the chain's outcome", () => {
    const held = holdForApprovalEffect(state(NEW), T0);
    expect(held.patch).toMatchObject({ status: PENDING, pendingReason: PendingReason.APPROVAL, pausedAt: T0, awaitingApproval: true, firstRespondedAt: T0 });
    expect(held.entry).toMatchObject({ kind: TicketEventKind.APPROVAL_REQUESTED, fromStatus: NEW, toStatus: PENDING, visibility: "PUBLIC" });
    const waiting = { ...state(PENDING, held.patch), groupId: null, assigneeId: null };
    const approved = approvalOutcomeEffect(waiting, true, null, NOW);
    expect(approved.patch).toMatchObject({ status: NEW, pausedAt: null, pausedMs: 3_600_000, awaitingApproval: false, resolutionDueAt: new Date("2026-01-05T17:00:00Z") });
    expect(approvalOutcomeEffect({ ...waiting, groupId: "g" }, true, null, NOW).patch.status).toBe(ASSIGNED);
    const rejected = approvalOutcomeEffect(waiting, false, "No visit on Sundays", NOW);
    expect(rejected.patch).toMatchObject({ status: CANCELLED, closedAt: NOW, awaitingApproval: false });
    expect(rejected.entry).toMatchObject({ kind: TicketEventKind.REJECTED, body: "No visit on Sundays", toStatus: CANCELLED });
  });

  it("offers the desk every hold reason but COST_DECISION", () => {
    expect(HOLD_REASONS).toEqual([PendingReason.REPORTER, PendingReason.APPROVAL, PendingReason.THIRD_PARTY]);
  });

  it("holds on COST_DECISION only for a cost proposal", () => {
    expect(transitionEffect(state(IN_PROGRESS), { to: PENDING, pendingReason: PendingReason.COST_DECISION, costProposed: true }, T0).patch).toMatchObject({ pendingReason: PendingReason.COST_DECISION, pausedAt: T0 });
  });

  it("clears the resolution on reopen, and reopens a CLOSED ticket only when told the site allows it", () => {
    const resolved = state(RESOLVED, { resolvedAt: T0, resolution: "x", closureCode: "FIXED", firstRespondedAt: T0 });
    expect(transitionEffect(resolved, { to: IN_PROGRESS }, NOW).patch).toMatchObject({ resolvedAt: null, resolution: null, closureCode: null });
    const closed = state(CLOSED, { ...resolved, status: CLOSED, closedAt: T0 });
    expect(() => transitionEffect(closed, { to: IN_PROGRESS }, NOW)).toThrow(expect.objectContaining({ code: "CONFLICT" }));
    expect(transitionEffect(closed, { to: IN_PROGRESS, reopenClosed: true }, NOW).patch).toMatchObject({ status: IN_PROGRESS, closedAt: null, resolvedAt: null });
  });

  it.each([
    // command, → entry data
    [{ to: CLOSED }, null],
    [{ to: CLOSED, confirmedByReporter: true }, { confirmedBy: "REPORTER" }],
    [{ to: CLOSED, confirmedByReporter: false }, null],
    [{ to: IN_PROGRESS, confirmedByReporter: true }, null],
  ])("records %j on its entry as %j", (cmd, data) => {
    expect(transitionEffect(state(RESOLVED, { resolvedAt: T0 }), cmd, NOW).entry.data).toEqual(data);
  });

  it("marks the first response when work starts or the ticket is resolved, and keeps an earlier one", () => {
    expect(transitionEffect(state(NEW), { to: IN_PROGRESS }, NOW).patch.firstRespondedAt).toEqual(NOW);
    expect(transitionEffect(state(IN_PROGRESS, { firstRespondedAt: T0 }), { to: RESOLVED, resolution: "r", closureCode: "FIXED" }, NOW).patch).toMatchObject({ firstRespondedAt: T0, resolvedAt: NOW, closureCode: "FIXED" });
  });
});

describe("reopenRefusal", () => {
  const now = new Date("2026-01-10T00:00:00Z");
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  it.each([
    [RESOLVED, null, 0, true],
    [CLOSED, daysAgo(1), 0, false],
    [CLOSED, daysAgo(1), 7, true],
    [CLOSED, daysAgo(7), 7, true],
    [CLOSED, daysAgo(8), 7, false],
    [NEW, null, 7, false],
    [PENDING, null, 7, false],
    [CANCELLED, daysAgo(1), 7, false],
  ])("%s closed at %s with a %i-day window: reopenable %s", (status, closedAt, days, ok) => {
    expect(reopenRefusal(status, closedAt, days, now) === null).toBe(ok);
  });
});
