/**
 * The outbox's rules, pure: which timeline entries raise which events, when a failed message is
 * tried again, and which messages may go now without overtaking an earlier one.
 */
import { TicketEventKind } from "../tickets/ticket.enums.js";
import type { DeliveryOutcome, DomainEventType, RetrySchedule } from "./notification.types.js";

/** Where a message stands: waiting (or being tried), delivered, or given up on. */
export type OutboxStatus = "PENDING" | "SENT" | "DEAD";

const EVENT_OF_KIND: Readonly<Record<TicketEventKind, DomainEventType | null>> = {
  [TicketEventKind.REPORTED]: "ticket.created",
  [TicketEventKind.CLASSIFIED]: null,
  [TicketEventKind.ASSIGNED]: "ticket.assigned",
  [TicketEventKind.STATUS_CHANGED]: "ticket.status_changed",
  [TicketEventKind.REOPENED]: "ticket.status_changed",
  [TicketEventKind.CANCELLED]: "ticket.status_changed",
  [TicketEventKind.AGENT_REPLY]: "ticket.message_added",
  [TicketEventKind.REPORTER_MESSAGE]: "ticket.message_added",
  [TicketEventKind.INTERNAL_NOTE]: null,
  [TicketEventKind.ESCALATED]: "ticket.escalated",
  [TicketEventKind.AUTO_ESCALATED]: "ticket.escalated",
  [TicketEventKind.RESOLVED]: "ticket.resolved",
  [TicketEventKind.CLOSED]: "ticket.closed",
  [TicketEventKind.FEEDBACK]: "feedback.submitted",
  [TicketEventKind.APPROVAL_REQUESTED]: "ticket.approval_requested",
  // One approver of an ALL_OF step: the chain goes on; what outside systems act on is its outcome.
  [TicketEventKind.APPROVAL_GIVEN]: null,
  [TicketEventKind.APPROVED]: "ticket.approved",
  [TicketEventKind.REJECTED]: "ticket.rejected",
  // Findings travel with the cost proposal that prices them.
  [TicketEventKind.FINDINGS_RECORDED]: null,
  [TicketEventKind.COST_PROPOSED]: "work_order.cost_proposed",
  [TicketEventKind.COST_ACCEPTED]: "work_order.cost_accepted",
  [TicketEventKind.COST_DECLINED]: "work_order.cost_declined",
  [TicketEventKind.PAYMENT_RECORDED]: "work_order.payment_recorded",
};

/** The event a timeline entry raises; null for entries nobody outside is told of (notes, classification). */
export function eventTypeOf(kind: TicketEventKind): DomainEventType | null {
  return EVENT_OF_KIND[kind];
}

/** The contract's id of the event of a change's `index`th entry, with the ticket's version after the save. */
export function entryEventId(ticketId: string, version: number, index: number): string {
  return `${ticketId}:v${version}:${index}`;
}

/**
 * A schedule whose delays double from `firstSeconds` up to `capSeconds`, `retries` of them:
 * the caps of exponential backoff, which {@link nextAttempt} jitters in full.
 */
export function exponentialSchedule(firstSeconds: number, retries: number, capSeconds: number): RetrySchedule {
  return { delaysSeconds: Array.from({ length: retries }, (_, i) => Math.min(capSeconds, firstSeconds * 2 ** i)) };
}

/** What a message becomes after an attempt. */
export interface AttemptResult {
  status: OutboxStatus;
  attempts: number;
  /** When to try again (PENDING only). */
  nextAttemptAt: Date | null;
  lastError: string | null;
}

/**
 * The state after attempt number `attempts + 1`: SENT on success; DEAD for a refusal that will
 * not change or after the schedule's last delay; otherwise PENDING again after a delay drawn
 * uniformly between 1 s and the schedule's cap for this attempt ("full jitter"), so gateways that
 * failed together do not retry together. `random` is in [0, 1).
 */
export function nextAttempt(outcome: DeliveryOutcome, attempts: number, schedule: RetrySchedule, now: Date, random: number): AttemptResult {
  const made = attempts + 1;
  if (outcome.ok) return { status: "SENT", attempts: made, nextAttemptAt: null, lastError: null };
  const cap = schedule.delaysSeconds[attempts];
  if (!outcome.retryable || cap === undefined) return { status: "DEAD", attempts: made, nextAttemptAt: null, lastError: outcome.detail };
  // At least a second: a retry is never due in the pass that just failed it.
  const delayMs = Math.max(1000, Math.floor(random * cap * 1000));
  return { status: "PENDING", attempts: made, nextAttemptAt: new Date(now.getTime() + delayMs), lastError: outcome.detail };
}

/** A message as the ordering rule sees it. */
export interface Queued {
  /** Creation order. */
  seq: number;
  ticketId: string | null;
  channel: string;
  recipient: string;
}

/**
 * Of due messages (in creation order), those that may go now: the first of each (ticket, channel,
 * recipient) stream, and only if no earlier message of its stream is still waiting (`waiting`
 * holds the stream keys of earlier PENDING messages). Messages without a ticket keep no order.
 */
export function headsOfStreams<T extends Queued>(due: readonly T[], waiting: ReadonlySet<string> = new Set()): T[] {
  const seen = new Set(waiting);
  const heads: T[] = [];
  for (const m of [...due].sort((a, b) => a.seq - b.seq)) {
    if (m.ticketId === null) {
      heads.push(m);
      continue;
    }
    const key = streamKey(m);
    if (seen.has(key)) continue;
    seen.add(key);
    heads.push(m);
  }
  return heads;
}

/** The key of a message's delivery-order stream. */
export function streamKey(m: Pick<Queued, "ticketId" | "channel" | "recipient">): string {
  return `${m.ticketId}\u0000${m.channel}\u0000${m.recipient}`;
}
