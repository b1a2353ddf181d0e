import type { AddressObject, ParsedMail } from "mailparser";
import { simpleParser } from "mailparser";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { Transactor } from "../../db/transactions.js";
import { SigapError } from "../../errors.js";
import type { AttachmentService } from "../attachments/attachment.service.js";
import type { Notifications } from "../notifications/notifications.service.js";
import type { OutboxDraft } from "../notifications/notification.types.js";
import type { ReplyAddresses } from "../notifications/reply-address.js";
import { SiteEntity } from "../sites/site.entity.js";
import type { SiteService } from "../sites/site.service.js";
import { TEXT_LIMIT } from "../tickets/field.rules.js";
import type { IntakeService } from "../tickets/intake.service.js";
import { ReportIncidentInput } from "../tickets/report-incident.input.js";
import { REPORT_LIMITS } from "../tickets/reported-fields.input.js";
import type { ReporterCommands } from "../tickets/reporter-commands.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { Channel } from "../tickets/ticket.enums.js";
import { bounceLanguage, bounceRecipient, bounceText, fitText, isAutoSubmitted, isDeliveryReport, normalizeAddress, type BounceReason, type HeaderLookup } from "./inbound-mail.rules.js";
import { attachedFiles, discardAll, storeMailFiles } from "./mail-files.js";
import { messageKey, type MessageClaims } from "./message-claims.js";
import { stripQuoted } from "./quote.rules.js";

/** The SMTP envelope of a mail (for IMAP: its Return-Path and recipients' headers). */
export interface Envelope {
  /** The return path; null or "" for the null sender `<>`. */
  mailFrom: string | null;
  /** The envelope recipients. */
  rcptTo: readonly string[];
}

/** What one received mail came to. */
export type InboundOutcome =
  | { kind: "MESSAGE"; ticketId: string }
  | { kind: "TICKET"; ticketId: string }
  | { kind: "BOUNCED"; reason: BounceReason; to: string | null }
  | { kind: "IGNORED"; why: string }
  | { kind: "DUPLICATE" };

/** How a receiver hands over a mail. */
export interface ReceiveOptions {
  /** Only the headers came (the mail is over the receiver's size limit): it is bounced, never handled. @default false */
  tooLarge?: boolean;
}

/** Raised when a mail cannot be handled now but may be later (another receiver holds it, the database is away): SMTP 451. */
export class TryLater extends Error {}

type Target = { kind: "reply"; ticket: TicketEntity; site: SiteEntity } | { kind: "desk"; site: SiteEntity };

/** What the handling of a mail needs from the rest of the gateway. */
export interface InboundDeps {
  ds: DataSource;
  tx: Transactor;
  sites: SiteService;
  intake: IntakeService;
  /** The reporter's commands opened by ticket id (reply-commands.ts). */
  replies: ReporterCommands;
  attachments: AttachmentService;
  notifications: Notifications;
  replyAddresses: ReplyAddresses;
  claims: MessageClaims;
  log: Logger;
}

/**
 * Mail in, whatever brought it (the SMTP listener, the IMAP poller): a reply to a ticket's reply
 * address lands on the ticket as the reporter's message, a mail to a site's desk address opens a
 * ticket with channel EMAIL, and what cannot be taken is answered with a bounce through the outbox
 * (never to machine mail). Each mail is handled once per site by its Message-ID.
 */
export class InboundService {
  constructor(private readonly d: InboundDeps) {}

  /** Whether an envelope recipient is one of ours (a genuine reply address or a desk address); others are refused at RCPT time. */
  async accepts(address: string): Promise<boolean> {
    return (await this.targetOf(address)) !== null;
  }

