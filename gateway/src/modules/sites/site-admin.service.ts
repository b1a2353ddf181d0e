import type { DataSource } from "typeorm";
import { badField, badInput } from "../../errors.js";
import { mailSettingsOf, setMailSettings } from "../notifications/mail-settings.js";
import { mailSettingsProblems, REPORTER_STATUS_EVENTS, type MailSettings } from "../notifications/mail.rules.js";
import { LADDER_RECIPIENTS, LADDER_TARGETS, ladderOf, type LadderStep, type LadderTarget, type SlaLadder } from "../sla/ladder.rules.js";
import type { SiteEntity } from "./site.entity.js";
import { settingsOf, type SiteService } from "./site.service.js";
import { settingsProblems, type SiteSettings } from "./site-settings.rules.js";

/** Everything an admin sets about how a site's desk handles tickets and mails people. */
export interface SiteAdminView extends SiteSettings, Required<MailSettings> {
  /** The events a site may choose to mail the reporter about (`reporterMailEvents` holds some of them; null is all). */
  reporterMailEventChoices: string[];
  /** The escalation ladder in effect (the site's own targets over the default). */
  slaLadder: SlaLadder;
  /** Who a ladder step may notify (the admin widget offers these). */
  ladderNotifyChoices: string[];
}

/** A change of settings: handling and mail settings together; absent fields stay, null clears where null is allowed. */
export type SiteSettingsPatch = Partial<SiteSettings> & MailSettings;

const HANDLING_KEYS: ReadonlyArray<keyof SiteSettings> = ["reporterSetsImpact", "defaultImpact", "queueOrder", "reopenClosedWithinDays", "autoCloseHours", "deskEmail"];

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
  ) {}

  /** A site's settings, mail settings and ladder. */
  async view(siteId: string): Promise<SiteAdminView> {
    return viewOf(await this.sites.get(siteId));
  }

  /** Changes some settings (BAD_USER_INPUT naming every bad field, nothing written then). */
  async update(siteId: string, patch: SiteSettingsPatch): Promise<SiteAdminView> {
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
    await this.ds.transaction(async (em) => {
      if (Object.keys(handling).length) await this.sites.setSettings(siteId, handling, em);
      if (hasMail) await setMailSettings(em, siteId, mail);
    });
    // After the commit: a read between the write and the commit would cache the old site again. The cached site
    // holds the mail language too (the receipts' default).
    this.sites.changed(siteId);
    return this.view(siteId);
  }

  /** Sets the ladder of the targets given (null: back to the default); see SiteService.setLadder. */
  async setLadder(siteId: string, changes: Partial<Record<LadderTarget, LadderStep[] | null>>): Promise<SiteAdminView> {
    if (!LADDER_TARGETS.some((t) => changes[t] !== undefined)) throw badField("input", "Nothing to change: give the steps of RESPONSE, RESOLUTION or both (null for the default).");
    await this.sites.setLadder(siteId, changes);
    return this.view(siteId);
  }
}

function viewOf(site: SiteEntity): SiteAdminView {
  return { ...settingsOf(site), ...mailSettingsOf(site), reporterMailEventChoices: [...REPORTER_STATUS_EVENTS], slaLadder: ladderOf(site.slaLadder), ladderNotifyChoices: [...LADDER_RECIPIENTS] };
}
