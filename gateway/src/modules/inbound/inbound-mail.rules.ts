/**
 * Rules for mail that arrives: which mail was sent by a machine (and so never gets a bounce, which
 * is how bounce loops start), where a bounce goes, and what a bounce says. Pure.
 */

/** Why a mail was refused; each has a sentence in both languages. */
export type BounceReason =
  | "NOT_REPORTER"
  | "UNKNOWN_RECIPIENT"
  | "TICKET_CLOSED"
  | "FILE_TOO_LARGE"
  | "FILE_TYPE"
  | "TOO_MANY_FILES"
  | "EMPTY"
  | "REFUSED";

/** The languages bounces are written in (the outbox's template languages). */
export type BounceLanguage = "id" | "en";

const REASONS: Record<BounceReason, Record<BounceLanguage, string>> = {
  NOT_REPORTER: {
    en: "Only the person who reported this ticket can reply to it by e-mail, from the address they gave.",
    id: "Hanya pelapor tiket ini yang dapat membalasnya lewat e-mail, dari alamat yang ia berikan.",
  },
  UNKNOWN_RECIPIENT: {
    en: "This address does not belong to a ticket or a service desk.",
    id: "Alamat ini bukan milik tiket atau layanan bantuan mana pun.",
  },
  TICKET_CLOSED: {
    en: "This ticket is closed and takes no more messages; please report a new incident.",
    id: "Tiket ini sudah ditutup dan tidak menerima pesan lagi; silakan laporkan insiden baru.",
  },
  FILE_TOO_LARGE: {
    en: "An attachment is larger than this service desk accepts; nothing was added. Send a smaller file.",
    id: "Sebuah lampiran melebihi ukuran yang diterima layanan bantuan ini; tidak ada yang ditambahkan. Kirim berkas yang lebih kecil.",
  },
  FILE_TYPE: {
    en: "An attachment is of a type this service desk does not accept; nothing was added.",
    id: "Sebuah lampiran berjenis yang tidak diterima layanan bantuan ini; tidak ada yang ditambahkan.",
  },
  TOO_MANY_FILES: {
    en: "The mail has more attachments than a ticket may hold; nothing was added.",
    id: "E-mail ini memuat lebih banyak lampiran daripada yang boleh dimiliki sebuah tiket; tidak ada yang ditambahkan.",
  },
  EMPTY: {
    en: "The mail has no text of its own (only quoted history) and no attachment; nothing was added.",
    id: "E-mail ini tidak memuat teks sendiri (hanya kutipan) maupun lampiran; tidak ada yang ditambahkan.",
  },
  REFUSED: {
    en: "The service desk could not accept this mail; nothing was added.",
    id: "Layanan bantuan tidak dapat menerima e-mail ini; tidak ada yang ditambahkan.",
  },
};

/** The sentence a bounce gives for a reason. */
export function bounceText(reason: BounceReason, language: BounceLanguage): string {
  return REASONS[reason][language];
}

/** The headers of a mail the rules read, lowercase names, values as received. */
export type HeaderLookup = (name: string) => string | null;

/**
 * Whether a machine sent the mail (RFC 3834 `Auto-Submitted` other than `no`, `Precedence:
 * bulk/junk/list`, Microsoft's `X-Auto-Response-Suppress`, a mailer daemon): such mail is never
 * answered with a bounce, and an auto-reply to a ticket never lands on it as the reporter's word.
 */
export function isAutoSubmitted(header: HeaderLookup, sender: string | null): boolean {
  const auto = header("auto-submitted")?.trim().toLowerCase();
  if (auto && auto !== "no") return true;
  if (/^(bulk|junk|list|auto_reply)$/i.test(header("precedence")?.trim() ?? "")) return true;
  if (header("x-auto-response-suppress") !== null || header("x-autoreply") !== null || header("x-autorespond") !== null) return true;
  return sender !== null && /^(mailer-daemon|postmaster)@/i.test(sender);
}

/**
 * Whether the mail is a delivery report (a bounce: the null return path `<>`, or a
 * `multipart/report`). Such mail is dropped: if notifications are sent from a desk address, their
 * bounces come back to it, and each would otherwise open a ticket whose receipt bounces again.
 */
export function isDeliveryReport(header: HeaderLookup, returnPath: string | null): boolean {
  return normalizeAddress(returnPath) === null || /^multipart\/report\b/i.test(header("content-type")?.trim() ?? "");
}

/**
 * Where a bounce goes: the envelope sender (the return path), never to an empty one (`<>` is how
 * bounces and other machine mail say "do not answer") and never to machine mail.
 */
export function bounceRecipient(returnPath: string | null, autoSubmitted: boolean): string | null {
  const to = normalizeAddress(returnPath);
  return to && !autoSubmitted ? to : null;
}

/** An address as compared and stored: angle brackets and blanks gone, lowercase; null for an empty or malformed one. */
export function normalizeAddress(address: string | null | undefined): string | null {
  const clean = (address ?? "").trim().replace(/^<|>$/g, "").trim().toLowerCase();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(clean) ? clean : null;
}

/** The language of a bounce: Indonesian when the mail says so (`Content-Language: id`), else English. */
export function bounceLanguage(header: HeaderLookup): BounceLanguage {
  return /^(id|in)\b/i.test(header("content-language")?.trim() ?? "") ? "id" : "en";
}

/** Text cut to at most `max` characters as the databases count them (code points), marked when cut. */
export function fitText(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 2).join("").trimEnd()} …`;
}

/** An envelope as a mailbox keeps it in headers: the return path and the addresses the mail was delivered to. */
export interface HeaderEnvelope {
  /** `Return-Path` (null for `<>`), else the `From` address; null when neither is usable. */
  mailFrom: string | null;
  /** `Delivered-To`, `X-Original-To` and `Envelope-To` addresses. */
  rcptTo: string[];
}

/**
 * The envelope of a mail fetched from a mailbox (IMAP), read from the headers the delivering
 * server added. `headerText` is the mail's header section.
 */
export function envelopeFromHeaders(headerText: string): HeaderEnvelope {
  const fields = headerText.replace(/\r\n?/g, "\n").replace(/\n[ \t]+/g, " ").split("\n");
  const values = (name: string) => fields.filter((f) => f.toLowerCase().startsWith(`${name}:`)).map((f) => f.slice(name.length + 1).trim());
  const angle = (v: string) => /<([^>]*)>/.exec(v)?.[1] ?? v;
  const returnPath = values("return-path")[0];
  const from = values("from")[0];
  const mailFrom = returnPath !== undefined ? normalizeAddress(angle(returnPath)) : from !== undefined ? normalizeAddress(angle(from)) : null;
  const rcptTo = ["delivered-to", "x-original-to", "envelope-to"].flatMap((n) => values(n)).flatMap((v) => v.split(",")).map((v) => normalizeAddress(angle(v))).filter((v) => v !== null);
  return { mailFrom, rcptTo };
}
