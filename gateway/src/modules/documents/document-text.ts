/**
 * The words every document shares, in both languages: event kinds, priorities, and how dates
 * and durations are written. Pure; each document's own headings live beside its builder.
 */
import type { MailLanguage } from "../notifications/mail-language.js";
import { TicketEventKind } from "../tickets/ticket.enums.js";
import { WORK_ORDER_ENTRY_LABEL } from "../workorders/work-order.rules.js";

/** A text in both languages. */
export type Bilingual = Readonly<Record<MailLanguage, string>>;

/** What each timeline entry kind is called in a document. */
export const EVENT_KIND_TEXT: Readonly<Record<TicketEventKind, Bilingual>> = Object.freeze({
  [TicketEventKind.REPORTED]: { en: "Reported", id: "Dilaporkan" },
  [TicketEventKind.CLASSIFIED]: { en: "Classified", id: "Diklasifikasi" },
  [TicketEventKind.ASSIGNED]: { en: "Assigned", id: "Ditugaskan" },
  [TicketEventKind.STATUS_CHANGED]: { en: "Status changed", id: "Status berubah" },
  [TicketEventKind.AGENT_REPLY]: { en: "Desk reply", id: "Balasan petugas" },
  [TicketEventKind.REPORTER_MESSAGE]: { en: "Reporter's message", id: "Pesan pelapor" },
  [TicketEventKind.INTERNAL_NOTE]: { en: "Internal note", id: "Catatan internal" },
  [TicketEventKind.ESCALATED]: { en: "Escalated", id: "Dieskalasi" },
  [TicketEventKind.AUTO_ESCALATED]: { en: "Escalated automatically", id: "Dieskalasi otomatis" },
  [TicketEventKind.RESOLVED]: { en: "Resolved", id: "Selesai ditangani" },
  [TicketEventKind.CLOSED]: { en: "Closed", id: "Ditutup" },
  [TicketEventKind.REOPENED]: { en: "Reopened", id: "Dibuka kembali" },
  [TicketEventKind.CANCELLED]: { en: "Cancelled", id: "Dibatalkan" },
  [TicketEventKind.FEEDBACK]: { en: "Feedback given", id: "Penilaian diberikan" },
  [TicketEventKind.APPROVAL_REQUESTED]: { en: "Approval requested", id: "Persetujuan diminta" },
  [TicketEventKind.APPROVAL_GIVEN]: { en: "Approval step given", id: "Tahap persetujuan diberikan" },
  [TicketEventKind.APPROVED]: { en: "Approved", id: "Disetujui" },
  [TicketEventKind.REJECTED]: { en: "Rejected", id: "Ditolak" },
  ...WORK_ORDER_ENTRY_LABEL,
});

const LOCALE: Readonly<Record<MailLanguage, string>> = { en: "en-GB", id: "id-ID" };

/** A date and time as a reader of `lang` in `timeZone` writes it; "–" for none. */
export function when(at: Date | null, lang: MailLanguage, timeZone: string): string {
  if (!at) return "–";
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone, dateStyle: "medium", timeStyle: "short" }).format(at);
}

/** A period [from, to) in words, from its first day to its last one, as a reader of `lang` in `timeZone` writes days. */
export function days(from: Date, to: Date, lang: MailLanguage, timeZone: string): string {
  const day = (d: Date) => new Intl.DateTimeFormat(LOCALE[lang], { timeZone, dateStyle: "long" }).format(d);
  return `${day(from)} – ${day(new Date(to.getTime() - 1))}`;
}

/** A duration in whole minutes, hours and days ("2 d 3 h 5 min" / "2 hr 3 j 5 mnt"); "–" for none. */
export function duration(ms: number | null, lang: MailLanguage): string {
  if (ms === null || ms < 0) return "–";
  const minutes = Math.round(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const unit = lang === "id" ? { d: "hr", h: "j", m: "mnt" } : { d: "d", h: "h", m: "min" };
  const parts = [d ? `${d} ${unit.d}` : "", h ? `${h} ${unit.h}` : "", `${m} ${unit.m}`].filter(Boolean);
  return d || h ? parts.filter((p) => p !== `0 ${unit.m}`).join(" ") : parts.join(" ");
}
