import { lazyWords, type LocaleController, type Messages } from "../shared/locale.js";
import { ticketText, type TicketTextKey } from "../shared/ticket-text.js";

const en = {
  title: "Ticket queue",
  signedIn: "Signed in as {name}",
  filters: "Filters",
  group: "Group",
  assignee: "Assignee",
  any: "Any",
  me: "Me",
  breachedOnly: "Breached SLA only",
  field: "Field",
  fieldValue: "Value",
  code: "Code",
  reporter: "Reporter",
  sla: "SLA",
  count: "{n} tickets shown",
  empty: "No tickets match these filters.",
  more: "Load more",
  unassigned: "Unassigned",
  "response.in": "Response in {d}",
  "resolution.in": "Resolution in {d}",
  "response.over": "Response overdue {d}",
  "resolution.over": "Resolution overdue {d}",
  pausedLeft: "Paused, {d} left",
  newTicket: "New {p} ticket {code} from {name}",
  auth: "Your session has expired or the agent token is invalid. Sign in again to see the queue.",
  back: "Back to the queue",
  ticket: "Ticket {code}",
  contact: "Reporter",
  channel: "Channel",
  location: "Location",
  area: "Kelurahan / kecamatan",
  occurred: "Happened at",
  category: "Category",
  problemType: "Problem type",
  urgency: "Urgency",
  impact: "Impact",
  handling: "Support level",
  mgmt: "Management informed",
  description: "Description",
  systemState: "System state",
  stepsTried: "Steps tried",
  kb: "In the knowledge base",
  feedback: "Feedback",
  q1: "Satisfied with the reporting service",
  q2: "Service usable again",
  q3: "Information met the need",
  suggestion: "Suggestion",
  actions: "Actions",
  "a.classify": "Classify",
  "a.assign": "Assign",
  "a.status": "Change status",
  "a.reply": "Reply to the reporter",
  "a.note": "Internal note",
  "a.escalate": "Escalate",
  "a.resolve": "Resolve",
  "a.close": "Close",
  "a.reopen": "Reopen",
  "a.cancel": "Cancel ticket",
  keep: "— unchanged —",
  auto: "— automatic —",
  resulting: "Resulting priority: {p}",
  noteInternal: "Note (internal, optional)",
  toMe: "Assign to me",
  person: "Person",
  target: "New status",
  waitingOn: "Waiting on",
  noteReporter: "Note to the reporter (optional)",
  message: "Message",
  kind: "Kind",
  FUNCTIONAL: "Functional: next support level",
  HIERARCHICAL: "Hierarchical: management",
  level: "Level",
  top: "Already at the highest level.",
  handlingNotes: "Handling notes",
  closureCode: "Closure code",
  addKb: "Add to the knowledge base",
  reason: "Reason",
  noteOpt: "Note (optional)",
  save: "Save",
  saving: "Saving…",
  done: "{action}: saved.",
  required: "Required.",
  fix: "Check the marked fields.",
  yes: "Yes",
  no: "No",
  WEB: "Web",
  PHONE: "Phone",
  EMAIL: "E-mail",
  WALK_IN: "Walk-in",
  details: "Details",
  conversation: "Conversation",
  reported: "Report",
  activity: "{n} changes",
};

/** Everything the agent queue says, in English and Indonesian. */
export type QueueKey = keyof typeof en;

/** The agent queue's catalogue; ticket words shared with the tracker live in shared/ticket-text, Indonesian in agent-queue.messages.id.ts. */
export const queueMessages: Messages<QueueKey> = { en };

/** A word of the queue's parts: its own or a ticket word shared with the tracker. */
export type DeskKey = QueueKey | TicketTextKey;

/** A message of the queue's parts, or a ticket word shared with the tracker. */
export function deskText(lc: LocaleController, key: DeskKey, values?: Record<string, string | number>): string {
  return key in queueMessages.en ? lc.t(queueMessages, key as QueueKey, values) : lc.t(ticketText, key as TicketTextKey, values);
}

/** The agent queue's Indonesian words, fetched only for Indonesian readers. */
export const indonesian = lazyWords(() => import("./agent-queue.messages.id.js"));