  /** Handles one received mail. Throws {@link TryLater} (or a database error) when it should be delivered again later. */
  async receive(raw: Buffer, envelope: Envelope, options: ReceiveOptions = {}): Promise<InboundOutcome> {
    const mail = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
    const header = headerLookup(mail);
    const from = firstAddress(mail.from);
    const auto = isAutoSubmitted(header, normalizeAddress(envelope.mailFrom) ?? from?.address ?? null);
    const target = await this.findTarget([...envelope.rcptTo, ...addresses(mail.to), ...addresses(mail.cc)]);
    if (!target) {
      this.d.log.warn({ messageId: mail.messageId, to: envelope.rcptTo }, "inbound mail for no ticket or desk; dropped");
      return { kind: "IGNORED", why: "no ticket or desk address" };
    }
    const siteId = target.site.id;
    const key = messageKey(mail.messageId, raw);
    const claim = await this.d.claims.claim(siteId, key);
    if (claim === "DONE") return { kind: "DUPLICATE" };
    if (claim === "BUSY") throw new TryLater("this mail is being handled by another receiver");
    try {
      const outcome = await this.handle(target, mail, from, auto, envelope, key, header, options.tooLarge === true);
      if (outcome.kind !== "BOUNCED") {
        await this.d.claims.finish(siteId, key, outcome.kind, "ticketId" in outcome ? outcome.ticketId : null);
      }
      return outcome;
    } catch (error) {
      await this.d.claims.release(siteId, key).catch(() => undefined);
      throw error;
    }
  }

  private async handle(
    target: Target,
    mail: ParsedMail,
    from: { address: string; name: string } | null,
    auto: boolean,
    envelope: Envelope,
    key: string,
    header: HeaderLookup,
    tooLarge: boolean,
  ): Promise<InboundOutcome> {
    const bounce = (reason: BounceReason, detail: string, ticketId: string | null) =>
      this.bounce(target.site, key, reason, detail, ticketId, bounceRecipient(envelope.mailFrom, auto), mail.subject ?? "", bounceLanguage(header));
    if (isDeliveryReport(header, envelope.mailFrom)) return { kind: "IGNORED", why: "delivery report" };
    // Nothing of an oversize mail was read but its headers; as with any bounce, machine mail gets none.
    if (tooLarge) return bounce("FILE_TOO_LARGE", "the mail is over the size limit", target.kind === "reply" ? target.ticket.id : null);
    if (target.kind === "reply") {
      const { ticket, site } = target;
      // An out-of-office answer to a notification must not speak for the reporter (it would reopen the ticket).
      if (auto) return { kind: "IGNORED", why: "automatic reply" };
      if (!from || !ticket.reporterEmail || from.address !== ticket.reporterEmail) return bounce("NOT_REPORTER", `sender ${from?.address ?? "unknown"}`, ticket.id);
      const body = stripQuoted(mail.text ?? "");
      const files = attachedFiles(mail.attachments);
      if (!body && !files.length) return bounce("EMPTY", "no new text", ticket.id);
      const stored = await storeMailFiles(this.d.attachments, site, files, site.maxAttachmentsPerTicket);
      if (!stored.ok) return bounce(stored.reason, stored.detail, ticket.id);
      try {
        await this.d.replies.message(site, ticket.id, "", {
          body: fitText(body || filesOnly(stored.files.length), TEXT_LIMIT),
          attachmentIds: stored.files.map((f) => f.id),
        });
      } catch (error) {
        await discardAll(this.d.attachments, stored.files);
        if (!(error instanceof SigapError)) throw error;
        const reason: BounceReason = error.code === "CONFLICT" ? "TICKET_CLOSED" : error.code === "BAD_USER_INPUT" ? "TOO_MANY_FILES" : "REFUSED";
        return bounce(reason, error.message, ticket.id);
      }
      return { kind: "MESSAGE", ticketId: ticket.id };
    }

    const { site } = target;
    if (!from) return bounce("REFUSED", "no From address", null);
    const subject = (mail.subject ?? "").trim();
    const description = stripQuoted(mail.text ?? "") || subject;
    const files = attachedFiles(mail.attachments);
    if (!description && !files.length) return bounce("EMPTY", "no text", null);
    const stored = await storeMailFiles(this.d.attachments, site, files, Math.min(REPORT_LIMITS.attachments, site.maxAttachmentsPerTicket));
    if (!stored.ok) return bounce(stored.reason, stored.detail, null);
    try {
      const input = Object.assign(new ReportIncidentInput(), {
        // The same mail delivered twice (or claimed again after a crash) is the same report.
        idempotencyKey: `email-${key.slice(0, 40)}`,
        channel: Channel.EMAIL,
        reporterName: fitText(from.name || from.address.split("@")[0]!, REPORT_LIMITS.reporterName),
        reporterEmail: from.address.length <= REPORT_LIMITS.reporterEmail ? from.address : null,
        problemType: subject ? fitText(subject, REPORT_LIMITS.problemType) : null,
        description: fitText(description || filesOnly(stored.files.length), REPORT_LIMITS.description),
        attachmentIds: stored.files.map((f) => f.id),
      });
      const { ticket } = await this.d.intake.report(site, await this.d.sites.policies(site.id), input);
      return { kind: "TICKET", ticketId: ticket.id };
    } catch (error) {
      await discardAll(this.d.attachments, stored.files);
      if (!(error instanceof SigapError)) throw error;
      return bounce("REFUSED", error.message, null);
    }
  }

