/**
 * Removes one ticket's reporter personal data, inside the caller's transaction (retention and
 * erasure share it). What goes: the reporter's name, e-mail, phone and identity subject; the
 * tracking token (a new random hash, so old links and receipts stop opening the ticket) and the
 * one-time tracking links; the reporter's uploaded files (rows here, bytes by the caller after
 * commit); the reporter's name on timeline entries; the addresses and contents of mail to the
 * reporter in the outbox; the reporter's details in webhook bodies (outbox and delivery log).
 * What stays, as the incident record and for recaps: the description and the reporter's
 * messages (free text: see README, "Data protection"), status, priority, times, SLA figures and
 * satisfaction scores. Inbound mail keeps no address (only a hashed
 * message key and its outcome), so it has nothing to blank.
 */
import { In, type EntityManager } from "typeorm";
import { AttachmentEntity } from "../attachments/attachment.entity.js";
import { OutboxMessageEntity } from "../notifications/outbox-message.entity.js";
import { TrackingLinkEntity } from "../reporters/tracking-link.entity.js";
import { TicketEventEntity } from "../tickets/ticket-event.entity.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { ActorKind } from "../tickets/ticket.enums.js";
import { randomToken, sha256 } from "../tickets/tracking-token.js";
import { WebhookDeliveryEntity } from "../webhooks/webhook-delivery.entity.js";
import { ANONYMIZED_NAME, scrubbedWebhookBody } from "./privacy.rules.js";

/** What an anonymization removed: the files whose bytes the caller deletes after commit. */
export interface Anonymized {
  fileIds: string[];
}

/** Anonymizes a ticket held by the caller (row locked or claimed); saves the ticket row too. */
export async function anonymizeTicket(em: EntityManager, ticket: TicketEntity, now: Date): Promise<Anonymized> {
  const addresses = [ticket.reporterEmail, ticket.reporterPhone].filter((a): a is string => !!a);
  const files = await em.find(AttachmentEntity, { select: { id: true }, where: { ticketId: ticket.id, uploadedBy: ActorKind.REPORTER } });
  const fileIds = files.map((f) => f.id);
  if (fileIds.length) await em.delete(AttachmentEntity, { id: In(fileIds) });
  await em.delete(TrackingLinkEntity, { ticketId: ticket.id });
  const reporterEntries = await em.find(TicketEventEntity, { where: { ticketId: ticket.id, actorKind: ActorKind.REPORTER } });
  const gone = new Set(fileIds);
  for (const e of reporterEntries) {
    const ids = e.data?.attachmentIds;
    const data = ids ? { ...e.data, attachmentIds: ids.filter((id) => !gone.has(id)) } : e.data;
    await em.update(TicketEventEntity, { id: e.id }, { actorName: ANONYMIZED_NAME, data });
  }
  if (addresses.length) {
    // Mail not yet sent to the reporter dies here: there is no one to send it to any more.
    await em.update(OutboxMessageEntity, { ticketId: ticket.id, recipient: In(addresses), status: "PENDING" }, { status: "DEAD", lastError: "reporter data erased" });
    // One row at a time: (event, channel, recipient) is unique, so each row gets its own placeholder.
    const mails = await em.find(OutboxMessageEntity, { select: { id: true }, where: { ticketId: ticket.id, recipient: In(addresses) } });
    for (const m of mails) await em.update(OutboxMessageEntity, { id: m.id }, { recipient: `${ANONYMIZED_NAME}#${m.id}`, payload: "{}" });
  }
  // Webhook bodies (waiting, sent, and the delivery log's copies a replay sends) carry the
  // reporter's details as the ticket had them: they lose them as the ticket does.
  const hooks = await em.find(OutboxMessageEntity, { select: { id: true, payload: true }, where: { ticketId: ticket.id, channel: "WEBHOOK" } });
  for (const m of hooks) await em.update(OutboxMessageEntity, { id: m.id }, { payload: scrubbed(m.payload) });
  const logged = await em.find(WebhookDeliveryEntity, { select: { id: true, payload: true }, where: { ticketId: ticket.id } });
  for (const d of logged) await em.update(WebhookDeliveryEntity, { id: d.id }, { payload: scrubbed(d.payload) });
  Object.assign(ticket, {
    reporterName: ANONYMIZED_NAME,
    reporterEmail: null,
    reporterPhone: null,
    phoneKey: null,
    reporterSubject: null,
    customerId: null,
    trackingTokenHash: sha256(randomToken()),
    idempotencyKey: null,
    requestFingerprint: null,
    anonymizedAt: now,
  });
  await em.update(
    TicketEntity,
    { id: ticket.id },
    {
      reporterName: ticket.reporterName,
      reporterEmail: null,
      reporterPhone: null,
      phoneKey: null,
      reporterSubject: null,
      customerId: null,
      trackingTokenHash: ticket.trackingTokenHash,
      idempotencyKey: null,
      requestFingerprint: null,
      anonymizedAt: now,
    },
  );
  return { fileIds };
}

function scrubbed(json: string): string {
  return JSON.stringify(scrubbedWebhookBody(JSON.parse(json) as Record<string, unknown>));
}
