/** The columns of the CSV exports, with their headers in both languages. */
import { PaymentMethod } from "../workorders/work-order.rules.js";
import type { RecapFigures } from "./recap.types.js";
import type { CountAmount, WorkOrderFigures } from "./work-order-figures.rules.js";

type Cell = string | number | null;

/** One column of an export: its header in English and Indonesian, and how a row fills it. */
export interface Column<T> {
  en: string;
  id: string;
  value(row: T): Cell;
}

const sat = (f: RecapFigures, i: number) => f.satisfaction[i]?.mean ?? null;

/** The figures columns of a recap export, after its key and label columns. */
export const RECAP_COLUMNS: ReadonlyArray<Column<RecapFigures>> = [
  { en: "Tickets in", id: "Tiket masuk", value: (f) => f.ticketsIn },
  { en: "Resolved", id: "Diselesaikan", value: (f) => f.resolved },
  { en: "Closed", id: "Ditutup", value: (f) => f.closed },
  { en: "Cancelled", id: "Dibatalkan", value: (f) => f.cancelled },
  { en: "Reopened", id: "Dibuka kembali", value: (f) => f.reopened },
  { en: "Backlog", id: "Tunggakan", value: (f) => f.backlog },
  { en: "Backlog age median (h)", id: "Median umur tunggakan (jam)", value: (f) => f.backlogAgeMedianHours },
  { en: "Backlog age p90 (h)", id: "P90 umur tunggakan (jam)", value: (f) => f.backlogAgeP90Hours },
  { en: "Response target kept (%)", id: "Target respons terpenuhi (%)", value: (f) => f.responseKeptPercent },
  { en: "Resolution target kept (%)", id: "Target penyelesaian terpenuhi (%)", value: (f) => f.resolutionKeptPercent },
  { en: "First response median (h)", id: "Median respons pertama (jam)", value: (f) => f.firstResponseMedianHours },
  { en: "First response p90 (h)", id: "P90 respons pertama (jam)", value: (f) => f.firstResponseP90Hours },
  { en: "Resolution median (h)", id: "Median penyelesaian (jam)", value: (f) => f.resolutionMedianHours },
  { en: "Resolution p90 (h)", id: "P90 penyelesaian (jam)", value: (f) => f.resolutionP90Hours },
  { en: "First-contact resolution (%)", id: "Selesai pada kontak pertama (%)", value: (f) => f.firstContactPercent },
  { en: "Functional escalations", id: "Eskalasi fungsional", value: (f) => f.escalationsFunctional },
  { en: "Hierarchical escalations", id: "Eskalasi hierarkis", value: (f) => f.escalationsHierarchical },
  { en: "Satisfaction: service (mean)", id: "Kepuasan: layanan (rata-rata)", value: (f) => sat(f, 0) },
  { en: "Satisfaction: restored (mean)", id: "Kepuasan: pulih (rata-rata)", value: (f) => sat(f, 1) },
  { en: "Satisfaction: information (mean)", id: "Kepuasan: informasi (rata-rata)", value: (f) => sat(f, 2) },
  { en: "Survey response rate (%)", id: "Tingkat tanggapan survei (%)", value: (f) => f.satisfactionResponseRate },
  { en: "Suggestions", id: "Saran", value: (f) => f.suggestions },
];

/** The key and label columns a recap export starts with. */
export const RECAP_KEY_HEADERS = { en: ["Key", "Name"], id: ["Kunci", "Nama"] } as const;

/** A ticket as the tickets export reads it (raw columns). */
export interface TicketRow {
  code: string;
  created_at: Date | string;
  status: string;
  priority: string;
  channel: string;
  kecamatan: string | null;
  description: string;
  resolved_at: Date | string | null;
  closed_at: Date | string | null;
}

const iso = (v: Date | string | null): string | null => (v === null ? null : v instanceof Date ? v.toISOString() : new Date(`${v.replace(" ", "T")}Z`).toISOString());

