/**
 * What a webhook carries, version 1. Webhooks go to the company's own systems (an SMS gateway, a
 * CRM, a chat bot), so the desk's fields are included: the reporter's contact details, internal
 * entries' text, group and assignee ids. Left out on purpose:
 * - the tracking token and its hash: the token is a credential to act as the reporter, Sigap keeps
 *   only its hash, and a payload is stored (outbox, delivery log) and replayed for days;
 * - the idempotency key and request fingerprint: bookkeeping of the report form, meaningless outside;
 * - attachments' contents: an integrator fetches files through the desk API when it needs them.
 * A change that removes or renames a field raises {@link WEBHOOK_PAYLOAD_VERSION}; adding fields does not.
 */
import type { DomainEvent, DomainEventType } from "../notifications/notification.types.js";
import type { TicketEntity } from "../tickets/ticket.entity.js";

/** The payload format's version, sent as `version` in every body. */
export const WEBHOOK_PAYLOAD_VERSION = 1;

/** Every event type an endpoint may subscribe to, in the order the README lists them. */
export const WEBHOOK_EVENT_TYPES: readonly DomainEventType[] = Object.freeze([
  "ticket.created",
  "ticket.status_changed",
  "ticket.assigned",
  "ticket.escalated",
  "ticket.message_added",
  "ticket.resolved",
  "ticket.closed",
  "feedback.submitted",
  "sla.warning",
  "sla.breached",
  "ticket.approval_requested",
  "ticket.approved",
  "ticket.rejected",
  "work_order.cost_proposed",
  "work_order.cost_accepted",
  "work_order.cost_declined",
  "work_order.payment_recorded",
]);

/** The ticket as a webhook shows it. */
export interface WebhookTicket {
  id: string;
  code: string;
  status: string;
  priority: string;
  urgency: string;
  impact: string;
  channel: string;
  reporter: { name: string; phone: string | null; email: string | null };
  location: string | null;
  kelurahan: string | null;
  kecamatan: string | null;
  occurredAt: string | null;
  description: string;
  systemState: string | null;
  stepsTried: string | null;
  serviceId: string | null;
  problemType: string | null;
  categoryId: string | null;
  groupId: string | null;
  assigneeId: string | null;
  supportLevel: number;
  hierarchyLevel: number;
  pendingReason: string | null;
  createdAt: string;
  updatedAt: string;
  firstRespondedAt: string | null;
  responseDueAt: string;
  resolutionDueAt: string;
  pausedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  resolution: string | null;
  closureCode: string | null;
}

/** The body of every webhook request. */
export interface WebhookPayload {
  [key: string]: unknown;
  version: typeof WEBHOOK_PAYLOAD_VERSION;
  /** The domain event's id: the same for every endpoint, attempt and replay. */
  id: string;
  type: DomainEventType;
  /** When it happened (ISO 8601). */
  timestamp: string;
  siteId: string;
  data: {
    ticket: WebhookTicket;
    /** The timeline entry that recorded it; null for SLA steps without one. */
    entry: { kind: string; visibility: string; actorKind: string; actorName: string | null; body: string | null; data: Record<string, unknown> | null } | null;
    /** Facts for this type, e.g. `{ from, to }` for status changes, `{ target, step, share }` for SLA. */
    detail: Record<string, unknown>;
  };
}

/** Builds the versioned body of an event, as the outbox stores it (JSON text). */
export function webhookPayload(event: DomainEvent): WebhookPayload {
  return {
    version: WEBHOOK_PAYLOAD_VERSION,
    id: event.id,
    type: event.type,
    timestamp: event.at.toISOString(),
    siteId: event.siteId,
    data: {
      ticket: webhookTicket(event.ticket),
      // Copies the outbox stores as JSON text at once (dates become ISO strings there).
      entry: event.entry ? { ...event.entry } : null,
      detail: { ...event.detail },
    },
  };
}

/** The public and desk fields of a ticket, dates as ISO strings. */
export function webhookTicket(t: TicketEntity): WebhookTicket {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: t.id,
    code: t.code,
    status: t.status,
    priority: t.priority,
    urgency: t.urgency,
    impact: t.impact,
    channel: t.channel,
    reporter: { name: t.reporterName, phone: t.reporterPhone, email: t.reporterEmail },
    location: t.location,
    kelurahan: t.kelurahan,
    kecamatan: t.kecamatan,
    occurredAt: iso(t.occurredAt),
    description: t.description,
    systemState: t.systemState,
    stepsTried: t.stepsTried,
    serviceId: t.serviceId,
    problemType: t.problemType,
    categoryId: t.categoryId,
    groupId: t.groupId,
    assigneeId: t.assigneeId,
    supportLevel: t.supportLevel,
    hierarchyLevel: t.hierarchyLevel,
    pendingReason: t.pendingReason,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    firstRespondedAt: iso(t.firstRespondedAt),
    responseDueAt: t.responseDueAt.toISOString(),
    resolutionDueAt: t.resolutionDueAt.toISOString(),
    pausedAt: iso(t.pausedAt),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    resolution: t.resolution,
    closureCode: t.closureCode,
  };
}

/** Whether a value names a subscribable event type. */
export function isWebhookEventType(value: string): value is DomainEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
