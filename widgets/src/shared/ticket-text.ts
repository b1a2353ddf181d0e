import type { Channel, PendingReason, Priority, TicketEventKind, TicketStatus } from "../client/generated.js";
import type { LocaleController, Messages } from "./locale.js";

const en = {
  NEW: "New",
  ASSIGNED: "Assigned",
  IN_PROGRESS: "In progress",
  PENDING: "Pending",
  RESOLVED: "Resolved",
  CLOSED: "Closed",
  CANCELLED: "Cancelled",
  P1: "Critical",
  P2: "High",
  P3: "Medium",
  P4: "Low",
  P5: "Planning",
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
  REPORTER: "waiting on the reporter",
  APPROVAL: "waiting on approval",
  THIRD_PARTY: "waiting on a third party",
  COST_DECISION: "waiting on a cost decision",
  ok: "On time",
  risk: "At risk",
  breached: "Breached",
  paused: "Paused",
  met: "Met",
  none: "—",
  "k.REPORTED": "Reported",
  "k.STATUS_CHANGED": "Status changed from {from} to {to}",
  "k.AGENT_REPLY": "Reply from the service desk",
  "k.REPORTER_MESSAGE": "Message from the reporter",
  "k.REPORTER_MESSAGE.self": "Your message",
  "k.ESCALATED.level": "Escalated to support level {n}",
  "k.ESCALATED.mgmt": "Management informed ({who})",
  "k.AUTO": "{what} (automatically, SLA target missed)",
  "k.ASSIGNED": "Assigned to a handler",
  "k.ASSIGNED.to": "Assigned to {to}",
  "k.CLASSIFIED": "Classified",
  "k.CLASSIFIED.p": "Classified: priority {p}",
  "k.RESOLVED": "Resolved",
  "k.CLOSED": "Closed",
  "k.REOPENED": "Reopened",
  "k.CANCELLED": "Cancelled",
  "k.FEEDBACK": "Feedback given",
  "k.APPROVAL_GIVEN": "Approved",
  "k.INTERNAL_NOTE": "Internal note",
  supervisor: "supervisor",
  manager: "manager",
  internal: "Internal",
  closureCode: "Closure code",
  attachment: "Attachment",
  status: "Status",
  priority: "Priority",
  service: "Service",
  // A ticket's type (incident, request, work order); the types' own words are the gateway's (typeLabel).
  type: "Type",
  responseDue: "Response due",
  resolutionDue: "Resolution due",
  resolution: "Resolution",
  files: "Attachments",
  timeline: "Timeline",
  loading: "Loading…",
  retry: "Try again",
  live: "Live",
  connecting: "Connecting…",
  reconnecting: "Reconnecting…",
  off: "Live updates unavailable",
};

/** A key of {@link ticketText}. */
export type TicketTextKey = keyof typeof en;

/** Words about tickets that the tracker and the agent queue both say; Indonesian in ticket-text.id.ts. */
export const ticketText: Messages<TicketTextKey> = { en };

/** A timeline entry as either surface receives it; the desk-only fields are absent for reporters. */
export interface TimelineEntryLike {
  id: string;
  at: string;
  kind: TicketEventKind;
  actorName: string | null;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  message: string | null;
  supportLevel: number | null;
  hierarchyLevel: number | null;
  priority: Priority | null;
  code: string | null;
  /** The code's label in both languages, when the gateway knows it. */
  codeLabel?: { en: string; id: string } | null;
  /** What the gateway itself says of the entry (why it escalated or closed by itself…), in both languages. */
  systemNote?: { en: string; id: string } | null;
  attachmentIds: string[];
  visibility?: "PUBLIC" | "INTERNAL";
  groupName?: string | null;
  assigneeName?: string | null;
  /** On a REPORTED entry the desk logged for a caller: how the caller reached it (the actor logged it). */
  channel?: Channel | null;
}

/** "In progress" / "Dikerjakan". */
export function statusLabel(lc: LocaleController, status: TicketStatus): string {
  return lc.t(ticketText, status);
}

/** "P1 Critical" / "P1 Kritis". */
export function priorityLabel(lc: LocaleController, priority: Priority): string {
  return `${priority} ${lc.t(ticketText, priority)}`;
}

/** A PENDING ticket's reason, e.g. "waiting on the reporter". */
export function pendingLabel(lc: LocaleController, reason: PendingReason | null): string {
  return reason ? lc.t(ticketText, reason) : "";
}

/**
 * One sentence saying what a timeline entry records. The reporter's view carries no group or
 * person of an assignment or escalation (the gateway redacts them), so those sentences stay general.
 */
export function entrySentence(lc: LocaleController, e: TimelineEntryLike, forReporter: boolean): string {
  const t = (key: TicketTextKey, values?: Record<string, string | number>): string => lc.t(ticketText, key, values);
  const to = [e.groupName, e.assigneeName].filter(Boolean).join(" / ");
  switch (e.kind) {
    // An approval chain's start, outcome and rejection move the status; its next step only waits on approval.
    case "APPROVAL_REQUESTED":
    case "APPROVED":
    case "REJECTED":
    case "STATUS_CHANGED": {
      if (!e.toStatus) return t("APPROVAL");
      const s = t("k.STATUS_CHANGED", { from: e.fromStatus ? t(e.fromStatus) : "—", to: t(e.toStatus) });
      // A hold says what it waits on, because that is what the reporter needs to act on.
      return e.toStatus === "PENDING" && isPendingReason(e.code) ? `${s} (${t(e.code)})` : s;
    }
    case "ESCALATED":
    case "AUTO_ESCALATED": {
      const what = e.hierarchyLevel
        ? t("k.ESCALATED.mgmt", { who: t(e.hierarchyLevel >= 2 ? "manager" : "supervisor") })
        : t("k.ESCALATED.level", { n: e.supportLevel ?? "?" });
      const full = to && !forReporter ? `${what} → ${to}` : what;
      return e.kind === "AUTO_ESCALATED" ? t("k.AUTO", { what: full }) : full;
    }
    case "ASSIGNED":
      return to ? t("k.ASSIGNED.to", { to }) : t("k.ASSIGNED");
    case "CLASSIFIED":
      return e.priority ? t("k.CLASSIFIED.p", { p: priorityLabel(lc, e.priority) }) : t("k.CLASSIFIED");
    case "REPORTER_MESSAGE":
      return t(forReporter ? "k.REPORTER_MESSAGE.self" : "k.REPORTER_MESSAGE");
    default:
      // Work-order entries come named by the gateway (codeLabel): the first load carries no words for them.
      return e.codeLabel?.[lc.lang] ?? t(`k.${e.kind}` as TicketTextKey);
  }
}

function isPendingReason(code: string | null): code is PendingReason {
  return code === "REPORTER" || code === "APPROVAL" || code === "THIRD_PARTY" || code === "COST_DECISION";
}
