/**
 * Seed 002's printed report of closed incidents for a period: one row per closed ticket (code,
 * date, reporter, service, category, priority, resolution, closure code, closed by, time to
 * respond and to resolve, as the recap measures them: business time where the site keeps business
 * hours), as PDF blocks and as printable HTML, both written a page of rows at a time. Pure: the
 * routes read the rows (keyset pages) and stream what these return.
 */
import type { MailLanguage } from "../notifications/mail-language.js";
import { escapeHtml } from "../notifications/mail.rules.js";
import { codeLabel } from "../tickets/closure.rules.js";
import { ActorKind } from "../tickets/ticket.enums.js";
import { type Bilingual, days, duration, when } from "./document-text.js";
import type { PdfBlock, PdfDocument } from "./pdf-document.js";

/** One closed incident as the report reads it; names already in the reader's language. */
export interface ClosedIncident {
  code: string;
  createdAt: Date;
  closedAt: Date;
  /** Time to first response, as recap.rules' ticketTimes measures it; null if never answered. */
  toRespondMs: number | null;
  /** Time to resolution less time on hold, as recap.rules' ticketTimes measures it. */
  toResolveMs: number | null;
  reporterName: string;
  service: string;
  category: string;
  priority: string;
  resolution: string | null;
  closureCode: string | null;
  /** Who closed it: an agent, the reporter confirming, or the sweep (SYSTEM); null when not recorded. */
  closedBy: { kind: ActorKind; name: string | null } | null;
}

/** What the report covers. */
export interface ClosedIncidentsMeta {
  siteName: string;
  language: MailLanguage;
  timeZone: string;
  from: Date;
  to: Date;
  /** Whose tickets: the site, a group or an agent, in words. */
  scope: string;
}

const T = {
  title: { en: "Closed incidents", id: "Laporan insiden yang ditutup" },
  period: { en: "Period", id: "Periode" },
  scope: { en: "Scope", id: "Cakupan" },
  count: { en: "Closed incidents", id: "Jumlah insiden ditutup" },
  none: { en: "No incident was closed in this period.", id: "Tidak ada insiden yang ditutup pada periode ini." },
  system: { en: "System (automatic)", id: "Sistem (otomatis)" },
  byReporter: { en: "confirmed by the reporter", id: "dikonfirmasi pelapor" },
  footer: { en: "Times in", id: "Waktu dalam zona" },
  business: { en: "durations in business hours where the site keeps them", id: "durasi dalam jam kerja bila situs menetapkannya" },
} satisfies Record<string, Bilingual>;

/** The report's columns, in seed 002's order. */
export const CLOSED_INCIDENT_COLUMNS: ReadonlyArray<{ header: Bilingual; cell: (r: ClosedIncident, l: MailLanguage, tz: string) => string }> = [
  { header: { en: "Code", id: "Kode" }, cell: (r) => r.code },
  { header: { en: "Reported", id: "Tanggal lapor" }, cell: (r, l, tz) => when(r.createdAt, l, tz) },
  { header: { en: "Reporter", id: "Pelapor" }, cell: (r) => r.reporterName },
  { header: { en: "Service", id: "Layanan" }, cell: (r) => r.service },
  { header: { en: "Category", id: "Kategori" }, cell: (r) => r.category },
  { header: { en: "Priority", id: "Prioritas" }, cell: (r) => r.priority },
  { header: { en: "Resolution", id: "Penyelesaian" }, cell: (r) => r.resolution ?? "" },
  { header: { en: "Closure code", id: "Kode penutupan" }, cell: (r, l) => codeLabel(r.closureCode)?.[l] ?? r.closureCode ?? "" },
  { header: { en: "Closed", id: "Ditutup" }, cell: (r, l, tz) => when(r.closedAt, l, tz) },
  { header: { en: "Closed by", id: "Ditutup oleh" }, cell: (r, l) => closedBy(r, l) },
  { header: { en: "Time to respond", id: "Waktu respons" }, cell: (r, l) => duration(r.toRespondMs, l) },
  { header: { en: "Time to resolve", id: "Waktu penyelesaian" }, cell: (r, l) => duration(r.toResolveMs, l) },
];

function closedBy(r: ClosedIncident, l: MailLanguage): string {
  if (!r.closedBy) return "";
  if (r.closedBy.kind === ActorKind.SYSTEM) return T.system[l];
  if (r.closedBy.kind === ActorKind.REPORTER) return `${r.closedBy.name ?? r.reporterName} (${T.byReporter[l]})`;
  return r.closedBy.name ?? "";
}

