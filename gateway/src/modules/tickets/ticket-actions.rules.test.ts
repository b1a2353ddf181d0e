import { describe, expect, it } from "vitest";
import { TicketAction } from "../agents/permissions.rules.js";
import { Role } from "../agents/role.js";
import { allowedActions, nextStatuses, requireAction, statusAction } from "./ticket-actions.rules.js";
import { PendingReason, TicketStatus, TicketType } from "./ticket.enums.js";

const A = TicketAction;
const S = TicketStatus;
const NOW = new Date("2026-01-10T00:00:00Z");
const NEVER = { reopenClosedWithinDays: 0 };
const WEEK = { reopenClosedWithinDays: 7 };
type Extra = { supportLevel?: number; hierarchyLevel?: number; closedAt?: Date | null; pendingReason?: PendingReason | null; paymentDue?: boolean; awaitingApproval?: boolean };
const t = (status: TicketStatus, extra: Extra = {}) => ({
  status,
  supportLevel: 1,
  hierarchyLevel: 0,
  closedAt: null,
  awaitingApproval: false,
  ticketType: TicketType.INCIDENT,
  pendingReason: null,
  paymentDue: false,
  ...extra,
});
/** A work order (seed 003). */
const wo = (status: TicketStatus, extra: Extra = {}) => ({ ...t(status, extra), ticketType: TicketType.WORK_ORDER });

describe("statusAction", () => {
  it.each([
    [S.IN_PROGRESS, S.RESOLVED, A.RESOLVE],
    [S.RESOLVED, S.CLOSED, A.CLOSE],
    [S.NEW, S.CANCELLED, A.CANCEL],
    [S.RESOLVED, S.IN_PROGRESS, A.REOPEN],
    [S.CLOSED, S.IN_PROGRESS, A.REOPEN],
    [S.PENDING, S.IN_PROGRESS, A.CHANGE_STATUS],
    [S.NEW, S.ASSIGNED, A.CHANGE_STATUS],
    [S.IN_PROGRESS, S.PENDING, A.CHANGE_STATUS],
  ])("%s → %s is %s", (from, to, action) => expect(statusAction(from, to)).toBe(action));
});

