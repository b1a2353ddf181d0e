import { describe, expect, it } from "vitest";
import { printable, renderPdf, type PdfDocument } from "./pdf-document.js";

const doc = (rows: number): PdfDocument => ({
  title: "Laporan tiket 01.30112026.001",
  subtitle: "Dibuat 30 November 2026",
  brand: { name: "PT Pos Indonesia", colour: "#c2410c" },
  language: "id",
  footer: "Sigap",
  blocks: [
    { kind: "heading", text: "Rincian" },
    { kind: "fields", rows: [["Kode", "01.30112026.001"], ["Status", "Selesai"]] },
    { kind: "paragraph", text: "Aplikasi loket tidak bisa login sejak pagi." },
    { kind: "table", columns: ["Waktu", "Peristiwa"], rows: Array.from({ length: rows }, (_, i) => [`${i}`, `Balasan ${i}`]) },
  ],
});

const pages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;

describe("renderPdf", () => {
  it("writes a PDF", async () => {
    const pdf = await renderPdf(doc(3));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pages(pdf)).toBe(1);
  });

  it("continues a long table on further pages", async () => {
    expect(pages(await renderPdf(doc(200)))).toBeGreaterThan(3);
  });
});

describe("printable", () => {
  it.each([
    ["Kecamatan Sungai Kunjang", "Kecamatan Sungai Kunjang"],
    ["café – “ok” €5", "café – “ok” €5"],
    ["rusak 😡", "rusak ?"],
    ["≥ 3", "? 3"],
  ])("%s → %s", (given, shown) => {
    expect(printable(given)).toBe(shown);
  });
});
