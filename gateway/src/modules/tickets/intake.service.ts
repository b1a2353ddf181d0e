import { IsNull, type DataSource, type EntityManager } from "typeorm";
import { v7 as uuidv7 } from "uuid";
import type { Clock } from "../../clock.js";
import { insertRows } from "../../db/rows.js";
import { dialectOf, isUniqueViolation, type Dialect, type Transactor } from "../../db/transactions.js";
import { badInput, conflict, type FieldProblem } from "../../errors.js";
import type { AttachmentService } from "../attachments/attachment.service.js";
import type { CustomFieldService } from "../fields/custom-fields.service.js";
import type { StoredValue } from "../fields/custom-field.rules.js";
import { ItServiceEntity } from "../catalog/it-service.entity.js";
import { entryEvents } from "../notifications/domain-events.js";
import type { OutboxDraft } from "../notifications/notification.types.js";
import type { Notifications } from "../notifications/notifications.service.js";
import type { SiteEntity } from "../sites/site.entity.js";
import type { SiteService } from "../sites/site.service.js";
import { reportImpact } from "../sites/site-settings.rules.js";
import { ladderOf, nextLadderAt } from "../sla/ladder.rules.js";
import { dueTimes, type SlaPolicy } from "../sla/sla.rules.js";
import { calendarFor, needsHolidays } from "../sla/sla-calendar.rules.js";
import { priorityOf, priorityRank } from "./priority.rules.js";
import type { ReporterIdentity } from "../reporters/reporter-identity.rules.js";
import type { ReportIncidentInput } from "./report-incident.input.js";
import { eventRow, type TicketChanges } from "./ticket-change.js";
import { ticketCodeKey, ticketPhoneKey } from "./search-query.rules.js";
import { dayKey, formatTicketCode } from "./ticket-code.rules.js";
import { TicketEventEntity } from "./ticket-event.entity.js";
import { TicketEntity } from "./ticket.entity.js";
import { ActorKind, Channel, TicketEventKind, TicketStatus, Urgency, Visibility } from "./ticket.enums.js";
import { blankToNull } from "./timeline-entry.js";
import { derivedToken, randomToken, sha256 } from "./tracking-token.js";

/** The reporter's receipt messages, planned here because only intake knows the tracking token. */
export type ReceiptPlanner = (site: SiteEntity, ticket: TicketEntity, trackingToken: string) => OutboxDraft[];

/** A report's result: the ticket and the tracking token, which exists nowhere else in clear. */
export interface Receipt {
  ticket: TicketEntity;
  trackingToken: string;
}

const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * Incident logging from the public form: validation, idempotency, ticket codes. The hot path of
 * the gateway: rows are written with insertRows, and the day's sequence row is taken last, so
 * it is held for as short a time as possible.
 */
