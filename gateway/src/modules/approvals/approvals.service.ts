/**
 * Approval chains at work (approvals/): what an admin configures on a request item (kept in step
 * with the service's needs_approval flag), the chain a new ticket of it starts, the approvers'
 * decisions, an approver leaving the pool before deciding (agents/ calls {@link Approvals.reconcile}),
 * a cancelled request's chain withdrawn, and the reads of the desk and the tracker. The rules are
 * approval.rules (chain state, who may decide) and approver-pool.rules (who a step asks).
 */
import { In, IsNull, type DataSource, type EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import { badInput, notFound, type FieldProblem } from "../../errors.js";
import type { Transactor } from "../../db/transactions.js";
import { AgentEntity } from "../agents/agent.entity.js";
import { recordAudit, systemActor, type AuditRecord } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import { ItServiceEntity } from "../catalog/it-service.entity.js";
import { SupportGroupEntity } from "../catalog/support-group.entity.js";
import { Refusal } from "../tickets/refusal.js";
import { approvalOutcomeEffect, holdForApprovalEffect, isFinal } from "../tickets/status.rules.js";
import type { Change, TicketChanges } from "../tickets/ticket-change.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { ActorKind, TicketEventKind, Visibility } from "../tickets/ticket.enums.js";
import type { ApprovalGate, ApprovalRequester } from "../tickets/intake.service.js";
import { blankToNull, type EntryDraft } from "../tickets/timeline-entry.js";
import {
  ApprovalDecision,
  ApprovalState,
  awaitsDecisionBy,
  chainStatus,
  decisionRefusal,
  isRequester,
  reasonProblem,
  stepLabel,
  stepProblems,
  type PoolAgent,
  type StepConfig,
  type StepSnapshot,
} from "./approval.rules.js";
import { hasStarted, refreshStep, startStep, stepWarnings, type StepPool } from "./approver-pool.rules.js";
import { ServiceApprovalEntity } from "./service-approval.entity.js";
import { TicketApprovalEntity } from "./ticket-approval.entity.js";

/** How long an approval document is valid when the admin does not say. @default 7 */
export const DEFAULT_VALID_DAYS = 7;
/** The longest validity an admin may give. */
export const MAX_VALID_DAYS = 366;

/** A chain planned for a new ticket, before its unit of work: its first step resolved, the others when they start. */
export interface PlannedChain {
  steps: StepSnapshot[];
  validDays: number;
  loggedById: string | null;
}

/** A service's approval configuration, with what the admin is told about steps nobody can decide today. */
export interface ApprovalConfig {
  steps: StepConfig[];
  validDays: number;
  warnings: FieldProblem[];
}

/** The agent columns a step's pool reads. */
const POOL_COLUMNS = { id: true, name: true, role: true, groupId: true, active: true, email: true } as const;

/**
 * Approval chains: configuration, the chain a new ticket starts (through intake's
 * {@link ApprovalGate}), decisions and reconciliations inside the ticket's unit of work, reads.
 */
export class Approvals implements ApprovalGate<PlannedChain> {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly changes: TicketChanges,
    private readonly clock: Clock,
  ) {
    changes.addHook((c, before) => withdrawIfCancelled(c, before));
  }

  /** The steps a service needs, how long its document is valid, and warnings on steps nobody can decide today; empty steps: none. */
  async config(siteId: string, serviceId: string): Promise<ApprovalConfig> {
    const row = await this.ds.getRepository(ServiceApprovalEntity).findOneBy({ siteId, serviceId });
    const steps = row?.steps ?? [];
    return { steps, validDays: row?.validDays ?? DEFAULT_VALID_DAYS, warnings: steps.length ? stepWarnings(steps, await poolAgents(this.ds.manager, siteId)) : [] };
  }

  /**
   * Sets the approval steps of a service of the site (empty: none) and its needs_approval flag in
   * the same transaction, audited as `service.approval`. Tickets already waiting keep the chain
   * they started with. Steps nobody can decide today are warned about, not refused (approver-pool.rules).
   */
  async configure(siteId: string, serviceId: string, steps: StepConfig[], validDays: number | null, actor: AuditActor): Promise<ApprovalConfig> {
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
      await em.update(ItServiceEntity, { id: serviceId, siteId }, { needsApproval: steps.length > 0 });
      await recordAudit(em, { siteId, actor, action: "service.approval", subjectType: "service", subjectId: serviceId, before: { steps: before.steps, validDays: before.validDays }, after: { steps, validDays: days } }, this.clock.now());
    });
    return { steps, validDays: days, warnings: steps.length ? stepWarnings(steps, await poolAgents(this.ds.manager, siteId)) : [] };
  }

  /** The chain a new ticket of this service starts, its first step's approvers resolved now; null when the service needs no approval. */
  async plan(siteId: string, serviceId: string | null, groupId: string | null, requester: ApprovalRequester): Promise<PlannedChain | null> {
    if (!serviceId) return null;
    const row = await this.ds.getRepository(ServiceApprovalEntity).findOneBy({ siteId, serviceId });
    if (!row?.steps.length) return null;
    const agents = await poolAgents(this.ds.manager, siteId);
    const groupIds = row.steps.flatMap((s) => (s.groupId ? [s.groupId] : []));
    const groups = groupIds.length ? await this.ds.getRepository(SupportGroupEntity).findBy({ siteId, id: In(groupIds) }) : [];
    const steps: StepSnapshot[] = row.steps.map((s) => ({
      rule: s.rule,
      label: stepLabel(s, groups.find((g) => g.id === s.groupId)?.name ?? null),
      approvers: [],
      config: s,
      started: false,
      fallback: null,
    }));
    steps[0] = startStep(steps[0]!, poolOf(agents, groupId, requester));
    return { steps, validDays: row.validDays, loggedById: requester.loggedById };
  }

  /** In the new ticket's unit of work: stores its chain and holds the ticket for it (PENDING, APPROVAL). */
  async start(em: EntityManager, ticket: TicketEntity, plan: PlannedChain, now: Date): Promise<EntryDraft> {
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
    const first = plan.steps[0]!;
    return { ...entry, body: null, data: { ...entry.data, step: 1, ...(first.fallback ? { fallbackRole: first.fallback } : {}) } };
  }

  /** The audit line of a first step that fell back to the site's managers (or admins). */
  audits(ticket: TicketEntity, plan: PlannedChain): AuditRecord[] {
    return plan.steps[0]!.fallback ? [fallbackAudit(ticket, 0, plan.steps[0]!)] : [];
  }

  /**
   * An approver's decision on the current step, in the ticket's unit of work: refused for the
   * requester, anyone not asked now (or no longer in the step's pool), or a decided chain; a
   * rejection needs a reason. The last approval sends the ticket back to the desk, a rejection
   * cancels it; the next step's approvers are resolved as it starts. Each is on the public
   * timeline and announced.
   */
  decide(agent: AgentEntity, ticketId: string, decision: ApprovalDecision, reason: string | null, ip: string | null = null): Promise<TicketEntity> {
    return this.changes.run(agent.siteId, ticketId, { kind: ActorKind.AGENT, agent, ip }, async (c) => {
      const repo = c.em.getRepository(TicketApprovalEntity);
      const chain = await repo.findOneBy({ ticketId: c.ticket.id });
      if (!chain) throw notFound("This ticket has no approval to decide.");
      // Cancelled while its approvers decided: the chain is withdrawn, and nobody decides any more.
      if (chain.state === ApprovalState.WITHDRAWN || (!c.ticket.awaitingApproval && chain.state === ApprovalState.PENDING)) throw new Refusal("CONFLICT", `This request no longer waits for approval: it is ${c.ticket.status}.`);
      const problem = reasonProblem(decision, reason);
      if (problem) throw badInput([problem]);
      const pool = await ticketPool(c.em, c.ticket, chain);
      await refreshCurrent(c, chain, pool);
      const refusal = decisionRefusal(chain.steps, chain.decisions, agent, requesterOf(c.ticket, chain));
      if (refusal) throw new Refusal(refusal.code, refusal.message);
      const step = chainStatus(chain.steps, chain.decisions).current!;
      chain.decisions = [...chain.decisions, { step, approverId: agent.id, approverName: agent.name, decision, reason: blankToNull(reason), at: c.now.toISOString() }];
      c.audit(decision === ApprovalDecision.APPROVE ? "ticket.approve" : "ticket.reject");
      if (decision === ApprovalDecision.APPROVE) {
        c.record({ kind: TicketEventKind.APPROVAL_GIVEN, visibility: Visibility.PUBLIC, body: blankToNull(reason), data: { step: step + 1 } });
      }
      await settle(c, chain, pool, decision === ApprovalDecision.REJECT ? reason : null);
      await repo.save(chain);
    });
  }

  /**
   * After an agent was deactivated, or moved to another group or role: every undecided chain of
   * the site whose current step asks them and that they have not decided drops them (approver-pool.rules'
   * refreshStep), each in its ticket's unit of work. An ALL_OF step whose remaining approvers all
   * approved is approved now; a step left with nobody falls back to the site's managers (then admins).
   */
  async reconcile(siteId: string, agentId: string): Promise<void> {
    const chains = await this.ds.getRepository(TicketApprovalEntity).find({ where: { siteId, state: ApprovalState.PENDING }, order: { requestedAt: "ASC" } });
    for (const found of chains) {
      const { current } = chainStatus(found.steps, found.decisions);
      if (current === null || !found.steps[current]!.approvers.some((a) => a.id === agentId)) continue;
      if (found.decisions.some((d) => d.step === current && d.approverId === agentId)) continue;
      await this.changes.run(siteId, found.ticketId, { kind: ActorKind.SYSTEM }, async (c) => {
        const repo = c.em.getRepository(TicketApprovalEntity);
        const chain = await repo.findOneBy({ ticketId: c.ticket.id });
        if (!chain || chain.state !== ApprovalState.PENDING || !c.ticket.awaitingApproval) return;
        const pool = await ticketPool(c.em, c.ticket, chain);
        if (!(await refreshCurrent(c, chain, pool))) return;
        await settle(c, chain, pool, null);
        await repo.save(chain);
      });
    }
  }

  /** A ticket's chain; null when it has none. */
  ofTicket(ticketId: string, em: EntityManager = this.ds.manager): Promise<TicketApprovalEntity | null> {
    return em.getRepository(TicketApprovalEntity).findOneBy({ ticketId });
  }

  /** The tickets waiting for this agent's decision now, oldest request first (a withdrawn chain is no longer PENDING). */
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

