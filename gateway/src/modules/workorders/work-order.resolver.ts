import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction } from "../agents/permissions.rules.js";
import { openTicket } from "../tickets/reporter.resolver.js";
import type { TicketEntity } from "../tickets/ticket.entity.js";
import { Ticket, TicketView } from "../tickets/ticket.types.js";
import type { CostProposalEntity } from "./cost-proposal.entity.js";
import { lineAmount } from "./work-order.rules.js";
import type { WorkOrderRecord } from "./work-orders.service.js";
import { CostProposal, ProposeCostInput, RecordPaymentInput, WorkOrder } from "./work-order.types.js";

/** The desk's work-order commands and the work order on the desk's ticket. */
@Resolver(() => Ticket)
export class DeskWorkOrderResolver {
  @Authorized(DeskAction.VIEW_TICKET)
  @FieldResolver(() => WorkOrder, { nullable: true, description: "The job record of a WORK_ORDER ticket; null for other types." })
  async workOrder(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<WorkOrder | null> {
    return workOrderView(await ctx.services.workOrders.of(ticket));
  }

  @Authorized(DeskAction.PROPOSE_COST)
  @Mutation(() => Ticket, { description: "Record what the technician found on a work order (public: the customer reads it)." })
  async recordWorkFindings(@Arg("id", () => ID) id: string, @Arg("findings", () => String) findings: string, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.workOrders.recordFindings(await ctx.agent(), id, findings, ctx.request.clientAddress);
  }

  @Authorized(DeskAction.PROPOSE_COST)
  @Mutation(() => Ticket, { description: "Propose an extra cost on an IN_PROGRESS work order: it waits PENDING (COST_DECISION, clock paused) until the customer accepts or declines; the customer is mailed the amounts." })
  async proposeCost(@Arg("id", () => ID) id: string, @Arg("input", () => ProposeCostInput) input: ProposeCostInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    const lines = input.lines.map((l) => ({ description: l.description, quantity: l.quantity, unitAmount: l.unitAmount }));
    return ctx.services.workOrders.proposeCost(await ctx.agent(), id, { findings: input.findings ?? null, lines }, ctx.request.clientAddress);
  }

  @Authorized(DeskAction.RECORD_PAYMENT)
  @Mutation(() => Ticket, { description: "Record a work order's payment; a work order whose accepted cost is not PAID cannot close." })
  async recordPayment(@Arg("id", () => ID) id: string, @Arg("input", () => RecordPaymentInput) input: RecordPaymentInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    const draft = { status: input.status, method: input.method ?? null, amount: input.amount ?? null };
    return ctx.services.workOrders.recordPayment(await ctx.agent(), id, draft, ctx.request.clientAddress);
  }
}

/** The customer's side: the work order in the tracker and their decision on a cost. */
@Resolver(() => TicketView)
export class TrackedWorkOrderResolver {
  @FieldResolver(() => WorkOrder, { nullable: true, description: "The job record of a work order: findings, cost proposals, payment; null for other tickets." })
  async workOrder(@Root() view: TicketView, @Ctx() ctx: SigapContext): Promise<WorkOrder | null> {
    // From the view itself: a shared live execution (ticketUpdated) carries no site key to ask.
    return workOrderView(await ctx.services.workOrders.of(await ctx.services.reads.byId(view.siteId, view.ticketId)));
  }

  @Mutation(() => TicketView, { description: "The customer accepts or declines the work order's waiting cost; CONFLICT when none waits." })
  async decideCost(
    @Arg("code", () => String) code: string,
    @Arg("token", () => String, { nullable: true, description: "Not needed by the ticket's identified reporter." }) token: string | null | undefined,
    @Arg("accept", () => Boolean) accept: boolean,
    @Arg("note", () => String, { nullable: true, description: "The customer's words (max 5000 characters)." }) note: string | null | undefined,
    @Ctx() ctx: SigapContext,
  ): Promise<TicketView> {
    const ticket = await ctx.services.workOrders.decide(await openTicket(ctx, code, token), accept, note ?? null);
    return ctx.services.views.reporterView(ticket);
  }
}

function workOrderView(w: WorkOrderRecord | null): WorkOrder | null {
  if (!w) return null;
  const proposals = w.proposals.map(proposalView);
  return { findings: w.findings, proposal: proposals[0] ?? null, proposals, awaitingDecision: w.awaitingDecision, payment: w.payment, paymentDue: w.paymentDue };
}

function proposalView(p: CostProposalEntity): CostProposal {
  return {
    id: p.id,
    lines: p.lines.map((l) => ({ ...l, amount: lineAmount(l) })),
    total: p.total,
    status: p.status,
    proposedAt: p.proposedAt,
    proposedBy: p.proposedBy,
    decidedAt: p.decidedAt,
    decisionNote: p.decisionNote,
  };
}
