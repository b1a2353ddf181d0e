import type { Visibility } from "../tickets/ticket.enums.js";
import { reporterSeesAttachment } from "../tickets/visibility.rules.js";

/** The longest filename kept, in characters (the column is VARCHAR(255)). */
export const MAX_FILENAME_LENGTH = 255;

/** The name given to a file whose own name leaves nothing usable. */
export const FALLBACK_FILENAME = "file";

// C0 controls, DEL and C1 controls, plus the invisible direction marks and overrides that can
// make "invoice‮fdp.exe" read as "invoiceexe.pdf".
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Lone surrogates cannot be percent-encoded for Content-Disposition.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Extensions longer than this are not worth saving when a name is cut short.
const MAX_KEPT_EXTENSION = 16;

/** A client's filename made safe to keep and show: the last path segment, no control characters, at most 255 characters. */
export function sanitizeFilename(raw: string): string {
  const cleaned = raw.normalize("NFC").replace(LONE_SURROGATE, "\uFFFD").replace(UNSAFE_CHARS, "");
  const base = (cleaned.split(/[/\\]/).pop() ?? "").trim();
  if (base === "" || base === "." || base === "..") return FALLBACK_FILENAME;
  const chars = Array.from(base);
  if (chars.length <= MAX_FILENAME_LENGTH) return base;
  // Cut the stem rather than the extension, so the name still says what kind of file it is.
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 ? Array.from(base.slice(dot)) : [];
  const keep = ext.length > 1 && ext.length <= MAX_KEPT_EXTENSION ? ext : [];
  return chars.slice(0, MAX_FILENAME_LENGTH - keep.length).join("") + keep.join("");
}

/** A `Content-Disposition: attachment` value carrying any filename: an ASCII stand-in plus the exact UTF-8 name (RFC 6266). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const exact = encodeURIComponent(filename.replace(LONE_SURROGATE, "\uFFFD")).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/** A size limit in megabytes as people read it: `10 MB`, `1.5 MB`. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : Number(mb.toFixed(mb < 1 ? 2 : 1))} MB`;
}

/** Who asks to download an evidence file, once their credentials have been checked. */
export type AttachmentReader =
  | { kind: "agent"; siteId: string }
  | { kind: "reporter"; siteId: string; ticketId: string };

/**
 * Whether a reader may download an attachment: any agent of its site, or the reporter of the
 * ticket it is linked to when the entry that linked it is one the reporter sees
 * (visibility.rules: a file on an internal note never reaches the reporter). An upload not yet
 * linked belongs to no reporter's ticket, so only the desk sees it.
 */
export function mayRead(attachment: { siteId: string; ticketId: string | null; visibility: Visibility | null }, reader: AttachmentReader): boolean {
  if (attachment.siteId !== reader.siteId) return false;
  if (reader.kind === "agent") return true;
  return attachment.ticketId !== null && attachment.ticketId === reader.ticketId && reporterSeesAttachment(attachment);
}
