import type { BusinessCalendar } from "../sla/business-time.rules.js";
import { pauseClock, respondedAtApprovalRequest, resumeClock, type SlaClock } from "../sla/sla.rules.js";
import { closureCodeError } from "./closure.rules.js";
import { conflictRefusal, type FieldIssue, inputRefusal } from "./refusal.js";
import { PendingReason, TicketEventKind, TicketStatus, Visibility } from "./ticket.enums.js";
import { blankToNull, type EntryDraft } from "./timeline-entry.js";

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

/** The reasons the desk may give for a hold (changeTicketStatus); COST_DECISION is set only by a work order's cost proposal. */
export const HOLD_REASONS: readonly PendingReason[] = Object.freeze(Object.values(PendingReason).filter((r) => r !== PendingReason.COST_DECISION));

/** Whether this status stops the resolution clock, because the desk is waiting on someone else. */
export function pausesClock(s: TicketStatus): boolean {
  return s === PENDING;
}

// ───────────────────────── what a transition does ─────────────────────────

/** The part of a ticket a status change reads and writes. */
export interface LifecycleState extends SlaClock {
  status: TicketStatus;
  pendingReason: PendingReason | null;
  closedAt: Date | null;
  resolution: string | null;
  closureCode: string | null;
  knowledgeBase: boolean;
  /** The ticket waits PENDING on an undecided approval chain (approvals/): only its approvers, or a cancellation, end the wait. */
  awaitingApproval: boolean;
}

/** A request to move a ticket to another status, with what the new status needs. */
export interface StatusCommand {
  to: TicketStatus;
  pendingReason?: PendingReason | null;
  note?: string | null;
  resolution?: string | null;
  closureCode?: string | null;
  addToKnowledgeBase?: boolean | null;
  /** The site lets this CLOSED ticket be reopened now (see {@link reopenRefusal}). @default false */
  reopenClosed?: boolean;
  /** Set by the work order's cost proposal, the one way to hold a ticket on COST_DECISION. @default false */
  costProposed?: boolean;
  /** A closure the reporter confirmed (confirmation.rules), recorded on its CLOSED entry. @default false */
  confirmedByReporter?: boolean;
  /** Why the gateway itself closes or cancels (system-note.rules: an automatic closure, a withdrawal), recorded on the entry. */
  systemReason?: { reason: "AUTO_CLOSED"; hours: number } | { reason: "WITHDRAWN" };
}

/** What a transition does: the fields it changes and the timeline entry that records it. */
export interface StatusEffect {
  patch: Partial<LifecycleState>;
  entry: EntryDraft;
}

/** Whether moving from one status to another takes a resolved (or closed) ticket back into work. */
export function isReopen(from: TicketStatus, to: TicketStatus): boolean {
  return to === IN_PROGRESS && (from === RESOLVED || from === CLOSED);
}

/** Whether a CLOSED ticket may still be reopened at `now`, given the site's window in days (0: never). */
export function closedReopenable(closedAt: Date | null, reopenClosedWithinDays: number, now: Date): boolean {
  return reopenClosedWithinDays > 0 && closedAt !== null && now.getTime() - closedAt.getTime() <= reopenClosedWithinDays * 86_400_000;
}

/** Why a ticket cannot be reopened now; null when it can (RESOLVED, or CLOSED within the site's window). */
export function reopenRefusal(status: TicketStatus, closedAt: Date | null, reopenClosedWithinDays: number, now: Date): string | null {
  if (status === RESOLVED) return null;
  if (status === CLOSED && closedReopenable(closedAt, reopenClosedWithinDays, now)) return null;
  if (status === CLOSED) {
    return reopenClosedWithinDays > 0
      ? `This ticket was closed more than ${reopenClosedWithinDays} days ago and can no longer be reopened; report a new incident instead.`
      : "A CLOSED ticket cannot be reopened on this site; report a new incident instead.";
  }
  return `Only a RESOLVED ticket can be reopened; this one is ${status}.`;
}

/**
 * The effect of moving a ticket to `cmd.to` at `now`: refuses a move the graph does not allow
 * (CONFLICT) or that lacks what the new status needs (BAD_USER_INPUT), resumes a paused clock,
 * pauses it for PENDING, clears the resolution on reopen, and names the timeline entry.
 */
