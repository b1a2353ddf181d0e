import { randomBytes } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import { dialectOf, type Transactor } from "../../db/transactions.js";
import { badField, badInput, notFound, type FieldProblem } from "../../errors.js";
import type { RateLimitOverrides } from "../../http/limits/limits.rules.js";
import { recordAudit } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import { UPLOAD_TYPE_CHOICES } from "../attachments/sniff.js";
import { identitySettingsProblems } from "../reporters/reporter-identity.rules.js";
import { SiteEntity } from "./site.entity.js";
import type { SiteService } from "./site.service.js";
import {
  DEFAULT_OVERLAP_HOURS,
  keyStanding,
  originList,
  overlapProblem,
  overridesFrom,
  rateLimitRows,
  uploadLimitProblems,
  type RateLimitAssignment,
  type RateLimitRow,
} from "./site-access.rules.js";

/** What the deployment fixes for every site: the rate budgets under a site's own, and the largest file. */
export interface AccessDeployment {
  /** `SIGAP_RATE_LIMITS` over Sigap's defaults; null: the defaults. */
  rateLimits: RateLimitOverrides | null;
  /** `MAX_UPLOAD_BYTES`: a site's maxUploadBytes is at most this. */
  maxUploadBytesCap: number;
}

/** The deployment a gateway assumes when none is given (tests of single services). */
export const DEFAULT_ACCESS_DEPLOYMENT: AccessDeployment = Object.freeze({ rateLimits: null, maxUploadBytesCap: 25 * 1024 * 1024 });

/** Who and what a site lets in, as an admin reads it; the reporter-token secret shows only as set or not. */
export interface SiteAccessView {
  siteKey: string;
  /** The key before the last rotation while it still works; null when none does. */
  previousSiteKey: string | null;
  previousKeyValidUntil: Date | null;
  allowedOrigins: string[];
  maxUploadBytes: number;
  maxUploadBytesCap: number;
  maxAttachmentsPerTicket: number;
  allowedUploadTypes: string[];
  uploadTypeChoices: string[];
  rateLimits: RateLimitRow[];
  reporterSecretSet: boolean;
  reporterJwksUrl: string | null;
}

/** A change of a site's access: fields left undefined stay; null clears the reporter keys and the rate overrides. */
export interface SiteAccessPatch {
  allowedOrigins?: string[] | null;
  maxUploadBytes?: number | null;
  maxAttachmentsPerTicket?: number | null;
  allowedUploadTypes?: string[] | null;
  /** The site's whole set of overrides; [] or null: the deployment's limits. */
  rateLimits?: RateLimitAssignment[] | null;
  reporterJwtSecret?: string | null;
  reporterJwksUrl?: string | null;
}

/** The columns a change of access may write, as the audit trail records them. */
type AccessColumns = Pick<SiteEntity, "allowedOrigins" | "maxUploadBytes" | "maxAttachmentsPerTicket" | "allowedUploadTypes" | "rateLimits" | "reporterJwtSecret" | "reporterJwksUrl">;

/**
 * A site's keys, origins, upload limits, rate-limit overrides and reporter-token keys, as an admin
 * changes them (GraphQL, and `sigap site:rotate-key`). Every change is validated whole (each bad
 * field named), written with its audit line in one transaction, and announced after the commit
 * (SiteService.changed), so every gateway's cached site — the public key check, the origin check —
 * holds the change at once.
 */
