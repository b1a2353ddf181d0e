import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type PdfBlock, printable, renderPdf, streamPdf, type PdfDocument } from "./pdf-document.js";

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

describe("streamPdf", () => {
  const { blocks, ...head } = doc(0);
  async function* batches(n: number, seen: { read: number }): AsyncGenerator<readonly PdfBlock[]> {
    yield blocks;
    for (let i = 0; i < n; i++) {
      // As a database read would, give the event loop a turn.
      await new Promise(setImmediate);
      seen.read++;
      yield [{ kind: "fields", rows: Array.from({ length: 40 }, (_, j): [string, string] => [`Baris ${i}.${j}`, "Balasan yang cukup panjang untuk satu baris"]) }];
    }
  }

  it("writes the same kind of PDF a batch at a time, pages sent as they fill", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => out.on("end", resolve));
    const seen = { read: 0 };
    await streamPdf(head, batches(10, seen), out);
    await ended;
    const pdf = Buffer.concat(chunks);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.subarray(-6).toString()).toContain("%%EOF");
    expect(seen.read).toBe(10);
    expect(pages(pdf)).toBeGreaterThan(5);
  });

  it("stops reading batches once the reader has gone", async () => {
    // A reader that hangs up on the first bytes it gets: the writer stops reading and drawing.
    const out: Writable = new Writable({ write: () => out.destroy() });
    const seen = { read: 0 };
    await streamPdf(head, batches(1000, seen), out);
    expect(out.destroyed).toBe(true);
    expect(seen.read).toBeLessThan(5);
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
