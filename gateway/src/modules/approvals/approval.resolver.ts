import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction } from "../agents/permissions.rules.js";
import { agentActor } from "../audit/audit-trail.js";
import type { TicketEntity } from "../tickets/ticket.entity.js";
import { Ticket, TicketView } from "../tickets/ticket.types.js";
import { ApprovalRule, type StepConfig } from "./approval.rules.js";
import { ApprovalChain, ApprovalStepInput, DecideApprovalInput, ServiceApproval } from "./approval.types.js";
import { chainView } from "./approval-view.js";

/** Approvals at the desk: the approvers' inbox and decisions, the admin's configuration of request items. */
@Resolver()
export class ApprovalResolver {
  @Authorized(DeskAction.VIEW_QUEUE)
  @Query(() => [Ticket], { description: "The requests waiting for your decision now, oldest first: you are an approver of their current step, have not decided it, and did not ask for them." })
  async myApprovals(@Ctx() ctx: SigapContext): Promise<TicketEntity[]> {
    return ctx.services.approvals.pendingFor(await ctx.agent());
  }

  @Authorized(DeskAction.VIEW_QUEUE)
  @Mutation(() => Ticket, {
    description:
      "Approve or reject the current step of a request's approval chain. FORBIDDEN for the requester (nobody approves their own request) and for anyone not an approver of the step; CONFLICT once decided; BAD_USER_INPUT for a rejection without a reason. The last approval sends the ticket back to the desk; a rejection cancels it with the reason.",
  })
  async decideApproval(@Arg("ticketId", () => ID) ticketId: string, @Arg("input", () => DecideApprovalInput) input: DecideApprovalInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.approvals.decide(await ctx.agent(), ticketId, input.decision, input.reason ?? null, ctx.request.clientAddress);
  }

  @Authorized(DeskAction.ADMINISTER)
  @Query(() => ServiceApproval, { description: "The approval steps a request item (service) needs; no steps: none (ADMIN)." })
  async serviceApproval(@Arg("serviceId", () => ID) serviceId: string, @Ctx() ctx: SigapContext): Promise<ServiceApproval> {
    return { serviceId, ...(await ctx.services.approvals.config((await ctx.agent()).siteId, serviceId)) };
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => ServiceApproval, {
    description: "Sets the approval steps of a request item (ADMIN, audited); an empty list removes them. Tickets already waiting keep their chain. BAD_USER_INPUT names every bad step (steps.<i>…) or validDays; `warnings` names steps nobody can decide today (saved: the site's managers, then admins, are asked until someone can).",
  })
  async setServiceApproval(
    @Arg("serviceId", () => ID) serviceId: string,
    @Arg("steps", () => [ApprovalStepInput]) steps: ApprovalStepInput[],
    @Arg("validDays", () => Int, { nullable: true, description: "Days the approval document is valid. @default 7" }) validDays: number | null,
    @Ctx() ctx: SigapContext,
  ): Promise<ServiceApproval> {
    const agent = await ctx.agent();
    const config: StepConfig[] = steps.map((s) => ({ rule: s.rule ?? ApprovalRule.ANY_OF, role: s.role ?? null, groupId: s.groupId || null, agentIds: s.agentIds ?? [] }));
    return { serviceId, ...(await ctx.services.approvals.configure(agent.siteId, serviceId, config, validDays ?? null, agentActor(agent, ctx.request))) };
  }
}

/** A ticket's chain, for the desk. */
@Resolver(() => Ticket)
export class DeskApprovalResolver {
  @Authorized(DeskAction.VIEW_TICKET)
  @FieldResolver(() => ApprovalChain, { nullable: true, description: "The request's approval chain; null when its service needs none." })
  async approval(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<ApprovalChain | null> {
    const chain = await ctx.services.approvals.ofTicket(ticket.id);
    return chain && chainView(chain, ticket.code, true);
  }
}

/** A ticket's chain, for the tracker: decisions with names and reasons, not who is still asked. */
@Resolver(() => TicketView)
export class TrackedApprovalResolver {
  @FieldResolver(() => ApprovalChain, { nullable: true, description: "The request's approval chain, each decision with its approver, time and reason; null when its service needs none." })
  async approval(@Root() view: TicketView, @Ctx() ctx: SigapContext): Promise<ApprovalChain | null> {
    // From the view itself: a shared live execution (ticketUpdated) carries no site key to ask.
    const chain = await ctx.services.approvals.ofTicket(view.ticketId);
    return chain && chainView(chain, view.code, false);
  }
}
