import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  basics: "Site",
  name: "Name",
  unitCode: "Unit code",
  unitCodeHint: "The unit part of new ticket codes (01 in 01.18072019.003); codes already given keep theirs.",
  timeZone: "Time zone",
  timeZoneHint: "An IANA zone such as Asia/Makassar: the day of ticket codes and the business hours.",
  languages: "Languages the widgets offer",
  languagesHint: "The language of mail (below) is the default and must be among them.",
  handling: "Handling",
  mail: "Mail to reporters",
  defaultImpact: "Default impact",
  defaultImpactHint: "What a public report gets when the reporter may not state it.",
  reporterSetsImpact: "Reporters may state the impact",
  scheduledRecaps: "Mail the weekly and monthly recap (PDF) to managers and supervisors",
  queueOrder: "Queue order",
  "order.DUE_TIME": "By SLA due time",
  "order.ARRIVAL": "By arrival",
  reopenClosedWithinDays: "Reopen a closed ticket within (days)",
  reopenHint: "0: a closed ticket is never reopened.",
  autoCloseHours: "Close a resolved ticket by itself after (hours)",
  deskEmail: "Desk e-mail address",
  deskEmailHint: "Mail to it opens a ticket; empty for none.",
  language: "Language of mail",
  "lang.id": "Indonesian",
  "lang.en": "English",
  accentColor: "Accent colour",
  accentHint: "#rrggbb; empty for Sigap's.",
  logoUrl: "Logo URL",
  logoHint: "An https address; empty for none.",
  trackingUrl: "Tracking link",
  trackingHint: "With {code} and {token}; empty for the demo portal's.",
  reporterMailEvents: "Mail the reporter when",
  "event.status_changed": "its status changes",
  "event.resolved": "it is resolved",
  "event.closed": "it is closed",
  allEvents: "Every event, including any added later",
  save: "Save settings",
  saving: "Saving…",
  saved: "Settings saved.",
  loading: "Loading the settings…",
  retry: "Try again",
};

/** A key of the site section's words. */
export type SiteKey = keyof typeof en;

/** The site section's words; Indonesian in site-section.messages.id.ts. */
export const siteMessages: Messages<SiteKey> = { en };

/** The section's Indonesian words, with the shared ticket words (impact levels). */
export const indonesian = lazyWords(() => import("./site-section.messages.id.js"));
