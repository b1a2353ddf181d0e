import type { DataSource, EntityManager } from "typeorm";
import { v7 as uuidv7 } from "uuid";
import type { AgentEntity } from "../agents/agent.entity.js";
import { TicketAction } from "../agents/permissions.rules.js";
import type { Routing } from "../routing/routing.service.js";
import { textProblem } from "../tickets/field.rules.js";
import { conflictRefusal, inputRefusal } from "../tickets/refusal.js";
import { requireAction, requireRole } from "../tickets/ticket-actions.rules.js";
import { applyTransition, type Change, type TicketChanges } from "../tickets/ticket-change.js";
import type { TicketEntity } from "../tickets/ticket.entity.js";
import { ActorKind, PendingReason, TicketEventKind, TicketStatus, TicketType, Visibility } from "../tickets/ticket.enums.js";
import { blankToNull } from "../tickets/timeline-entry.js";
import { CostProposalEntity } from "./cost-proposal.entity.js";
import { WorkOrderEntity } from "./work-order.entity.js";
import {
  afterDecision,
  checkCostLines,
  CostProposalStatus,
  decideRefusal,
  DeclinedCostOutcome,
  FINDINGS_MAX,
  findingsRefusal,
  paymentDue,
  paymentProblems,
  PaymentStatus,
  type CostLine,
  type PaymentDraft,
} from "./work-order.rules.js";

/** A work order as both the desk and the customer read it. */
export interface WorkOrderRecord {
  ticketId: string;
  findings: string | null;
  payment: { status: PaymentStatus; method: WorkOrderEntity["paymentMethod"]; amount: number | null; recordedAt: Date | null };
  paymentDue: boolean;
  /** Newest first. */
  proposals: CostProposalEntity[];
  /** The customer may accept or decline the newest proposal now. */
  awaitingDecision: boolean;
}

/** Settings that do not matter to work-order actions (only REOPEN reads the reopen window). */
const NO_SETTINGS = { reopenClosedWithinDays: 0 };

/**
 * A repair job's findings, extra cost, the customer's decision and the payment (seed 003). Each
 * command runs in the ticket's unit of work (ticket-change.ts): the rules of work-order.rules are
 * applied while the row is held, entries are written with the change and announced after commit.
 */
export class WorkOrders {
  constructor(
    private readonly ds: DataSource,
    private readonly changes: TicketChanges,
    private readonly routing: Routing,
  ) {}

  /** The work order of a WORK_ORDER ticket; null for other tickets. */
  async of(ticket: TicketEntity): Promise<WorkOrderRecord | null> {
    if (ticket.ticketType !== TicketType.WORK_ORDER) return null;
    const [row, proposals] = await Promise.all([
      this.ds.manager.findOneBy(WorkOrderEntity, { ticketId: ticket.id }),
      this.ds.manager.find(CostProposalEntity, { where: { ticketId: ticket.id }, order: { proposedAt: "DESC", id: "DESC" } }),
    ]);
    return {
      ticketId: ticket.id,
      findings: row?.findings ?? null,
      payment: { status: row?.paymentStatus ?? PaymentStatus.UNPAID, method: row?.paymentMethod ?? null, amount: row?.paymentAmount ?? null, recordedAt: row?.paymentRecordedAt ?? null },
      paymentDue: ticket.paymentDue,
      proposals,
      awaitingDecision: decideRefusal(jobOf(ticket), proposals[0]?.status ?? null) === null,
    };
  }

  /** The technician writes down what they found (public: the customer reads why the job costs what it does). */
  recordFindings(agent: AgentEntity, ticketId: string, findings: string, ip: string | null): Promise<TicketEntity> {
    return this.desk(agent, ip, ticketId, "ticket.record_findings", async (c) => {
      requireRole(agent.role, TicketAction.PROPOSE_COST);
      const refusal = findingsRefusal(jobOf(c.ticket));
      if (refusal) throw conflictRefusal(refusal);
      const text = checkFindings(findings, true)!;
      await this.saveOrder(c, { findings: text });
      c.record({ kind: TicketEventKind.FINDINGS_RECORDED, visibility: Visibility.PUBLIC, body: text });
    });
  }

  /**
   * The technician proposes an extra cost with line items (and, optionally, the findings behind
   * it); the job waits PENDING on the customer's decision with the resolution clock paused. An
   * earlier proposal still marked AWAITING (the desk took the job back into work without a
   * decision) is withdrawn.
   */
  proposeCost(agent: AgentEntity, ticketId: string, input: { findings: string | null; lines: CostLine[] }, ip: string | null): Promise<TicketEntity> {
    return this.desk(agent, ip, ticketId, "ticket.propose_cost", async (c) => {
      requireAction(agent.role, TicketAction.PROPOSE_COST, c.ticket, NO_SETTINGS, c.now);
      const checked = checkCostLines(input.lines);
      const findings = checkFindings(input.findings, false);
      if (checked.problems.length) throw inputRefusal(checked.problems);
      await c.em.update(CostProposalEntity, { ticketId: c.ticket.id, status: CostProposalStatus.AWAITING }, { status: CostProposalStatus.WITHDRAWN });
      const proposal = Object.assign(new CostProposalEntity(), {
        id: uuidv7(),
        siteId: c.ticket.siteId,
        ticketId: c.ticket.id,
        lines: checked.lines,
        total: checked.total,
        status: CostProposalStatus.AWAITING,
        proposedAt: c.now,
        proposedBy: agent.name,
        decidedAt: null,
        decisionNote: null,
      });
      await c.em.insert(CostProposalEntity, proposal);
      await this.saveOrder(c, findings ? { findings } : {});
      c.record({ kind: TicketEventKind.COST_PROPOSED, visibility: Visibility.PUBLIC, body: findings, data: { cost: { proposalId: proposal.id, total: checked.total, lines: checked.lines } } });
      await applyTransition(c, { to: TicketStatus.PENDING, pendingReason: PendingReason.COST_DECISION, costProposed: true });
    });
  }

