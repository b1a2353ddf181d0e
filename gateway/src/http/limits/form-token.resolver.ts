import { Ctx, FieldResolver, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { PublicSite } from "../../modules/sites/site.types.js";
import { FORM_TOKEN_TTL_SECONDS } from "./form-guard.rules.js";
import { limitsOf } from "./limits.js";

/** `PublicSite.formToken`: kept beside the form guard that checks it, not in the sites module. */
@Resolver(() => PublicSite)
export class FormTokenResolver {
  @FieldResolver(() => String, {
    description: `A signed note of when the report form was loaded, valid for ${FORM_TOKEN_TTL_SECONDS / 3600} hours. Send it back as ReportIncidentInput.formToken; a browser report without it is refused.`,
  })
  async formToken(@Ctx() ctx: SigapContext): Promise<string> {
    const { site } = await ctx.publicSite();
    const attached = limitsOf(ctx);
    if (!attached) throw new Error("form tokens are issued only to requests that came through a transport");
    return attached.limits.formToken(site.id);
  }
}

/** Checks a report's form token and honeypot; a no-op for contexts no transport made (none reach reportIncident). */
export async function guardReport(ctx: SigapContext, form: { formToken?: string | null; website?: string | null }): Promise<void> {
  const attached = limitsOf(ctx);
  if (!attached) return;
  const { site } = await ctx.publicSite();
  attached.limits.guardReport(attached.caller, site, form);
}
