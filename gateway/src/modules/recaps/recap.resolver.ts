import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction } from "../agents/permissions.rules.js";
import { Recap, RecapInput } from "./recap.types.js";

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
}