export function transitionEffect(state: LifecycleState, cmd: StatusCommand, now: Date, calendar: BusinessCalendar | null = null): StatusEffect {
  const from = state.status;
  const to = cmd.to;
  const closedReopen = from === CLOSED && to === IN_PROGRESS && cmd.reopenClosed === true;
  if (!closedReopen) {
    const refusal = transitionError(from, to);
    if (refusal) throw conflictRefusal(refusal);
  }
  const waiting = approvalWaitRefusal(state, to);
  if (waiting) throw conflictRefusal(waiting);
  const problems: FieldIssue[] = [];
  if (pausesClock(to) && !cmd.pendingReason) problems.push({ field: "pendingReason", message: "pendingReason is required to put a ticket on hold: REPORTER, APPROVAL or THIRD_PARTY" });
  if (cmd.pendingReason === PendingReason.COST_DECISION && !cmd.costProposed) {
    problems.push({ field: "pendingReason", message: "COST_DECISION is set by proposing a cost to the customer (proposeCost), not by a status change" });
  }
  if (to === RESOLVED) {
    if (!cmd.resolution?.trim()) problems.push({ field: "resolution", message: "resolution is required to resolve a ticket" });
    const code = cmd.closureCode?.trim();
    if (!code) problems.push({ field: "closureCode", message: "closureCode is required to resolve a ticket" });
    else {
      const invalid = closureCodeError(code);
      if (invalid) problems.push({ field: "closureCode", message: invalid });
    }
  }
  if (problems.length) throw inputRefusal(problems);

  let clock: SlaClock = state;
  if (pausesClock(from)) clock = resumeClock(clock, now, calendar);
  const patch: Partial<LifecycleState> = { ...clockFields(clock), status: to, pendingReason: null };
  const responded = { firstRespondedAt: state.firstRespondedAt ?? now };
  let kind = TicketEventKind.STATUS_CHANGED;
  let body = blankToNull(cmd.note);
  let data: EntryDraft["data"] = null;
  if (isReopen(from, to)) {
    kind = TicketEventKind.REOPENED;
    Object.assign(patch, { resolvedAt: null, resolution: null, closureCode: null, closedAt: null });
  }
  if (to === IN_PROGRESS) Object.assign(patch, responded);
  if (pausesClock(to)) {
    Object.assign(patch, clockFields(pauseClock(clock, now)), { pendingReason: cmd.pendingReason! });
    data = { reason: cmd.pendingReason! };
  }
  if (to === RESOLVED) {
    kind = TicketEventKind.RESOLVED;
    const resolution = cmd.resolution!.trim();
    const closureCode = cmd.closureCode!.trim();
    Object.assign(patch, responded, { resolvedAt: now, resolution, closureCode, knowledgeBase: cmd.addToKnowledgeBase ?? false });
    body = resolution;
    data = { closureCode };
  }
  if (to === CLOSED || to === CANCELLED) {
    kind = to === CLOSED ? TicketEventKind.CLOSED : TicketEventKind.CANCELLED;
    patch.closedAt = now;
    if (to === CLOSED && cmd.confirmedByReporter) data = { confirmedBy: "REPORTER" };
    if (cmd.systemReason) data = { ...data, ...cmd.systemReason };
    // A request cancelled while its approvers decide waits no more: they are not asked again.
    patch.awaitingApproval = false;
  }
  return { patch, entry: { kind, visibility: Visibility.PUBLIC, fromStatus: from, toStatus: to, body, data } };
}

/** Why a ticket waiting on its approvers cannot move to `to`; null when it can (cancelling always can). */
export function approvalWaitRefusal(state: Pick<LifecycleState, "awaitingApproval" | "status">, to: TicketStatus): string | null {
  if (!state.awaitingApproval || to === CANCELLED) return null;
  return `This request waits for its approvers and goes back to the desk by itself once they approve it; it cannot be moved to ${to} before. Cancel it to end it.`;
}

/**
 * A new request whose service needs approval: it waits PENDING (reason APPROVAL) from NEW with
 * the resolution clock paused and its response target met (sla.rules' respondedAtApprovalRequest),
 * recorded as the chain's APPROVAL_REQUESTED entry.
 */
export function holdForApprovalEffect(state: LifecycleState, now: Date): StatusEffect {
  const from = state.status;
  return {
    patch: {
      ...clockFields(pauseClock(state, now)),
      firstRespondedAt: respondedAtApprovalRequest(state.firstRespondedAt, now),
      status: PENDING,
      pendingReason: PendingReason.APPROVAL,
      awaitingApproval: true,
    },
    entry: { kind: TicketEventKind.APPROVAL_REQUESTED, visibility: Visibility.PUBLIC, fromStatus: from, toStatus: PENDING, body: null, data: { reason: PendingReason.APPROVAL } },
  };
}

/**
 * The end of an approval chain: approved, the request goes back to the desk (ASSIGNED when it
 * has a group or person, else NEW) with the clock running again; rejected, it is CANCELLED with
 * the approver's reason on the public timeline.
 */
export function approvalOutcomeEffect(state: LifecycleState & { groupId: string | null; assigneeId: string | null }, approved: boolean, reason: string | null, now: Date, calendar: BusinessCalendar | null = null): StatusEffect {
  const from = state.status;
  const clock = pausesClock(from) ? resumeClock(state, now, calendar) : state;
  const base = { ...clockFields(clock), pendingReason: null, awaitingApproval: false };
  if (!approved) {
    return {
      patch: { ...base, status: CANCELLED, closedAt: now },
      entry: { kind: TicketEventKind.REJECTED, visibility: Visibility.PUBLIC, fromStatus: from, toStatus: CANCELLED, body: blankToNull(reason), data: null },
    };
  }
  const to = state.groupId || state.assigneeId ? ASSIGNED : NEW;
  return {
    patch: { ...base, status: to },
    entry: { kind: TicketEventKind.APPROVED, visibility: Visibility.PUBLIC, fromStatus: from, toStatus: to, body: blankToNull(reason), data: null },
  };
}

function clockFields(c: SlaClock): Pick<SlaClock, "resolutionDueAt" | "pausedAt" | "pausedMs"> {
  return { resolutionDueAt: c.resolutionDueAt, pausedAt: c.pausedAt, pausedMs: c.pausedMs };
}

/** Labels of the statuses, in lifecycle order, for the desk and the tracker. */
export const STATUS_LABEL: Readonly<Record<TicketStatus, { en: string; id: string }>> = Object.freeze({
  [NEW]: { en: "New", id: "Baru" },
  [ASSIGNED]: { en: "Assigned", id: "Ditugaskan" },
  [IN_PROGRESS]: { en: "In progress", id: "Sedang dikerjakan" },
  [PENDING]: { en: "On hold", id: "Ditunda" },
  [RESOLVED]: { en: "Resolved", id: "Selesai ditangani" },
  [CLOSED]: { en: "Closed", id: "Ditutup" },
  [CANCELLED]: { en: "Cancelled", id: "Dibatalkan" },
});

/** Every status in lifecycle order. */
export const LIFECYCLE_ORDER: readonly TicketStatus[] = Object.freeze([NEW, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED, CLOSED, CANCELLED]);
