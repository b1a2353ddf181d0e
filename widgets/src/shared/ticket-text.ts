import type { PendingReason, Priority, TicketEventKind, TicketStatus } from "../client/generated.js";
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
  "k.INTERNAL_NOTE": "Internal note",
  supervisor: "supervisor",
  manager: "manager",
  internal: "Internal",
  closureCode: "Closure code",
  attachment: "Attachment",
  status: "Status",
  priority: "Priority",
  service: "Service",
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

const id: Record<keyof typeof en, string> = {
  NEW: "Baru",
  ASSIGNED: "Ditugaskan",
  IN_PROGRESS: "Dikerjakan",
  PENDING: "Ditunda",
  RESOLVED: "Terselesaikan",
  CLOSED: "Ditutup",
  CANCELLED: "Dibatalkan",
  P1: "Kritis",
  P2: "Tinggi",
  P3: "Sedang",
  P4: "Rendah",
  P5: "Perencanaan",
  HIGH: "Tinggi",
  MEDIUM: "Sedang",
  LOW: "Rendah",
  REPORTER: "menunggu pelapor",
  APPROVAL: "menunggu persetujuan",
  THIRD_PARTY: "menunggu pihak ketiga",
  ok: "Tepat waktu",
  risk: "Berisiko terlambat",
  breached: "Terlambat",
  paused: "Dijeda",
  met: "Terpenuhi",
  none: "—",
  "k.REPORTED": "Dilaporkan",
  "k.STATUS_CHANGED": "Status berubah dari {from} menjadi {to}",
  "k.AGENT_REPLY": "Balasan dari service desk",
  "k.REPORTER_MESSAGE": "Pesan dari pelapor",
  "k.REPORTER_MESSAGE.self": "Pesan Anda",
  "k.ESCALATED.level": "Dieskalasi ke dukungan level {n}",
  "k.ESCALATED.mgmt": "Manajemen diberi tahu ({who})",
  "k.AUTO": "{what} (otomatis, target SLA terlewati)",
  "k.ASSIGNED": "Ditugaskan ke petugas",
  "k.ASSIGNED.to": "Ditugaskan ke {to}",
  "k.CLASSIFIED": "Diklasifikasikan",
  "k.CLASSIFIED.p": "Diklasifikasikan: prioritas {p}",
  "k.RESOLVED": "Diselesaikan",
  "k.CLOSED": "Ditutup",
  "k.REOPENED": "Dibuka kembali",
  "k.CANCELLED": "Dibatalkan",
  "k.FEEDBACK": "Penilaian diberikan",
  "k.INTERNAL_NOTE": "Catatan internal",
  supervisor: "supervisor",
  manager: "manajer",
  internal: "Internal",
  closureCode: "Kode penutupan",
  attachment: "Lampiran",
  status: "Status",
  priority: "Prioritas",
  service: "Layanan",
  responseDue: "Batas respons",
  resolutionDue: "Batas penyelesaian",
  resolution: "Penyelesaian",
  files: "Lampiran",
  timeline: "Riwayat",
  loading: "Memuat…",
  retry: "Coba lagi",
  live: "Langsung",
  connecting: "Menyambung…",
  reconnecting: "Menyambung ulang…",
  off: "Pembaruan langsung tidak tersedia",
};

/** A key of {@link ticketText}. */
export type TicketTextKey = keyof typeof en;

/** Words about tickets that the tracker and the agent queue both say, in English and Indonesian. */
export const ticketText: Messages<TicketTextKey> = { en, id };

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
  attachmentIds: string[];
  visibility?: "PUBLIC" | "INTERNAL";
  groupName?: string | null;
  assigneeName?: string | null;
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
    case "STATUS_CHANGED": {
      const s = t("k.STATUS_CHANGED", { from: e.fromStatus ? t(e.fromStatus) : "—", to: e.toStatus ? t(e.toStatus) : "—" });
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
      return t(`k.${e.kind}`);
  }
}

function isPendingReason(code: string | null): code is PendingReason {
  return code === "REPORTER" || code === "APPROVAL" || code === "THIRD_PARTY";
}
