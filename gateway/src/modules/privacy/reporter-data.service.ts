import { In, IsNull, Not, type DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import { dialectOf, type Dialect, type Transactor } from "../../db/transactions.js";
import { badInput, conflict } from "../../errors.js";
import { recordAudit } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import { AttachmentEntity } from "../attachments/attachment.entity.js";
import type { AttachmentStorage } from "../attachments/blob-store.js";
import { FeedbackEntity } from "../feedback/feedback.entity.js";
import type { TicketChanges } from "../tickets/ticket-change.js";
import { TicketEventEntity } from "../tickets/ticket-event.entity.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { ActorKind, Visibility } from "../tickets/ticket.enums.js";
import { anonymizeTicket } from "./anonymize.js";
import { erasureRefusal, reporterKeyProblems, reporterMatches, type ReporterKey } from "./privacy.rules.js";
import { claimTicket } from "./ticket-claim.js";

/** What an erasure did: the tickets whose reporter data it removed, and how many files went. */
export interface ErasureOutcome {
  tickets: string[];
  files: number;
}

/** The fields of a ticket a reporter's export shows, with its public messages, files and feedback. */
type ExportedTicket = Record<string, unknown>;

/**
 * One reporter's data on request (UU PDP): an export of everything the site holds about them,
 * and its erasure, each recorded in the audit trail without the reporter's address (the trail
 * names the tickets, so it needs no erasing itself). A reporter is named by the e-mail and/or
 * phone given on their reports (privacy.rules' reporterMatches).
 */
export class ReporterData {
  private readonly dialect: Dialect;

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly changes: TicketChanges,
    private readonly storage: AttachmentStorage | null,
    private readonly clock: Clock,
  ) {
    this.dialect = dialectOf(ds);
  }

  /**
   * Erases the reporter's data on all the site's tickets. Open tickets are refused (CONFLICT
   * listing their codes) unless `includeOpen`: erasing them leaves the desk no way to answer.
   */
  async erase(siteId: string, key: ReporterKey, includeOpen: boolean, actor: AuditActor): Promise<ErasureOutcome> {
    const tickets = await this.find(siteId, key);
    const refusal = erasureRefusal(tickets.filter((t) => t.isOpen).map((t) => t.code), includeOpen);
    if (refusal) throw conflict(refusal);
    const now = this.clock.now();
    const erased: TicketEntity[] = [];
    const fileIds: string[] = [];
    // One unit of work: the reporter's data goes on every ticket, with its audit line, or on none.
    await this.tx(async (em) => {
      for (const found of tickets) {
        const t = await claimTicket(em, this.dialect, siteId, found.id, false);
        if (!t || !reporterMatches(t, key)) continue;
        fileIds.push(...(await anonymizeTicket(em, t, now)).fileIds);
        erased.push(t);
      }
      const after = { tickets: erased.map((t) => t.code), files: fileIds.length, includeOpen };
      await recordAudit(em, { siteId, actor, action: "reporter.erase", subjectType: "reporter", subjectId: null, after }, now);
    });
    for (const id of fileIds) await this.storage?.blobs.remove(id);
    for (const t of erased) this.changes.announce(t, "UPDATED", true);
    return { tickets: erased.map((t) => t.code), files: fileIds.length };
  }

  /** Everything the site holds about the reporter, as a JSON document (tickets, public messages, files' metadata, feedback). */
  async export(siteId: string, key: ReporterKey, actor: AuditActor): Promise<string> {
    const tickets = await this.find(siteId, key);
    const ids = tickets.map((t) => t.id);
    const [events, files, feedback] = ids.length
      ? await Promise.all([
          this.ds.getRepository(TicketEventEntity).find({ where: { ticketId: In(ids), visibility: Visibility.PUBLIC, body: Not(IsNull()) }, order: { id: "ASC" } }),
          this.ds.getRepository(AttachmentEntity).find({ where: { ticketId: In(ids), uploadedBy: ActorKind.REPORTER }, order: { createdAt: "ASC" } }),
          this.ds.getRepository(FeedbackEntity).findBy({ ticketId: In(ids) }),
        ])
      : [[], [], []];
    const now = this.clock.now();
    const doc = {
      exportedAt: now.toISOString(),
      reporter: { email: key.email?.trim() || null, phone: key.phone?.trim() || null },
      tickets: tickets.map((t): ExportedTicket => ({
        code: t.code,
        status: t.status,
        channel: t.channel,
        createdAt: t.createdAt.toISOString(),
        closedAt: t.closedAt?.toISOString() ?? null,
        reporterName: t.reporterName,
        reporterEmail: t.reporterEmail,
        reporterPhone: t.reporterPhone,
        reporterSubject: t.reporterSubject,
        location: t.location,
        kelurahan: t.kelurahan,
        kecamatan: t.kecamatan,
        occurredAt: t.occurredAt?.toISOString() ?? null,
        problemType: t.problemType,
        description: t.description,
        systemState: t.systemState,
        stepsTried: t.stepsTried,
        messages: events
          .filter((e) => e.ticketId === t.id)
          .map((e) => ({ at: e.at.toISOString(), kind: e.kind, from: e.actorKind === ActorKind.REPORTER ? "REPORTER" : "DESK", body: e.body })),
        files: files.filter((f) => f.ticketId === t.id).map((f) => ({ id: f.id, filename: f.filename, contentType: f.contentType, size: f.size, createdAt: f.createdAt.toISOString() })),
        feedback: feedback
          .filter((f) => f.ticketId === t.id)
          .map((f) => ({ serviceRating: f.serviceRating, restoredRating: f.restoredRating, informationRating: f.informationRating, suggestion: f.suggestion, createdAt: f.createdAt.toISOString() }))[0] ?? null,
      })),
    };
    await this.tx((em) => recordAudit(em, { siteId, actor, action: "reporter.export", subjectType: "reporter", subjectId: null, after: { tickets: tickets.map((t) => t.code) } }, now));
    return JSON.stringify(doc, null, 2);
  }

  /** The site's tickets whose reporter the key names, oldest first; BAD_USER_INPUT for a key that names no one. */
  private async find(siteId: string, key: ReporterKey): Promise<TicketEntity[]> {
    const problems = reporterKeyProblems(key);
    if (problems.length) throw badInput(problems);
    const email = key.email?.trim().toLowerCase();
    const qb = this.ds.getRepository(TicketEntity).createQueryBuilder("t").where("t.siteId = :siteId", { siteId });
    // Phones are compared by their digits (written many ways), so every ticket with a phone is a candidate; e-mails match in SQL.
    if (email && !key.phone?.trim()) qb.andWhere("t.reporterEmail = :email", { email });
    else if (email) qb.andWhere("(t.reporterEmail = :email OR t.reporterPhone IS NOT NULL)", { email });
    else qb.andWhere("t.reporterPhone IS NOT NULL");
    const rows = await qb.orderBy("t.createdAt", "ASC").getMany();
    return rows.filter((t) => reporterMatches(t, key));
  }
}
