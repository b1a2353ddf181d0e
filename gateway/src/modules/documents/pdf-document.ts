/**
 * Sigap's documents as PDF (pdfkit): a document is plain data — a title, the site's brand and
 * blocks of headings, paragraphs, label/value fields and tables — built by a pure function per
 * document (an approval's work permit, a ticket's report, a period's closed incidents, a recap),
 * and rendered here, the one place that knows page geometry: whole (renderPdf, "page n / total")
 * or streamed a batch of blocks at a time (streamPdf, for reports of any length). Text uses the PDF standard fonts
 * (Helvetica), which cover Latin text such as Indonesian and English; characters outside
 * Windows-1252 are replaced so nothing unreadable is printed.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import PDFDocument from "pdfkit";

/** One block of a document, top to bottom. */
export type PdfBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "fields"; rows: ReadonlyArray<readonly [label: string, value: string]> }
  | { kind: "table"; columns: readonly string[]; rows: ReadonlyArray<readonly string[]> };

/** A document to render: what it says, not how it is laid out. */
export interface PdfDocument {
  title: string;
  subtitle?: string | null;
  /** The site the document comes from: its name heads every document, in its colour. */
  brand: { name: string; colour?: string | null };
  /** id or en: the document's language, recorded in its metadata. */
  language: string;
  blocks: readonly PdfBlock[];
  /** A line at the foot of every page, e.g. when and for whom it was made. */
  footer?: string | null;
}

const MARGIN = 50;
const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
const TEXT_SIZE = 10;
const CELL_PAD = 3;
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
const DEFAULT_COLOUR = "#1d4ed8";

/**
 * Text the standard fonts can print: Windows-1252 characters stay, typographic dashes and quotes
 * stay, anything else becomes "?" (an emoji in a reporter's text would otherwise print as noise).
 */
export function printable(text: string): string {
  return text.replace(/[^\t\n\r\x20-\x7e\xa0-\xff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/gu, "?");
}

/** A document being drawn: pdfkit's, its brand colour and the text width. */
interface Canvas {
  pdf: PDFKit.PDFDocument;
  colour: string;
  width: number;
}

/** Opens a document and draws its head: the brand, title, subtitle and a rule. */
function open(doc: Omit<PdfDocument, "blocks">, bufferPages: boolean): Canvas {
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages,
    lang: doc.language,
    info: { Title: printable(doc.title), Author: printable(doc.brand.name), Creator: "Sigap" },
  });
  const colour = doc.brand.colour && HEX_COLOUR.test(doc.brand.colour) ? doc.brand.colour : DEFAULT_COLOUR;
  const width = pdf.page.width - 2 * MARGIN;
  return { pdf, colour, width };
}

function drawHead(c: Canvas, doc: Omit<PdfDocument, "blocks">): void {
  const { pdf, colour, width } = c;
  pdf.font(BOLD).fontSize(9).fillColor(colour).text(printable(doc.brand.name).toUpperCase(), { width });
  pdf.moveDown(0.3).font(BOLD).fontSize(18).fillColor("#111111").text(printable(doc.title), { width });
  if (doc.subtitle) pdf.font(FONT).fontSize(11).fillColor("#444444").text(printable(doc.subtitle), { width });
  pdf.moveDown(0.5);
  pdf.moveTo(MARGIN, pdf.y).lineTo(MARGIN + width, pdf.y).strokeColor(colour).lineWidth(1.5).stroke();
  pdf.moveDown(0.8);
}

function drawBlock(c: Canvas, block: PdfBlock): void {
  const { pdf, colour, width } = c;
  switch (block.kind) {
    case "heading":
      keepRoom(pdf, 40);
      pdf.moveDown(0.4).font(BOLD).fontSize(13).fillColor(colour).text(printable(block.text), MARGIN, pdf.y, { width });
      pdf.moveDown(0.3);
      break;
    case "paragraph":
      pdf.font(FONT).fontSize(TEXT_SIZE).fillColor("#111111").text(printable(block.text), MARGIN, pdf.y, { width });
      pdf.moveDown(0.5);
      break;
    case "fields":
      drawFields(pdf, block.rows, width);
      break;
    case "table":
      drawTable(pdf, block.columns, block.rows, width);
      break;
  }
}

/** pdfkit's text state, which it keeps in fields it does not declare. */
interface TextState {
  _font: unknown;
  _fontSize: number;
  _fillColor: unknown;
}

/**
 * Writes a page's foot line, below the bottom margin, leaving the cursor and the text state as
 * they were: a streamed page is footed when it is added, which may be in the middle of a
 * paragraph pdfkit carries over from the page before (it goes on in the font it had).
 */
function drawFoot(c: Canvas, text: string): void {
  const { pdf, width } = c;
  const [x, y] = [pdf.x, pdf.y];
  const state = pdf as unknown as TextState;
  const { _font, _fontSize, _fillColor } = state;
  // Below the bottom margin: lift it temporarily so the footer does not open a new page.
  const bottom = pdf.page.margins.bottom;
  pdf.page.margins.bottom = 0;
  pdf.font(FONT).fontSize(8).fillColor("#666666").text(text, MARGIN, pdf.page.height - MARGIN + 15, { width, align: "center", lineBreak: false });
  pdf.page.margins.bottom = bottom;
  [pdf.x, pdf.y] = [x, y];
  Object.assign(state, { _font, _fontSize, _fillColor });
}