export class IntakeService {
  private readonly dialect: Dialect;

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly changes: TicketChanges,
    private readonly clock: Clock,
    private readonly secret: string,
    private readonly attachments: AttachmentService,
    private readonly notifications: Notifications,
    private readonly sites: SiteService,
    private readonly receipt: ReceiptPlanner = () => [],
    private readonly fields: CustomFieldService | null = null,
  ) {
    this.dialect = dialectOf(ds);
  }

  /**
   * Logs a new incident; the same idempotency key returns the same receipt. Impact is the
   * reporter's only where the site allows it. An identified reporter's name and e-mail come from
   * their verified token, and the ticket remembers their subject.
   */
  async report(site: SiteEntity, policy: SlaPolicy, input: ReportIncidentInput, reporter: ReporterIdentity | null = null): Promise<Receipt> {
    // The form token and honeypot say how the form was sent, not what was reported: a retry after
    // the form fetched a fresh token is still the same report.
    const { formToken: _formToken, website: _website, ...report } = input;
    const fingerprint = input.idempotencyKey ? sha256(canonicalJson(report)) : null;
    if (input.idempotencyKey) {
      const existing = await this.findByIdempotencyKey(site.id, input.idempotencyKey, fingerprint!);
      if (existing) return existing;
    }
    const fieldValues = await this.validate(site, input, reporter);

    const now = this.clock.now();
    const token = input.idempotencyKey ? derivedToken(this.secret, site.id, input.idempotencyKey) : randomToken();
    const urgency = input.urgency ?? Urgency.MEDIUM;
    const impact = reportImpact(site, input.impact);
    const priority = priorityOf(urgency, impact, site.priorityMatrix);
    // From the site service's cache, like the site and policy this report came with: a site on
    // business hours would otherwise read its holidays once per report.
    const calendar = needsHolidays(site.businessHours, priority) ? calendarFor(await this.sites.cachedCalendar(site.id), priority) : null;
    const due = dueTimes(now, policy[priority], calendar);
    const files = input.attachmentIds?.length ? [...new Set(input.attachmentIds)] : [];
    const ticket = Object.assign(new TicketEntity(), {
      id: uuidv7(),
      siteId: site.id,
      trackingTokenHash: sha256(token),
      idempotencyKey: input.idempotencyKey ?? null,
      requestFingerprint: fingerprint,
      status: TicketStatus.NEW,
      isOpen: true,
      channel: input.channel ?? Channel.WEB,
      reporterName: reporter?.name ?? input.reporterName.trim(),
      reporterPhone: blankToNull(input.reporterPhone),
      phoneKey: ticketPhoneKey(blankToNull(input.reporterPhone)),
      reporterEmail: reporter?.email ?? blankToNull(input.reporterEmail)?.toLowerCase() ?? null,
      reporterSubject: reporter?.subject ?? null,
      reporterSeenAt: null,
      reporterLanguage: input.language ?? site.language ?? "id",
      location: blankToNull(input.location),
      kelurahan: blankToNull(input.kelurahan),
      kecamatan: blankToNull(input.kecamatan),
      occurredAt: input.occurredAt ?? null,
      serviceId: input.serviceId ?? null,
      problemType: blankToNull(input.problemType),
      description: input.description.trim(),
      systemState: blankToNull(input.systemState),
      stepsTried: blankToNull(input.stepsTried),
      urgency,
      impact,
      priority,
      priorityRank: priorityRank(priority),
      categoryId: null,
      groupId: null,
      assigneeId: null,
      supportLevel: 1,
      hierarchyLevel: 0,
      pendingReason: null,
      createdAt: now,
      updatedAt: now,
      firstRespondedAt: null,
      responseDueAt: due.responseDueAt,
      resolutionDueAt: due.resolutionDueAt,
      queueDueAt: due.responseDueAt,
      pausedAt: null,
      pausedMs: 0,
      responseEscalatedAt: null,
      resolutionEscalatedAt: null,
      ladderResponseShare: 0,
      ladderResolutionShare: 0,
      nextLadderAt: null as Date | null,
      resolvedAt: null,
      closedAt: null,
      anonymizedAt: null,
      resolution: null,
      closureCode: null,
      knowledgeBase: false,
      version: 1,
    });
    ticket.nextLadderAt = nextLadderAt(ticket, ladderOf(site.slaLadder), calendar);

    try {
      await this.tx(async (em) => {
        // Everything that does not need the code comes first: the sequence row is locked from
        // its upsert until commit, and every report of the site's day waits for it.
        await this.attachments.link(em, site, ticket.id, files, Visibility.PUBLIC);
        const entry = { kind: TicketEventKind.REPORTED, visibility: Visibility.PUBLIC, toStatus: TicketStatus.NEW, data: files.length ? { attachmentIds: files } : null };
        const rows = [eventRow(ticket, { kind: ActorKind.REPORTER, name: ticket.reporterName }, now, entry)];
        await insertRows(em, TicketEventEntity, rows);
        await this.fields?.write(em, site.id, ticket.id, fieldValues);
        const day = dayKey(now, site.timeZone);
        ticket.code = formatTicketCode(site.unitCode, day, await this.nextSequence(em, site.id, day));
        ticket.codeKey = ticketCodeKey(ticket.code);
        await insertRows(em, TicketEntity, [ticket]);
        // The events carry the code, so they follow it; no round trip when nothing is to be sent.
        await this.notifications.raise(em, entryEvents(ticket, rows), this.receipt(site, ticket, token));
      });
    } catch (error) {
      // A concurrent retry with the same key won the race: answer with its receipt.
      if (input.idempotencyKey && isUniqueViolation(error)) {
        const existing = await this.findByIdempotencyKey(site.id, input.idempotencyKey, fingerprint!);
        if (existing) return existing;
      }
      throw error;
    }
    this.changes.announce(ticket, "CREATED", true);
    return { ticket, trackingToken: token };
  }

  /** Names every bad field of a report; returns its custom field values to store. */
  private async validate(site: SiteEntity, input: ReportIncidentInput, reporter: ReporterIdentity | null): Promise<StoredValue[]> {
    const problems: FieldProblem[] = [];
    if (!reporter?.name && !input.reporterName.trim()) problems.push({ field: "reporterName", message: "reporterName is required" });
    if (!input.description.trim()) problems.push({ field: "description", message: "description is required" });
    if (input.occurredAt && input.occurredAt.getTime() > this.clock.now().getTime() + FUTURE_SKEW_MS) {
      problems.push({ field: "occurredAt", message: "occurredAt cannot be in the future" });
    }
    // A retired service is no longer offered (site.services leaves it out).
    if (input.serviceId && !(await this.ds.getRepository(ItServiceEntity).existsBy({ id: input.serviceId, siteId: site.id, retiredAt: IsNull() }))) {
      problems.push({ field: "serviceId", message: "serviceId is not an IT service this site offers; pick one from site.services" });
    }
    // Mail-in reports cannot answer the form's questions: required custom fields bind the form only.
    const fieldValues = this.fields ? await this.fields.check(site.id, input.serviceId ?? null, input.fields ?? [], input.channel !== Channel.EMAIL, problems) : [];
    if (problems.length) throw badInput(problems);
    return fieldValues;
  }

  private async findByIdempotencyKey(siteId: string, key: string, fingerprint: string): Promise<Receipt | null> {
    const ticket = await this.ds.getRepository(TicketEntity).findOneBy({ siteId, idempotencyKey: key });
    if (!ticket) return null;
    if (ticket.requestFingerprint !== fingerprint) {
      throw conflict("This idempotency key was already used for a different report. Use a new key for a new report.");
    }
    return { ticket, trackingToken: derivedToken(this.secret, siteId, key) };
  }

  /**
   * The next sequence of the site's day. The upsert's row lock makes concurrent reports take
   * turns, in this process or any other on the same database, and is held until commit: no
   * two tickets get one code, and a report that rolls back leaves no gap.
   */
  private async nextSequence(em: EntityManager, siteId: string, day: string): Promise<number> {
    if (this.dialect === "mysql") {
      // LAST_INSERT_ID(expr) hands the new value back in the OK packet: no second round trip under the lock.
      const ok: { insertId: number } = await em.query(
        "INSERT INTO ticket_sequence (site_id, day, last) VALUES (?, ?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)",
        [siteId, day],
      );
      return Number(ok.insertId);
    }
    const rows: Array<{ last: number }> = await em.query(
      "INSERT INTO ticket_sequence (site_id, day, last) VALUES (?, ?, 1) ON CONFLICT (site_id, day) DO UPDATE SET last = last + 1 RETURNING last",
      [siteId, day],
    );
    return Number(rows[0]!.last);
  }
}

/** Key-sorted JSON so the same report fingerprints the same however its fields were ordered. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
