import { IsNull, type EntityManager } from "typeorm";
import { badField, badInput, type FieldProblem } from "../../errors.js";
import { AgentEntity } from "../agents/agent.entity.js";
import { TicketAction } from "../agents/permissions.rules.js";
import { CategoryEntity } from "../catalog/category.entity.js";
import { ItServiceEntity } from "../catalog/it-service.entity.js";
import { SupportGroupEntity } from "../catalog/support-group.entity.js";
import type { SiteService } from "../sites/site.service.js";
import { retarget } from "../sla/sla.rules.js";
import type { AssignTicketInput, ChangeStatusInput, ClassifyTicketInput, EscalateTicketInput, MessageInput } from "./desk.inputs.js";
import { escalationTarget } from "./escalation.rules.js";
import { priorityOf, priorityRank } from "./priority.rules.js";
import { closedReopenable, type StatusCommand } from "./status.rules.js";
import { requireAction, requireRole, statusAction, type ActionSettings } from "./ticket-actions.rules.js";
import { applyTransition, type Change, type TicketChanges } from "./ticket-change.js";
import type { TicketEventData } from "./ticket-event.entity.js";
import type { TicketEntity } from "./ticket.entity.js";
import { ActorKind, EscalationKind, TicketEventKind, TicketStatus, Visibility } from "./ticket.enums.js";
import { blankToNull } from "./timeline-entry.js";

/** Settings that do not matter to an action (only REOPEN and CLOSED tickets read the reopen window). */
const NO_SETTINGS: ActionSettings = { reopenClosedWithinDays: 0 };

/**
 * The desk's commands (seed 002, figures 13–15), each a small function over the unit of work.
 * The resolver has already checked the role at the door (`@Authorized`); each command checks
 * the same table against the ticket's state while its row is held.
 */
export class DeskCommands {
  constructor(
    private readonly changes: TicketChanges,
    private readonly sites: SiteService,
    /** Drafts a knowledge-base article from a ticket resolved with addToKnowledgeBase, in the resolving unit of work (knowledge/articles.service). */
    private readonly draftArticle: ArticleDrafter | null = null,
  ) {}

  /** Logging and classification: category, service, urgency and impact; priority and SLA targets follow. */
  classify(agent: AgentEntity, ticketId: string, input: ClassifyTicketInput, ip: string | null = null): Promise<TicketEntity> {
    return this.desk(agent, ip, ticketId, TicketAction.CLASSIFY, async (c) => {
      const t = c.ticket;
      const problems: FieldProblem[] = [];
      // A retired entry stays on the tickets that have it, but is not given to any other.
      if (input.categoryId && input.categoryId !== t.categoryId && !(await c.em.existsBy(CategoryEntity, { id: input.categoryId, siteId: t.siteId, retiredAt: IsNull() }))) {
        problems.push({ field: "categoryId", message: "categoryId is not a category of this site in use (retired ones are not offered)" });
      }
      if (input.serviceId && input.serviceId !== t.serviceId && !(await c.em.existsBy(ItServiceEntity, { id: input.serviceId, siteId: t.siteId, retiredAt: IsNull() }))) {
        problems.push({ field: "serviceId", message: "serviceId is not an IT service of this site in use (retired ones are not offered)" });
      }
      if (problems.length) throw badInput(problems);
      const before = { categoryId: t.categoryId, serviceId: t.serviceId, urgency: t.urgency, impact: t.impact, priority: t.priority };
      if (input.categoryId) t.categoryId = input.categoryId;
      if (input.serviceId) t.serviceId = input.serviceId;
      if (input.urgency) t.urgency = input.urgency;
      if (input.impact) t.impact = input.impact;
      t.priority = priorityOf(t.urgency, t.impact, (await c.site()).priorityMatrix);
      t.priorityRank = priorityRank(t.priority);
      if (t.priority !== before.priority) {
        const policy = await this.sites.policy(t.siteId, t.ticketType, c.em);
        // A paused clock keeps its pause; the pause will push the new due time on resume.
        Object.assign(t, retarget(t.createdAt, policy[t.priority], t.pausedMs, await c.calendar()));
      }
      const changes: NonNullable<TicketEventData["changes"]> = {};
      for (const key of Object.keys(before) as (keyof typeof before)[]) {
        if (before[key] !== t[key]) changes[key] = { from: before[key], to: t[key] };
      }
      if (!Object.keys(changes).length && !input.note) throw badField("input", "Nothing to change: give a category, service, urgency or impact that differs.");
      c.record({ kind: TicketEventKind.CLASSIFIED, visibility: Visibility.PUBLIC, body: blankToNull(input.note), data: { changes } });
    });
  }