const footLine = (doc: Omit<PdfDocument, "blocks">, page: string) => [doc.footer ? printable(doc.footer) : null, page].filter(Boolean).join("   ·   ");

/** Renders a document to PDF bytes, every page footed "n / total". */
export function renderPdf(doc: PdfDocument): Promise<Buffer> {
  const c = open(doc, true);
  const { pdf } = c;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  drawHead(c, doc);
  for (const block of doc.blocks) drawBlock(c, block);
  const pages = pdf.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    pdf.switchToPage(pages.start + i);
    drawFoot(c, footLine(doc, `${i + 1} / ${pages.count}`));
  }
  pdf.end();
  return done;
}

/**
 * Streams a document to `out` as its blocks come, a batch at a time: each page is written out
 * once the next begins (pdfkit without buffered pages), and the next batch is awaited only when
 * `out` has room, so a long report never sits in memory. Pages are footed with their number
 * alone (the total is not known until the end). Stops early, without error, when `out` closes.
 */
export async function streamPdf(doc: Omit<PdfDocument, "blocks">, batches: AsyncIterable<readonly PdfBlock[]>, out: Writable): Promise<void> {
  const c = open(doc, false);
  const { pdf } = c;
  let page = 1;
  pdf.on("pageAdded", () => drawFoot(c, footLine(doc, String(++page))));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on("end", resolve);
    pdf.on("error", reject);
  });
  pdf.pipe(out);
  drawFoot(c, footLine(doc, "1"));
  drawHead(c, doc);
  for await (const batch of batches) {
    for (const block of batch) drawBlock(c, block);
    await room(out);
    if (out.destroyed) {
      pdf.unpipe(out);
      return;
    }
  }
  pdf.end();
  await ended;
}

/** Waits until `out` takes more (or is closed). */
async function room(out: Writable): Promise<void> {
  while (out.writableNeedDrain && !out.destroyed) {
    const stop = new AbortController();
    await Promise.race([once(out, "drain", { signal: stop.signal }), once(out, "close", { signal: stop.signal })]).finally(() => stop.abort());
  }
}

/** Starts a new page when less than `height` points are left on this one. */
function keepRoom(pdf: PDFKit.PDFDocument, height: number): void {
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
}

function drawFields(pdf: PDFKit.PDFDocument, rows: ReadonlyArray<readonly [string, string]>, width: number): void {
  const labelWidth = Math.round(width * 0.32);
  const valueWidth = width - labelWidth - 8;
  for (const [label, value] of rows) {
    const l = printable(label);
    const v = printable(value || "-");
    pdf.fontSize(TEXT_SIZE);
    const height = Math.max(pdf.font(BOLD).heightOfString(l, { width: labelWidth }), pdf.font(FONT).heightOfString(v, { width: valueWidth }));
    keepRoom(pdf, height + 4);
    const y = pdf.y;
    pdf.font(BOLD).fillColor("#333333").text(l, MARGIN, y, { width: labelWidth });
    pdf.font(FONT).fillColor("#111111").text(v, MARGIN + labelWidth + 8, y, { width: valueWidth });
    pdf.x = MARGIN;
    pdf.y = y + height + 4;
  }
  pdf.moveDown(0.4);
}

function drawTable(pdf: PDFKit.PDFDocument, columns: readonly string[], rows: ReadonlyArray<readonly string[]>, width: number): void {
  const colWidth = width / Math.max(columns.length, 1);
  const size = columns.length > 6 ? 7.5 : 9;
  const rowHeight = (cells: readonly string[], font: string) =>
    Math.max(...cells.map((c) => pdf.font(font).fontSize(size).heightOfString(printable(c || "-"), { width: colWidth - 2 * CELL_PAD }))) + 2 * CELL_PAD;
  const drawRow = (cells: readonly string[], font: string, shade: string | null) => {
    const height = rowHeight(cells, font);
    const y = pdf.y;
    if (shade) pdf.rect(MARGIN, y, width, height).fill(shade);
    cells.forEach((cell, i) => {
      pdf.font(font).fontSize(size).fillColor("#111111").text(printable(cell || "-"), MARGIN + i * colWidth + CELL_PAD, y + CELL_PAD, { width: colWidth - 2 * CELL_PAD });
    });
    pdf.moveTo(MARGIN, y + height).lineTo(MARGIN + width, y + height).strokeColor("#cccccc").lineWidth(0.5).stroke();
    pdf.x = MARGIN;
    pdf.y = y + height;
  };
  keepRoom(pdf, rowHeight(columns, BOLD) * 2);
  drawRow(columns, BOLD, "#eeeeee");
  for (const row of rows) {
    if (pdf.y + rowHeight(row, FONT) > pdf.page.height - pdf.page.margins.bottom) {
      pdf.addPage();
      // The header again at the top of each page the table continues on.
      drawRow(columns, BOLD, "#eeeeee");
    }
    drawRow(row, FONT, null);
  }
  pdf.moveDown(0.8);
}
