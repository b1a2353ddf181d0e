import { In, IsNull, type DataSource, type EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import { badInput, notFound, type FieldProblem } from "../../errors.js";
import type { Transactor } from "../../db/transactions.js";
import { AgentEntity } from "../agents/agent.entity.js";
import { recordAudit } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import { ItServiceEntity } from "../catalog/it-service.entity.js";
import { SupportGroupEntity } from "../catalog/support-group.entity.js";
import { Refusal } from "../tickets/refusal.js";
import { approvalOutcomeEffect, holdForApprovalEffect } from "../tickets/status.rules.js";
import type { Change, TicketChanges } from "../tickets/ticket-change.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { ActorKind, TicketEventKind, Visibility } from "../tickets/ticket.enums.js";
import type { ApprovalGate, ApprovalRequester } from "../tickets/intake.service.js";
import { blankToNull } from "../tickets/timeline-entry.js";
import {
  ApprovalDecision,
  ApprovalState,
  awaitsDecisionBy,
  chainStatus,
  decisionRefusal,
  isRequester,
  reasonProblem,
  stepApprovers,
  stepLabel,
  stepProblems,
  withoutRequester,
  type StepConfig,
  type StepSnapshot,
} from "./approval.rules.js";
import { ServiceApprovalEntity } from "./service-approval.entity.js";
import { TicketApprovalEntity } from "./ticket-approval.entity.js";

/** How long an approval document is valid when the admin does not say. @default 7 */
export const DEFAULT_VALID_DAYS = 7;
/** The longest validity an admin may give. */
export const MAX_VALID_DAYS = 366;

/** A chain planned for a new ticket, before its unit of work. */
export interface PlannedChain {
  steps: StepSnapshot[];
  validDays: number;
  loggedById: string | null;
}

/**
 * Approval chains: what an admin configures on a request item, the chain a new ticket of it
 * starts (through intake's {@link ApprovalGate}), the approvers' decisions inside the ticket's
 * unit of work, and the reads of the desk and the tracker.
 */
export class Approvals implements ApprovalGate<PlannedChain> {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly changes: TicketChanges,
    private readonly clock: Clock,
  ) {}

  /** The steps a service needs, and how long its document is valid; empty steps: none. */
  async config(siteId: string, serviceId: string): Promise<{ steps: StepConfig[]; validDays: number }> {
    const row = await this.ds.getRepository(ServiceApprovalEntity).findOneBy({ siteId, serviceId });
    return { steps: row?.steps ?? [], validDays: row?.validDays ?? DEFAULT_VALID_DAYS };
  }

  /**
   * Sets the approval steps of a service of the site (empty: none), audited as `service.approval`.
   * Tickets already waiting keep the chain they started with.
   */
  async configure(siteId: string, serviceId: string, steps: StepConfig[], validDays: number | null, actor: AuditActor): Promise<{ steps: StepConfig[]; validDays: number }> {
    const problems: FieldProblem[] = [...stepProblems(steps)];
    const days = validDays ?? DEFAULT_VALID_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > MAX_VALID_DAYS) problems.push({ field: "validDays", message: `validDays is a whole number of days from 1 to ${MAX_VALID_DAYS}; got ${days}.` });
    if (!(await this.ds.getRepository(ItServiceEntity).existsBy({ id: serviceId, siteId, retiredAt: IsNull() }))) {
      problems.push({ field: "serviceId", message: "serviceId is not a service of this site in use; pick one from catalogAdmin." });
    }
    const groupIds = steps.flatMap((s) => (s.groupId ? [s.groupId] : []));
    const agentIds = steps.flatMap((s) => s.agentIds);
    const groups = groupIds.length ? await this.ds.getRepository(SupportGroupEntity).findBy({ siteId, id: In(groupIds), retiredAt: IsNull() }) : [];
    const agents = agentIds.length ? await this.ds.getRepository(AgentEntity).findBy({ siteId, id: In(agentIds), active: true }) : [];
    steps.forEach((s, i) => {
      if (s.groupId && !groups.some((g) => g.id === s.groupId)) problems.push({ field: `steps.${i}.groupId`, message: `Step ${i + 1}: groupId is not a support group of this site in use.` });
      const unknown = s.agentIds.filter((id) => !agents.some((a) => a.id === id));
      if (unknown.length) problems.push({ field: `steps.${i}.agentIds`, message: `Step ${i + 1}: ${unknown.join(", ")} ${unknown.length === 1 ? "is not an active agent" : "are not active agents"} of this site.` });
    });
    if (problems.length) throw badInput(problems);
    const before = await this.config(siteId, serviceId);
    await this.tx(async (em) => {
      if (steps.length) await em.getRepository(ServiceApprovalEntity).save({ serviceId, siteId, steps, validDays: days, updatedAt: this.clock.now() });
      else await em.getRepository(ServiceApprovalEntity).delete({ serviceId, siteId });
      await recordAudit(em, { siteId, actor, action: "service.approval", subjectType: "service", subjectId: serviceId, before: { ...before }, after: { steps, validDays: days } }, this.clock.now());
    });
    return { steps, validDays: days };
  }

  /** The chain a new ticket of this service starts; null when the service needs no approval. */
  async plan(siteId: string, serviceId: string | null, groupId: string | null, requester: ApprovalRequester): Promise<PlannedChain | null> {
    if (!serviceId) return null;
    const row = await this.ds.getRepository(ServiceApprovalEntity).findOneBy({ siteId, serviceId });
    if (!row?.steps.length) return null;
    const agents = await this.ds.getRepository(AgentEntity).find({ where: { siteId, active: true }, select: { id: true, name: true, role: true, groupId: true, active: true, email: true } });
    const groupIds = row.steps.flatMap((s) => (s.groupId ? [s.groupId] : []));
    const groups = groupIds.length ? await this.ds.getRepository(SupportGroupEntity).findBy({ siteId, id: In(groupIds) }) : [];
    const snapshots = row.steps.map((s) => ({
      rule: s.rule,
      label: stepLabel(s, groups.find((g) => g.id === s.groupId)?.name ?? null),
      approvers: stepApprovers(s, groupId, agents),
    }));
    const emailOf = new Map(agents.map((a) => [a.id, a.email]));
    const steps = withoutRequester(snapshots, (a) => isRequester({ id: a.id, email: emailOf.get(a.id) ?? "" }, requester));
    return { steps, validDays: row.validDays, loggedById: requester.loggedById };
  }

  /** In the new ticket's unit of work: stores its chain and holds the ticket for it (PENDING, APPROVAL). */
  async start(em: EntityManager, ticket: TicketEntity, plan: PlannedChain, now: Date) {
    await em.getRepository(TicketApprovalEntity).insert({
      ticketId: ticket.id,
      siteId: ticket.siteId,
      state: ApprovalState.PENDING,
      steps: plan.steps,
      decisions: [],
      loggedById: plan.loggedById,
      validDays: plan.validDays,
      requestedAt: now,
      decidedAt: null,
    });
    const { patch, entry } = holdForApprovalEffect(ticket, now);
    Object.assign(ticket, patch);
    return { ...entry, data: { ...entry.data, step: 1 } };
  }

  /**
   * An approver's decision on the current step, in the ticket's unit of work: refused for the
   * requester, anyone not asked now, or a decided chain; a rejection needs a reason. The last
   * approval sends the ticket back to the desk, a rejection cancels it; each is on the public
   * timeline and announced.
   */
  decide(agent: AgentEntity, ticketId: string, decision: ApprovalDecision, reason: string | null, ip: string | null = null): Promise<TicketEntity> {
    return this.changes.run(agent.siteId, ticketId, { kind: ActorKind.AGENT, agent, ip }, async (c) => {
      const repo = c.em.getRepository(TicketApprovalEntity);
      const chain = await repo.findOneBy({ ticketId: c.ticket.id });
      if (!chain) throw notFound("This ticket has no approval to decide.");
      // Cancelled while its approvers decided: the chain stays as it was, and nobody decides any more.
      if (!c.ticket.awaitingApproval && chain.state === ApprovalState.PENDING) throw new Refusal("CONFLICT", `This request no longer waits for approval: it is ${c.ticket.status}.`);
      const problem = reasonProblem(decision, reason);
      if (problem) throw badInput([problem]);
      const refusal = decisionRefusal(chain.steps, chain.decisions, agent, requesterOf(c.ticket, chain));
      if (refusal) throw new Refusal(refusal.code, refusal.message);
      const before = chainStatus(chain.steps, chain.decisions);
      const step = before.current!;
      chain.decisions = [...chain.decisions, { step, approverId: agent.id, approverName: agent.name, decision, reason: blankToNull(reason), at: c.now.toISOString() }];
      const after = chainStatus(chain.steps, chain.decisions);
      chain.state = after.state;
      c.audit(decision === ApprovalDecision.APPROVE ? "ticket.approve" : "ticket.reject");
      if (decision === ApprovalDecision.APPROVE) {
        c.record({ kind: TicketEventKind.APPROVAL_GIVEN, visibility: Visibility.PUBLIC, body: blankToNull(reason), data: { step: step + 1 } });
      }
      if (after.state !== ApprovalState.PENDING) {
        chain.decidedAt = c.now;
        await outcome(c, after.state === ApprovalState.APPROVED, decision === ApprovalDecision.REJECT ? reason : null);
      } else if (after.current !== step) {
        c.record({ kind: TicketEventKind.APPROVAL_REQUESTED, visibility: Visibility.PUBLIC, data: { step: after.current! + 1 } });
      }
      await repo.save(chain);
    });
  }

  /** A ticket's chain; null when it has none. */
  ofTicket(ticketId: string, em: EntityManager = this.ds.manager): Promise<TicketApprovalEntity | null> {
    return em.getRepository(TicketApprovalEntity).findOneBy({ ticketId });
  }

  /** The tickets waiting for this agent's decision now, oldest request first. */
  async pendingFor(agent: AgentEntity): Promise<TicketEntity[]> {
    const chains = await this.ds.getRepository(TicketApprovalEntity).find({ where: { siteId: agent.siteId, state: ApprovalState.PENDING }, order: { requestedAt: "ASC" } });
    if (!chains.length) return [];
    const tickets = await this.ds.getRepository(TicketEntity).findBy({ siteId: agent.siteId, id: In(chains.map((c) => c.ticketId)) });
    const byId = new Map(tickets.map((t) => [t.id, t]));
    return chains.flatMap((chain) => {
      const t = byId.get(chain.ticketId);
      return t?.awaitingApproval && awaitsDecisionBy(chain.steps, chain.decisions, agent, requesterOf(t, chain)) ? [t] : [];
    });
  }
}

/** Who asked for a ticket's request: the agent who logged it, the reporter's e-mail. */
function requesterOf(t: TicketEntity, chain: TicketApprovalEntity): ApprovalRequester {
  return { loggedById: chain.loggedById, email: t.reporterEmail };
}

async function outcome(c: Change, approved: boolean, reason: string | null): Promise<void> {
  const { patch, entry } = approvalOutcomeEffect(c.ticket, approved, reason, c.now, await c.calendar());
  Object.assign(c.ticket, patch);
  c.record(entry);
}
