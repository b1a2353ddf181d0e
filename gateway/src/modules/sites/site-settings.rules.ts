import { Impact } from "../tickets/ticket.enums.js";

/** How the queue orders tickets of one priority. */
export enum QueueOrder {
  /** The next SLA deadline first, then arrival (the default). */
  DUE_TIME = "DUE_TIME",
  /** Pure arrival order, first in first out (seed 004). */
  ARRIVAL = "ARRIVAL",
}

/** A site's handling settings, set by an admin (`sigap site:set`). */
export interface SiteSettings {
  /** The public form may state impact; otherwise {@link defaultImpact} applies (seeds 001/002: impact is the desk's call). */
  reporterSetsImpact: boolean;
  /** The impact a public report gets when the reporter may not state it. */
  defaultImpact: Impact;
  /** Order within a priority in the desk queue. */
  queueOrder: QueueOrder;
  /** A CLOSED ticket may be reopened within this many days of closure; 0 never. */
  reopenClosedWithinDays: number;
  /** A RESOLVED ticket with no word from the reporter closes by itself after this many hours. */
  autoCloseHours: number;
  /** The desk's e-mail address, lowercase: mail to it opens a ticket (channel EMAIL); null: none. */
  deskEmail: string | null;
  /** Months after closure or cancellation a ticket keeps its reporter's personal data (UU PDP); null: kept. */
  retentionMonths: number | null;
  /** The weekly (Monday) and monthly (1st) recap is mailed to the site's managers and supervisors. */
  scheduledRecaps: boolean;
}

/** The settings a new site starts with. */
export const DEFAULT_SITE_SETTINGS: SiteSettings = Object.freeze({
  reporterSetsImpact: false,
  defaultImpact: Impact.MEDIUM,
  queueOrder: QueueOrder.DUE_TIME,
  reopenClosedWithinDays: 0,
  autoCloseHours: 72,
  deskEmail: null,
  retentionMonths: null,
  scheduledRecaps: true,
});

const MAX_REOPEN_DAYS = 365;
const MAX_AUTO_CLOSE_HOURS = 24 * 365;
/** The longest retention a site may set: ten years. */
export const MAX_RETENTION_MONTHS = 120;

/** Every problem with a change of settings, one per field; empty when it is valid. */
export function settingsProblems(patch: Partial<Record<keyof SiteSettings, unknown>>): Array<{ field: keyof SiteSettings; message: string }> {
  const problems: Array<{ field: keyof SiteSettings; message: string }> = [];
  const p = patch;
  if (p.reporterSetsImpact !== undefined && typeof p.reporterSetsImpact !== "boolean") problems.push({ field: "reporterSetsImpact", message: "reporterSetsImpact must be true or false" });
  if (p.defaultImpact !== undefined && !Object.values(Impact).includes(p.defaultImpact as Impact)) {
    problems.push({ field: "defaultImpact", message: `defaultImpact must be one of ${Object.values(Impact).join(", ")}` });
  }
  if (p.queueOrder !== undefined && !Object.values(QueueOrder).includes(p.queueOrder as QueueOrder)) {
    problems.push({ field: "queueOrder", message: `queueOrder must be one of ${Object.values(QueueOrder).join(", ")}` });
  }
  if (p.reopenClosedWithinDays !== undefined && !isWhole(p.reopenClosedWithinDays, 0, MAX_REOPEN_DAYS)) {
    problems.push({ field: "reopenClosedWithinDays", message: `reopenClosedWithinDays must be a whole number of days from 0 (never) to ${MAX_REOPEN_DAYS}` });
  }
  if (p.autoCloseHours !== undefined && !isWhole(p.autoCloseHours, 1, MAX_AUTO_CLOSE_HOURS)) {
    problems.push({ field: "autoCloseHours", message: `autoCloseHours must be a whole number of hours from 1 to ${MAX_AUTO_CLOSE_HOURS}` });
  }
  if (p.deskEmail !== undefined && p.deskEmail !== null && !(typeof p.deskEmail === "string" && DESK_EMAIL.test(p.deskEmail))) {
    problems.push({ field: "deskEmail", message: "deskEmail must be a lowercase e-mail address like helpdesk@example.com (at most 254 characters), or null for none" });
  }
  if (p.retentionMonths !== undefined && p.retentionMonths !== null && !isWhole(p.retentionMonths, 1, MAX_RETENTION_MONTHS)) {
    problems.push({ field: "retentionMonths", message: `retentionMonths must be a whole number of months from 1 to ${MAX_RETENTION_MONTHS}, or null to keep reporters' data` });
  }
  if (p.scheduledRecaps !== undefined && typeof p.scheduledRecaps !== "boolean") problems.push({ field: "scheduledRecaps", message: "scheduledRecaps must be true or false" });
  return problems;
}

// Lowercase because mail systems may change the case of an address: the desk address is matched exactly.
const DESK_EMAIL = /^(?=.{3,254}$)[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;

function isWhole(v: unknown, min: number, max: number): boolean {
  return typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
}

/** The impact a public report is logged with: the reporter's only where the site lets them state it. */
export function reportImpact(settings: Pick<SiteSettings, "reporterSetsImpact" | "defaultImpact">, stated: Impact | null | undefined): Impact {
  return settings.reporterSetsImpact && stated ? stated : settings.defaultImpact;
}