/** The site's active agents as a step's pool reads them. */
async function poolAgents(em: EntityManager, siteId: string): Promise<Array<PoolAgent & { email: string }>> {
  return em.getRepository(AgentEntity).find({ where: { siteId, active: true }, select: POOL_COLUMNS });
}

function poolOf(agents: ReadonlyArray<PoolAgent & { email: string }>, ticketGroupId: string | null, requester: ApprovalRequester): StepPool {
  const emailOf = new Map(agents.map((a) => [a.id, a.email]));
  return { agents, ticketGroupId, isRequester: (a) => isRequester({ id: a.id, email: emailOf.get(a.id) ?? "" }, requester) };
}

/** A ticket's pool now, on the change's connection. */
async function ticketPool(em: EntityManager, t: TicketEntity, chain: TicketApprovalEntity): Promise<StepPool> {
  return poolOf(await poolAgents(em, t.siteId), t.groupId, requesterOf(t, chain));
}

/**
 * Drops from the chain's current step the approvers who left its pool; a step left with nobody
 * is asked again of whoever approver-pool.rules resolves (recorded, announced to them, and
 * audited when it is a fallback). Returns whether the chain changed.
 */
async function refreshCurrent(c: Change, chain: TicketApprovalEntity, pool: StepPool): Promise<boolean> {
  const { current } = chainStatus(chain.steps, chain.decisions);
  if (current === null) return false;
  const step = chain.steps[current]!;
  const fresh = refreshStep(step, chain.decisions.filter((d) => d.step === current), pool);
  if (fresh === step) return false;
  chain.steps = chain.steps.map((s, i) => (i === current ? fresh : s));
  const had = new Set(step.approvers.map((a) => a.id));
  if (fresh.approvers.some((a) => !had.has(a.id))) await asked(c, current, fresh);
  return true;
}

