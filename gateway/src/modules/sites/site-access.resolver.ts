import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { RATE_BOUNDS } from "../../http/limits/limits.rules.js";
import { DeskAction } from "../agents/permissions.rules.js";
import { agentActor } from "../audit/audit-trail.js";
import type { SiteAccessView } from "./site-access.service.js";
import { DEFAULT_OVERLAP_HOURS, MAX_OVERLAP_HOURS } from "./site-access.rules.js";
import { SiteAccess, UpdateSiteAccessInput, type RateLimitView } from "./site-access.types.js";

/** The signed-in admin's site keys, origins, upload and rate limits, and reporter-token keys. */
@Resolver()
export class SiteAccessResolver {
  @Authorized(DeskAction.ADMINISTER)
  @Query(() => SiteAccess, { description: "Who and what the site lets in (ADMIN)." })
  async siteAccess(@Ctx() ctx: SigapContext): Promise<SiteAccess> {
    return view(await ctx.services.access.view((await ctx.agent()).siteId));
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => SiteAccess, {
    description: `Makes a new site key current (ADMIN); the previous one keeps working for overlapHours (0 to ${MAX_OVERLAP_HOURS}; 0 refuses it at once), then is refused like an unknown key. Every gateway holds the new keys at once.`,
  })
  async rotateSiteKey(
    @Arg("overlapHours", () => Int, { nullable: true, defaultValue: DEFAULT_OVERLAP_HOURS }) overlapHours: number | null,
    @Ctx() ctx: SigapContext,
  ): Promise<SiteAccess> {
    const admin = await ctx.agent();
    return view(await ctx.services.access.rotateKey(admin.siteId, overlapHours ?? DEFAULT_OVERLAP_HOURS, agentActor(admin, ctx.request)));
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => SiteAccess, { description: "Changes the access settings given (ADMIN); every bad field is named (BAD_USER_INPUT) and then nothing changes. Every gateway holds the change at once." })
  async updateSiteAccess(@Arg("input", () => UpdateSiteAccessInput) input: UpdateSiteAccessInput, @Ctx() ctx: SigapContext): Promise<SiteAccess> {
    const admin = await ctx.agent();
    const rateLimits = input.rateLimits?.map((r) => ({ key: r.key, points: r.points ?? null, seconds: r.seconds }));
    return view(await ctx.services.access.update(admin.siteId, { ...input, rateLimits: input.rateLimits === null ? null : rateLimits }, agentActor(admin, ctx.request)));
  }
}

function view(access: SiteAccessView): SiteAccess {
  return {
    ...access,
    rateLimits: access.rateLimits.map((row): RateLimitView => {
      const form = row.key === "formMinSeconds";
      return {
        ...row,
        minPoints: form ? null : RATE_BOUNDS.points.min,
        maxPoints: form ? null : RATE_BOUNDS.points.max,
        minSeconds: form ? RATE_BOUNDS.formMinSeconds.min : RATE_BOUNDS.seconds.min,
        maxSeconds: form ? RATE_BOUNDS.formMinSeconds.max : RATE_BOUNDS.seconds.max,
      };
    }),
  };
}
