// Intake: the one creation path of a ticket, for web reports, mail-in and desk logging (checks,
// idempotency, the ticket code, SLA due times, routing, the approval gate, the receipt and its
// webhooks, in one transaction). Just past 400 lines (409): the path is one job and its steps share
// the transaction's state; the rules it applies live in their own modules.
import { IsNull, type DataSource, type EntityManager } from "typeorm";
import { v7 as uuidv7 } from "uuid";
import type { Clock } from "../../clock.js";
import { queueRows } from "../../db/rows.js";
import { dialectOf, isUniqueViolation, type Dialect, type Transactor } from "../../db/transactions.js";
import { badInput, conflict, type FieldProblem } from "../../errors.js";
import type { AgentEntity } from "../agents/agent.entity.js";
import { recordAudit, type AuditRecord } from "../audit/audit-trail.js";
import type { AttachmentService } from "../attachments/attachment.service.js";
import type { CustomFieldService } from "../fields/custom-fields.service.js";
import type { StoredValue } from "../fields/custom-field.rules.js";
import { ItServiceEntity } from "../catalog/it-service.entity.js";
import { entryEvents } from "../notifications/domain-events.js";
import type { OutboxDraft } from "../notifications/notification.types.js";
import type { Notifications } from "../notifications/notifications.service.js";
import type { SiteEntity } from "../sites/site.entity.js";
import type { SiteService } from "../sites/site.service.js";
import { offeredOnForm, reportImpact } from "../sites/site-settings.rules.js";
import { ladderOf, nextLadderAt } from "../sla/ladder.rules.js";
import { dueTimes } from "../sla/sla.rules.js";
import type { SitePolicies } from "../sla/sla-policy.rules.js";
import { calendarFor, needsHolidays } from "../sla/sla-calendar.rules.js";
import { priorityOf, priorityRank } from "./priority.rules.js";
import type { BusinessCalendar } from "../sla/business-time.rules.js";
import type { ReporterIdentity } from "../reporters/reporter-identity.rules.js";
import type { ReportIncidentInput } from "./report-incident.input.js";
import type { ReportedFields } from "./reported-fields.input.js";
import { ticketCodeKey, ticketPhoneKey } from "./search-query.rules.js";
import { transitionEffect } from "./status.rules.js";
import { eventRow, type Actor, type TicketChanges } from "./ticket-change.js";
import type { TicketEventData } from "./ticket-event.entity.js";
import { dayKey } from "./ticket-code.rules.js";
import { openTicketCode, type TicketCodeDraft } from "./ticket-codes.js";
import { TicketEventEntity } from "./ticket-event.entity.js";
import { TicketEntity } from "./ticket.entity.js";
import { ActorKind, Channel, type Impact, TicketEventKind, TicketStatus, TicketType, Urgency, Visibility } from "./ticket.enums.js";
import { blankToNull, type EntryDraft } from "./timeline-entry.js";
import { derivedToken, randomToken, sha256 } from "./tracking-token.js";

/** The reporter's receipt messages, planned here because only intake knows the tracking token. */
export type ReceiptPlanner = (site: SiteEntity, ticket: TicketEntity, trackingToken: string) => OutboxDraft[];

/**
 * Routing of a new ticket (routing/routing.service.ts), run inside intake's transaction after its
 * first write: may set the ticket's group, assignee and status; returns the entries recording it.
 */
export type IntakeRouter = (em: EntityManager, site: SiteEntity, ticket: TicketEntity, now: Date, calendar: BusinessCalendar | null) => Promise<EntryDraft[]>;

/** A report's result: the ticket and the tracking token, which exists nowhere else in clear. */
export interface Receipt {
  ticket: TicketEntity;
  trackingToken: string;
}

/** What the desk settled while logging a ticket for a caller (desk-logging.service.ts), checked. */
export interface DeskLogged {
  agent: AgentEntity;
  /** The client address the agent's request came from (audited). */
  ip: string | null;
  customerId: string | null;
  categoryId: string | null;
  group: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
}

/** A new ticket as its door (the form, mail, the desk) has checked it, ready for {@link IntakeService.create}. */
export interface NewTicket {
  fields: ReportedFields;
  channel: Channel;
  urgency: Urgency;
  impact: Impact;
  /** The identified reporter whose verified token sent the report; null otherwise. */
  reporter: ReporterIdentity | null;
  /** The tracking token in clear, shown once. */
  token: string;
  idempotencyKey: string | null;
  fingerprint: string | null;
  fieldValues: StoredValue[];
  /** From the service it is reported under (IntakeService.check); INCIDENT without one. */
  ticketType: TicketType;
  /** From the service it is reported under (IntakeService.check): its requests wait for approval. */
  needsApproval: boolean;
  /** Set when the desk logs the ticket for a caller; null for the reporter's own report. */
  desk: DeskLogged | null;
}

