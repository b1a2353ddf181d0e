import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  title: "Audit log",
  caption: "Audited changes, newest first",
  zone: "Times are on the site's clock: {zone}.",
  filters: "Filter the log",
  from: "From (day)",
  to: "To (day)",
  action: "Action",
  actionHint: "An exact action such as site.update, or a prefix ending in a dot such as site.",
  subjectType: "Subject type",
  subjectTypeHint: "site, agent, ticket, webhook…",
  actor: "Who",
  anyone: "Anyone",
  show: "Show",
  clear: "Clear the filters",
  when: "When",
  who: "Who",
  where: "From where",
  what: "What",
  which: "Which",
  changes: "Changes",
  "kind.AGENT": "agent",
  "kind.CLI": "command line",
  "kind.SYSTEM": "system",
  none: "No lines match.",
  noValue: "none",
  noChange: "no field values",
  created: "Created with",
  removed: "Removed; it had",
  changeOf: "{field}: {before} → {after}",
  more: "Load more",
  loadingMore: "Loading…",
  shown: "{count} lines shown.",
  end: "{count} lines shown: the whole log for these filters.",
  loading: "Loading the audit log…",
  retry: "Try again",
};

/** A key of the Audit log section's words. */
export type AuditKey = keyof typeof en;

/** The Audit log section's words; Indonesian in audit.messages.id.ts. */
export const auditMessages: Messages<AuditKey> = { en };

/** The section's Indonesian words. */
export const indonesian = lazyWords(() => import("./audit.messages.id.js"));
