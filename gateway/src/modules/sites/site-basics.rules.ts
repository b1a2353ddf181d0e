import { MAIL_LANGUAGES, type MailLanguage } from "../notifications/mail-language.js";
import { isValidTimeZone, isValidUnitCode } from "../tickets/ticket-code.rules.js";

/** What a site is called and where it is: set at creation, changed by an admin (`sigap site:set`, updateSiteSettings). */
export interface SiteBasics {
  /** The site's name, shown in mail and to the desk; 1–120 characters. */
  name: string;
  /** The unit part of new ticket codes (`01` in `01.18072019.003`); codes already given keep theirs. */
  unitCode: string;
  /** The IANA zone of the site's day (ticket codes) and business hours. */
  timeZone: string;
  /** The languages the site's widgets offer, the default language among them. */
  languages: MailLanguage[];
}

/** The languages a site offers until an admin narrows them: all that Sigap speaks. */
export const DEFAULT_LANGUAGES: readonly MailLanguage[] = MAIL_LANGUAGES;

/** The longest site name: the column's length, counted in characters as both databases count them. */
export const MAX_SITE_NAME = 120;

/** The languages a site offers (a site that never set them offers all). */
export function languagesOf(site: { languages: MailLanguage[] | null }): MailLanguage[] {
  return site.languages ? [...site.languages] : [...DEFAULT_LANGUAGES];
}

/** A zone's canonical IANA name (`asia/jakarta` → `Asia/Jakarta`), or null when the runtime does not know it. */
export function canonicalTimeZone(zone: string): string | null {
  if (!isValidTimeZone(zone)) return null;
  return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
}

/**
 * Every problem with a change of a site's basics, one per field; empty when it is valid.
 * `defaultLanguage` is the site's default language after the change: it must stay among the
 * languages offered (the problem names `languages` when they are changed, else `language`).
 */
export function basicsProblems(patch: Partial<Record<keyof SiteBasics, unknown>>, current: { languages: readonly string[]; defaultLanguage: string; languageChanged: boolean }): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const { name, unitCode, timeZone, languages } = patch;
  if (name !== undefined) {
    // Characters as MariaDB's utf8mb4 and SQLite count them: code points, not UTF-16 units.
    const length = typeof name === "string" ? [...name.trim()].length : 0;
    if (typeof name !== "string" || length < 1 || length > MAX_SITE_NAME) problems.push({ field: "name", message: `name must be 1 to ${MAX_SITE_NAME} characters, not blank` });
  }
  if (unitCode !== undefined && !(typeof unitCode === "string" && isValidUnitCode(unitCode))) {
    problems.push({ field: "unitCode", message: `unitCode must be 1 to 6 digits or capital letters, e.g. 01 (the first part of a ticket code), got ${JSON.stringify(unitCode)}` });
  }
  if (timeZone !== undefined && !(typeof timeZone === "string" && canonicalTimeZone(timeZone))) {
    problems.push({ field: "timeZone", message: `timeZone must be an IANA time zone such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura, got ${JSON.stringify(timeZone)}` });
  }
  let offered: readonly string[] = current.languages;
  if (languages !== undefined) {
    const list = Array.isArray(languages) ? languages : [];
    const unknown = list.filter((l) => !(MAIL_LANGUAGES as readonly unknown[]).includes(l));
    if (!list.length || unknown.length || new Set(list).size !== list.length) {
      problems.push({ field: "languages", message: `languages must be some of ${MAIL_LANGUAGES.join(", ")}, each once and at least one${unknown.length ? `; ${unknown.map((l) => JSON.stringify(l)).join(", ")} is not one` : ""}` });
      return problems;
    }
    offered = list as string[];
  }
  // An unknown default language is the mail rules' to name.
  const knownDefault = (MAIL_LANGUAGES as readonly string[]).includes(current.defaultLanguage);
  if (knownDefault && !offered.includes(current.defaultLanguage)) {
    problems.push(
      languages !== undefined || !current.languageChanged
        ? { field: "languages", message: `languages must include the site's default language "${current.defaultLanguage}" (change language too, or keep it offered)` }
        : { field: "language", message: `language must be one the site offers (${offered.join(", ")}); change languages too` },
    );
  }
  return problems;
}
