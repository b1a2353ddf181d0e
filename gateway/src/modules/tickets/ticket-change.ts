import type { DataSource, EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import { insertRows } from "../../db/rows.js";
import { dialectOf, type Dialect, type Transactor } from "../../db/transactions.js";
import { badInput, notFound, SigapError } from "../../errors.js";
import type { SigapPubSub } from "../../realtime/pubsub.js";
import { reporterFeedId, Topic, type QueueChangeKind } from "../../realtime/topics.js";
import type { AgentEntity } from "../agents/agent.entity.js";
import { recordAudit } from "../audit/audit-trail.js";
import { auditChange, reporterActor } from "../audit/audit.rules.js";
import type { AttachmentService } from "../attachments/attachment.service.js";
import { entryEvents } from "../notifications/domain-events.js";
import type { Notifications } from "../notifications/notifications.service.js";
import { SiteEntity } from "../sites/site.entity.js";
import { ladderOf, nextLadderAt } from "../sla/ladder.rules.js";
import { readCalendar } from "../sla/business-calendars.js";
import type { BusinessCalendar } from "../sla/business-time.rules.js";
import { countsAsReporterActivity } from "../awareness/unread.rules.js";
import { Refusal } from "./refusal.js";
import { isOpen, transitionEffect, type StatusCommand } from "./status.rules.js";
import { TicketEventEntity } from "./ticket-event.entity.js";
import { TicketEntity } from "./ticket.entity.js";
import { ActorKind, Visibility } from "./ticket.enums.js";
import type { EntryDraft } from "./timeline-entry.js";

/** Who does something to a ticket. */
export type Actor =
  | { kind: ActorKind.REPORTER; name: string }
  | { kind: ActorKind.AGENT; agent: AgentEntity; /** The client address the request came from (audited). */ ip: string | null }
  | { kind: ActorKind.SYSTEM };

/** Everything one change to a ticket has while its row is held. */
export interface Change {
  em: EntityManager;
  ticket: TicketEntity;
  now: Date;
  actor: Actor;
  /** Queues a timeline entry; a change that records nothing writes nothing. */
  record(entry: EntryDraft): void;
  /** Names the action an agent's or a reporter's change is audited as (`ticket.<verb>`, `ticket.reporter_<verb>`); jobs' changes are not audited. */
  audit(action: string): void;
  /** The ticket's site, read on the transaction's connection when a command needs its settings. */
  site(): Promise<SiteEntity>;
  /** The business calendar of the ticket's current priority (null: 24×7), read on the change's connection. */
  calendar(): Promise<BusinessCalendar | null>;
  /**
   * Links uploads to the ticket with the visibility of the entry that introduces them, and
   * records that entry (which lists the ids), so a file and its entry are always one.
   */
  recordWithFiles(entry: EntryDraft, ids: readonly string[] | null | undefined): Promise<void>;
}

/** A command's work while the row is held; it reads and writes `c.ticket` and records entries. */
export type Work = (c: Change) => Promise<void> | void;

/**
 * What another module does in every change's unit of work after the command, seeing the ticket
 * as it was before (approvals/ marks the chain of a request cancelled while it waited WITHDRAWN).
 */
export type ChangeHook = (c: Change, before: { awaitingApproval: boolean }) => Promise<void>;

/**
 * The unit of work every ticket command runs in, written once: lock the row (FOR UPDATE on
 * MySQL; SQLite writes are already serial), apply the command, save the ticket and its timeline
 * entries in one transaction, and announce the change on the bus only after commit. A rule's
 * {@link Refusal} becomes the client error of the same code.
 */
export class TicketChanges {
  private readonly dialect: Dialect;
  private readonly hooks: ChangeHook[] = [];

  constructor(
    ds: DataSource,
    private readonly tx: Transactor,
    private readonly bus: SigapPubSub,
    private readonly clock: Clock,
    private readonly attachments: AttachmentService,
    private readonly notifications: Notifications,
  ) {
    this.dialect = dialectOf(ds);
  }

  /** Runs one change on a ticket of a site; NOT_FOUND when the site has no such ticket. */
  async run(siteId: string, ticketId: string, actor: Actor, work: Work): Promise<TicketEntity> {
    return (await this.runRow(siteId, ticketId, actor, false, work))!;
  }

  /** {@link run} for sweeps: a row someone else holds now is left alone (null) instead of waited for (SKIP LOCKED). */
  runIfFree(siteId: string, ticketId: string, actor: Actor, work: Work): Promise<TicketEntity | null> {
    return this.runRow(siteId, ticketId, actor, true, work);
  }

  /** Adds work every change does after its command, in its unit of work. */
  addHook(hook: ChangeHook): void {
    this.hooks.push(hook);
  }

  /** Tells the ticket's trackers (when the change is public) and the site's desk queue, after commit. */
  announce(ticket: TicketEntity, kind: QueueChangeKind, publicChange: boolean): void {
    if (publicChange) this.bus.publish(Topic.TICKET_CHANGED, ticket.id, { siteId: ticket.siteId, ticketId: ticket.id });
    if (publicChange && ticket.reporterSubject) {
      const { siteId, reporterSubject: subject } = ticket;
      this.bus.publish(Topic.REPORTER_TICKETS_CHANGED, reporterFeedId(siteId, subject), { siteId, subject, ticketId: ticket.id });
    }
    this.bus.publish(Topic.QUEUE_CHANGED, ticket.siteId, { siteId: ticket.siteId, ticketId: ticket.id, kind });
  }

  private async runRow(siteId: string, ticketId: string, actor: Actor, skipLocked: boolean, work: Work): Promise<TicketEntity | null> {
    const entries: EntryDraft[] = [];
    let action: string | null = null;
    let result: TicketEntity | null;
    try {
      result = await this.tx(async (em) => {
        const qb = em.createQueryBuilder(TicketEntity, "t").where("t.id = :ticketId AND t.siteId = :siteId", { ticketId, siteId });
        if (this.dialect === "mysql") {
          qb.setLock("pessimistic_write");
          if (skipLocked) qb.setOnLocked("skip_locked");
        }
        const ticket = await qb.getOne();
        if (!ticket && skipLocked) return null;
        if (!ticket) throw notFound(`No ticket ${ticketId} in this site.`);
        let site: Promise<SiteEntity> | undefined;
        // Per priority, since a reclassification in the same change may move the ticket to another calendar.
        const calendars = new Map<string, Promise<BusinessCalendar | null>>();
        const before = auditedFields(ticket);
        const change: Change = {
          em,
          ticket,
          now: this.clock.now(),
          actor,
          record: (e) => entries.push(e),
          audit: (a) => void (action = a),
          site: () => (site ??= em.findOneByOrFail(SiteEntity, { id: ticket.siteId })),
          calendar: () => {
            let read = calendars.get(ticket.priority);
            if (!read) {
              read = change.site().then((s) => readCalendar(em, s, ticket.priority));
              calendars.set(ticket.priority, read);
            }
            return read;
          },
          recordWithFiles: async (entry, ids) => {
            const files = ids?.length ? [...new Set(ids)] : [];
            if (files.length) await this.attachments.link(em, await change.site(), ticket.id, files, entry.visibility);
            entries.push(files.length ? { ...entry, data: { ...entry.data, attachmentIds: files } } : entry);
          },
        };
        const was = { awaitingApproval: ticket.awaitingApproval };
        await work(change);
        for (const hook of this.hooks) await hook(change, was);
        if (!entries.length) return ticket;
        ticket.isOpen = isOpen(ticket.status);
        ticket.queueDueAt = ticket.firstRespondedAt ? ticket.resolutionDueAt : ticket.responseDueAt;
        ticket.nextLadderAt = nextLadderAt(ticket, ladderOf((await change.site()).slaLadder), await change.calendar());
        ticket.updatedAt = change.now;
        if (entries.some((e) => countsAsReporterActivity(e.kind))) ticket.reporterActivityAt = change.now;
        await em.save(TicketEntity, ticket);
        const rows = entries.map((e) => eventRow(ticket, actor, change.now, e));
        await insertRows(em, TicketEventEntity, rows);
        // In the change's transaction: the messages it causes are stored with it or not at all.
        await this.notifications.raise(em, entryEvents(ticket, rows));
        if (action && actor.kind !== ActorKind.SYSTEM) await auditTicketAction(em, ticket, actor, action, before, change.now);
        return ticket;
      });
    } catch (error) {
      throw error instanceof Refusal ? toClientError(error) : error;
    }
    if (result && entries.length) this.announce(result, "UPDATED", entries.some((e) => e.visibility === Visibility.PUBLIC));
    return result;
  }
}

/** Moves the change's ticket to another status by status.rules' transition effect (on its business calendar), recording its entry. */
export async function applyTransition(c: Change, cmd: StatusCommand): Promise<void> {
  const { patch, entry } = transitionEffect(c.ticket, cmd, c.now, await c.calendar());
  Object.assign(c.ticket, patch);
  c.record(entry);
}

/** The ticket fields a desk action's audit line compares before and after. */
function auditedFields(t: TicketEntity): Record<string, unknown> {
  return {
    status: t.status,
    urgency: t.urgency,
    impact: t.impact,
    priority: t.priority,
    categoryId: t.categoryId,
    serviceId: t.serviceId,
    groupId: t.groupId,
    assigneeId: t.assigneeId,
    supportLevel: t.supportLevel,
    hierarchyLevel: t.hierarchyLevel,
    pendingReason: t.pendingReason,
    resolution: t.resolution,
    closureCode: t.closureCode,
    knowledgeBase: t.knowledgeBase,
    responseDueAt: t.responseDueAt,
    resolutionDueAt: t.resolutionDueAt,
    firstRespondedAt: t.firstRespondedAt,
  };
}

/**
 * One audit line per desk or reporter action, in the change's transaction: the changed fields
 * before and after, or a plain line (a reply or a note changes no field, but who wrote it still counts).
 */
async function auditTicketAction(
  em: EntityManager,
  t: TicketEntity,
  actor: Exclude<Actor, { kind: ActorKind.SYSTEM }>,
  action: string,
  before: Record<string, unknown>,
  at: Date,
): Promise<void> {
  const changed = auditChange(before, auditedFields(t));
  await recordAudit(
    em,
    {
      siteId: t.siteId,
      actor: actor.kind === ActorKind.AGENT ? { kind: "AGENT", id: actor.agent.id, name: actor.agent.name, ip: actor.ip } : reporterActor(),
      action,
      subjectType: "ticket",
      subjectId: t.code,
      ...(changed ? { before: changed.before, after: changed.after } : {}),
    },
    at,
  );
}

/** The stored row of an entry: the ticket, when, and who. */
export function eventRow(ticket: { id: string; siteId: string }, actor: Actor, at: Date, e: EntryDraft): Partial<TicketEventEntity> {
  return {
    ticketId: ticket.id,
    siteId: ticket.siteId,
    at,
    actorKind: actor.kind,
    actorId: actor.kind === ActorKind.AGENT ? actor.agent.id : null,
    actorName: actor.kind === ActorKind.AGENT ? actor.agent.name : actor.kind === ActorKind.REPORTER ? actor.name : null,
    fromStatus: null,
    toStatus: null,
    body: null,
    data: null,
    ...e,
  };
}

/** A rule's refusal as the client-facing error of the same code. */
export function toClientError(r: Refusal): SigapError {
  if (r.code === "BAD_USER_INPUT") return badInput([...r.fields]);
  return new SigapError(r.code, r.message);
}