/** The columns of the tickets export. */
export const TICKET_COLUMNS: ReadonlyArray<Column<TicketRow>> = [
  { en: "Code", id: "Kode", value: (t) => t.code },
  { en: "Created", id: "Dibuat", value: (t) => iso(t.created_at) },
  { en: "Status", id: "Status", value: (t) => t.status },
  { en: "Priority", id: "Prioritas", value: (t) => t.priority },
  { en: "Channel", id: "Saluran", value: (t) => t.channel },
  { en: "Kecamatan", id: "Kecamatan", value: (t) => t.kecamatan },
  { en: "Description", id: "Deskripsi", value: (t) => t.description },
  { en: "Resolved", id: "Diselesaikan", value: (t) => iso(t.resolved_at) },
  { en: "Closed", id: "Ditutup", value: (t) => iso(t.closed_at) },
];

/** One work-order figure: its name in both languages, its count and (for money) its rupiah. */
export interface WorkOrderFigure {
  en: string;
  id: string;
  count(f: WorkOrderFigures): number;
  /** Whole rupiah; absent for a figure that is a count only. */
  amount?: (f: WorkOrderFigures) => number;
}

const money = (en: string, id: string, pick: (f: WorkOrderFigures) => CountAmount): WorkOrderFigure => ({ en, id, count: (f) => pick(f).count, amount: (f) => pick(f).amount });
const count = (en: string, id: string, pick: (f: WorkOrderFigures) => number): WorkOrderFigure => ({ en, id, count: pick });
const byMethod = (m: PaymentMethod) => (f: WorkOrderFigures): CountAmount => f.payments.find((p) => p.method === m) ?? { count: 0, amount: 0 };

/** The recap's work-order figures in the order the PDF, the widget's table and the CSV give them. */
export const WORK_ORDER_FIGURES: ReadonlyArray<WorkOrderFigure> = [
  count("Work orders in", "Work order masuk", (f) => f.workOrdersIn),
  count("Completed", "Selesai dikerjakan", (f) => f.completed),
  count("Completed, unpaid", "Selesai, belum dibayar", (f) => f.unpaidCompleted),
  count("Unpaid with an accepted extra cost", "Belum dibayar, biaya tambahan disetujui", (f) => f.unpaidCompletedPaymentDue),
  money("Extra costs proposed", "Biaya tambahan diusulkan", (f) => f.costsProposed),
  money("Extra costs accepted", "Biaya tambahan disetujui", (f) => f.costsAccepted),
  money("Extra costs declined", "Biaya tambahan ditolak", (f) => f.costsDeclined),
  money("Extra costs awaiting decision", "Biaya tambahan menunggu keputusan", (f) => f.costsAwaiting),
  money("Paid by bank transfer", "Dibayar via transfer bank", byMethod(PaymentMethod.TRANSFER)),
  money("Paid by e-wallet", "Dibayar via dompet digital", byMethod(PaymentMethod.E_WALLET)),
  money("Paid cash on delivery", "Dibayar tunai di tempat", byMethod(PaymentMethod.CASH_ON_DELIVERY)),
  money("Paid, all methods", "Dibayar, semua metode", (f) => f.paid),
  money("Refunded", "Dikembalikan", (f) => f.refunded),
];

/** The work-order CSV's columns: a count column per figure, and a rupiah column after each money figure. */
export const WORK_ORDER_COLUMNS: ReadonlyArray<Column<WorkOrderFigures>> = WORK_ORDER_FIGURES.flatMap((w): Column<WorkOrderFigures>[] => {
  const counted: Column<WorkOrderFigures> = { en: w.en, id: w.id, value: w.count };
  return w.amount ? [{ ...counted, en: `${w.en} (n)`, id: `${w.id} (jml)` }, { en: `${w.en} (Rp)`, id: `${w.id} (Rp)`, value: w.amount }] : [counted];
});
