import { describe, expect, it } from "vitest";
import { TicketEventKind, TicketStatus, Visibility } from "../tickets/ticket.enums.js";
import { type ReportAudience, type ReportEntry, type TicketReportSource, ticketReportDocument } from "./ticket-report.document.js";

const at = new Date("2026-11-02T03:00:00Z");
const entry = (kind: TicketEventKind, visibility: Visibility, body: string | null, actorName: string | null = "Dewi"): ReportEntry => ({
  at,
  kind,
  visibility,
  actorName,
  body,
  toStatus: null,
  data: kind === TicketEventKind.ASSIGNED ? { assigneeName: "Andi (L2)" } : null,
});

const source = (audience: ReportAudience, language: "en" | "id" = "en"): TicketReportSource => ({
  audience,
  language,
  timeZone: "Asia/Jakarta",
  siteName: "Telkom Merak",
  ticket: {
    code: "01.02112026.001",
    status: TicketStatus.RESOLVED,
    priority: "P2",
    channel: "WEB",
    createdAt: at,
    responseDueAt: at,
    resolutionDueAt: at,
    firstRespondedAt: at,
    resolvedAt: at,
    closedAt: null,
    resolution: "Replaced the cable",
    closureCode: "FIXED",
    description: "Ipos cannot log in",
    reporterName: "Budi Santoso",
    reporterEmail: "budi@contoh.example",
    reporterPhone: null,
    location: "Loket 3",
    kelurahan: null,
    kecamatan: "Pekalongan Barat",
  },
  serviceName: "Ipos",
  categoryName: null,
  fields: [{ label: "Counter", value: "3" }],
  entries: [
    entry(TicketEventKind.REPORTED, Visibility.PUBLIC, null, "Budi Santoso"),
    entry(TicketEventKind.ASSIGNED, Visibility.PUBLIC, "handed to level 2"),
    entry(TicketEventKind.AGENT_REPLY, Visibility.PUBLIC, "We replaced the cable."),
    entry(TicketEventKind.INTERNAL_NOTE, Visibility.INTERNAL, "Vendor password is hunter2"),
  ],
  attachments: [
    { filename: "photo.jpg", visibility: Visibility.PUBLIC },
    { filename: "vendor-contract.pdf", visibility: Visibility.INTERNAL },
    { filename: "unlinked.txt", visibility: null },
  ],
});

const text = (audience: ReportAudience, language: "en" | "id" = "en") => JSON.stringify(ticketReportDocument(source(audience, language)));

describe("ticketReportDocument", () => {
  it.each([
    // audience, language, text, present
    ["REPORTER", "en", "01.02112026.001", true],
    ["REPORTER", "en", "We replaced the cable.", true],
    ["REPORTER", "en", "Budi Santoso", true],
    ["REPORTER", "en", "Loket 3", true],
    ["REPORTER", "en", "Counter", true],
    ["REPORTER", "en", "photo.jpg", true],
    ["REPORTER", "en", "Fixed", true],
    ["REPORTER", "en", "Vendor password is hunter2", false],
    ["REPORTER", "en", "Internal note", false],
    ["REPORTER", "en", "vendor-contract.pdf", false],
    ["REPORTER", "en", "unlinked.txt", false],
    ["REPORTER", "en", "handed to level 2", false],
    ["REPORTER", "en", "Andi (L2)", false],
    ["REPORTER", "id", "Vendor password is hunter2", false],
    ["REPORTER", "id", "Laporan tiket", true],
    ["DESK", "en", "Vendor password is hunter2", true],
    ["DESK", "en", "Internal note (internal)", true],
    ["DESK", "en", "vendor-contract.pdf", true],
    ["DESK", "en", "handed to level 2", true],
    ["DESK", "en", "Desk copy: includes internal notes", true],
    ["DESK", "id", "Salinan petugas: termasuk catatan internal", true],
  ] as const)("the %s copy in %s holds %j: %s", (audience, language, needle, present) => {
    expect(text(audience, language).includes(needle)).toBe(present);
  });

  it("lists the reporter's public timeline in order, with redacted desk detail kept as an event", () => {
    const doc = ticketReportDocument(source("REPORTER"));
    const timeline = doc.blocks.find((b) => b.kind === "table");
    expect(timeline?.kind === "table" && timeline.rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ["Reported", "Budi Santoso", ""],
      ["Assigned", "", ""],
      ["Desk reply", "Dewi", "We replaced the cable."],
    ]);
  });
});