  /**
   * The customer accepts or declines the waiting proposal, from the tracker; the decision and its
   * time go on the timeline. Accepting resumes the job (and makes payment due before closure);
   * declining cancels it or lets it continue without the extra work, as the site chose.
   */
  decide(ticket: TicketEntity, accept: boolean, note: string | null): Promise<TicketEntity> {
    return this.changes.run(ticket.siteId, ticket.id, { kind: ActorKind.REPORTER, name: ticket.reporterName }, async (c) => {
      const words = checkNote(note);
      const proposal = await c.em.findOne(CostProposalEntity, { where: { ticketId: c.ticket.id }, order: { proposedAt: "DESC", id: "DESC" } });
      const refusal = decideRefusal(jobOf(c.ticket), proposal?.status ?? null);
      if (refusal) throw conflictRefusal(refusal);
      proposal!.status = accept ? CostProposalStatus.ACCEPTED : CostProposalStatus.DECLINED;
      proposal!.decidedAt = c.now;
      proposal!.decisionNote = words;
      await c.em.save(CostProposalEntity, proposal!);
      c.record({
        kind: accept ? TicketEventKind.COST_ACCEPTED : TicketEventKind.COST_DECLINED,
        visibility: Visibility.PUBLIC,
        body: words,
        data: { cost: { proposalId: proposal!.id, total: proposal!.total } },
      });
      c.audit(accept ? "ticket.reporter_accept_cost" : "ticket.reporter_decline_cost");
      const outcome = accept ? DeclinedCostOutcome.CONTINUE_WITHOUT : (await this.routing.settings(c.ticket.siteId, c.em)).declinedCost;
      const to = afterDecision(accept, outcome);
      const why = accept ? null : to === TicketStatus.CANCELLED ? "The customer declined the extra cost, so the job ends here." : "The customer declined the extra cost; the job goes on without the extra work.";
      await applyTransition(c, { to, note: why });
      if (accept) c.ticket.paymentDue = paymentDue(true, (await this.order(c.em, c.ticket.id))?.paymentStatus ?? PaymentStatus.UNPAID);
    });
  }

  /** The desk records the payment: status, method and amount (whole rupiah). */
  recordPayment(agent: AgentEntity, ticketId: string, draft: PaymentDraft, ip: string | null): Promise<TicketEntity> {
    return this.desk(agent, ip, ticketId, "ticket.record_payment", async (c) => {
      requireAction(agent.role, TicketAction.RECORD_PAYMENT, c.ticket, NO_SETTINGS, c.now);
      const problems = paymentProblems(draft);
      if (problems.length) throw inputRefusal(problems);
      await this.saveOrder(c, { paymentStatus: draft.status, paymentMethod: draft.method, paymentAmount: draft.amount, paymentRecordedAt: c.now });
      const accepted = await c.em.existsBy(CostProposalEntity, { ticketId: c.ticket.id, status: CostProposalStatus.ACCEPTED });
      c.ticket.paymentDue = paymentDue(accepted, draft.status);
      c.record({ kind: TicketEventKind.PAYMENT_RECORDED, visibility: Visibility.PUBLIC, data: { payment: { status: draft.status, method: draft.method, amount: draft.amount } } });
    });
  }

  private desk(agent: AgentEntity, ip: string | null, ticketId: string, action: string, work: (c: Change) => Promise<void>): Promise<TicketEntity> {
    return this.changes.run(agent.siteId, ticketId, { kind: ActorKind.AGENT, agent, ip }, async (c) => {
      c.audit(action);
      await work(c);
    });
  }

  private order(em: EntityManager, ticketId: string): Promise<WorkOrderEntity | null> {
    return em.findOneBy(WorkOrderEntity, { ticketId });
  }

  /** Writes the work order's row with these fields, making it on first use. */
  private async saveOrder(c: Change, fields: Partial<WorkOrderEntity>): Promise<void> {
    const row = (await this.order(c.em, c.ticket.id)) ?? Object.assign(new WorkOrderEntity(), {
      ticketId: c.ticket.id,
      siteId: c.ticket.siteId,
      findings: null,
      paymentStatus: PaymentStatus.UNPAID,
      paymentMethod: null,
      paymentAmount: null,
      paymentRecordedAt: null,
    });
    Object.assign(row, fields, { updatedAt: c.now });
    await c.em.save(WorkOrderEntity, row);
  }
}

function jobOf(t: TicketEntity) {
  return { type: t.ticketType, status: t.status, pendingReason: t.pendingReason };
}

function checkFindings(value: string | null, required: boolean): string | null {
  const problem = textProblem("findings", value, FINDINGS_MAX, required);
  if (problem) throw inputRefusal([{ field: "findings", message: problem }]);
  return blankToNull(value);
}

function checkNote(value: string | null): string | null {
  const problem = textProblem("note", value);
  if (problem) throw inputRefusal([{ field: "note", message: problem }]);
  return blankToNull(value);
}