/** Who asks for a request: the agent who logged it for a caller, the reporter's e-mail (nobody approves their own request). */
export interface ApprovalRequester {
  loggedById: string | null;
  email: string | null;
}

/**
 * Where a new ticket of a request item that needs approval starts its chain (approvals/): the
 * chain is planned before the unit of work, and started in it, holding the ticket PENDING.
 */
export interface ApprovalGate<P> {
  /** The chain a new ticket of this service starts; null when it needs no approval. */
  plan(siteId: string, serviceId: string | null, groupId: string | null, requester: ApprovalRequester): Promise<P | null>;
  /** Stores the chain and holds the ticket for it; returns the timeline entry that says so. */
  start(em: EntityManager, ticket: TicketEntity, plan: P, now: Date): Promise<EntryDraft>;
  /** The audit lines the start leaves once the ticket has its code (a first step that fell back to the site's managers). */
  audits(ticket: TicketEntity, plan: P): AuditRecord[];
}

/** A report's checked parts: its custom field values to store, the type of ticket it opens, and whether it waits for approval. */
export interface CheckedReport {
  fieldValues: StoredValue[];
  ticketType: TicketType;
  needsApproval: boolean;
}

const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * Incident logging from the public form, from mail and (through desk-logging.service.ts) from the
 * desk: validation, idempotency, ticket codes. The hot path of
 * the gateway: rows are queued with queueRows (db/pipeline.ts), and the day's sequence row is
 * taken last, so it is held for as short a time as possible.
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
    private readonly approvals: ApprovalGate<unknown> | null = null,
    private readonly route: IntakeRouter | null = null,
  ) {
    this.dialect = dialectOf(ds);
  }

  /**
   * Logs a new incident; the same idempotency key returns the same receipt. Impact is the
   * reporter's only where the site allows it. An identified reporter's name and e-mail come from
   * their verified token, and the ticket remembers their subject.
   */
  async report(site: SiteEntity, policies: SitePolicies, input: ReportIncidentInput, reporter: ReporterIdentity | null = null): Promise<Receipt> {
    // The form token and honeypot say how the form was sent, not what was reported: a retry after
    // the form fetched a fresh token is still the same report.
    const { formToken: _formToken, website: _website, ...report } = input;
    return this.once(site.id, input.idempotencyKey ?? null, report, async (token, fingerprint) => {
      const channel = input.channel ?? Channel.WEB;
      const problems: FieldProblem[] = [];
      // Mail-in reports cannot answer the form's questions: required custom fields bind the form only.
      const { fieldValues, ticketType, needsApproval } = await this.check(site, input, reporter, channel !== Channel.EMAIL, problems);
      if (!offeredOnForm(ticketType, site)) problems.push({ field: "serviceId", message: "serviceId is a request item, and this site takes no requests on its form; pick one from site.services" });
      if (problems.length) throw badInput(problems);
      return this.create(site, policies, {
        fields: input,
        channel,
        urgency: input.urgency ?? Urgency.MEDIUM,
        impact: reportImpact(site, input.impact),
        reporter,
        token,
        idempotencyKey: input.idempotencyKey ?? null,
        fingerprint,
        fieldValues,
        ticketType,
        needsApproval,
        desk: null,
      });
    });
  }

  /**
   * One ticket per idempotency key, whichever door it comes through: the same key with the same
   * `request` answers the first receipt (its tracking token derived from the key, so it can be
   * given again); the same key with another request is CONFLICT. `make` checks and creates the
   * ticket with the token and the request's fingerprint; without a key it runs once as asked.
   */
  async once(siteId: string, key: string | null, request: unknown, make: (token: string, fingerprint: string | null) => Promise<Receipt>): Promise<Receipt> {
    if (!key) return make(randomToken(), null);
    const fingerprint = sha256(canonicalJson(request));
    const existing = await this.findByIdempotencyKey(siteId, key, fingerprint);
    if (existing) return existing;
    try {
      return await make(derivedToken(this.secret, siteId, key), fingerprint);
    } catch (error) {
      // A concurrent retry with the same key won the race: answer with its receipt.
      if (isUniqueViolation(error)) {
        const first = await this.findByIdempotencyKey(siteId, key, fingerprint);
        if (first) return first;
      }
      throw error;
    }
  }

  /**
   * The one way a ticket comes into being, from the form, from mail or from the desk (its door
   * has checked the draft): SLA targets from the ticket type's policy and the priority, the timeline, the code, the receipt
   * and the events in one unit of work, announced after commit. A ticket the desk logs for a
   * caller was answered while logging it, so its response target is met at once.
   */
  async create(site: SiteEntity, policies: SitePolicies, draft: NewTicket): Promise<Receipt> {
    const { fields: input, reporter, desk } = draft;
    const now = this.clock.now();
    const priority = priorityOf(draft.urgency, draft.impact, site.priorityMatrix);
    // From the site service's cache, like the site and policy this report came with: a site on
    // business hours would otherwise read its holidays once per report.
    const calendar = needsHolidays(site.businessHours, priority) ? calendarFor(await this.sites.cachedCalendar(site.id), priority) : null;
    const due = dueTimes(now, policies.byType[draft.ticketType][priority], calendar);
    const files = input.attachmentIds?.length ? [...new Set(input.attachmentIds)] : [];
    const ticket = Object.assign(new TicketEntity(), {
      id: uuidv7(),
      siteId: site.id,
      trackingTokenHash: sha256(draft.token),
      idempotencyKey: draft.idempotencyKey,
      requestFingerprint: draft.fingerprint,
      status: TicketStatus.NEW,
      ticketType: draft.ticketType,
      isOpen: true,
      channel: draft.channel,
      customerId: desk?.customerId ?? null,
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
      urgency: draft.urgency,
      impact: draft.impact,
      priority,
      priorityRank: priorityRank(priority),
      categoryId: desk?.categoryId ?? null,
      groupId: desk?.group?.id ?? null,
      assigneeId: desk?.assignee?.id ?? null,
      supportLevel: 1,
      hierarchyLevel: 0,
      pendingReason: null,
      paymentDue: false,
      createdAt: now,
      updatedAt: now,
      firstRespondedAt: desk ? now : null,
      responseDueAt: due.responseDueAt,
      resolutionDueAt: due.resolutionDueAt,
      queueDueAt: desk ? due.resolutionDueAt : due.responseDueAt,
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
      awaitingApproval: false,
      version: 1,
    });
    const actor: Actor = desk ? { kind: ActorKind.AGENT, agent: desk.agent, ip: desk.ip } : { kind: ActorKind.REPORTER, name: ticket.reporterName };
    const entries: EntryDraft[] = [{ kind: TicketEventKind.REPORTED, visibility: Visibility.PUBLIC, toStatus: TicketStatus.NEW, data: reportedData(files, desk ? draft.channel : null) }];
    if (desk && (desk.group || desk.assignee)) {
      // Allocated while logging: the same entries and move to ASSIGNED as assignTicket makes.
      entries.push({ kind: TicketEventKind.ASSIGNED, visibility: Visibility.PUBLIC, data: { groupName: desk.group?.name, assigneeName: desk.assignee?.name } });
      const { patch, entry } = transitionEffect(ticket, { to: TicketStatus.ASSIGNED }, now, calendar);
      Object.assign(ticket, patch);
      entries.push(entry);
    }
    const requester = { loggedById: desk?.agent.id ?? null, email: ticket.reporterEmail };
    // Only for a service that needs approval (its flag came with the service row check read): a plain report reads nothing more.
    const chain = this.approvals && draft.needsApproval ? await this.approvals.plan(site.id, ticket.serviceId, ticket.groupId, requester) : null;

    // The approval wait and routing change the ticket inside the transaction; a retried transaction
    // (a MySQL deadlock) starts again from the ticket as it was before either.
    const before = this.route || chain !== null ? { ...ticket } : null;
    let code: TicketCodeDraft | null = null;
    await this.tx(async (em) => {
      if (before) Object.assign(ticket, before);
      const opening = [...entries];
      // Before the timeline is written: a request that needs approval waits PENDING from the start.
      if (chain !== null) {
        opening.push(await this.approvals!.start(em, ticket, chain, now));
        // Its response target is met as it goes to its approvers: the queue orders it by resolution.
        ticket.queueDueAt = ticket.firstRespondedAt ? ticket.resolutionDueAt : ticket.responseDueAt;
      }
      ticket.nextLadderAt = nextLadderAt(ticket, ladderOf(site.slaLadder), calendar);
      // Everything that does not need the code comes first: the sequence row is locked from
      // its upsert until commit, and every report of the site's day waits for it.
      await this.attachments.link(em, site, ticket.id, files, Visibility.PUBLIC);
      const rows = opening.map((entry) => eventRow(ticket, actor, now, entry));
      // Queued rows travel with the next statement (db/pipeline.ts): on MySQL a report that reads
      // nothing on the way (routing, fields) sends its whole transaction, commit included, at once.
      await queueRows(em, TicketEventEntity, rows);
      // After that first write, so that on SQLite the write lock is already held while routing
      // reads and advances its round-robin pointer; the routing is the system's, not the reporter's.
      const routed = this.route ? (await this.route(em, site, ticket, now, calendar)).map((entry) => eventRow(ticket, { kind: ActorKind.SYSTEM }, now, entry)) : [];
      if (routed.length) {
        await queueRows(em, TicketEventEntity, routed);
        rows.push(...routed);
        ticket.nextLadderAt = nextLadderAt(ticket, ladderOf(site.slaLadder), calendar);
      }
      await this.fields?.write(em, site.id, ticket.id, draft.fieldValues);
      // The code's sequence row is locked from its upsert until commit, and every report of the
      // site's day waits for it: what follows the take travels with the commit, so it is held for
      // the database's work on one batch (ticket-codes.ts). Planning may read; it comes before.
      code = await openTicketCode(em, this.dialect, site.id, site.unitCode, dayKey(now, site.timeZone));
      ticket.code = code.code;
      ticket.codeKey = code.codeKey;
      const messages = await this.notifications.plan(em, entryEvents(ticket, rows), this.receipt(site, ticket, draft.token));
      await code.take();
      // A clash on the idempotency key surfaces at commit; once() answers it with the first receipt.
      await queueRows(em, TicketEntity, [ticket]);
      if (desk) await recordAudit(em, loggedAudit(ticket, desk), now);
      for (const line of chain !== null ? this.approvals!.audits(ticket, chain) : []) await recordAudit(em, line, now);
      await this.notifications.enqueue(em, messages);
    });
    ticket.code = await code!.issued();
    ticket.codeKey = ticketCodeKey(ticket.code);
    this.changes.announce(ticket, "CREATED", true);
    return { ticket, trackingToken: draft.token };
  }

  /**
   * Names every bad field of what a report says into `problems`, as the form and the desk share
   * it; returns its custom field values to store. `requireFields`: the site's required custom
   * fields must be answered. The ticket's type comes from its service.
   */
  async check(site: SiteEntity, input: ReportedFields, reporter: ReporterIdentity | null, requireFields: boolean, problems: FieldProblem[]): Promise<CheckedReport> {
    if (!reporter?.name && !input.reporterName.trim()) problems.push({ field: "reporterName", message: "reporterName is required" });
    if (!input.description.trim()) problems.push({ field: "description", message: "description is required" });
    if (input.occurredAt && input.occurredAt.getTime() > this.clock.now().getTime() + FUTURE_SKEW_MS) {
      problems.push({ field: "occurredAt", message: "occurredAt cannot be in the future" });
    }
    // A retired service is no longer offered (site.services leaves it out).
    const service = input.serviceId
      ? await this.ds.getRepository(ItServiceEntity).findOne({ select: { id: true, ticketType: true, needsApproval: true }, where: { id: input.serviceId, siteId: site.id, retiredAt: IsNull() } })
      : null;
    if (input.serviceId && !service) {
      problems.push({ field: "serviceId", message: "serviceId is not an IT service this site offers; pick one from site.services" });
    }
    const fieldValues = this.fields ? await this.fields.check(site.id, input.serviceId ?? null, input.fields ?? [], requireFields, problems) : [];
    return { fieldValues, ticketType: service?.ticketType ?? TicketType.INCIDENT, needsApproval: service?.needsApproval ?? false };
  }

  private async findByIdempotencyKey(siteId: string, key: string, fingerprint: string): Promise<Receipt | null> {
    const ticket = await this.ds.getRepository(TicketEntity).findOneBy({ siteId, idempotencyKey: key });
    if (!ticket) return null;
    if (ticket.requestFingerprint !== fingerprint) {
      throw conflict("This idempotency key was already used for a different report. Use a new key for a new report.");
    }
    return { ticket, trackingToken: derivedToken(this.secret, siteId, key) };
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

/** The REPORTED entry's details: its files, and the channel a desk-logged report came by ("logged by <agent> (phone)"). */
function reportedData(files: string[], channel: Channel | null): TicketEventData | null {
  if (!files.length && !channel) return null;
  return { ...(files.length ? { attachmentIds: files } : {}), ...(channel ? { channel } : {}) };
}

/** The audit line of a ticket the desk logged: who, and what they settled. */
function loggedAudit(t: TicketEntity, desk: DeskLogged): AuditRecord {
  return {
    siteId: t.siteId,
    actor: { kind: "AGENT", id: desk.agent.id, name: desk.agent.name, ip: desk.ip },
    action: "ticket.log",
    subjectType: "ticket",
    subjectId: t.code,
    after: { channel: t.channel, customerId: t.customerId, priority: t.priority, categoryId: t.categoryId, groupId: t.groupId, assigneeId: t.assigneeId },
  };
}
