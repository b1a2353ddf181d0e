import type { DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import { badField, badInput } from "../../errors.js";
import { recordAudit } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import { mailSettingsOf, setMailSettings } from "../notifications/mail-settings.js";
import { mailSettingsProblems, REPORTER_STATUS_EVENTS, type MailSettings } from "../notifications/mail.rules.js";
import { LADDER_TARGETS, ladderOf, type LadderStep, type LadderTarget, type SlaLadder } from "../sla/ladder.rules.js";
import { SiteEntity } from "./site.entity.js";
import { settingsOf, type SiteService } from "./site.service.js";
import { settingsProblems, type SiteSettings } from "./site-settings.rules.js";

/** Everything an admin sets about how a site's desk handles tickets and mails people. */
export interface SiteAdminView extends SiteSettings, Required<MailSettings> {
  /** The events a site may choose to mail the reporter about (`reporterMailEvents` holds some of them; null is all). */
  reporterMailEventChoices: string[];
  /** The escalation ladder in effect (the site's own targets over the default). */
  slaLadder: SlaLadder;
}

/** A change of settings: handling and mail settings together; absent fields stay, null clears where null is allowed. */
export type SiteSettingsPatch = Partial<SiteSettings> & MailSettings;

const HANDLING_KEYS: ReadonlyArray<keyof SiteSettings> = ["reporterSetsImpact", "defaultImpact", "queueOrder", "reopenClosedWithinDays", "autoCloseHours", "deskEmail", "retentionMonths"];

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
    return viewOf(await this.sites.get(siteId));
  }

  /** Changes some settings (BAD_USER_INPUT naming every bad field, nothing written then). */
  async update(siteId: string, patch: SiteSettingsPatch, actor: AuditActor): Promise<SiteAdminView> {
    const handling: Partial<SiteSettings> = {};
    for (const key of HANDLING_KEYS) if (patch[key] !== undefined) Object.assign(handling, { [key]: patch[key] });
    const mail: MailSettings = {
      language: patch.language,
      accentColor: patch.accentColor,
      logoUrl: patch.logoUrl,
      trackingUrl: patch.trackingUrl,
      reporterMailEvents: patch.reporterMailEvents,
    };
    const hasMail = Object.values(mail).some((v) => v !== undefined);
    if (!Object.keys(handling).length && !hasMail) throw badField("input", "Nothing to change: give at least one setting.");
    const problems = [...settingsProblems(handling), ...mailSettingsProblems(mail)];
    if (problems.length) throw badInput(problems);
    await this.sites.get(siteId);
    await this.ds.transaction(async (em) => {
      // Read on the change's connection, not from the cache: the audit line's "before" is the row as it was.
      const before = viewOf(await em.findOneByOrFail(SiteEntity, { id: siteId }));
      if (Object.keys(handling).length) await this.sites.setSettings(siteId, handling, em);
      if (hasMail) await setMailSettings(em, siteId, mail);
      const after = { ...handling, ...mail };
      await recordAudit(em, { siteId, actor, action: "site.update", subjectType: "site", subjectId: siteId, before: { ...before }, after }, this.clock.now());
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
}

function viewOf(site: SiteEntity): SiteAdminView {
  return { ...settingsOf(site), ...mailSettingsOf(site), reporterMailEventChoices: [...REPORTER_STATUS_EVENTS], slaLadder: ladderOf(site.slaLadder) };
}
