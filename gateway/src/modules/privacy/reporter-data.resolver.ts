import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction } from "../agents/permissions.rules.js";
import { requestActor } from "../audit/audit-trail.js";
import type { ErasureOutcome } from "./reporter-data.service.js";
import { ErasureResult } from "./reporter-data.types.js";

/** One reporter's data on request (UU PDP): export and erasure, for the site's admins. */
@Resolver()
export class ReporterDataResolver {
  @Authorized(DeskAction.ADMINISTER)
  @Query(() => String, {
    description:
      "A JSON document of everything the site holds about the reporter with this e-mail and/or phone: tickets, public messages, files' metadata, feedback (ADMIN; audited as reporter.export).",
  })
  async exportReporterData(
    @Arg("email", () => String, { nullable: true }) email: string | null,
    @Arg("phone", () => String, { nullable: true }) phone: string | null,
    @Ctx() ctx: SigapContext,
  ): Promise<string> {
    return ctx.services.reporterData.export((await ctx.agent()).siteId, { email, phone }, await requestActor(ctx));
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => ErasureResult, {
    description:
      "Erases the personal data of the reporter with this e-mail and/or phone on all the site's tickets (ADMIN; audited). Open tickets are refused (CONFLICT listing their codes) unless includeOpen.",
  })
  async eraseReporterData(
    @Arg("email", () => String, { nullable: true }) email: string | null,
    @Arg("phone", () => String, { nullable: true }) phone: string | null,
    @Arg("includeOpen", () => Boolean, { defaultValue: false }) includeOpen: boolean,
    @Ctx() ctx: SigapContext,
  ): Promise<ErasureOutcome> {
    return ctx.services.reporterData.erase((await ctx.agent()).siteId, { email, phone }, includeOpen, await requestActor(ctx));
  }
}
