import type { DataSource, EntityManager } from "typeorm";
import { badInput } from "../../errors.js";
import { SiteEntity } from "../sites/site.entity.js";
import type { MailLanguage } from "./mail-language.js";
import { mailSettingsProblems, type MailSettings } from "./mail.rules.js";

/**
 * Changes a site's mail settings (only those given); every bad value is named (BAD_USER_INPUT).
 * Mail reads them at planning and delivery; intake's cached site picks them up within its cache time.
 * `ds` may be a transaction's entity manager, to change them with other settings in one unit.
 */
export async function setMailSettings(ds: DataSource | EntityManager, siteId: string, patch: MailSettings): Promise<SiteEntity> {
  const problems = mailSettingsProblems(patch);
  if (problems.length) throw badInput(problems);
  const repo = ds.getRepository(SiteEntity);
  const site = await repo.findOneByOrFail({ id: siteId });
  const changes: Partial<SiteEntity> = {};
  if (patch.language !== undefined) changes.language = patch.language as MailLanguage;
  if (patch.accentColor !== undefined) changes.accentColor = patch.accentColor;
  if (patch.logoUrl !== undefined) changes.logoUrl = patch.logoUrl;
  if (patch.trackingUrl !== undefined) changes.trackingUrl = patch.trackingUrl;
  if (patch.reporterMailEvents !== undefined) changes.reporterMailEvents = patch.reporterMailEvents;
  if (Object.keys(changes).length) await repo.update({ id: siteId }, changes);
  return Object.assign(site, changes);
}

/** The mail part of a site row. */
export function mailSettingsOf(site: SiteEntity): Required<MailSettings> {
  return { language: site.language, accentColor: site.accentColor, logoUrl: site.logoUrl, trackingUrl: site.trackingUrl, reporterMailEvents: site.reporterMailEvents };
}
