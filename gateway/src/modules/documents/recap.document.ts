/**
 * The recap as a PdfDocument, attached to the scheduled recap mail: the headline figures beside
 * the previous period's, then one table per breakdown. The figures and their names are the CSV
 * export's (recaps/export-columns.ts), so the PDF and the CSV say the same thing; a recap with work
 * orders ends with their costs and payments (seed 003); a site's recap names its deflections (reports a
 * knowledge-base article ended without a ticket, issue 14). Pure.
 */
import type { MailLanguage } from "../notifications/mail-language.js";
import { RECAP_COLUMNS, WORK_ORDER_FIGURES } from "../recaps/export-columns.js";
import { RecapPeriod } from "../recaps/recap.rules.js";
import { RecapDimension, type Recap } from "../recaps/recap.types.js";
import type { RecapWorkOrders } from "../recaps/work-order-figures.types.js";
import { formatRupiah } from "../workorders/work-order.document.js";
import { type Bilingual, days } from "./document-text.js";
import type { PdfBlock, PdfDocument } from "./pdf-document.js";

/** Who the recap is for and what it covers. */
export interface RecapDocumentMeta {
  siteName: string;
  language: MailLanguage;
  period: RecapPeriod;
  /** Whose tickets, in words: the site, or a supervisor's group. */
  scope: string;
}

const T = {
  [RecapPeriod.DAY]: { en: "Daily recap", id: "Rekap harian" },
  [RecapPeriod.WEEK]: { en: "Weekly recap", id: "Rekap mingguan" },
  [RecapPeriod.MONTH]: { en: "Monthly recap", id: "Rekap bulanan" },
  [RecapPeriod.CUSTOM]: { en: "Recap", id: "Rekap" },
  figure: { en: "Figure", id: "Angka" },
  now: { en: "This period", id: "Periode ini" },
  before: { en: "Previous period", id: "Periode sebelumnya" },
  scope: { en: "Scope", id: "Cakupan" },
  deflections: { en: "Reports solved by an article (no ticket made)", id: "Laporan selesai lewat artikel (tanpa tiket)" },
  name: { en: "Name", id: "Nama" },
  headline: { en: "Headline figures", id: "Angka utama" },
  empty: { en: "No tickets in this period.", id: "Tidak ada tiket pada periode ini." },
  workOrders: { en: "Work orders", id: "Work order" },
  count: { en: "Count", id: "Jumlah" },
  amount: { en: "Amount", id: "Nilai" },
} satisfies Record<string, Bilingual>;

const BY: Readonly<Record<RecapDimension, Bilingual>> = {
  [RecapDimension.SERVICE]: { en: "By service", id: "Per layanan" },
  [RecapDimension.CATEGORY]: { en: "By category", id: "Per kategori" },
  [RecapDimension.GROUP]: { en: "By group", id: "Per grup" },
  [RecapDimension.AGENT]: { en: "By agent", id: "Per petugas" },
  [RecapDimension.PRIORITY]: { en: "By priority", id: "Per prioritas" },
  [RecapDimension.CHANNEL]: { en: "By channel", id: "Per saluran" },
  [RecapDimension.LOCATION]: { en: "By kecamatan", id: "Per kecamatan" },
  [RecapDimension.TYPE]: { en: "By ticket type", id: "Per jenis tiket" },
};

// The breakdown tables keep to what fits across a page: tickets in, resolved, closed, backlog, resolution kept.
const BREAKDOWN_COLUMNS = [0, 1, 2, 5, 9].map((i) => RECAP_COLUMNS[i]!);

const cell = (v: string | number | null): string => (v === null ? "–" : String(v));

// A work-order breakdown keeps to: in, completed, unpaid completed, accepted extra costs, paid.
const WORK_ORDER_BREAKDOWN = [0, 1, 2, 5, 11].map((i) => WORK_ORDER_FIGURES[i]!);

/** The work-order part: every figure with its count and rupiah, then one table per breakdown. */
function workOrderBlocks(w: RecapWorkOrders, l: MailLanguage): PdfBlock[] {
  const figure = (f: (typeof WORK_ORDER_FIGURES)[number], of: RecapWorkOrders["totals"]) => (f.amount ? formatRupiah(l, f.amount(of)) : String(f.count(of)));
  return [
    { kind: "heading", text: T.workOrders[l] },
    { kind: "table", columns: [T.figure[l], T.count[l], T.amount[l]], rows: WORK_ORDER_FIGURES.map((f) => [f[l], String(f.count(w.totals)), f.amount ? formatRupiah(l, f.amount(w.totals)) : "–"]) },
    ...w.breakdowns.flatMap((b): PdfBlock[] => [
      { kind: "heading", text: `${T.workOrders[l]} · ${BY[b.dimension][l].toLowerCase()}` },
      b.rows.length
        ? { kind: "table", columns: [T.name[l], ...WORK_ORDER_BREAKDOWN.map((f) => f[l])], rows: b.rows.map((r) => [r.label, ...WORK_ORDER_BREAKDOWN.map((f) => figure(f, r.figures))]) }
        : { kind: "paragraph", text: T.empty[l] },
    ]),
  ];
}

/** The title a recap of this period carries, in the mail's subject and on the PDF. */
export function recapTitle(period: RecapPeriod, lang: MailLanguage): string {
  return T[period][lang];
}

/** The recap's days in words, from its first day to its last. */
export function recapPeriodText(recap: Pick<Recap, "from" | "to" | "timeZone">, lang: MailLanguage): string {
  return days(recap.from, recap.to, lang, recap.timeZone);
}

/** The recap's document. */
export function recapDocument(recap: Recap, meta: RecapDocumentMeta): PdfDocument {
  const l = meta.language;
  return {
    title: `${recapTitle(meta.period, l)} · ${meta.siteName}`,
    subtitle: recapPeriodText(recap, l),
    brand: { name: meta.siteName },
    language: l,
    blocks: [
      { kind: "fields", rows: [[T.scope[l], meta.scope], ...(recap.deflections === null ? [] : [[T.deflections[l], String(recap.deflections)] as [string, string]])] },
      { kind: "heading", text: T.headline[l] },
      {
        kind: "table",
        columns: [T.figure[l], T.now[l], T.before[l]],
        rows: RECAP_COLUMNS.map((c) => [c[l], cell(c.value(recap.totals)), cell(c.value(recap.previous))]),
      },
      ...recap.breakdowns.flatMap((b) => [
        { kind: "heading" as const, text: BY[b.dimension][l] },
        b.rows.length
          ? { kind: "table" as const, columns: [T.name[l], ...BREAKDOWN_COLUMNS.map((c) => c[l])], rows: b.rows.map((r) => [r.label, ...BREAKDOWN_COLUMNS.map((c) => cell(c.value(r.figures)))]) }
          : { kind: "paragraph" as const, text: T.empty[l] },
      ]),
      ...(recap.workOrders ? workOrderBlocks(recap.workOrders, l) : []),
    ],
    footer: `${meta.siteName} · ${recap.timeZone}`,
  };
}
