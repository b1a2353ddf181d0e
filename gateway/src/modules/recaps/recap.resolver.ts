import { Arg, Authorized, Ctx, Int, Query, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction } from "../agents/permissions.rules.js";
import { RecapFigure } from "./recap.rules.js";
import { Recap, RecapDimension, RecapInput, RecapTicketConnection } from "./recap.types.js";

/** The desk's recaps: any desk member asks; the scope rule decides whose tickets count. */
@Resolver()
export class RecapResolver {
  @Authorized(DeskAction.VIEW_QUEUE)
  @Query(() => Recap, {
    description:
      "Figures of a period in the site's time zone: the site's (MANAGER, ADMIN), the supervisor's group's (SUPERVISOR), or the asker's own assigned tickets (others). FORBIDDEN outside that scope.",
  })
  async recap(@Arg("input", () => RecapInput) input: RecapInput, @Ctx() ctx: SigapContext): Promise<Recap> {
    return ctx.services.recaps.recap(await ctx.agent(), input);
  }

  @Authorized(DeskAction.VIEW_QUEUE)
  @Query(() => RecapTicketConnection, {
    description:
      "The tickets behind one figure of a recap (drill-down), in the same scope as recap; narrowed to one breakdown row by dimension and key (key omitted: the row of tickets without one). Newest first. BAD_USER_INPUT for a bad period, page size or cursor; FORBIDDEN outside the asker's scope.",
  })
  async recapTickets(
    @Arg("input", () => RecapInput) input: RecapInput,
    @Arg("figure", () => RecapFigure) figure: RecapFigure,
    @Arg("dimension", () => RecapDimension, { nullable: true }) dimension: RecapDimension | null,
    @Arg("key", () => String, { nullable: true }) key: string | null,
    @Arg("first", () => Int, { defaultValue: 25 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: SigapContext,
  ): Promise<RecapTicketConnection> {
    return ctx.services.recaps.tickets(await ctx.agent(), input, { figure, dimension, key, first, after });
  }
}