  /** Allocation to a group and/or a person; a NEW ticket becomes ASSIGNED. */
  assign(agent: AgentEntity, ticketId: string, input: AssignTicketInput, ip: string | null = null): Promise<TicketEntity> {
    return this.desk(agent, ip, ticketId, TicketAction.ASSIGN, async (c) => {
      if (!input.groupId && !input.assigneeId) throw badField("input", "Give a groupId, an assigneeId, or both.");
      const assigneeId = input.assigneeId === "me" ? agent.id : input.assigneeId;
      const assignee = assigneeId ? await siteAgent(c.em, c.ticket.siteId, assigneeId, "assigneeId") : null;
      const group = input.groupId
        ? await siteGroup(c.em, c.ticket.siteId, input.groupId, "groupId")
        : assignee?.groupId
          ? await c.em.findOneBy(SupportGroupEntity, { id: assignee.groupId })
          : null;
      if (group) c.ticket.groupId = group.id;
      if (assignee) c.ticket.assigneeId = assignee.id;
      c.record({ kind: TicketEventKind.ASSIGNED, visibility: Visibility.PUBLIC, data: { groupName: group?.name, assigneeName: assignee?.name } });
      if (c.ticket.status === TicketStatus.NEW) await applyTransition(c, { to: TicketStatus.ASSIGNED });
    });
  }

  /** A move along the status graph (resolve, close, cancel and reopen included), with what each status needs. */
  changeStatus(agent: AgentEntity, ticketId: string, input: ChangeStatusInput, ip: string | null = null): Promise<TicketEntity> {
    return this.changes.run(agent.siteId, ticketId, { kind: ActorKind.AGENT, agent, ip }, async (c) => {
      const action = statusAction(c.ticket.status, input.status);
      requireRole(agent.role, action);
      // A close also answers to the work order's payment (ticket-actions.rules' stateRefusal).
      if (action === TicketAction.CLOSE) requireAction(agent.role, action, c.ticket, NO_SETTINGS, c.now);
      c.audit(auditAction(action));
      const reopenClosed = action === TicketAction.REOPEN && c.ticket.status === TicketStatus.CLOSED && (await this.reopenable(c));
      await applyTransition(c, { ...statusCommand(input), reopenClosed });
      // The closure form's "knowledge base: yes" leaves a draft for the desk to edit and review.
      if (input.status === TicketStatus.RESOLVED && input.addToKnowledgeBase && this.draftArticle) await this.draftArticle(c.em, c.ticket, agent, ip);
    });
  }

  /** Takes a RESOLVED ticket (or a CLOSED one, where the site allows it) back into work; CONFLICT otherwise. */
  reopen(agent: AgentEntity, ticketId: string, reason: string, ip: string | null = null): Promise<TicketEntity> {
    return this.changes.run(agent.siteId, ticketId, { kind: ActorKind.AGENT, agent, ip }, async (c) => {
      c.audit(auditAction(TicketAction.REOPEN));
      const settings = c.ticket.status === TicketStatus.CLOSED ? await this.settings(c) : NO_SETTINGS;
      requireAction(agent.role, TicketAction.REOPEN, c.ticket, settings, c.now);
      await applyTransition(c, { to: TicketStatus.IN_PROGRESS, note: reason, reopenClosed: c.ticket.status === TicketStatus.CLOSED });
    });
  }

  /** A public reply to the reporter; the first one counts as the response. */
  reply(agent: AgentEntity, ticketId: string, input: MessageInput, ip: string | null = null): Promise<TicketEntity> {
    return this.desk(agent, ip, ticketId, TicketAction.REPLY, async (c) => {
      await c.recordWithFiles({ kind: TicketEventKind.AGENT_REPLY, visibility: Visibility.PUBLIC, body: input.body.trim() }, input.attachmentIds);
      c.ticket.firstRespondedAt ??= c.now;
    });
  }

