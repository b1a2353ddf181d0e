import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction } from "../agents/permissions.rules.js";
import type { TicketEntity } from "../tickets/ticket.entity.js";
import { Ticket } from "../tickets/ticket.types.js";
import type { ProblemEntity } from "./problem.entity.js";
import { Problem, SimilarIncidents } from "./problem.types.js";

/** The desk ticket's problem and similar incidents (the reporter's TicketView has neither). */
@Resolver(() => Ticket)
export class TicketProblemResolver {
  @Authorized(DeskAction.VIEW_PROBLEMS)
  @Query(() => SimilarIncidents, { description: "Tickets of the last `days` days (1–90) like this one: the same service and category, or the same telling words." })
  async similarIncidents(@Arg("ticketId", () => ID) ticketId: string, @Arg("days", () => Int, { defaultValue: 7 }) days: number, @Ctx() ctx: SigapContext): Promise<SimilarIncidents> {
    const ticket = await ctx.services.reads.byIdOrCode((await ctx.agent()).siteId, ticketId);
    return ctx.services.problemReads.similar(ticket, days);
  }

  @Authorized(DeskAction.VIEW_PROBLEMS)
  @FieldResolver(() => Problem, { nullable: true, description: "The problem this incident is linked to (desk only); its workaround shows while it is a KNOWN_ERROR." })
  problem(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<ProblemEntity | null> {
    return ctx.services.problemReads.ofTicket(ticket);
  }

  @Authorized(DeskAction.VIEW_PROBLEMS)
  @FieldResolver(() => Int, { description: "How many tickets of the last 7 days are like this one (see similarIncidents); one indexed count per ticket, meant for the ticket view, not queue pages." })
  similarIncidentCount(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<number> {
    return ctx.services.problemReads.similarCount(ticket, 7);
  }
}
