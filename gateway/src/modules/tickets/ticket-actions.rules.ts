/**
 * What a desk member may do to one ticket now: the role × action table of agents/permissions
 * combined with the status graph and the escalation rules. `Ticket.allowedActions`,
 * `Ticket.nextStatuses` and every desk command read this one module. It lives with tickets, not
 * in agents/permissions.rules, so that agents never imports tickets (no module cycle).
 */
import { can, deniedMessage, TicketAction } from "../agents/permissions.rules.js";
import type { Role } from "../agents/role.js";
import { escalationRefusal, type EscalationState } from "./escalation.rules.js";
import { conflictRefusal, Refusal } from "./refusal.js";
import { approvalWaitRefusal, closedReopenable, isFinal, isReopen, reopenRefusal, TRANSITIONS, transitionError } from "./status.rules.js";
import { EscalationKind, type PendingReason, TicketStatus, type TicketType } from "./ticket.enums.js";
import { closeRefusal, paymentRefusal, proposeRefusal } from "../workorders/work-order.rules.js";

/** The part of a ticket the allowed actions depend on. */
export interface ActionState extends EscalationState {
  closedAt: Date | null;
  /** Waiting on an approval chain: only cancelling moves it (status.rules' approvalWaitRefusal). */
  awaitingApproval: boolean;
  ticketType: TicketType;
  pendingReason: PendingReason | null;
  /** A work order whose accepted cost is not paid yet may not close (work-order.rules). */
  paymentDue: boolean;
}

/** The site settings the allowed actions depend on. */
export interface ActionSettings {
  /** A CLOSED ticket may be reopened within this many days of closure; 0 never. */
  reopenClosedWithinDays: number;
}

/** Every ticket action in the order the desk shows them. */
export const TICKET_ACTIONS: readonly TicketAction[] = Object.freeze(Object.values(TicketAction));

/** The action a move from one status to another is: resolve, close, cancel, reopen, or a plain status change. */
export function statusAction(from: TicketStatus, to: TicketStatus): TicketAction {
  if (to === TicketStatus.RESOLVED) return TicketAction.RESOLVE;
  if (to === TicketStatus.CLOSED) return TicketAction.CLOSE;
  if (to === TicketStatus.CANCELLED) return TicketAction.CANCEL;
  if (isReopen(from, to)) return TicketAction.REOPEN;
  return TicketAction.CHANGE_STATUS;
}

/** Statuses reachable from this ticket's status by the graph and the site's reopen window, for anyone. */
export function reachableStatuses(state: ActionState, settings: ActionSettings, now: Date): TicketStatus[] {
  // Not while approvers decide (status.rules' approvalWaitRefusal), nor closed while a work order's cost is unpaid.
  const next = TRANSITIONS[state.status].filter((to) => approvalWaitRefusal(state, to) === null && (to !== TicketStatus.CLOSED || !state.paymentDue));
  if (state.status === TicketStatus.CLOSED && closedReopenable(state.closedAt, settings.reopenClosedWithinDays, now)) next.push(TicketStatus.IN_PROGRESS);
  return next;
}

/** Why the ticket's state refuses an action now (CONFLICT wording); null when the state allows it. */
export function stateRefusal(action: TicketAction, state: ActionState, settings: ActionSettings, now: Date): string | null {
  const s = state.status;
  switch (action) {
    case TicketAction.CLASSIFY:
      return isFinal(s) ? `A ${s} ticket cannot be reclassified.` : null;
    case TicketAction.ASSIGN:
      return isFinal(s) || s === TicketStatus.RESOLVED ? `A ${s} ticket cannot be assigned.${s === TicketStatus.RESOLVED ? " Reopen it first." : ""}` : null;
    case TicketAction.REPLY:
      return isFinal(s) ? `A ${s} ticket cannot be replied to.` : null;
    case TicketAction.INTERNAL_NOTE:
      return null;
    case TicketAction.ESCALATE_FUNCTIONAL:
      return escalationRefusal(state, EscalationKind.FUNCTIONAL);
    case TicketAction.ESCALATE_HIERARCHICAL:
      return escalationRefusal(state, EscalationKind.HIERARCHICAL);
    case TicketAction.RESOLVE:
      return transitionError(s, TicketStatus.RESOLVED);
    case TicketAction.CLOSE:
      return transitionError(s, TicketStatus.CLOSED) ?? closeRefusal(state.paymentDue);
    case TicketAction.CANCEL:
      return transitionError(s, TicketStatus.CANCELLED);
    case TicketAction.REOPEN:
      return reopenRefusal(s, state.closedAt, settings.reopenClosedWithinDays, now);
    case TicketAction.PROPOSE_COST:
      return proposeRefusal({ type: state.ticketType, status: s, pendingReason: state.pendingReason });
    case TicketAction.RECORD_PAYMENT:
      return paymentRefusal({ type: state.ticketType, status: s, pendingReason: state.pendingReason });
    case TicketAction.CHANGE_STATUS:
      return reachableStatuses(state, settings, now).some((to) => statusAction(s, to) === TicketAction.CHANGE_STATUS)
        ? null
        : `A ${s} ticket has no status to move to other than by resolving, closing, reopening or cancelling it.`;
  }
}

/** What `role` may do to this ticket now, in {@link TICKET_ACTIONS} order. */
export function allowedActions(role: Role, state: ActionState, settings: ActionSettings, now: Date): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => can(role, a) && stateRefusal(a, state, settings, now) === null);
}

/** Statuses `role` may move this ticket to through changeTicketStatus now. */
export function nextStatuses(role: Role, state: ActionState, settings: ActionSettings, now: Date): TicketStatus[] {
  return reachableStatuses(state, settings, now).filter((to) => can(role, statusAction(state.status, to)));
}

/** Throws FORBIDDEN when the role may never take the action, CONFLICT when the ticket's state refuses it now. */
export function requireAction(role: Role, action: TicketAction, state: ActionState, settings: ActionSettings, now: Date): void {
  requireRole(role, action);
  const refusal = stateRefusal(action, state, settings, now);
  if (refusal) throw conflictRefusal(refusal);
}

/** Throws FORBIDDEN when the role may never take the action, whatever the ticket. */
export function requireRole(role: Role, action: TicketAction): void {
  if (!can(role, action)) throw new Refusal("FORBIDDEN", deniedMessage(role, action));
}