/** One incident's cells, in column order. */
export function closedIncidentCells(r: ClosedIncident, meta: Pick<ClosedIncidentsMeta, "language" | "timeZone">): string[] {
  return CLOSED_INCIDENT_COLUMNS.map((c) => c.cell(r, meta.language, meta.timeZone));
}

/** The period in words: from the first day to the last one it includes. */
function periodText(meta: ClosedIncidentsMeta): string {
  return days(meta.from, meta.to, meta.language, meta.timeZone);
}

/** The foot of every page: the time zone, and how durations are measured. */
function footer(meta: Pick<ClosedIncidentsMeta, "siteName" | "language" | "timeZone">): string {
  return `${meta.siteName} · ${T.footer[meta.language]} ${meta.timeZone}; ${T.business[meta.language]}`;
}

/** The PDF's head and its first block (period and scope); rows follow as closedIncidentBlocks, then closedIncidentsPdfEnd. */
export function closedIncidentsPdfStart(meta: ClosedIncidentsMeta): { doc: Omit<PdfDocument, "blocks">; blocks: PdfBlock[] } {
  const l = meta.language;
  return {
    doc: { title: T.title[l], subtitle: periodText(meta), brand: { name: meta.siteName }, language: l, footer: footer(meta) },
    blocks: [{ kind: "fields", rows: [[T.period[l], periodText(meta)], [T.scope[l], meta.scope]] }],
  };
}

/** One incident as PDF blocks, from its cells (closedIncidentCells): one label/value block, as twelve columns do not fit across a portrait page. */
export function closedIncidentBlocks(cells: readonly string[], l: MailLanguage): PdfBlock[] {
  return [
    { kind: "heading", text: cells[0]! },
    { kind: "fields", rows: CLOSED_INCIDENT_COLUMNS.slice(1).map((c, i): [string, string] => [c.header[l], cells[i + 1]!]) },
  ];
}

/** The PDF after its last incident: the count, or that there were none. */
export function closedIncidentsPdfEnd(meta: Pick<ClosedIncidentsMeta, "language">, count: number): PdfBlock[] {
  const l = meta.language;
  return count ? [{ kind: "fields", rows: [[T.count[l], String(count)]] }] : [{ kind: "paragraph", text: T.none[l] }];
}

/** The printable page's stylesheet: a plain table on screen, landscape A4 with repeated headers on paper. */
export const CLOSED_INCIDENTS_CSS = `body{font:13px/1.4 system-ui,sans-serif;margin:2rem;color:#111}h1{font-size:1.4rem;margin:0}p.meta{color:#444}table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3rem .4rem;text-align:left;vertical-align:top}th{background:#eee}tfoot td{font-weight:600}@media print{@page{size:A4 landscape;margin:12mm}body{margin:0;font-size:9pt}thead{display:table-header-group}tr{break-inside:avoid}}`;

/** The printable page up to its first row; the stylesheet is allowed by `nonce`. */
export function closedIncidentsHtmlStart(meta: ClosedIncidentsMeta, nonce: string): string {
  const l = meta.language;
  const head = CLOSED_INCIDENT_COLUMNS.map((c) => `<th scope="col">${escapeHtml(c.header[l])}</th>`).join("");
  return `<!doctype html><html lang="${l}"><head><meta charset="utf-8"><title>${escapeHtml(`${T.title[l]} · ${meta.siteName}`)}</title><style nonce="${nonce}">${CLOSED_INCIDENTS_CSS}</style></head><body><h1>${escapeHtml(T.title[l])} · ${escapeHtml(meta.siteName)}</h1><p class="meta">${escapeHtml(`${T.period[l]}: ${periodText(meta)} · ${T.scope[l]}: ${meta.scope}`)}</p><table><thead><tr>${head}</tr></thead><tbody>`;
}

/** One row of the printable page. */
export function closedIncidentsHtmlRow(cells: readonly string[]): string {
  return `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`;
}

/** The printable page after its last row, with the count. */
export function closedIncidentsHtmlEnd(meta: Pick<ClosedIncidentsMeta, "language" | "timeZone">, count: number): string {
  const l = meta.language;
  const total = count ? `${T.count[l]}: ${count}` : T.none[l];
  return `</tbody><tfoot><tr><td colspan="${CLOSED_INCIDENT_COLUMNS.length}">${escapeHtml(total)}</td></tr></tfoot></table><p class="meta">${escapeHtml(`${T.footer[l]} ${meta.timeZone}; ${T.business[l]}`)}</p></body></html>`;
}