describe("allowedActions", () => {
  // Written out by hand: a change to the permissions, the graph or escalation fails here.
  it.each([
    [Role.AGENT, t(S.NEW), NEVER, [A.CLASSIFY, A.ASSIGN, A.CHANGE_STATUS, A.REPLY, A.INTERNAL_NOTE, A.ESCALATE_FUNCTIONAL, A.ESCALATE_HIERARCHICAL, A.CANCEL]],
    [Role.AGENT, t(S.IN_PROGRESS, { supportLevel: 3, hierarchyLevel: 2 }), NEVER, [A.CLASSIFY, A.ASSIGN, A.CHANGE_STATUS, A.REPLY, A.INTERNAL_NOTE, A.RESOLVE, A.CANCEL]],
    [Role.AGENT, t(S.RESOLVED), NEVER, [A.CLASSIFY, A.REPLY, A.INTERNAL_NOTE, A.CLOSE, A.REOPEN]],
    [Role.AGENT, t(S.CLOSED, { closedAt: NOW }), NEVER, [A.INTERNAL_NOTE]],
    [Role.AGENT, t(S.CLOSED, { closedAt: NOW }), WEEK, [A.INTERNAL_NOTE, A.REOPEN]],
    [Role.SPECIALIST, t(S.PENDING), NEVER, [A.CHANGE_STATUS, A.REPLY, A.INTERNAL_NOTE, A.ESCALATE_FUNCTIONAL, A.ESCALATE_HIERARCHICAL]],
    [Role.SPECIALIST, t(S.RESOLVED), NEVER, [A.REPLY, A.INTERNAL_NOTE]],
    [Role.MANAGER, t(S.NEW), NEVER, [A.INTERNAL_NOTE, A.ESCALATE_FUNCTIONAL, A.ESCALATE_HIERARCHICAL]],
    [Role.SUPERVISOR, t(S.CANCELLED), WEEK, [A.INTERNAL_NOTE]],
    // Waiting on approvers: nobody resumes it by hand; it can still be worked around and cancelled.
    [Role.AGENT, t(S.PENDING, { awaitingApproval: true }), NEVER, [A.CLASSIFY, A.ASSIGN, A.REPLY, A.INTERNAL_NOTE, A.ESCALATE_FUNCTIONAL, A.ESCALATE_HIERARCHICAL, A.CANCEL]],
    [Role.AGENT, wo(S.IN_PROGRESS, { supportLevel: 3, hierarchyLevel: 2 }), NEVER, [A.CLASSIFY, A.ASSIGN, A.CHANGE_STATUS, A.REPLY, A.INTERNAL_NOTE, A.RESOLVE, A.CANCEL, A.PROPOSE_COST, A.RECORD_PAYMENT]],
    [Role.AGENT, wo(S.PENDING, { supportLevel: 3, hierarchyLevel: 2, pendingReason: PendingReason.COST_DECISION }), NEVER, [A.CLASSIFY, A.ASSIGN, A.CHANGE_STATUS, A.REPLY, A.INTERNAL_NOTE, A.CANCEL, A.RECORD_PAYMENT]],
    [Role.AGENT, wo(S.RESOLVED, { paymentDue: true }), NEVER, [A.CLASSIFY, A.REPLY, A.INTERNAL_NOTE, A.REOPEN, A.RECORD_PAYMENT]],
    [Role.AGENT, wo(S.RESOLVED), NEVER, [A.CLASSIFY, A.REPLY, A.INTERNAL_NOTE, A.CLOSE, A.REOPEN, A.RECORD_PAYMENT]],
    [Role.SPECIALIST, wo(S.IN_PROGRESS), NEVER, [A.CHANGE_STATUS, A.REPLY, A.INTERNAL_NOTE, A.ESCALATE_FUNCTIONAL, A.ESCALATE_HIERARCHICAL, A.RESOLVE, A.PROPOSE_COST]],
  ])("a %s on %j (%j) may %j", (role, state, settings, actions) => {
    expect(allowedActions(role, state, settings, NOW)).toEqual(actions);
  });

  it("is exactly what requireAction lets through, for every role, status and action", () => {
    for (const role of Object.values(Role)) {
      for (const state of Object.values(S).flatMap((status) => [t(status, { closedAt: NOW }), wo(status, { closedAt: NOW, paymentDue: true })])) {
        const status = `${state.ticketType} ${state.status}`;
        const allowed = allowedActions(role, state, WEEK, NOW);
        for (const action of Object.values(A)) {
          let passes = true;
          try {
            requireAction(role, action, state, WEEK, NOW);
          } catch {
            passes = false;
          }
          expect([role, status, action, passes]).toEqual([role, status, action, allowed.includes(action)]);
        }
      }
    }
  });
});

describe("nextStatuses", () => {
  it.each([
    [Role.AGENT, t(S.RESOLVED), NEVER, [S.IN_PROGRESS, S.CLOSED]],
    [Role.SPECIALIST, t(S.RESOLVED), NEVER, []],
    [Role.SPECIALIST, t(S.IN_PROGRESS), NEVER, [S.ASSIGNED, S.PENDING, S.RESOLVED]],
    [Role.MANAGER, t(S.IN_PROGRESS), NEVER, []],
    [Role.AGENT, t(S.CLOSED, { closedAt: new Date(NOW.getTime() - 86_400_000) }), WEEK, [S.IN_PROGRESS]],
    [Role.AGENT, t(S.CLOSED, { closedAt: new Date(NOW.getTime() - 8 * 86_400_000) }), WEEK, []],
    [Role.AGENT, t(S.PENDING), NEVER, [S.IN_PROGRESS, S.CANCELLED]],
    [Role.AGENT, t(S.PENDING, { awaitingApproval: true }), NEVER, [S.CANCELLED]],
    [Role.AGENT, wo(S.RESOLVED, { paymentDue: true }), NEVER, [S.IN_PROGRESS]],
  ])("a %s on %j (%j) may move it to %j", (role, state, settings, statuses) => {
    expect(nextStatuses(role, state, settings, NOW)).toEqual(statuses);
  });
});