/**
 * Where a chain goes after a decision or a refresh: decided, the ticket goes back to the desk
 * or is cancelled; still pending on a step that has not started, that step starts now (its
 * approvers resolved now, and asked).
 */
async function settle(c: Change, chain: TicketApprovalEntity, pool: StepPool, rejectReason: string | null): Promise<void> {
  const after = chainStatus(chain.steps, chain.decisions);
  chain.state = after.state;
  if (after.state !== ApprovalState.PENDING) {
    chain.decidedAt = c.now;
    const { patch, entry } = approvalOutcomeEffect(c.ticket, after.state === ApprovalState.APPROVED, rejectReason, c.now, await c.calendar());
    Object.assign(c.ticket, patch);
    c.record(entry);
    return;
  }
  const i = after.current!;
  if (hasStarted(chain.steps[i]!)) return;
  const started = startStep(chain.steps[i]!, pool);
  chain.steps = chain.steps.map((s, j) => (j === i ? started : s));
  await asked(c, i, started);
}

/** Records that a step asks its approvers (mailed by approval-mail.planner); a fallback says so on the timeline and in the audit trail. */
async function asked(c: Change, index: number, step: StepSnapshot): Promise<void> {
  const fallback = step.fallback ?? null;
  c.record({
    kind: TicketEventKind.APPROVAL_REQUESTED,
    visibility: Visibility.PUBLIC,
    body: null,
    data: { step: index + 1, ...(fallback ? { fallbackRole: fallback } : {}) },
  });
  if (fallback) await recordAudit(c.em, fallbackAudit(c.ticket, index, step), c.now);
}

function fallbackAudit(t: TicketEntity, index: number, step: StepSnapshot): AuditRecord {
  return {
    siteId: t.siteId,
    actor: systemActor("approvals"),
    action: "ticket.approval_fallback",
    subjectType: "ticket",
    subjectId: t.code,
    before: null,
    after: { step: index + 1, role: step.fallback ?? null, approvers: step.approvers.map((a) => a.name) },
  };
}

/** The change hook: a request cancelled (or closed) while its approvers decided reads WITHDRAWN, and leaves every inbox. */
async function withdrawIfCancelled(c: Change, before: { awaitingApproval: boolean }): Promise<void> {
  if (!before.awaitingApproval || c.ticket.awaitingApproval || !isFinal(c.ticket.status)) return;
  await c.em.update(TicketApprovalEntity, { ticketId: c.ticket.id, state: ApprovalState.PENDING }, { state: ApprovalState.WITHDRAWN, decidedAt: c.now });
}