  /** Enqueues a bounce (unless the mail must not get one) and closes the mail's claim, in one transaction. */
  private async bounce(
    site: SiteEntity,
    key: string,
    reason: BounceReason,
    detail: string,
    ticketId: string | null,
    to: string | null,
    originalSubject: string,
    language: "id" | "en",
  ): Promise<InboundOutcome> {
    this.d.log.info({ siteId: site.id, ticketId, reason, detail, bounced: to !== null }, "inbound mail refused");
    await this.d.tx(async (em) => {
      if (to) {
        const draft: OutboxDraft = {
          eventId: `bounce:${key}`,
          channel: "EMAIL",
          recipient: to,
          siteId: site.id,
          ticketId,
          payload: { template: "bounce", language, to, vars: { reason: bounceText(reason, language), originalSubject } },
        };
        await this.d.notifications.enqueue(em, [draft]);
      }
      await this.d.claims.finish(site.id, key, "BOUNCED", ticketId, em);
    });
    return { kind: "BOUNCED", reason, to };
  }

  private async findTarget(candidates: readonly string[]): Promise<Target | null> {
    const found = await Promise.all([...new Set(candidates.map((c) => normalizeAddress(c)).filter((c) => c !== null))].map((c) => this.targetOf(c)));
    // A reply address names the ticket; it wins over a desk address copied on the same mail.
    return found.find((t) => t?.kind === "reply") ?? found.find((t) => t !== null) ?? null;
  }

  private async targetOf(address: string): Promise<Target | null> {
    const clean = normalizeAddress(address);
    if (!clean) return null;
    const ticketId = this.d.replyAddresses.parseReplyAddress(clean);
    if (ticketId) {
      const ticket = await this.d.ds.getRepository(TicketEntity).findOneBy({ id: ticketId });
      const site = ticket ? await this.d.ds.getRepository(SiteEntity).findOneBy({ id: ticket.siteId }) : null;
      return ticket && site ? { kind: "reply", ticket, site } : null;
    }
    const site = await this.d.ds.getRepository(SiteEntity).findOneBy({ deskEmail: clean });
    return site ? { kind: "desk", site } : null;
  }
}

/** The text of a message that only carries files. */
function filesOnly(count: number): string {
  return `(${count} attachment${count === 1 ? "" : "s"} sent by e-mail)`;
}

function headerLookup(mail: ParsedMail): HeaderLookup {
  const lines = new Map<string, string>();
  for (const { key, line } of mail.headerLines) {
    if (!lines.has(key)) lines.set(key, line.slice(line.indexOf(":") + 1).trim());
  }
  return (name) => lines.get(name.toLowerCase()) ?? null;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((o) => o.value.flatMap((v) => [v.address ?? "", ...(v.group ?? []).map((g) => g.address ?? "")])).filter(Boolean);
}

function firstAddress(field: AddressObject | undefined): { address: string; name: string } | null {
  const first = field?.value[0];
  const address = normalizeAddress(first?.address);
  return address ? { address, name: (first?.name ?? "").trim() } : null;
}