export class SiteAccessAdmin {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly clock: Clock,
    private readonly sites: SiteService,
    private readonly deployment: AccessDeployment,
  ) {}

  /** A site's access settings. */
  async view(siteId: string): Promise<SiteAccessView> {
    return this.viewOf(await this.sites.get(siteId));
  }

  /**
   * Makes a new key current; the one it replaces keeps working for `overlapHours` (0: refused at
   * once), then is refused exactly like an unknown key. A key rotated out earlier stops at once.
   */
  async rotateKey(siteId: string, overlapHours: number = DEFAULT_OVERLAP_HOURS, actor: AuditActor): Promise<SiteAccessView> {
    const problem = overlapProblem(overlapHours);
    if (problem) throw badField("overlapHours", problem);
    const site = await this.tx(async (em) => {
      const row = await this.lockedSite(em, siteId);
      const now = this.clock.now();
      const before = { siteKey: row.siteKey, previousSiteKey: row.previousSiteKey, previousKeyValidUntil: row.previousKeyValidUntil };
      const after = {
        siteKey: `pk_${randomBytes(18).toString("base64url")}`,
        previousSiteKey: overlapHours > 0 ? row.siteKey : null,
        previousKeyValidUntil: overlapHours > 0 ? new Date(now.getTime() + overlapHours * 3_600_000) : null,
      };
      await em.update(SiteEntity, { id: siteId }, after);
      await recordAudit(em, { siteId, actor, action: "site.rotate_key", subjectType: "site", subjectId: siteId, before, after }, now);
      return Object.assign(row, after);
    });
    this.sites.changed(siteId);
    return this.viewOf(site);
  }

  /** Changes the settings given (BAD_USER_INPUT naming every bad field; nothing is written then). */
  async update(siteId: string, patch: SiteAccessPatch, actor: AuditActor): Promise<SiteAccessView> {
    const { changes, problems } = this.changesOf(patch);
    if (problems.length) throw badInput(problems);
    if (!Object.keys(changes).length) throw badField("input", "Nothing to change: give at least one setting.");
    const site = await this.tx(async (em) => {
      const row = await this.lockedSite(em, siteId);
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof AccessColumns]]));
      await em.update(SiteEntity, { id: siteId }, changes);
      await recordAudit(em, { siteId, actor, action: "site.update_access", subjectType: "site", subjectId: siteId, before, after: { ...changes } }, this.clock.now());
      return Object.assign(row, changes);
    });
    this.sites.changed(siteId);
    return this.viewOf(site);
  }

  /** The columns a patch writes, or every problem with it. */
  private changesOf(patch: SiteAccessPatch): { changes: Partial<AccessColumns>; problems: FieldProblem[] } {
    const problems: FieldProblem[] = [];
    const changes: Partial<AccessColumns> = {};
    for (const key of ["allowedOrigins", "maxUploadBytes", "maxAttachmentsPerTicket", "allowedUploadTypes"] as const) {
      if (patch[key] === null) problems.push({ field: key, message: `${key} cannot be null; leave it out to keep it${key === "allowedOrigins" ? ", or give [] to allow no browser origin" : ""}` });
    }
    if (patch.allowedOrigins) {
      const origins = originList(patch.allowedOrigins);
      problems.push(...origins.problems);
      changes.allowedOrigins = origins.value;
    }
    const uploads = {
      maxUploadBytes: patch.maxUploadBytes ?? undefined,
      maxAttachmentsPerTicket: patch.maxAttachmentsPerTicket ?? undefined,
      allowedUploadTypes: patch.allowedUploadTypes ? [...new Set(patch.allowedUploadTypes)] : undefined,
    };
    problems.push(...uploadLimitProblems(uploads, this.deployment.maxUploadBytesCap));
    for (const [key, value] of Object.entries(uploads)) if (value !== undefined) Object.assign(changes, { [key]: value });
    if (patch.rateLimits !== undefined) {
      const rates = overridesFrom(patch.rateLimits ?? []);
      problems.push(...rates.problems);
      changes.rateLimits = rates.value;
    }
    const { reporterJwtSecret: secret, reporterJwksUrl: jwksUrl } = patch;
    if (secret !== undefined || jwksUrl !== undefined) {
      for (const message of identitySettingsProblems({ secret, jwksUrl })) problems.push({ field: /JWKS/.test(message) ? "reporterJwksUrl" : "reporterJwtSecret", message });
      if (secret && jwksUrl) {
        for (const field of ["reporterJwtSecret", "reporterJwksUrl"]) problems.push({ field, message: "give either a secret (HS256) or a JWKS URL (RS256/ES256), not both" });
      }
      // Tokens verify one way: setting one way clears the other.
      if (secret !== undefined) changes.reporterJwtSecret = secret;
      if (jwksUrl !== undefined) changes.reporterJwksUrl = jwksUrl;
      if (secret) changes.reporterJwksUrl = null;
      if (jwksUrl) changes.reporterJwtSecret = null;
    }
    return { changes, problems };
  }

  private async lockedSite(em: EntityManager, siteId: string): Promise<SiteEntity> {
    // Two admins' changes in turn, not interleaved: a rotation must replace the key the other one wrote.
    const row = await em.findOne(SiteEntity, { where: { id: siteId }, ...(dialectOf(this.ds) === "mysql" ? { lock: { mode: "pessimistic_write" as const } } : {}) });
    if (!row) throw notFound("No such site.");
    return row;
  }

  private viewOf(site: SiteEntity): SiteAccessView {
    const previousLive = site.previousSiteKey !== null && keyStanding(site, site.previousSiteKey, this.clock.now()) === "previous";
    return {
      siteKey: site.siteKey,
      previousSiteKey: previousLive ? site.previousSiteKey : null,
      previousKeyValidUntil: previousLive ? site.previousKeyValidUntil : null,
      allowedOrigins: [...site.allowedOrigins],
      maxUploadBytes: site.maxUploadBytes,
      maxUploadBytesCap: this.deployment.maxUploadBytesCap,
      maxAttachmentsPerTicket: site.maxAttachmentsPerTicket,
      allowedUploadTypes: [...site.allowedUploadTypes],
      uploadTypeChoices: [...UPLOAD_TYPE_CHOICES],
      rateLimits: rateLimitRows(this.deployment.rateLimits, site.rateLimits),
      reporterSecretSet: site.reporterJwtSecret !== null,
      reporterJwksUrl: site.reporterJwksUrl,
    };
  }
}
