/**
 * What a reporter may receive. Every reporter path (trackTicket, ticketUpdated, the download
 * URL with code and token, the feedback view) passes its timeline entries and files through
 * these functions; the desk sees everything.
 */
import { TicketEventKind, Visibility } from "./ticket.enums.js";

/** Kinds whose text and people are desk detail; the reporter sees only that they happened. */
const REDACTED_FOR_REPORTER: ReadonlySet<TicketEventKind> = new Set([
  TicketEventKind.ESCALATED,
  TicketEventKind.AUTO_ESCALATED,
  TicketEventKind.ASSIGNED,
  TicketEventKind.CLASSIFIED,
]);

/** Whether the reporter receives a timeline entry of this visibility at all. */
export function reporterSeesEntry(visibility: Visibility): boolean {
  return visibility === Visibility.PUBLIC;
}

/** Whether the reporter sees an entry's message, actor and the people and groups it names, or only that it happened. */
export function reporterSeesDetail(kind: TicketEventKind): boolean {
  return !REDACTED_FOR_REPORTER.has(kind);
}

/** The fields of an entry visibility decides about. */
export interface EntryDetail {
  actorName: string | null;
  message: string | null;
  groupName: string | null;
  assigneeName: string | null;
}

/** An entry's detail as the reporter may see it: emptied for desk-only kinds, unchanged otherwise. */
export function reporterDetail<T extends EntryDetail>(kind: TicketEventKind, detail: T): T {
  return reporterSeesDetail(kind) ? detail : { ...detail, actorName: null, message: null, groupName: null, assigneeName: null };
}

/**
 * Whether the reporter may read a file. A file belongs to the timeline entry that linked it to
 * the ticket and takes that entry's visibility; one never linked (visibility null) belongs to
 * no entry, so only the desk sees it.
 */
export function reporterSeesAttachment(attachment: { visibility: Visibility | null }): boolean {
  return attachment.visibility !== null && reporterSeesEntry(attachment.visibility);
}

/** The attachment ids of an entry the reporter may see: none on an entry they do not receive. */
export function reporterAttachmentIds(visibility: Visibility, ids: readonly string[]): string[] {
  return reporterSeesEntry(visibility) ? [...ids] : [];
}
