import { TicketStatus } from "./ticket.enums.js";

const { NEW, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED, CLOSED, CANCELLED } = TicketStatus;

/** The ticket lifecycle graph: the statuses each status may move to (DESIGN.md "Statuses"). */
export const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = Object.freeze({
  [NEW]: Object.freeze([ASSIGNED, IN_PROGRESS, CANCELLED]),
  // ASSIGNED → ASSIGNED is a reassignment: the status stays, the owner changes.
  [ASSIGNED]: Object.freeze([ASSIGNED, IN_PROGRESS, CANCELLED]),
  // Back to ASSIGNED when an escalation hands the ticket to another group or person.
  [IN_PROGRESS]: Object.freeze([ASSIGNED, PENDING, RESOLVED, CANCELLED]),
  [PENDING]: Object.freeze([IN_PROGRESS, CANCELLED]),
  // IN_PROGRESS again is a reopen: the reporter says the service is still not restored.
  [RESOLVED]: Object.freeze([IN_PROGRESS, CLOSED]),
  [CLOSED]: Object.freeze([]),
  [CANCELLED]: Object.freeze([]),
});

/** Whether the lifecycle graph allows moving a ticket from one status to another. */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Why a transition is refused, in words a person understands; null when it is allowed. */
export function transitionError(from: TicketStatus, to: TicketStatus): string | null {
  if (canTransition(from, to)) return null;
  const allowed = TRANSITIONS[from];
  if (allowed.length === 0) return `A ${from} ticket cannot change status: it is final.`;
  const options = listWithOr(allowed);
  if (from === to) return `A ticket that is ${from} is already ${to}; from ${from} it can go to ${options}.`;
  return `A ticket that is ${from} cannot go to ${to}; from ${from} it can go to ${options}.`;
}

function listWithOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** Statuses in which a ticket still waits for the desk (the queue and the open count). */
export const OPEN_STATUSES: readonly TicketStatus[] = Object.freeze([NEW, ASSIGNED, IN_PROGRESS, PENDING]);

/** Whether a ticket in this status is still being worked or waited on. */
export function isOpen(s: TicketStatus): boolean {
  return OPEN_STATUSES.includes(s);
}

/** Whether this status is an end state that no transition leaves. */
export function isFinal(s: TicketStatus): boolean {
  return s === CLOSED || s === CANCELLED;
}

/** Whether the reporter may rate the service: only once it has been resolved (seed 002, figure 11). */
export function acceptsFeedback(s: TicketStatus): boolean {
  return s === RESOLVED || s === CLOSED;
}

/** Whether this status stops the resolution clock, because the desk is waiting on someone else. */
export function pausesClock(s: TicketStatus): boolean {
  return s === PENDING;
}
