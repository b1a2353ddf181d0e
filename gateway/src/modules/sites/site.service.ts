import { randomBytes, randomUUID } from "node:crypto";
import { recordAudit } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import type { DataSource, EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import { insertOnce, isUniqueViolation } from "../../db/transactions.js";
import { badField, badInput, conflict, forbidden, notFound, unauthenticated, type FieldProblem } from "../../errors.js";
import { isValidTimeZone, isValidUnitCode } from "../tickets/ticket-code.rules.js";
import { Priority, TicketType } from "../tickets/ticket.enums.js";
import { DEFAULT_SLA_POLICY, type SlaPolicy } from "../sla/sla.rules.js";
import { sitePolicies, slaPolicyProblems, type SitePolicies } from "../sla/sla-policy.rules.js";
import { LADDER_TARGETS, ladderOf, validateSteps, type LadderStep, type LadderTarget, type SlaLadder } from "../sla/ladder.rules.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { readSiteCalendar } from "../sla/business-calendars.js";
import type { SiteCalendar } from "../sla/sla-calendar.rules.js";
import { SlaPolicyEntity } from "../sla/sla-policy.entity.js";
import { identitySettingsProblems } from "../reporters/reporter-identity.rules.js";
import type { SigapPubSub } from "../../realtime/pubsub.js";
import { SITES_FEED, Topic } from "../../realtime/topics.js";
import { SiteEntity } from "./site.entity.js";
import { keyStanding, parseOrigin } from "./site-access.rules.js";
import { DEFAULT_SITE_SETTINGS, settingsProblems, type SiteSettings } from "./site-settings.rules.js";

/** What an admin gives to create a site. */
export interface CreateSiteParams {
  name: string;
  unitCode: string;
  timeZone?: string;
  allowedOrigins?: string[];
  siteKey?: string;
  policy?: SlaPolicy;
}

/** Upload limits a new site starts with. */
export const DEFAULT_UPLOAD_LIMITS = {
  maxUploadBytes: 10 * 1024 * 1024,
  maxAttachmentsPerTicket: 10,
  allowedUploadTypes: ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain"],
};

const CACHE_MS = 30_000;

/** The one answer to a key no site has, and to a rotated key whose overlap is over. */
const UNKNOWN_KEY = "This site key is not known to Sigap. Check the site-key attribute of the widget.";

/** Sites (tenants): creation, the public key check, origins, and the SLA policy. */
export class SiteService {
  private readonly byKey = new Map<string, { site: SiteEntity; policies: SitePolicies; until: number }>();
  /** Settings by site id for the desk's reads (queue order, reopen window); as fresh as the site-key cache. */
  private readonly settingsById = new Map<string, { read: Promise<SiteSettings>; until: number }>();
  private readonly policyById = new Map<string, { read: Promise<SitePolicies>; until: number }>();
  private readonly calendarById = new Map<string, { read: Promise<SiteCalendar>; until: number }>();

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly bus: SigapPubSub | null = null,
  ) {
    // Another gateway changed a site: its cached copy here would be stale for up to CACHE_MS.
    bus?.listen(Topic.SITE_CHANGED, SITES_FEED, () => this.forgetCached());
  }

  /** Creates a site with the default (or given) SLA policy. */
  async create(params: CreateSiteParams, actor: AuditActor): Promise<SiteEntity> {
    const problems: FieldProblem[] = [];
    if (!params.name.trim() || params.name.length > 120) problems.push({ field: "name", message: "name is required, at most 120 characters" });
    if (!isValidUnitCode(params.unitCode)) problems.push({ field: "unitCode", message: "unitCode must be 1–6 digits or capital letters, e.g. 01" });
    const timeZone = params.timeZone ?? "Asia/Jakarta";
    if (!isValidTimeZone(timeZone)) problems.push({ field: "timeZone", message: `timeZone must be an IANA zone like Asia/Jakarta, got "${timeZone}"` });
    const origins: string[] = [];
    for (const given of params.allowedOrigins ?? []) {
      const parsed = parseOrigin(given);
      if ("problem" in parsed) problems.push({ field: "allowedOrigins", message: parsed.problem });
      else if (!origins.includes(parsed.origin)) origins.push(parsed.origin);
    }
    const policy = params.policy ?? DEFAULT_SLA_POLICY;
    for (const p of slaPolicyProblems(policy)) problems.push({ field: `policy.${p.field}`, message: p.message });
    if (problems.length) throw badInput(problems);

    const site = Object.assign(new SiteEntity(), {
      id: randomUUID(),
      name: params.name.trim(),
      siteKey: params.siteKey ?? `pk_${randomBytes(18).toString("base64url")}`,
      unitCode: params.unitCode,
      timeZone,
      allowedOrigins: origins,
      previousSiteKey: null,
      previousKeyValidUntil: null,
      ...DEFAULT_UPLOAD_LIMITS,
      ...DEFAULT_SITE_SETTINGS,
      slaLadder: null,
      businessHours: null,
      priorityMatrix: null,
      languages: null,
      createdAt: this.clock.now(),
    });
    await insertOnce(
      () =>
        this.ds.transaction(async (em) => {
          await em.insert(SiteEntity, site);
          await this.writePolicy(em, site.id, policy, TicketType.INCIDENT);
          const after = { name: site.name, siteKey: site.siteKey, unitCode: site.unitCode, timeZone: site.timeZone, allowedOrigins: site.allowedOrigins };
          await recordAudit(em, { siteId: site.id, actor, action: "site.create", subjectType: "site", subjectId: site.id, before: null, after }, site.createdAt);
        }),
      `The site key ${site.siteKey} is already taken.`,
    );
    return site;
  }

  /**
   * Replaces one ticket type's SLA policy of a site (inside `em` when given, with other changes;
   * the caller then announces it once committed). New tickets of that type follow it at once; open
   * tickets keep their due times. BAD_USER_INPUT names each bad field (`P2.responseMinutes`).
   */
  async setPolicy(siteId: string, policy: SlaPolicy, em?: EntityManager, ticketType = TicketType.INCIDENT): Promise<void> {
    const problems = slaPolicyProblems(policy);
    if (problems.length) throw badInput(problems);
    if (em) return this.writePolicy(em, siteId, policy, ticketType);
    await this.ds.transaction((tx) => this.writePolicy(tx, siteId, policy, ticketType));
    this.changed(siteId);
  }

  private async writePolicy(em: EntityManager, siteId: string, policy: SlaPolicy, ticketType: TicketType): Promise<void> {
    await this.clearPolicy(em, siteId, ticketType);
    await em.insert(
      SlaPolicyEntity,
      Object.values(Priority).map((priority) => ({ siteId, ticketType, priority, ...policy[priority] })),
    );
  }

  /** Drops one ticket type's own targets inside `em`; that type then follows the incident policy (the caller checks it is not INCIDENT and announces the change). */
  async clearPolicy(em: EntityManager, siteId: string, ticketType: TicketType): Promise<void> {
    await em.delete(SlaPolicyEntity, { siteId, ticketType });
  }

  /** A site's SLA policy of every ticket type, in one read (inside `em` when given); see sla-policy.rules sitePolicies for the fallbacks. */
  async policies(siteId: string, em?: EntityManager): Promise<SitePolicies> {
    return sitePolicies(await (em ?? this.ds.manager).getRepository(SlaPolicyEntity).findBy({ siteId }));
  }

  /** The SLA policy a site holds tickets of one type to (the incident policy by default). */
  async policy(siteId: string, ticketType = TicketType.INCIDENT, em?: EntityManager): Promise<SlaPolicy> {
    return (await this.policies(siteId, em)).byType[ticketType];
  }

  /**
   * A site's SLA policies as the views read them: at most every 30 seconds per process, as the
   * public path reads them with its site (changes here take effect at once).
   */
  cachedPolicies(siteId: string): Promise<SitePolicies> {
    const now = Date.now();
    let hit = this.policyById.get(siteId);
    if (!hit || hit.until < now) {
      const read = this.policies(siteId);
      read.catch(() => this.policyById.delete(siteId));
      hit = { read, until: now + CACHE_MS };
      this.policyById.set(siteId, hit);
    }
    return hit.read;
  }

  /**
   * What a site's SLA clock reads (time zone, hours, holidays) as the views read it: at most every
   * 30 seconds per process; hours and holidays changed here take effect at once.
   */
  cachedCalendar(siteId: string): Promise<SiteCalendar> {
    const now = Date.now();
    let hit = this.calendarById.get(siteId);
    if (!hit || hit.until < now) {
      const read = this.get(siteId).then((site) => readSiteCalendar(this.ds.manager, site));
      read.catch(() => this.calendarById.delete(siteId));
      hit = { read, until: now + CACHE_MS };
      this.calendarById.set(siteId, hit);
    }
    return hit.read;
  }

  /** A site by id, or NOT_FOUND. */
  async get(siteId: string): Promise<SiteEntity> {
    const site = await this.ds.getRepository(SiteEntity).findOneBy({ id: siteId });
    if (!site) throw notFound("No such site.");
    return site;
  }

  /** A site's handling settings; read at most every 30 seconds per process (changes through {@link changed} take effect at once). */
  settings(siteId: string): Promise<SiteSettings> {
    const now = Date.now();
    let hit = this.settingsById.get(siteId);
    if (!hit || hit.until < now) {
      const read = this.get(siteId).then(settingsOf);
      read.catch(() => this.settingsById.delete(siteId));
      hit = { read, until: now + CACHE_MS };
      this.settingsById.set(siteId, hit);
    }
    return hit.read;
  }

  /** Every site, oldest first. */
  list(): Promise<SiteEntity[]> {
    return this.ds.getRepository(SiteEntity).find({ order: { createdAt: "ASC" } });
  }

  /**
   * The site a public request speaks for, with its policies (every ticket type's). The key must exist and a browser's
   * origin must be one the site allows; requests without an Origin (servers, apps) pass.
   */
  async resolvePublic(siteKey: string | null, origin: string | null): Promise<{ site: SiteEntity; policies: SitePolicies }> {
    if (!siteKey) throw unauthenticated("This request needs a site key: send it in the X-Sigap-Site-Key header.");
    const now = Date.now();
    let hit = this.byKey.get(siteKey);
    if (!hit || hit.until < now) {
      // A rotated key is found by its previous column until the overlap ends (then refused below).
      const site = await this.ds.getRepository(SiteEntity).findOne({ where: [{ siteKey }, { previousSiteKey: siteKey }] });
      if (!site) throw unauthenticated(UNKNOWN_KEY);
      hit = { site, policies: await this.policies(site.id), until: now + CACHE_MS };
      this.byKey.set(siteKey, hit);
    }
    // Checked on every request, cached or not: the overlap ends on the clock, not when the cache does.
    if (!keyStanding(hit.site, siteKey, this.clock.now())) throw unauthenticated(UNKNOWN_KEY);
    if (origin && !hit.site.allowedOrigins.includes(origin)) {
      throw forbidden(`This site does not allow requests from ${origin}. An admin can add the origin to the site.`);
    }
    return { site: hit.site, policies: hit.policies };
  }

  /**
   * Announces a committed change of a site: this process and (with Redis) every other gateway drop
   * their cached sites, settings, policies and calendars, so the change holds at once instead of
   * within 30 seconds.
   */
  changed(siteId: string): void {
    this.forgetCached();
    this.bus?.publish(Topic.SITE_CHANGED, SITES_FEED, { siteId });
  }

  /** Drops this process's copies of sites, settings, policies and calendars (another gateway's change, heard on the bus). */
  forgetCached(): void {
    this.byKey.clear();
    this.settingsById.clear();
    this.policyById.clear();
    this.calendarById.clear();
  }

  /**
   * Changes some of a site's handling settings (inside `em` when given, with other changes); every
   * bad value is named (BAD_USER_INPUT), a desk e-mail another site holds is a CONFLICT.
   */
  async setSettings(siteId: string, patch: Partial<SiteSettings>, em?: EntityManager): Promise<SiteEntity> {
    const problems = settingsProblems(patch);
    if (problems.length) throw badInput(problems);
    const site = await this.get(siteId);
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<SiteSettings>;
    if (!Object.keys(changes).length) throw badField("settings", "Nothing to change: give at least one setting.");
    try {
      await (em ?? this.ds).getRepository(SiteEntity).update({ id: siteId }, changes);
    } catch (error) {
      // deskEmail is the settings' only unique column: mail to a desk address must open tickets on one site.
      if (!isUniqueViolation(error) || !changes.deskEmail) throw error;
      const holder = await this.ds.getRepository(SiteEntity).findOneBy({ deskEmail: changes.deskEmail });
      throw conflict(
        `The desk e-mail ${changes.deskEmail} already belongs to ${holder ? `the site "${holder.name}" (${holder.siteKey})` : "another site"}; mail to a desk address opens tickets on one site only. Give this site another address, or remove it there first (--desk-email none).`,
      );
    }
    // Inside a caller's transaction the caller announces the change once it is committed.
    if (!em) this.changed(siteId);
    return Object.assign(site, changes);
  }

  /** Marks the site's open running tickets for the next ladder sweep, which recomputes when their next step comes (after a ladder or calendar change). */
  async markLadderDue(em: EntityManager, siteId: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(TicketEntity)
      .set({ nextLadderAt: this.clock.now() })
      .where("siteId = :siteId AND isOpen = :open AND pausedAt IS NULL", { siteId, open: true })
      .execute();
  }

  /**
   * Sets how the site's reporter tokens verify: an HS256 secret or a JWKS URL (one of them; giving
   * one clears the other), or null for both to stop accepting tokens. BAD_USER_INPUT names each problem.
   */
  async setIdentity(siteId: string, keys: { secret: string | null; jwksUrl: string | null }, actor: AuditActor): Promise<SiteEntity> {
    const problems = identitySettingsProblems(keys).map((message) => ({ field: "identity", message }));
    if (keys.secret && keys.jwksUrl) problems.push({ field: "identity", message: "give either a secret (HS256) or a JWKS URL (RS256/ES256), not both" });
    if (problems.length) throw badInput(problems);
    const site = await this.get(siteId);
    const changes = { reporterJwtSecret: keys.secret, reporterJwksUrl: keys.jwksUrl };
    await this.ds.transaction(async (em) => {
      await em.update(SiteEntity, { id: siteId }, changes);
      const before = { reporterJwtSecret: site.reporterJwtSecret, reporterJwksUrl: site.reporterJwksUrl };
      await recordAudit(em, { siteId, actor, action: "site.identity", subjectType: "site", subjectId: siteId, before, after: changes }, this.clock.now());
    });
    this.changed(siteId);
    return Object.assign(site, changes);
  }

  /** A site's SLA escalation ladder: its own targets over the default. */
  async ladder(siteId: string): Promise<SlaLadder> {
    return ladderOf((await this.get(siteId)).slaLadder);
  }

  /**
   * Sets the ladder of some targets (null puts a target back on the default); every problem is
   * named (BAD_USER_INPUT). Open tickets of the site are marked for the next sweep, which
   * recomputes when their next step comes, since the new steps may come earlier.
   */
  async setLadder(siteId: string, changes: Partial<Record<LadderTarget, LadderStep[] | null>>, actor: AuditActor): Promise<SlaLadder> {
    const problems: FieldProblem[] = [];
    for (const target of LADDER_TARGETS) {
      const steps = changes[target];
      if (steps) for (const message of validateSteps(target, steps)) problems.push({ field: target, message });
    }
    if (problems.length) throw badInput(problems);
    const site = await this.get(siteId);
    const stored: Partial<SlaLadder> = { ...site.slaLadder };
    for (const target of LADDER_TARGETS) {
      const steps = changes[target];
      if (steps === null) delete stored[target];
      else if (steps) stored[target] = steps.map((s) => ({ share: s.share, escalate: s.escalate, notify: [...s.notify] }));
    }
    const slaLadder = Object.keys(stored).length ? stored : null;
    await this.ds.transaction(async (em) => {
      await em.update(SiteEntity, { id: siteId }, { slaLadder });
      await this.markLadderDue(em, siteId);
      await recordAudit(em, { siteId, actor, action: "site.ladder", subjectType: "site", subjectId: siteId, before: { slaLadder: site.slaLadder }, after: { slaLadder } }, this.clock.now());
    });
    this.changed(siteId);
    return ladderOf(slaLadder);
  }

  /** Adds an allowed origin. */
  async allowOrigin(siteId: string, origin: string, actor: AuditActor): Promise<SiteEntity> {
    const parsed = parseOrigin(origin);
    if ("problem" in parsed) throw badField("origin", parsed.problem);
    const site = await this.get(siteId);
    const clean = parsed.origin;
    const before = { allowedOrigins: site.allowedOrigins };
    if (!site.allowedOrigins.includes(clean)) site.allowedOrigins = [...site.allowedOrigins, clean];
    await this.ds.transaction(async (em) => {
      await em.update(SiteEntity, { id: siteId }, { allowedOrigins: site.allowedOrigins });
      await recordAudit(em, { siteId, actor, action: "site.allow_origin", subjectType: "site", subjectId: siteId, before, after: { allowedOrigins: site.allowedOrigins } }, this.clock.now());
    });
    this.changed(siteId);
    return site;
  }
}

/** The settings part of a site row. */
export function settingsOf(site: SiteEntity): SiteSettings {
  const { reporterSetsImpact, defaultImpact, queueOrder, reopenClosedWithinDays, autoCloseHours, deskEmail, retentionMonths, scheduledRecaps, offersRequests } = site;
  return { reporterSetsImpact, defaultImpact, queueOrder, reopenClosedWithinDays, autoCloseHours, deskEmail, retentionMonths, scheduledRecaps, offersRequests };
}
