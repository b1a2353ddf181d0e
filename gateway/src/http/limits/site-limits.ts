import type { DataSource } from "typeorm";
import { recordAudit } from "../../modules/audit/audit-trail.js";
import type { AuditActor } from "../../modules/audit/audit.rules.js";
import { badField } from "../../errors.js";
import { SiteEntity } from "../../modules/sites/site.entity.js";
import { combineOverrides, DEFAULT_RATE_LIMITS, mergeLimits, parseAssignment, type RateLimitOverrides, type RateLimitSettings } from "./limits.rules.js";

/**
 * Changes a site's own limits: `reset` clears them, then each assignment
 * (`reports.perAddress=40/3600`, `formMinSeconds=5`) is laid over what remains. Gateways pick the
 * change up when their site cache next refreshes (within 30 s).
 */
export async function changeSiteLimits(ds: DataSource, site: SiteEntity, assignments: readonly string[], reset: boolean, actor: AuditActor): Promise<RateLimitOverrides | null> {
  let overrides: RateLimitOverrides | null = reset ? null : (site.rateLimits ?? null);
  for (const text of assignments) {
    const parsed = parseAssignment(text);
    if (!parsed.ok) throw badField("set", parsed.problem);
    overrides = combineOverrides(overrides, parsed.value);
  }
  const before = { rateLimits: site.rateLimits ?? null };
  await ds.transaction(async (em) => {
    await em.update(SiteEntity, { id: site.id }, { rateLimits: overrides });
    await recordAudit(em, { siteId: site.id, actor, action: "site.limits", subjectType: "site", subjectId: site.id, before, after: { rateLimits: overrides } });
  });
  site.rateLimits = overrides;
  return overrides;
}

/** A site's effective limits over the deployment's (`SIGAP_RATE_LIMITS`), for display. */
export function effectiveSiteLimits(site: SiteEntity, deployment: RateLimitOverrides | null): RateLimitSettings {
  return mergeLimits(DEFAULT_RATE_LIMITS, deployment, site.rateLimits);
}
