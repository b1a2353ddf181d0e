import type { EntityManager } from "typeorm";
import type { TicketEntity } from "../tickets/ticket.entity.js";
import type { TicketEventKind, Visibility, ActorKind } from "../tickets/ticket.enums.js";

/** What happened, in the words integrators and notifications use (Standard Webhooks event types). */
export type DomainEventType =
  | "ticket.created" | "ticket.status_changed" | "ticket.assigned" | "ticket.escalated"
  | "ticket.message_added" | "ticket.resolved" | "ticket.closed" | "feedback.submitted"
  | "sla.warning" | "sla.breached" | "ticket.approval_requested" | "ticket.approved" | "ticket.rejected"
  | "work_order.cost_proposed" | "work_order.cost_accepted" | "work_order.cost_declined" | "work_order.payment_recorded";

/** One happening on a ticket, raised inside the transaction that made it. */
export interface DomainEvent {
  /** Stable and unique per happening: `${ticketId}:v${ticket.version}:${entryIndex}` for timeline
   * entries (version after save), `${ticketId}:sla:${target}:${step}:${dueAtMs}` for ladder steps. */
  id: string;
  type: DomainEventType;
  siteId: string;
  ticketId: string;
  at: Date;
  /** The ticket as saved by the change. */
  ticket: TicketEntity;
  /** The timeline entry that recorded it; null for events without one. */
  entry: {
    kind: TicketEventKind;
    visibility: Visibility;
    actorKind: ActorKind;
    actorName: string | null;
    body: string | null;
    data: Record<string, unknown> | null;
  } | null;
  /** Extra facts for this type, e.g. `{ from, to }` statuses, `{ target, step, share }` for SLA. */
  detail: Record<string, unknown>;
}

/** How a message leaves: e-mail or a webhook endpoint. */
export type OutboxChannel = "EMAIL" | "WEBHOOK";

/** A message to deliver, written in the same transaction as the change that caused it. */
export interface OutboxDraft {
  /** The DomainEvent id (or another stable id for messages without an event, e.g. `bounce:<messageId>`). */
  eventId: string;
  channel: OutboxChannel;
  /** An e-mail address (EMAIL) or a webhook endpoint id (WEBHOOK). */
  recipient: string;
  siteId: string;
  ticketId: string | null;
  /** JSON-safe; for EMAIL: `{ template, language, to, subject?, vars }` (see mail), for WEBHOOK: the versioned event payload. */
  payload: Record<string, unknown>;
}

/** Turns an event into messages; runs inside the change's transaction (may read with `em`). */
export type NotificationPlanner = (em: EntityManager, event: DomainEvent) => Promise<OutboxDraft[]>;

/** What one delivery attempt came to. */
export interface DeliveryOutcome {
  ok: boolean;
  /** false: the recipient refused for good (dead at once); true: try again later. */
  retryable: boolean;
  /** One line for the log and the delivery record. */
  detail: string;
  statusCode?: number;
  latencyMs?: number;
  /** The first ~500 characters of the receiver's answer (webhooks). */
  responseExcerpt?: string;
}

/** A stored outbox message as a channel sender receives it. */
export interface OutboxMessage {
  id: string;
  eventId: string;
  channel: OutboxChannel;
  recipient: string;
  siteId: string;
  ticketId: string | null;
  payload: Record<string, unknown>;
  attempts: number;          // attempts made before this one
  createdAt: Date;
}

/** Delivers one message over one channel. Must not throw for a recipient's failure: return the outcome. */
export type ChannelSender = (message: OutboxMessage) => Promise<DeliveryOutcome>;

/** When a channel retries: delays in seconds after attempt 1, 2, …; after the last, the message is DEAD. */
export interface RetrySchedule { delaysSeconds: readonly number[] }
