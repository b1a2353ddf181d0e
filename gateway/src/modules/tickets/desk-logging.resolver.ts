import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction } from "../agents/permissions.rules.js";
import { LoggedTicket } from "./desk-logging.types.js";
import { LogTicketInput } from "./log-ticket.input.js";

/** Desk-side logging: a ticket for a caller on the phone, by e-mail or at the counter (seed 002, figure 13). */
@Resolver()
export class DeskLoggingResolver {
  @Authorized(DeskAction.LOG_TICKET)
  @Mutation(() => LoggedTicket, {
    description: "Log a PHONE, EMAIL or WALK_IN report for the caller: priority from the site's matrix, SLA targets, the response given at logging; the receipt is mailed when an e-mail is given.",
  })
  async logTicket(@Arg("input", () => LogTicketInput) input: LogTicketInput, @Ctx() ctx: SigapContext): Promise<LoggedTicket> {
    return ctx.services.logging.log(await ctx.agent(), input, ctx.request.clientAddress);
  }
}
