import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Logger } from "pino";
import { Brackets, type DataSource, type EntityManager } from "typeorm";
import { v7 as uuidv7 } from "uuid";
import type { Clock } from "../../clock.js";
import { insertRows, selectRows } from "../../db/rows.js";
import { dialectOf, isUniqueViolation, type Dialect, type Transactor } from "../../db/transactions.js";
import { badField, badInput, conflict, notFound, type FieldProblem } from "../../errors.js";
import type { SigapPubSub } from "../../realtime/pubsub.js";
import { Topic, type QueueChangeKind } from "../../realtime/topics.js";
import { AgentEntity } from "../agents/agent.entity.js";
import type { AgentService } from "../agents/agent.service.js";
import { DeskAction } from "../agents/permissions.rules.js";
import type { AttachmentService } from "../attachments/attachment.service.js";
import { CategoryEntity } from "../catalog/category.entity.js";
import { ItServiceEntity } from "../catalog/it-service.entity.js";
import { SupportGroupEntity } from "../catalog/support-group.entity.js";
import { FeedbackEntity } from "../feedback/feedback.entity.js";
import { SiteEntity } from "../sites/site.entity.js";
import type { SiteService } from "../sites/site.service.js";
import { dueTimes, overdueTargets, pauseClock, resumeClock, retarget, type SlaPolicy } from "../sla/sla.rules.js";
import type {
  AssignTicketInput,
  ChangeStatusInput,
  ClassifyTicketInput,
  EscalateTicketInput,
  FeedbackInput,
  MessageInput,
  QueueFilter,
} from "./desk.inputs.js";
import { priorityOf, priorityRank } from "./priority.rules.js";
import type { ReportIncidentInput } from "./report-incident.input.js";
import { acceptsFeedback, isOpen, transitionError } from "./status.rules.js";
import { dayKey, formatTicketCode, normalizeTicketCode } from "./ticket-code.rules.js";
import { TicketEventEntity, type TicketEventData } from "./ticket-event.entity.js";
import { TicketEntity } from "./ticket.entity.js";
import {
  ActorKind,
  Channel,
  EscalationKind,
  Impact,
  PendingReason,
  Role,
  TicketEventKind,
  TicketStatus,
  Urgency,
  Visibility,
} from "./ticket.enums.js";

/** Who does something to a ticket. */
export type Actor =
  | { kind: ActorKind.REPORTER; name: string }
  | { kind: ActorKind.AGENT; agent: AgentEntity }
  | { kind: ActorKind.SYSTEM };

/** A report's result: the ticket and the tracking token, which exists nowhere else in clear. */
export interface Receipt {
  ticket: TicketEntity;
  trackingToken: string;
}

/** One page of the desk queue. */
export interface QueuePage {
  tickets: TicketEntity[];
  cursors: string[];
  hasNextPage: boolean;
}

/** Hierarchical escalation levels: who in management has been told. */
const HIERARCHY = { SUPERVISOR: 1, MANAGER: 2 } as const;
const MAX_SUPPORT_LEVEL = 3;
const FUTURE_SKEW_MS = 5 * 60_000;

type EventDraft = Pick<TicketEventEntity, "kind" | "visibility"> & Partial<Pick<TicketEventEntity, "fromStatus" | "toStatus" | "body" | "data">>;

/** Everything one change to a ticket needs while its row is held. */
interface Change {
  em: EntityManager;
  ticket: TicketEntity;
  now: Date;
  record(event: EventDraft): void;
}

/**
 * The incident lifecycle: logging, classification, allocation, status changes, escalation,
 * resolution, closure and feedback. Every change runs in one transaction with the ticket row
 * held, leaves timeline entries, and is announced on the bus after commit.
 */
