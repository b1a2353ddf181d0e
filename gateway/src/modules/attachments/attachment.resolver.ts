import { Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction } from "../agents/permissions.rules.js";
import { UploadLimits } from "./upload-limits.type.js";

/** Evidence files as the desk's GraphQL surface sees them; the bytes travel through attachment.routes.ts. */
@Resolver()
export class AttachmentResolver {
  @Authorized(DeskAction.VIEW_QUEUE)
  @Query(() => UploadLimits, { description: "The signed-in agent's site upload limits, for attaching files to replies and notes." })
  async uploadLimits(@Ctx() ctx: SigapContext): Promise<UploadLimits> {
    const site = await ctx.services.sites.get((await ctx.agent()).siteId);
    return { maxUploadBytes: site.maxUploadBytes, maxAttachmentsPerTicket: site.maxAttachmentsPerTicket, allowedUploadTypes: site.allowedUploadTypes };
  }
}