  /** An internal note the reporter never sees, nor its files. */
  note(agent: AgentEntity, ticketId: string, input: MessageInput, ip: string | null = null): Promise<TicketEntity> {
    return this.desk(agent, ip, ticketId, TicketAction.INTERNAL_NOTE, (c) =>
      c.recordWithFiles({ kind: TicketEventKind.INTERNAL_NOTE, visibility: Visibility.INTERNAL, body: input.body.trim() }, input.attachmentIds),
    );
  }

  /** Functional (next support line) or hierarchical (supervisor, manager) escalation (seed 002, figure 14). */
  escalate(agent: AgentEntity, ticketId: string, input: EscalateTicketInput, ip: string | null = null): Promise<TicketEntity> {
    const action = input.kind === EscalationKind.FUNCTIONAL ? TicketAction.ESCALATE_FUNCTIONAL : TicketAction.ESCALATE_HIERARCHICAL;
    return this.desk(agent, ip, ticketId, action, async (c) => {
      const t = c.ticket;
      const person = input.agentId ? await siteAgent(c.em, t.siteId, input.agentId, "agentId") : null;
      if (input.kind === EscalationKind.FUNCTIONAL) {
        const named = input.groupId ? await siteGroup(c.em, t.siteId, input.groupId, "groupId") : null;
        const level = escalationTarget(t, { kind: input.kind, level: input.level, group: named });
        const group = named ?? (await c.em.findOne(SupportGroupEntity, { where: { siteId: t.siteId, level, retiredAt: IsNull() }, order: { name: "ASC" } }));
        t.supportLevel = level;
        t.groupId = group?.id ?? null;
        t.assigneeId = person?.id ?? null;
        c.record({
          kind: TicketEventKind.ESCALATED,
          visibility: Visibility.PUBLIC,
          body: input.notes.trim(),
          data: { escalationKind: input.kind, supportLevel: level, groupName: group?.name, assigneeName: person?.name },
        });
        if (t.status !== TicketStatus.ASSIGNED) await applyTransition(c, { to: TicketStatus.ASSIGNED });
      } else {
        const level = escalationTarget(t, { kind: input.kind, level: input.level, person });
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

  /** One desk command: the action checked against the role and the held ticket's state, then the work. */
  private desk(agent: AgentEntity, ip: string | null, ticketId: string, action: TicketAction, work: (c: Change) => Promise<void>): Promise<TicketEntity> {
    return this.changes.run(agent.siteId, ticketId, { kind: ActorKind.AGENT, agent, ip }, async (c) => {
      requireAction(agent.role, action, c.ticket, NO_SETTINGS, c.now);
      c.audit(auditAction(action));
      await work(c);
    });
  }

  private async settings(c: Change): Promise<ActionSettings> {
    return { reopenClosedWithinDays: (await c.site()).reopenClosedWithinDays };
  }

  private async reopenable(c: Change): Promise<boolean> {
    return closedReopenable(c.ticket.closedAt, (await this.settings(c)).reopenClosedWithinDays, c.now);
  }
}

/** Writes a draft article of a resolved ticket with the change's entity manager. */
export type ArticleDrafter = (em: EntityManager, ticket: TicketEntity, agent: AgentEntity, ip: string | null) => Promise<void>;

/** The audit action of a desk action: `ticket.classify`, `ticket.escalate_functional`, `ticket.resolve`… */
function auditAction(action: TicketAction): string {
  return `ticket.${action.toLowerCase()}`;
}

function statusCommand(input: ChangeStatusInput): StatusCommand {
  return {
    to: input.status,
    pendingReason: input.pendingReason,
    note: input.note,
    resolution: input.resolution,
    closureCode: input.closureCode,
    addToKnowledgeBase: input.addToKnowledgeBase,
  };
}

async function siteAgent(em: EntityManager, siteId: string, id: string, field: string): Promise<AgentEntity> {
  const agent = await em.findOneBy(AgentEntity, { id, siteId });
  if (!agent?.active) throw badField(field, `${field} is not an active agent of this site`);
  return agent;
}

async function siteGroup(em: EntityManager, siteId: string, id: string, field: string): Promise<SupportGroupEntity> {
  const group = await em.findOneBy(SupportGroupEntity, { id, siteId, retiredAt: IsNull() });
  if (!group) throw badField(field, `${field} is not a support group of this site in use (retired ones are not offered)`);
  return group;
}
