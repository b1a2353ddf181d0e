import type { DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import { badField, badInput, notFound } from "../../errors.js";
import { recordAudit } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import { mailSettingsOf, setMailSettings } from "../notifications/mail-settings.js";
import { mailSettingsProblems, REPORTER_STATUS_EVENTS, type MailSettings } from "../notifications/mail.rules.js";
import { LADDER_RECIPIENTS, LADDER_TARGETS, ladderOf, type LadderStep, type LadderTarget, type SlaLadder } from "../sla/ladder.rules.js";
import { clearPolicyProblem, policyFromTargets, policyTargets, slaPolicyProblems, type SitePolicies, type SlaTargetEntry } from "../sla/sla-policy.rules.js";
import { TicketType } from "../tickets/ticket.enums.js";
import { matrixFromCells, matrixProblems, priorityMatrix, type PriorityCell, type PriorityMatrix } from "../tickets/priority.rules.js";
import { SiteEntity } from "./site.entity.js";
import { basicsProblems, canonicalTimeZone, languagesOf, type SiteBasics } from "./site-basics.rules.js";
import { settingsOf, type SiteService } from "./site.service.js";
import { settingsProblems, type SiteSettings } from "./site-settings.rules.js";

/** Everything an admin sets about how a site's desk handles tickets and mails people. */
export interface SiteAdminView extends SiteSettings, Required<MailSettings>, SiteBasics {
  /** The events a site may choose to mail the reporter about (`reporterMailEvents` holds some of them; null is all). */
  reporterMailEventChoices: string[];
  /** The escalation ladder in effect (the site's own targets over the default). */
  slaLadder: SlaLadder;
  /** Who a ladder step may notify (the admin widget offers these). */
  ladderNotifyChoices: string[];
  /** The SLA targets per priority, P1 first, of every ticket type (a type without its own: the incident targets). */
  slaPolicies: Record<TicketType, SlaTargetEntry[]>;
  /** The ticket types other than INCIDENT with targets of their own. */
  slaPolicyTypes: TicketType[];
  /** The urgency × impact matrix in effect (the site's own, or seed 002's), nine cells. */
  priorityMatrix: PriorityCell[];
}

/** A change of settings: basics, handling and mail settings together; absent fields stay, null clears where null is allowed. */
export type SiteSettingsPatch = Partial<SiteSettings> & MailSettings & Partial<SiteBasics>;

const HANDLING_KEYS: ReadonlyArray<keyof SiteSettings> = ["reporterSetsImpact", "defaultImpact", "queueOrder", "reopenClosedWithinDays", "autoCloseHours", "deskEmail", "retentionMonths", "scheduledRecaps", "offersRequests"];
const BASICS_KEYS: ReadonlyArray<keyof SiteBasics> = ["name", "unitCode", "timeZone", "languages"];

/**
 * The admin surface over a site's settings (GraphQL; `sigap site:set` and `site:ladder` reach the
 * same service methods). The rules stay in site-settings.rules, mail.rules and ladder.rules; this
 * names every bad field of a change before writing any of it, writes it in one transaction, and
 * then announces it (SiteService.changed), so every gateway drops its cached copy of the site.
 */
export class SiteAdmin {
  constructor(
    private readonly ds: DataSource,
    private readonly sites: SiteService,
    private readonly clock: Clock,
  ) {}

  /** A site's settings, mail settings and ladder. */
  async view(siteId: string): Promise<SiteAdminView> {
    const [site, policies] = await Promise.all([this.sites.get(siteId), this.sites.policies(siteId)]);
    return viewOf(site, policies);
  }

  /**
   * Changes some settings (BAD_USER_INPUT naming every bad field, nothing written then), audited
   * in the same transaction. A new unit code or time zone shapes new ticket codes only; a new
   * time zone moves the business-hours clock, so open tickets' next ladder steps are recomputed.
   */
  async update(siteId: string, patch: SiteSettingsPatch, actor: AuditActor): Promise<SiteAdminView> {
    const handling: Partial<SiteSettings> = {};
    for (const key of HANDLING_KEYS) if (patch[key] !== undefined) Object.assign(handling, { [key]: patch[key] });
    const basics: Partial<SiteBasics> = {};
    for (const key of BASICS_KEYS) if (patch[key] !== undefined) Object.assign(basics, { [key]: patch[key] });
    const mail: MailSettings = {
      language: patch.language,
      accentColor: patch.accentColor,
      logoUrl: patch.logoUrl,
      trackingUrl: patch.trackingUrl,
      reporterMailEvents: patch.reporterMailEvents,
    };
    const hasMail = Object.values(mail).some((v) => v !== undefined);
    const hasBasics = Object.keys(basics).length > 0;
    if (!Object.keys(handling).length && !hasMail && !hasBasics) throw badField("input", "Nothing to change: give at least one setting.");
    const site = await this.sites.get(siteId);
    const current = { languages: languagesOf(site), defaultLanguage: patch.language ?? site.language, languageChanged: patch.language !== undefined };
    const problems = [...settingsProblems(handling), ...mailSettingsProblems(mail), ...basicsProblems(basics, current)];
    if (problems.length) throw badInput(problems);
    if (basics.name !== undefined) basics.name = basics.name.trim();
    if (basics.timeZone !== undefined) basics.timeZone = canonicalTimeZone(basics.timeZone) ?? basics.timeZone;
    await this.ds.transaction(async (em) => {
      // Read on the change's connection, not from the cache: the audit line's "before" is the row as it was.
      const row = await em.findOneByOrFail(SiteEntity, { id: siteId });
      const before = { ...basicsOf(row), ...settingsOf(row), ...mailSettingsOf(row) };
      if (Object.keys(handling).length) await this.sites.setSettings(siteId, handling, em);
      if (hasMail) await setMailSettings(em, siteId, mail);
      if (hasBasics) await em.update(SiteEntity, { id: siteId }, basics);
      if (basics.timeZone !== undefined && basics.timeZone !== site.timeZone) await this.sites.markLadderDue(em, siteId);
      await recordAudit(em, { siteId, actor, action: "site.update", subjectType: "site", subjectId: siteId, before, after: { ...handling, ...mail, ...basics } }, this.clock.now());
    });
    // After the commit: a read between the write and the commit would cache the old site again. The cached site
    // holds the mail language too (the receipts' default).
    this.sites.changed(siteId);
    return this.view(siteId);
  }

  /** Sets the ladder of the targets given (null: back to the default); see SiteService.setLadder. */
  async setLadder(siteId: string, changes: Partial<Record<LadderTarget, LadderStep[] | null>>, actor: AuditActor): Promise<SiteAdminView> {
    if (!LADDER_TARGETS.some((t) => changes[t] !== undefined)) throw badField("input", "Nothing to change: give the steps of RESPONSE, RESOLUTION or both (null for the default).");
    await this.sites.setLadder(siteId, changes, actor);
    return this.view(siteId);
  }

  /**
   * Replaces one ticket type's SLA policy (INCIDENT's, the default): all five priorities, each
   * once (BAD_USER_INPUT naming every bad field, `targets.P2.responseMinutes`, and then nothing
   * changes). Audited in the same transaction; announced after commit, so new tickets of that
   * type on every gateway follow it at once. Open tickets keep the due times they were given.
   */
  async setSlaPolicy(siteId: string, targets: readonly SlaTargetEntry[], actor: AuditActor, ticketType = TicketType.INCIDENT): Promise<SiteAdminView> {
    const { policy, problems } = policyFromTargets(targets);
    const all = [...problems, ...(problems.length ? [] : slaPolicyProblems(policy))];
    if (all.length) throw badInput(targetProblems(all));
    await this.sites.get(siteId);
    await this.ds.transaction(async (em) => {
      const before = await this.sites.policies(siteId, em);
      await this.sites.setPolicy(siteId, policy, em, ticketType);
      await recordAudit(em, { siteId, actor, action: "site.sla_policy", subjectType: "sla_policy", subjectId: ticketType, before: auditedPolicy(before, ticketType), after: { ownTargets: true, ...policy } });
    });
    this.sites.changed(siteId);
    return this.view(siteId);
  }

  /**
   * Drops a SERVICE_REQUEST or WORK_ORDER policy, so new tickets of that type follow the incident
   * policy again (BAD_USER_INPUT for INCIDENT, NOT_FOUND when the type has no targets of its own).
   * Audited like setSlaPolicy; open tickets keep their due times.
   */
  async clearSlaPolicy(siteId: string, ticketType: TicketType, actor: AuditActor): Promise<SiteAdminView> {
    const problem = clearPolicyProblem(ticketType);
    if (problem) throw badInput([problem]);
    await this.sites.get(siteId);
    await this.ds.transaction(async (em) => {
      const before = await this.sites.policies(siteId, em);
      if (!before.own.includes(ticketType)) throw notFound(`The ${ticketType} tickets of this site already follow the incident policy; there is nothing to clear.`);
      await this.sites.clearPolicy(em, siteId, ticketType);
      const after = { ownTargets: false, ...before.byType.INCIDENT };
      await recordAudit(em, { siteId, actor, action: "site.sla_policy", subjectType: "sla_policy", subjectId: ticketType, before: auditedPolicy(before, ticketType), after });
    });
    this.sites.changed(siteId);
    return this.view(siteId);
  }

  /**
   * Sets the site's urgency × impact matrix from nine cells, or back to seed 002's with null
   * (BAD_USER_INPUT naming every bad cell, `cells.HIGH.LOW`, and then nothing changes). New
   * reports and reclassifications use it at once on every gateway; tickets keep their priority.
   */
  async setPriorityMatrix(siteId: string, cells: readonly PriorityCell[] | null, actor: AuditActor): Promise<SiteAdminView> {
    let matrix: PriorityMatrix | null = null;
    if (cells) {
      const read = matrixFromCells(cells);
      const problems = [...read.problems, ...(read.problems.length ? [] : matrixProblems(read.matrix))];
      if (problems.length) throw badInput(problems.map((p) => ({ field: `cells.${p.field}`, message: p.message })));
      matrix = read.matrix;
    }
    const site = await this.sites.get(siteId);
    await this.ds.transaction(async (em) => {
      await em.update(SiteEntity, { id: siteId }, { priorityMatrix: matrix });
      await recordAudit(em, { siteId, actor, action: "site.priority_matrix", subjectType: "site", subjectId: siteId, before: { priorityMatrix: site.priorityMatrix }, after: { priorityMatrix: matrix } });
    });
    // After the commit: intake reads the matrix with the cached site.
    this.sites.changed(siteId);
    return this.view(siteId);
  }
}

/** The policy's problems as fields of `setSlaPolicy(targets)`: `targets.P2.responseMinutes`. */
function targetProblems(problems: ReadonlyArray<{ field: string; message: string }>): Array<{ field: string; message: string }> {
  return problems.map((p) => ({ field: `targets.${p.field}`, message: p.message }));
}

function basicsOf(site: SiteEntity): SiteBasics {
  return { name: site.name, unitCode: site.unitCode, timeZone: site.timeZone, languages: languagesOf(site) };
}

/**
 * A type's policy as an audit line (subject `sla_policy`, the type) records it: the targets its
 * tickets get per priority, and whether they are its own (INCIDENT's always are) or the incident
 * ones it follows; the line keeps only what changed.
 */
function auditedPolicy(policies: SitePolicies, ticketType: TicketType): Record<string, unknown> {
  return { ownTargets: ticketType === TicketType.INCIDENT || policies.own.includes(ticketType), ...policies.byType[ticketType] };
}

function viewOf(site: SiteEntity, policies: SitePolicies): SiteAdminView {
  return {
    ...basicsOf(site),
    ...settingsOf(site),
    ...mailSettingsOf(site),
    reporterMailEventChoices: [...REPORTER_STATUS_EVENTS],
    slaLadder: ladderOf(site.slaLadder),
    ladderNotifyChoices: [...LADDER_RECIPIENTS],
    slaPolicies: Object.fromEntries(Object.values(TicketType).map((type) => [type, policyTargets(policies.byType[type])])) as SiteAdminView["slaPolicies"],
    slaPolicyTypes: policies.own,
    priorityMatrix: priorityMatrix(site.priorityMatrix),
  };
}
