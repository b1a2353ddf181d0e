import { describe, expect, it } from "vitest";
import { Visibility } from "../tickets/ticket.enums.js";
import {
  contentDisposition,
  FALLBACK_FILENAME,
  mayRead,
  MAX_FILENAME_LENGTH,
  megabytes,
  sanitizeFilename,
  type AttachmentReader,
} from "./attachment.rules.js";

describe("sanitizeFilename", () => {
  it.each([
    ["keeps a plain name", "screenshot.png", "screenshot.png"],
    ["keeps non-Latin letters", "bukti-pembayaran_Ø.pdf", "bukti-pembayaran_Ø.pdf"],
    ["drops a Unix path", "/home/budi/../../etc/passwd", "passwd"],
    ["drops a Windows path", "C:\\Users\\Budi\\Desktop\\error.png", "error.png"],
    ["strips control characters", "log\u0000\r\nfile\u007f\u0085.txt", "logfile.txt"],
    ["strips direction overrides that disguise the extension", "invoice\u202Efdp.exe", "invoicefdp.exe"],
    ["trims surrounding spaces", "  report.pdf  ", "report.pdf"],
    ["names an empty name", "", FALLBACK_FILENAME],
    ["names a bare parent reference", "..", FALLBACK_FILENAME],
    ["names a path that ends in a slash", "photos/", FALLBACK_FILENAME],
    ["names a name made only of control characters", "\u0001\u0002", FALLBACK_FILENAME],
    ["replaces a lone surrogate", "a\uD800b.txt", "a\uFFFDb.txt"],
    ["composes decomposed accents (NFC)", "cafe\u0301.txt", "café.txt"],
  ])("%s", (_behaviour, raw, expected) => {
    expect(sanitizeFilename(raw)).toBe(expected);
  });

  it.each([
    ["cuts the stem and keeps the extension", `${"a".repeat(300)}.png`, `${"a".repeat(MAX_FILENAME_LENGTH - 4)}.png`],
    ["cuts a name without extension", "b".repeat(300), "b".repeat(MAX_FILENAME_LENGTH)],
    ["does not keep an absurdly long extension", `x.${"c".repeat(300)}`, `x.${"c".repeat(MAX_FILENAME_LENGTH - 2)}`],
    ["counts characters, not UTF-16 units", "😀".repeat(300), "😀".repeat(MAX_FILENAME_LENGTH)],
  ])("%s", (_behaviour, raw, expected) => {
    const clean = sanitizeFilename(raw);
    expect(clean).toBe(expected);
    expect(Array.from(clean)).toHaveLength(MAX_FILENAME_LENGTH);
  });
});

describe("contentDisposition", () => {
  it.each([
    ["an ASCII name", "error.png", `attachment; filename="error.png"; filename*=UTF-8''error.png`],
    ["a name with spaces and quotes", 'my "log" (1).txt', `attachment; filename="my _log_ (1).txt"; filename*=UTF-8''my%20%22log%22%20%281%29.txt`],
    ["a non-ASCII name", "bukti_Ø.pdf", `attachment; filename="bukti__.pdf"; filename*=UTF-8''bukti_%C3%98.pdf`],
    ["a name with a backslash and apostrophe", "it's\\x", `attachment; filename="it's_x"; filename*=UTF-8''it%27s%5Cx`],
  ])("carries %s safely", (_what, name, expected) => {
    expect(contentDisposition(name)).toBe(expected);
  });
});

describe("megabytes", () => {
  it.each([
    [10 * 1024 * 1024, "10 MB"],
    [1.5 * 1024 * 1024, "1.5 MB"],
    [512 * 1024, "0.5 MB"],
    [100_000, "0.1 MB"],
  ])("writes %i bytes as %s", (bytes, expected) => {
    expect(megabytes(bytes)).toBe(expected);
  });
});

describe("mayRead", () => {
  const linked = { siteId: "site-a", ticketId: "ticket-1", visibility: Visibility.PUBLIC };
  const onNote = { siteId: "site-a", ticketId: "ticket-1", visibility: Visibility.INTERNAL };
  const unlinked = { siteId: "site-a", ticketId: null, visibility: null };
  const agentA: AttachmentReader = { kind: "agent", siteId: "site-a" };
  const agentB: AttachmentReader = { kind: "agent", siteId: "site-b" };
  const reporter1: AttachmentReader = { kind: "reporter", siteId: "site-a", ticketId: "ticket-1" };
  const reporter2: AttachmentReader = { kind: "reporter", siteId: "site-a", ticketId: "ticket-2" };
  const reporterElsewhere: AttachmentReader = { kind: "reporter", siteId: "site-b", ticketId: "ticket-1" };

  it.each([
    ["lets an agent of the site read a linked file", linked, agentA, true],
    ["lets an agent of the site read an unlinked upload", unlinked, agentA, true],
    ["hides a file from an agent of another site", linked, agentB, false],
    ["lets the reporter of the ticket read its file", linked, reporter1, true],
    ["hides a file from the reporter of another ticket", linked, reporter2, false],
    ["hides an unlinked upload from every reporter", unlinked, reporter1, false],
    ["hides a file from a reporter of another site with the same ticket id", linked, reporterElsewhere, false],
    ["hides a file of an internal note from the reporter of its ticket", onNote, reporter1, false],
    ["lets an agent of the site read a file of an internal note", onNote, agentA, true],
  ])("%s", (_behaviour, attachment, reader, expected) => {
    expect(mayRead(attachment, reader)).toBe(expected);
  });
});
