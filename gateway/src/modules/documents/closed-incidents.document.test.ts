import { describe, expect, it } from "vitest";
import { ActorKind } from "../tickets/ticket.enums.js";
import {
  type ClosedIncident,
  closedIncidentBlocks,
  closedIncidentCells,
  closedIncidentsHtmlEnd,
  closedIncidentsHtmlRow,
  closedIncidentsHtmlStart,
  closedIncidentsPdfEnd,
  closedIncidentsPdfStart,
} from "./closed-incidents.document.js";
import { duration } from "./document-text.js";

const row = (closedBy: ClosedIncident["closedBy"]): ClosedIncident => ({
  code: "01.02112026.001",
  createdAt: new Date("2026-11-02T01:00:00Z"),
  closedAt: new Date("2026-11-04T03:40:00Z"),
  // As recap.rules' ticketTimes measures them (its table test covers business time).
  toRespondMs: 25 * 60_000,
  toResolveMs: (26 * 60 + 40) * 60_000,
  reporterName: "Budi",
  service: "Ipos",
  category: "Aplikasi",
  priority: "P2 High",
  resolution: "Restarted <the> service",
  closureCode: "FIXED",
  closedBy,
});
const JAKARTA = { language: "en", timeZone: "Asia/Jakarta" } as const;

describe("closed incidents report", () => {
  it.each([
    // closed by, language, cell
    [{ kind: ActorKind.AGENT, name: "Dewi" }, "en", "Dewi"],
    [{ kind: ActorKind.SYSTEM, name: null }, "en", "System (automatic)"],
    [{ kind: ActorKind.SYSTEM, name: null }, "id", "Sistem (otomatis)"],
    [{ kind: ActorKind.REPORTER, name: "Budi" }, "en", "Budi (confirmed by the reporter)"],
    [{ kind: ActorKind.REPORTER, name: "Budi" }, "id", "Budi (dikonfirmasi pelapor)"],
    [null, "en", ""],
  ] as const)("names who closed it (%j, %s): %s", (closedBy, language, cell) => {
    expect(closedIncidentCells(row(closedBy), { language, timeZone: "Asia/Jakarta" })[9]).toBe(cell);
  });

  it("writes the row in seed 002's column order, with the closure code's label and the durations", () => {
    const cells = closedIncidentCells(row({ kind: ActorKind.AGENT, name: "Dewi" }), JAKARTA);
    expect(cells.length).toBe(12);
    expect([cells[0], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7], cells[10], cells[11]]).toEqual([
      "01.02112026.001",
      "Budi",
      "Ipos",
      "Aplikasi",
      "P2 High",
      "Restarted <the> service",
      "Fixed",
      "25 min",
      "1 d 2 h 40 min",
    ]);
  });

  it.each([
    [null, "en", "–"],
    [0, "en", "0 min"],
    [59 * 60_000, "en", "59 min"],
    [60 * 60_000, "en", "1 h"],
    [(24 * 60 + 5) * 60_000, "id", "1 hr 5 mnt"],
    [(2 * 24 * 60 + 3 * 60) * 60_000, "en", "2 d 3 h"],
  ] as const)("writes %s ms in %s as %j", (ms, lang, text) => {
    expect(duration(ms, lang)).toBe(text);
  });

  it("opens with the period and scope, gives each incident its block and ends with the count, or says there were none", () => {
    const meta = { siteName: "Telkom Merak", ...JAKARTA, from: new Date("2026-11-01T00:00:00+07:00"), to: new Date("2026-12-01T00:00:00+07:00"), scope: "Site" };
    const start = closedIncidentsPdfStart(meta);
    expect(start.doc).toMatchObject({ title: "Closed incidents", subtitle: "1 November 2026 – 30 November 2026" });
    expect(start.doc.footer).toBe("Telkom Merak · Times in Asia/Jakarta; durations in business hours where the site keeps them");
    expect(start.blocks).toEqual([{ kind: "fields", rows: [["Period", "1 November 2026 – 30 November 2026"], ["Scope", "Site"]] }]);
    expect(closedIncidentsPdfEnd(meta, 0)).toEqual([{ kind: "paragraph", text: "No incident was closed in this period." }]);
    expect(closedIncidentsPdfEnd({ language: "id" }, 2)).toEqual([{ kind: "fields", rows: [["Jumlah insiden ditutup", "2"]] }]);
    expect(closedIncidentBlocks(closedIncidentCells(row(null), JAKARTA), "en")).toMatchObject([
      { kind: "heading", text: "01.02112026.001" },
      { kind: "fields", rows: expect.arrayContaining([["Closure code", "Fixed"], ["Closed by", ""], ["Time to resolve", "1 d 2 h 40 min"]]) },
    ]);
  });

  it("escapes every text it puts in the printable page", () => {
    const meta = { siteName: "<b>Site</b>", ...JAKARTA, from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-11-08T00:00:00Z"), scope: "Site" };
    const page = closedIncidentsHtmlStart(meta, "n0nce") + closedIncidentsHtmlRow(closedIncidentCells(row(null), JAKARTA)) + closedIncidentsHtmlEnd(meta, 1);
    expect(page).not.toContain("<b>Site</b>");
    expect(page).toContain("Restarted &lt;the&gt; service");
    expect(page).toContain('<style nonce="n0nce">');
  });
});
