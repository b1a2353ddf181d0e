/**
 * What the gateway itself says on a timeline entry, in both languages: why the ladder escalated
 * a ticket, why a ticket closed by itself, that the reporter withdrew it, that an approval step
 * went to the site's managers. Readers get it as `TimelineEntry.systemNote` and mail in the
 * reporter's language, so an Indonesian reporter never reads an English sentence the desk did not
 * write; `message` then carries only a person's own words. Read from the entry's structured data,
 * so it holds for entries written before it existed too.
 */
import type { Label } from "./closure.rules.js";
import { TicketEventKind } from "./ticket.enums.js";

/** The reasons the gateway writes itself (TicketEventData.reason). */
export const SystemReason = {
  RESPONSE_TARGET_MISSED: "RESPONSE_TARGET_MISSED",
  RESOLUTION_TARGET_MISSED: "RESOLUTION_TARGET_MISSED",
  AUTO_CLOSED: "AUTO_CLOSED",
  WITHDRAWN: "WITHDRAWN",
} as const;

/** The entry data a system note is read from (TicketEventData, or an event's copy of it). */
interface NoteData {
  reason?: unknown;
  escalationKind?: unknown;
  hours?: unknown;
  fallbackRole?: unknown;
  step?: unknown;
}

/** An entry as far as its system note goes. */
export interface NoteSource {
  kind: TicketEventKind;
  data: NoteData | null;
}

/** The note the gateway gives an entry; null when the entry carries none (a person wrote it, or it needs no words). */
export function systemNote(e: NoteSource): Label | null {
  const d = e.data ?? {};
  switch (d.reason) {
    case SystemReason.RESPONSE_TARGET_MISSED:
      return { en: "The response target passed without a response.", id: "Batas waktu tanggapan terlewati tanpa tanggapan." };
    case SystemReason.RESOLUTION_TARGET_MISSED:
      return d.escalationKind === "HIERARCHICAL"
        ? { en: "The resolution target passed at the highest support level.", id: "Batas waktu penyelesaian terlewati di lini dukungan tertinggi." }
        : { en: "The resolution target passed.", id: "Batas waktu penyelesaian terlewati." };
    case SystemReason.AUTO_CLOSED: {
      const h = typeof d.hours === "number" ? d.hours : 0;
      return {
        en: `Closed automatically: no word from the reporter for ${h} ${h === 1 ? "hour" : "hours"} after resolution.`,
        id: `Ditutup otomatis: tidak ada kabar dari pelapor selama ${h} jam setelah penyelesaian.`,
      };
    }
    case SystemReason.WITHDRAWN:
      return { en: "Withdrawn by the reporter.", id: "Ditarik kembali oleh pelapor." };
  }
  if (e.kind === TicketEventKind.APPROVAL_REQUESTED && d.fallbackRole) {
    const step = typeof d.step === "number" ? d.step : 1;
    return d.fallbackRole === "MANAGER"
      ? { en: `Nobody step ${step} names can decide it now, so the site's managers are asked instead.`, id: `Tidak ada yang ditunjuk langkah ${step} yang dapat memutuskan saat ini, jadi manajer situs yang diminta.` }
      : { en: `Nobody step ${step} names can decide it now, so the site's administrators are asked instead.`, id: `Tidak ada yang ditunjuk langkah ${step} yang dapat memutuskan saat ini, jadi administrator situs yang diminta.` };
  }
  return null;
}

/**
 * Whether an entry's stored text is an English sentence that {@link systemNote} now says in both
 * languages, so readers are not shown it: an approval fallback's, as written before the note
 * existed. Other entries with a note keep their text: a withdrawal's is the reporter's own
 * words, the ladder's says whom it alerted (the desk reads it; the reporter does not).
 */
export function systemWroteText(e: NoteSource): boolean {
  return e.kind === TicketEventKind.APPROVAL_REQUESTED && systemNote(e) !== null;
}
