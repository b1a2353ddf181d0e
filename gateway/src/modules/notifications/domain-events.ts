import type { TicketEventEntity } from "../tickets/ticket-event.entity.js";
import type { TicketEntity } from "../tickets/ticket.entity.js";
import type { DomainEvent } from "./notification.types.js";
import { entryEventId, eventTypeOf } from "./outbox.rules.js";

/**
 * The events of the timeline entries one change wrote, in order, with the contract's ids
 * (`ticketId:v<version after save>:<entry index>`): entries nobody outside is told of (internal
 * notes, classification) raise nothing but keep their index, so ids never shift.
 */
export function entryEvents(ticket: TicketEntity, rows: readonly Partial<TicketEventEntity>[]): DomainEvent[] {
  const events: DomainEvent[] = [];
  rows.forEach((row, index) => {
    const type = row.kind ? eventTypeOf(row.kind) : null;
    if (!type || !row.kind || !row.visibility || !row.actorKind) return;
    const detail: Record<string, unknown> = {};
    if (row.fromStatus || row.toStatus) Object.assign(detail, { from: row.fromStatus ?? null, to: row.toStatus ?? null });
    events.push({
      id: entryEventId(ticket.id, ticket.version, index),
      type,
      siteId: ticket.siteId,
      ticketId: ticket.id,
      at: row.at ?? ticket.updatedAt,
      ticket,
      entry: {
        kind: row.kind,
        visibility: row.visibility,
        actorKind: row.actorKind,
        actorName: row.actorName ?? null,
        body: row.body ?? null,
        data: (row.data as Record<string, unknown> | null | undefined) ?? null,
      },
      detail,
    });
  });
  return events;
}