export class TicketService {
  private readonly dialect: Dialect;

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly bus: SigapPubSub,
    private readonly clock: Clock,
    private readonly secret: string,
    private readonly sites: SiteService,
    private readonly attachments: AttachmentService,
    private readonly agents: AgentService,
    private readonly log: Logger,
  ) {
    this.dialect = dialectOf(ds);
  }

  // ───────────────────────────── reporter side ─────────────────────────────

  /** Logs a new incident from the public form; the same idempotency key returns the same receipt. */
  async report(site: SiteEntity, policy: SlaPolicy, input: ReportIncidentInput): Promise<Receipt> {
    const fingerprint = input.idempotencyKey ? sha256(canonicalJson(input)) : null;
    if (input.idempotencyKey) {
      const existing = await this.findByIdempotencyKey(site.id, input.idempotencyKey, fingerprint!);
      if (existing) return existing;
    }
    await this.validateReport(site, input);

    const now = this.clock.now();
    const token = input.idempotencyKey ? this.derivedToken(site.id, input.idempotencyKey) : randomBytes(18).toString("base64url");
    const urgency = input.urgency ?? Urgency.MEDIUM;
    const impact = input.impact ?? Impact.MEDIUM;
    const priority = priorityOf(urgency, impact);
    const due = dueTimes(now, policy[priority]);
    const ticket = Object.assign(new TicketEntity(), {
      id: uuidv7(),
      siteId: site.id,
      trackingTokenHash: sha256(token),
      idempotencyKey: input.idempotencyKey ?? null,
      requestFingerprint: fingerprint,
      status: TicketStatus.NEW,
      isOpen: true,
      channel: input.channel ?? Channel.WEB,
      reporterName: input.reporterName.trim(),
      reporterPhone: blankToNull(input.reporterPhone),
      reporterEmail: blankToNull(input.reporterEmail)?.toLowerCase() ?? null,
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
      resolvedAt: null,
      closedAt: null,
      resolution: null,
      closureCode: null,
      knowledgeBase: false,
      version: 1,
    });

    try {
      await this.tx(async (em) => {
        // Everything that does not need the code comes first: the sequence row is locked from
        // its upsert until commit, and every report of the site's day waits for it.
        await this.attachments.link(em, site, ticket.id, input.attachmentIds ?? []);
        await insertRows(em, TicketEventEntity, [{
          ticketId: ticket.id,
          siteId: site.id,
          at: now,
          kind: TicketEventKind.REPORTED,
          visibility: Visibility.PUBLIC,
          actorKind: ActorKind.REPORTER,
          actorId: null,
          actorName: ticket.reporterName,
          fromStatus: null,
          toStatus: TicketStatus.NEW,
          body: null,
          data: input.attachmentIds?.length ? { attachmentIds: [...new Set(input.attachmentIds)] } : null,
        }]);
        const day = dayKey(now, site.timeZone);
        ticket.code = formatTicketCode(site.unitCode, day, await this.nextSequence(em, site.id, day));
        await insertRows(em, TicketEntity, [ticket]);
      });
    } catch (error) {
      // A concurrent retry with the same key won the race: answer with its receipt.
      if (input.idempotencyKey && isUniqueViolation(error)) {
        const existing = await this.findByIdempotencyKey(site.id, input.idempotencyKey, fingerprint!);
        if (existing) return existing;
      }
      throw error;
    }
    this.announce(ticket, "CREATED", true);
    return { ticket, trackingToken: token };
  }

  /** The ticket a code and tracking token open; one NOT_FOUND for a wrong code or a wrong token. */
  async findForReporter(site: SiteEntity, code: string, token: string): Promise<TicketEntity> {
    const canonical = normalizeTicketCode(code);
    const ticket = canonical ? ((await selectRows(this.ds.manager, TicketEntity, { siteId: site.id, code: canonical }, { limit: 1 }))[0] ?? null) : null;
    if (!ticket || !safeEqualHex(ticket.trackingTokenHash, sha256(token))) {
      throw notFound("No ticket matches this code and tracking token. Check both against your receipt.");
    }
    return ticket;
  }

  /** The reporter replies on the ticket; a reply to a PENDING ticket waiting on them resumes it. */
  async addReporterMessage(site: SiteEntity, code: string, token: string, input: MessageInput): Promise<TicketEntity> {
    const found = await this.findForReporter(site, code, token);
    return this.change(found.siteId, found.id, { kind: ActorKind.REPORTER, name: found.reporterName }, async (c) => {
      if (c.ticket.status === TicketStatus.CLOSED || c.ticket.status === TicketStatus.CANCELLED) {
        throw conflict(`This ticket is ${c.ticket.status.toLowerCase()}; report a new incident instead.`);
      }
      await this.linkAttachments(c, input.attachmentIds);
      c.record({
        kind: TicketEventKind.REPORTER_MESSAGE,
        visibility: Visibility.PUBLIC,
        body: input.body.trim(),
        data: input.attachmentIds?.length ? { attachmentIds: input.attachmentIds } : null,
      });
      if (c.ticket.status === TicketStatus.PENDING && c.ticket.pendingReason === PendingReason.REPORTER) {
        this.moveTo(c, TicketStatus.IN_PROGRESS, {});
      }
    });
  }

  /** Records the reporter's satisfaction; once per ticket, only once it is RESOLVED or CLOSED. */
  async submitFeedback(site: SiteEntity, code: string, token: string, input: FeedbackInput): Promise<TicketEntity> {
    const found = await this.findForReporter(site, code, token);
    return this.change(found.siteId, found.id, { kind: ActorKind.REPORTER, name: found.reporterName }, async (c) => {
      if (!acceptsFeedback(c.ticket.status)) {
        throw conflict(`Feedback opens once the ticket is resolved; it is ${c.ticket.status.replace("_", " ").toLowerCase()} now.`);
      }
      if (await c.em.existsBy(FeedbackEntity, { ticketId: c.ticket.id })) {
        throw conflict("Feedback for this ticket was already sent; thank you.");
      }
      await c.em.insert(FeedbackEntity, {
        ticketId: c.ticket.id,
        siteId: c.ticket.siteId,
        serviceRating: input.serviceRating,
        restoredRating: input.restoredRating,
        informationRating: input.informationRating,
        suggestion: blankToNull(input.suggestion),
        createdAt: c.now,
      });
      c.record({ kind: TicketEventKind.FEEDBACK, visibility: Visibility.PUBLIC });
    });
  }

  // ─────────────────────────────── desk side ───────────────────────────────

  /** A ticket of the agent's site by id or code, or NOT_FOUND. */
  async getForDesk(agent: AgentEntity, idOrCode: string): Promise<TicketEntity> {
    const repo = this.ds.getRepository(TicketEntity);
    const code = normalizeTicketCode(idOrCode);
    const ticket = code
      ? await repo.findOneBy({ siteId: agent.siteId, code })
      : await repo.findOneBy({ siteId: agent.siteId, id: idOrCode });
    if (!ticket) throw notFound(`No ticket ${idOrCode} in this site.`);
    return ticket;
  }

  /** A ticket by id within a site, or NOT_FOUND. */
  async byId(siteId: string, ticketId: string): Promise<TicketEntity> {
    const [ticket] = await selectRows(this.ds.manager, TicketEntity, { siteId, id: ticketId }, { limit: 1 });
    if (!ticket) throw notFound(`No ticket ${ticketId} in this site.`);
    return ticket;
  }

  /** Open tickets by priority, then SLA due time, then arrival (FIFO within priority). */
  async queue(agent: AgentEntity, filter: QueueFilter | null | undefined, first: number, after: string | null | undefined): Promise<QueuePage> {
    if (!Number.isInteger(first) || first < 1 || first > 200) throw badField("first", "first must be between 1 and 200");
    const now = this.clock.now();
    const qb = this.ds
      .getRepository(TicketEntity)
      .createQueryBuilder("t")
      .where("t.siteId = :siteId", { siteId: agent.siteId });
    const statuses = filter?.statuses?.length ? filter.statuses : null;
    if (!statuses) qb.andWhere("t.isOpen = :open", { open: true });
    else qb.andWhere("t.status IN (:...statuses)", { statuses });
    if (filter?.priorities?.length) qb.andWhere("t.priority IN (:...priorities)", { priorities: filter.priorities });
    if (filter?.groupId) qb.andWhere("t.groupId = :groupId", { groupId: filter.groupId });
    if (filter?.assigneeId) qb.andWhere("t.assigneeId = :assigneeId", { assigneeId: filter.assigneeId === "me" ? agent.id : filter.assigneeId });
    if (filter?.breached != null) {
      // Every term is TRUE or FALSE (never NULL), so NOT (…) selects exactly the rest.
      const breached =
        "((t.firstRespondedAt IS NULL AND t.responseDueAt < :now)" +
        " OR (t.firstRespondedAt IS NOT NULL AND t.firstRespondedAt > t.responseDueAt)" +
        " OR (t.resolvedAt IS NULL AND t.pausedAt IS NULL AND t.resolutionDueAt < :now)" +
        " OR (t.resolvedAt IS NOT NULL AND t.resolvedAt > t.resolutionDueAt))";
      qb.andWhere(filter.breached ? breached : `NOT ${breached}`, { now });
    }
    if (after) {
      const c = decodeCursor(after);
      qb.andWhere(
        new Brackets((b) =>
          b
            .where("t.priorityRank > :cr", { cr: c.rank })
            .orWhere("(t.priorityRank = :cr AND t.queueDueAt > :cd)", { cd: c.due })
            .orWhere("(t.priorityRank = :cr AND t.queueDueAt = :cd AND t.createdAt > :cc)", { cc: c.created })
            .orWhere("(t.priorityRank = :cr AND t.queueDueAt = :cd AND t.createdAt = :cc AND t.id > :ci)", { ci: c.id }),
        ),
      );
    }
    const rows = await qb
      .orderBy("t.priorityRank", "ASC")
      .addOrderBy("t.queueDueAt", "ASC")
      .addOrderBy("t.createdAt", "ASC")
      .addOrderBy("t.id", "ASC")
      .take(first + 1)
      .getMany();
    const tickets = rows.slice(0, first);
    return { tickets, cursors: tickets.map(encodeCursor), hasNextPage: rows.length > first };
  }

  /** Logging and classification: category, service, urgency and impact; priority and SLA targets follow. */
  async classify(agent: AgentEntity, ticketId: string, input: ClassifyTicketInput): Promise<TicketEntity> {
    return this.deskChange(agent, ticketId, DeskAction.CLASSIFY, async (c) => {
      this.refuseIfFinal(c.ticket, "reclassified");
      const t = c.ticket;
      const problems: FieldProblem[] = [];
      if (input.categoryId && !(await c.em.existsBy(CategoryEntity, { id: input.categoryId, siteId: t.siteId }))) {
        problems.push({ field: "categoryId", message: "categoryId is not a category of this site" });
      }
      if (input.serviceId && !(await c.em.existsBy(ItServiceEntity, { id: input.serviceId, siteId: t.siteId }))) {
        problems.push({ field: "serviceId", message: "serviceId is not an IT service of this site" });
      }
      if (problems.length) throw badInput(problems);
      const before = { categoryId: t.categoryId, serviceId: t.serviceId, urgency: t.urgency, impact: t.impact, priority: t.priority };
      if (input.categoryId !== undefined && input.categoryId !== null) t.categoryId = input.categoryId;
      if (input.serviceId !== undefined && input.serviceId !== null) t.serviceId = input.serviceId;
      if (input.urgency) t.urgency = input.urgency;
      if (input.impact) t.impact = input.impact;
      t.priority = priorityOf(t.urgency, t.impact);
      t.priorityRank = priorityRank(t.priority);
      if (t.priority !== before.priority) {
        const policy = await this.sites.policy(t.siteId);
        const due = retarget(t.createdAt, policy[t.priority], t.pausedMs);
        t.responseDueAt = due.responseDueAt;
        // A paused clock keeps its pause; the pause will push the new due time on resume.
        t.resolutionDueAt = due.resolutionDueAt;
      }
      const changes: NonNullable<TicketEventData["changes"]> = {};
      for (const key of Object.keys(before) as (keyof typeof before)[]) {
        if (before[key] !== t[key]) changes[key] = { from: before[key], to: t[key] };
      }
      if (!Object.keys(changes).length && !input.note) throw badInput([{ field: "input", message: "Nothing to change: give a category, service, urgency or impact that differs." }]);
      c.record({ kind: TicketEventKind.CLASSIFIED, visibility: Visibility.PUBLIC, body: blankToNull(input.note), data: { changes } });
    });
  }

  /** Allocation to a group and/or a person; a NEW ticket becomes ASSIGNED. */
  async assign(agent: AgentEntity, ticketId: string, input: AssignTicketInput): Promise<TicketEntity> {
    return this.deskChange(agent, ticketId, DeskAction.ASSIGN, async (c) => {
      this.refuseIfFinal(c.ticket, "assigned", true);
      if (!input.groupId && !input.assigneeId) throw badInput([{ field: "input", message: "Give a groupId, an assigneeId, or both." }]);
      const assigneeId = input.assigneeId === "me" ? agent.id : input.assigneeId;
      const assignee = assigneeId ? await this.siteAgent(c.em, c.ticket.siteId, assigneeId, "assigneeId") : null;
      const group = input.groupId
        ? await this.siteGroup(c.em, c.ticket.siteId, input.groupId, "groupId")
        : assignee?.groupId
          ? await c.em.findOneBy(SupportGroupEntity, { id: assignee.groupId })
          : null;
      if (group) c.ticket.groupId = group.id;
      if (assignee) c.ticket.assigneeId = assignee.id;
      c.record({
        kind: TicketEventKind.ASSIGNED,
        visibility: Visibility.PUBLIC,
        data: { groupName: group?.name, assigneeName: assignee?.name },
      });
      if (c.ticket.status === TicketStatus.NEW) this.moveTo(c, TicketStatus.ASSIGNED, {});
    });
  }

  /** A status change along the graph, with what each status needs. */
  async changeStatus(agent: AgentEntity, ticketId: string, input: ChangeStatusInput): Promise<TicketEntity> {
    const action =
      input.status === TicketStatus.RESOLVED
        ? DeskAction.RESOLVE
        : input.status === TicketStatus.CLOSED
          ? DeskAction.CLOSE
          : input.status === TicketStatus.CANCELLED
            ? DeskAction.CANCEL
            : DeskAction.CHANGE_STATUS;
    return this.deskChange(agent, ticketId, action, async (c) => {
      if (c.ticket.status === TicketStatus.RESOLVED && input.status === TicketStatus.IN_PROGRESS) {
        this.authorize(agent, DeskAction.REOPEN);
      }
      this.moveTo(c, input.status, input);
    });
  }

  /** A public reply to the reporter; the first one counts as the response. */
  async reply(agent: AgentEntity, ticketId: string, input: MessageInput): Promise<TicketEntity> {
    return this.deskChange(agent, ticketId, DeskAction.REPLY, async (c) => {
      this.refuseIfFinal(c.ticket, "replied to");
      await this.linkAttachments(c, input.attachmentIds);
      c.record({
        kind: TicketEventKind.AGENT_REPLY,
        visibility: Visibility.PUBLIC,
        body: input.body.trim(),
        data: input.attachmentIds?.length ? { attachmentIds: input.attachmentIds } : null,
      });
      this.markResponded(c);
    });
  }

  /** An internal note the reporter never sees. */
  async note(agent: AgentEntity, ticketId: string, input: MessageInput): Promise<TicketEntity> {
    return this.deskChange(agent, ticketId, DeskAction.INTERNAL_NOTE, async (c) => {
      await this.linkAttachments(c, input.attachmentIds);
      c.record({
        kind: TicketEventKind.INTERNAL_NOTE,
        visibility: Visibility.INTERNAL,
        body: input.body.trim(),
        data: input.attachmentIds?.length ? { attachmentIds: input.attachmentIds } : null,
      });
    });
  }

  /** Functional (next support line) or hierarchical (supervisor, manager) escalation (seed 002, figure 14). */
  async escalate(agent: AgentEntity, ticketId: string, input: EscalateTicketInput): Promise<TicketEntity> {
    return this.deskChange(agent, ticketId, DeskAction.ESCALATE, async (c) => {
      this.refuseIfFinal(c.ticket, "escalated", true);
      const t = c.ticket;
      const person = input.agentId ? await this.siteAgent(c.em, t.siteId, input.agentId, "agentId") : null;
      if (input.kind === EscalationKind.FUNCTIONAL) {
        const level = input.level ?? t.supportLevel + 1;
        if (t.supportLevel >= MAX_SUPPORT_LEVEL) throw conflict(`This ticket is already with support level ${MAX_SUPPORT_LEVEL}, the highest; escalate hierarchically instead.`);
        if (level <= t.supportLevel || level > MAX_SUPPORT_LEVEL) {
          throw badField("level", `level must be above the current support level ${t.supportLevel} and at most ${MAX_SUPPORT_LEVEL}`);
        }
        const group = input.groupId
          ? await this.siteGroup(c.em, t.siteId, input.groupId, "groupId")
          : await c.em.findOne(SupportGroupEntity, { where: { siteId: t.siteId, level }, order: { name: "ASC" } });
        if (group && group.level !== level) throw badField("groupId", `${group.name} is a level ${group.level} group, not level ${level}`);
        t.supportLevel = level;
        t.groupId = group?.id ?? null;
        t.assigneeId = person?.id ?? null;
        c.record({
          kind: TicketEventKind.ESCALATED,
          visibility: Visibility.PUBLIC,
          body: input.notes.trim(),
          data: { escalationKind: input.kind, supportLevel: level, groupName: group?.name, assigneeName: person?.name },
        });
        if (t.status !== TicketStatus.ASSIGNED) this.moveTo(c, TicketStatus.ASSIGNED, {});
      } else {
        const level = input.level ?? t.hierarchyLevel + 1;
        if (t.hierarchyLevel >= HIERARCHY.MANAGER) throw conflict("The manager already knows about this ticket; there is no higher level.");
        if (level <= t.hierarchyLevel || level > HIERARCHY.MANAGER) {
          throw badField("level", `level must be above the current management level ${t.hierarchyLevel}: 1 supervisor or 2 manager`);
        }
        const needed = level === HIERARCHY.SUPERVISOR ? [Role.SUPERVISOR, Role.MANAGER, Role.ADMIN] : [Role.MANAGER, Role.ADMIN];
        if (person && !needed.includes(person.role)) {
          throw badField("agentId", `${person.name} is ${person.role}; level ${level} goes to a ${needed[0]!.toLowerCase()}`);
        }
        t.hierarchyLevel = level;
        c.record({
          kind: TicketEventKind.ESCALATED,
          visibility: Visibility.PUBLIC,
          body: input.notes.trim(),
          data: { escalationKind: input.kind, hierarchyLevel: level, assigneeName: person?.name },
        });
      }
    });
  }

  /** Timeline of a ticket, oldest first; the reporter's view leaves internal entries out. */
  timeline(ticketId: string, includeInternal: boolean): Promise<TicketEventEntity[]> {
    return selectRows(this.ds.manager, TicketEventEntity, includeInternal ? { ticketId } : { ticketId, visibility: Visibility.PUBLIC }, { orderBy: [["id", "ASC"]] });
  }

  /** The feedback given on a ticket, if any. */
  async feedback(ticketId: string): Promise<FeedbackEntity | null> {
    return (await selectRows(this.ds.manager, FeedbackEntity, { ticketId }, { limit: 1 }))[0] ?? null;
  }

  // ───────────────────────────── timed work ─────────────────────────────

  /**
   * Escalates every ticket past a response or resolution target that has not escalated for
   * it yet, and closes resolved tickets the reporter left quiet. Returns how many tickets changed.
   *
   * Every gateway process runs this sweep; each due ticket still escalates exactly once. The
   * candidates are read without locks, then each ticket is claimed on its own with
   * `SELECT … FOR UPDATE SKIP LOCKED` and re-checked while held: a ticket another sweep (or a
   * desk agent) holds right now is skipped, not waited for, so two sweeps walking the same list
   * share it out instead of queueing behind each other, and a ticket skipped because it was busy
   * is seen again on the next sweep if it is still due. Chosen over a lease (one sweeper at a
   * time: a dead holder stalls escalation until it expires) and over a Redis job queue (a
   * second source of truth to keep in step with the tickets, and nothing timed would run without
   * Redis): the database that holds the tickets already decides who holds a row. SQLite has one
   * writer and one process, so there the claim is its serial transactions.
   */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const due = await this.ds
      .getRepository(TicketEntity)
      .createQueryBuilder("t")
      .select(["t.id", "t.siteId"])
      .where("t.isOpen = :open", { open: true })
      .andWhere("t.queueDueAt <= :now", { now })
      .andWhere("t.pausedAt IS NULL")
      // Only targets that are due now (as overdueTargets sees them): a ticket escalated for its
      // response but not yet due for resolution must not take a place among the 500 every sweep.
      .andWhere(
        new Brackets((b) =>
          b
            .where("(t.firstRespondedAt IS NULL AND t.responseEscalatedAt IS NULL AND t.responseDueAt < :now)")
            .orWhere("(t.resolvedAt IS NULL AND t.resolutionEscalatedAt IS NULL AND t.resolutionDueAt < :now)"),
        ),
      )
      .orderBy("t.queueDueAt", "ASC")
      .take(500)
      .getMany();
    let changed = 0;
    for (const { id, siteId } of due) {
      await this.changeRow(siteId, id, { kind: ActorKind.SYSTEM }, true, async (c) => {
        if (this.autoEscalate(c)) changed++;
      }).catch((error: unknown) => this.log.error({ err: error, ticketId: id }, "automatic escalation failed"));
    }
    for (const site of await this.sites.list()) {
      const quietSince = new Date(now.getTime() - site.autoCloseHours * 3_600_000);
      const resolved = await this.ds
        .getRepository(TicketEntity)
        .createQueryBuilder("t")
        .select(["t.id"])
        .where("t.siteId = :siteId AND t.status = :status AND t.resolvedAt <= :quietSince", { siteId: site.id, status: TicketStatus.RESOLVED, quietSince })
        .take(500)
        .getMany();
      for (const { id } of resolved) {
        await this.changeRow(site.id, id, { kind: ActorKind.SYSTEM }, true, async (c) => {
          if (c.ticket.status !== TicketStatus.RESOLVED || !c.ticket.resolvedAt || c.ticket.resolvedAt > quietSince) return;
          this.moveTo(c, TicketStatus.CLOSED, { note: `Closed automatically: no word from the reporter for ${site.autoCloseHours} hours after resolution.` });
          changed++;
        }).catch((error: unknown) => this.log.error({ err: error, ticketId: id }, "automatic closure failed"));
      }
    }
    return changed;
  }

  private autoEscalate(c: Change): boolean {
    const t = c.ticket;
    if (!t.isOpen || t.status === TicketStatus.PENDING) return false;
    const targets = overdueTargets(t, { response: t.responseEscalatedAt !== null, resolution: t.resolutionEscalatedAt !== null }, c.now);
    for (const target of targets) {
      if (target === "RESPONSE") {
        t.responseEscalatedAt = c.now;
        t.hierarchyLevel = Math.max(t.hierarchyLevel, HIERARCHY.SUPERVISOR);
        c.record({
          kind: TicketEventKind.AUTO_ESCALATED,
          visibility: Visibility.PUBLIC,
          body: `Nobody responded by the response target (${t.responseDueAt.toISOString()}); the supervisor has been alerted.`,
          data: { escalationKind: EscalationKind.HIERARCHICAL, hierarchyLevel: t.hierarchyLevel, reason: "RESPONSE_TARGET_MISSED" },
        });
      } else {
        t.resolutionEscalatedAt = c.now;
        if (t.supportLevel < MAX_SUPPORT_LEVEL) {
          t.supportLevel += 1;
          c.record({
            kind: TicketEventKind.AUTO_ESCALATED,
            visibility: Visibility.PUBLIC,
            body: `Not resolved by the resolution target (${t.resolutionDueAt.toISOString()}); escalated to support level ${t.supportLevel}.`,
            data: { escalationKind: EscalationKind.FUNCTIONAL, supportLevel: t.supportLevel, reason: "RESOLUTION_TARGET_MISSED" },
          });
        } else {
          t.hierarchyLevel = Math.min(HIERARCHY.MANAGER, t.hierarchyLevel + 1);
          c.record({
            kind: TicketEventKind.AUTO_ESCALATED,
            visibility: Visibility.PUBLIC,
            body: `Not resolved by the resolution target (${t.resolutionDueAt.toISOString()}) at the highest support level; management level ${t.hierarchyLevel} has been alerted.`,
            data: { escalationKind: EscalationKind.HIERARCHICAL, hierarchyLevel: t.hierarchyLevel, reason: "RESOLUTION_TARGET_MISSED" },
          });
        }
      }
    }
    return targets.length > 0;
  }

  // ───────────────────────────── the machinery ─────────────────────────────

  private authorize(agent: AgentEntity, action: DeskAction): void {
    this.agents.authorize(agent, action);
  }

  private deskChange(agent: AgentEntity, ticketId: string, action: DeskAction, work: (c: Change) => Promise<void>): Promise<TicketEntity> {
    this.authorize(agent, action);
    return this.change(agent.siteId, ticketId, { kind: ActorKind.AGENT, agent }, work);
  }

  /**
   * Runs one change with the ticket row held (FOR UPDATE on MySQL; SQLite writes are already
   * serial), saves the ticket and its timeline entries, and announces it after commit.
   */
  private async change(siteId: string, ticketId: string, actor: Actor, work: (c: Change) => Promise<void>): Promise<TicketEntity> {
    return (await this.changeRow(siteId, ticketId, actor, false, work))!;
  }

  /** {@link change}; with `skipLocked`, a row someone else holds now is left alone (null) instead of waited for. */
  private async changeRow(siteId: string, ticketId: string, actor: Actor, skipLocked: boolean, work: (c: Change) => Promise<void>): Promise<TicketEntity | null> {
    const events: EventDraft[] = [];
    const result = await this.tx(async (em) => {
      const qb = em.createQueryBuilder(TicketEntity, "t").where("t.id = :ticketId AND t.siteId = :siteId", { ticketId, siteId });
      if (this.dialect === "mysql") {
        qb.setLock("pessimistic_write");
        if (skipLocked) qb.setOnLocked("skip_locked");
      }
      const ticket = await qb.getOne();
      if (!ticket && skipLocked) return null;
      if (!ticket) throw notFound(`No ticket ${ticketId} in this site.`);
      const now = this.clock.now();
      await work({ em, ticket, now, record: (e) => events.push(e) });
      if (!events.length) return ticket;
      ticket.isOpen = isOpen(ticket.status);
      ticket.queueDueAt = ticket.firstRespondedAt ? ticket.resolutionDueAt : ticket.responseDueAt;
      ticket.updatedAt = now;
      await em.save(TicketEntity, ticket);
      await insertRows(
        em,
        TicketEventEntity,
        events.map((e) => ({
          ticketId: ticket.id,
          siteId: ticket.siteId,
          at: now,
          actorKind: actor.kind,
          actorId: actor.kind === ActorKind.AGENT ? actor.agent.id : null,
          actorName: actor.kind === ActorKind.AGENT ? actor.agent.name : actor.kind === ActorKind.REPORTER ? actor.name : null,
          fromStatus: null,
          toStatus: null,
          body: null,
          data: null,
          ...e,
        })),
      );
      return ticket;
    });
    if (result && events.length) this.announce(result, "UPDATED", events.some((e) => e.visibility === Visibility.PUBLIC));
    return result;
  }

  /**
   * Links uploads to the ticket being changed. The site (for its attachment limit) is read only
   * when there is something to link, and on the transaction's own connection.
   */
  private async linkAttachments(c: Change, ids: readonly string[] | null | undefined): Promise<void> {
    if (!ids?.length) return;
    const site = await c.em.findOneByOrFail(SiteEntity, { id: c.ticket.siteId });
    await this.attachments.link(c.em, site, c.ticket.id, ids);
  }

  /** Moves a ticket to a status along the graph, applying what the status means for the SLA clock. */
  private moveTo(c: Change, to: TicketStatus, input: Partial<ChangeStatusInput>): void {
    const t = c.ticket;
    const from = t.status;
    const refusal = transitionError(from, to);
    if (refusal) throw conflict(refusal);
    const problems: FieldProblem[] = [];
    if (to === TicketStatus.PENDING && !input.pendingReason) problems.push({ field: "pendingReason", message: "pendingReason is required to put a ticket on hold: REPORTER, APPROVAL or THIRD_PARTY" });
    if (to === TicketStatus.RESOLVED) {
      if (!input.resolution?.trim()) problems.push({ field: "resolution", message: "resolution is required to resolve a ticket" });
      if (!input.closureCode?.trim()) problems.push({ field: "closureCode", message: "closureCode is required to resolve a ticket" });
    }
    if (problems.length) throw badInput(problems);

    if (from === TicketStatus.PENDING) Object.assign(t, resumeClock(t, c.now));
    t.pendingReason = null;
    let kind = TicketEventKind.STATUS_CHANGED;
    switch (to) {
      case TicketStatus.IN_PROGRESS:
        if (from === TicketStatus.RESOLVED) {
          kind = TicketEventKind.REOPENED;
          t.resolvedAt = null;
          t.resolution = null;
          t.closureCode = null;
        }
        this.markResponded(c);
        break;
      case TicketStatus.PENDING:
        Object.assign(t, pauseClock(t, c.now));
        t.pendingReason = input.pendingReason!;
        break;
      case TicketStatus.RESOLVED:
        kind = TicketEventKind.RESOLVED;
        this.markResponded(c);
        t.resolvedAt = c.now;
        t.resolution = input.resolution!.trim();
        t.closureCode = input.closureCode!.trim();
        t.knowledgeBase = input.addToKnowledgeBase ?? false;
        break;
      case TicketStatus.CLOSED:
        kind = TicketEventKind.CLOSED;
        t.closedAt = c.now;
        break;
      case TicketStatus.CANCELLED:
        kind = TicketEventKind.CANCELLED;
        t.closedAt = c.now;
        break;
      default:
        break;
    }
    t.status = to;
    c.record({
      kind,
      visibility: Visibility.PUBLIC,
      fromStatus: from,
      toStatus: to,
      body: to === TicketStatus.RESOLVED ? t.resolution : blankToNull(input.note),
      data: to === TicketStatus.RESOLVED ? { closureCode: t.closureCode ?? undefined } : to === TicketStatus.PENDING ? { reason: t.pendingReason ?? undefined } : null,
    });
  }

  private markResponded(c: Change): void {
    if (!c.ticket.firstRespondedAt) c.ticket.firstRespondedAt = c.now;
  }

  private refuseIfFinal(t: TicketEntity, verb: string, alsoResolved = false): void {
    if (t.status === TicketStatus.CLOSED || t.status === TicketStatus.CANCELLED || (alsoResolved && t.status === TicketStatus.RESOLVED)) {
      throw conflict(`A ${t.status} ticket cannot be ${verb}.${t.status === TicketStatus.RESOLVED ? " Reopen it first." : ""}`);
    }
  }

  private async siteAgent(em: EntityManager, siteId: string, id: string, field: string): Promise<AgentEntity> {
    const agent = await em.findOneBy(AgentEntity, { id, siteId });
    if (!agent?.active) throw badField(field, `${field} is not an active agent of this site`);
    return agent;
  }

  private async siteGroup(em: EntityManager, siteId: string, id: string, field: string): Promise<SupportGroupEntity> {
    const group = await em.findOneBy(SupportGroupEntity, { id, siteId });
    if (!group) throw badField(field, `${field} is not a support group of this site`);
    return group;
  }

  private async validateReport(site: SiteEntity, input: ReportIncidentInput): Promise<void> {
    const problems: FieldProblem[] = [];
    if (!input.reporterName.trim()) problems.push({ field: "reporterName", message: "reporterName is required" });
    if (!input.description.trim()) problems.push({ field: "description", message: "description is required" });
    if (input.occurredAt && input.occurredAt.getTime() > this.clock.now().getTime() + FUTURE_SKEW_MS) {
      problems.push({ field: "occurredAt", message: "occurredAt cannot be in the future" });
    }
    if (input.serviceId && !(await this.ds.getRepository(ItServiceEntity).existsBy({ id: input.serviceId, siteId: site.id }))) {
      problems.push({ field: "serviceId", message: "serviceId is not an IT service of this site; pick one from site.services" });
    }
    if (problems.length) throw badInput(problems);
  }

  private async findByIdempotencyKey(siteId: string, key: string, fingerprint: string): Promise<Receipt | null> {
    const ticket = await this.ds.getRepository(TicketEntity).findOneBy({ siteId, idempotencyKey: key });
    if (!ticket) return null;
    if (ticket.requestFingerprint !== fingerprint) {
      throw conflict("This idempotency key was already used for a different report. Use a new key for a new report.");
    }
    return { ticket, trackingToken: this.derivedToken(siteId, key) };
  }

  /** The tracking token of a keyed report is derived, so a retry can be answered without storing it. */
  private derivedToken(siteId: string, key: string): string {
    return createHmac("sha256", this.secret).update(`track:${siteId}:${key}`).digest().subarray(0, 18).toString("base64url");
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

  private announce(ticket: TicketEntity, kind: QueueChangeKind, publicChange: boolean): void {
    if (publicChange) this.bus.publish(Topic.TICKET_CHANGED, ticket.id, { siteId: ticket.siteId, ticketId: ticket.id });
    this.bus.publish(Topic.QUEUE_CHANGED, ticket.siteId, { siteId: ticket.siteId, ticketId: ticket.id, kind });
  }
}

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

function safeEqualHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));
}

function blankToNull(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

/** Key-sorted JSON so the same report fingerprints the same however its fields were ordered. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

interface QueueCursor {
  rank: number;
  due: Date;
  created: Date;
  id: string;
}

function encodeCursor(t: TicketEntity): string {
  return Buffer.from(JSON.stringify([t.priorityRank, t.queueDueAt.getTime(), t.createdAt.getTime(), t.id])).toString("base64url");
}

function decodeCursor(cursor: string): QueueCursor {
  try {
    const [rank, due, created, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [number, number, number, string];
    if (typeof rank !== "number" || typeof due !== "number" || typeof created !== "number" || typeof id !== "string") throw new Error("shape");
    return { rank, due: new Date(due), created: new Date(created), id };
  } catch {
    throw badField("after", "after is not a cursor this queue gave out");
  }
}

