import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  label: "Problem",
  similar: "{n} similar incidents in the last 7 days",
  similarOne: "1 similar incident in the last 7 days",
  noSimilar: "No similar incidents in the last 7 days.",
  linked: "Linked to problem {code} ({status}): {title}",
  workaround: "Workaround: {text}",
  unlink: "Unlink",
  raise: "Raise a problem",
  linkTo: "Link to a problem",
  link: "Link",
  title: "Title",
  description: "Description",
  incidents: "Incidents to link",
  thisTicket: "{code} (this ticket)",
  send: "Raise",
  cancel: "Cancel",
  loading: "Loading…",
  NEW: "new",
  INVESTIGATING: "investigating",
  KNOWN_ERROR: "known error",
  RESOLVED: "resolved",
  CLOSED: "closed",
  manage: "Manage the problem",
  rootCause: "Root cause",
  workaroundField: "Workaround",
  save: "Save",
  moveTo: "Move to",
  move: "Move",
  resolution: "Resolution (the fix)",
  incidentsThen: "The open incidents then",
  RESOLVE_LINKED: "are resolved with it",
  NOTIFY_LINKED: "are told of it and stay open",
  resolve: "Resolve the problem",
};

/** A key of the problem part's words. */
export type ProblemPartKey = keyof typeof en;

/** The problem part's words; Indonesian in ticket-problem.messages.id.ts. */
export const problemPartMessages: Messages<ProblemPartKey> = { en };

/** The problem part's Indonesian words. */
export const indonesian = lazyWords(() => import("./ticket-problem.messages.id.js"));
