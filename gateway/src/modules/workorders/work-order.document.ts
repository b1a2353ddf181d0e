/**
 * The printable work order (seed 003): the job, the customer, what the technician found, the
 * accepted or proposed cost with its lines and total in rupiah, and the payment, in the reader's
 * language. Pure: the route reads the ticket and renders what this builds with renderPdf.
 */
import type { PdfDocument } from "../documents/pdf-document.js";
import type { CostLine, CostProposalStatus, PaymentMethod, PaymentStatus } from "./work-order.rules.js";
import { lineAmount } from "./work-order.rules.js";

/** What the printed work order says. */
export interface WorkOrderSheet {
  siteName: string;
  language: "id" | "en";
  code: string;
  status: string;
  createdAt: string;
  customer: { name: string; phone: string | null; email: string | null; address: string | null };
  service: string | null;
  description: string;
  technician: string | null;
  findings: string | null;
  proposal: { lines: readonly CostLine[]; total: number; status: CostProposalStatus } | null;
  payment: { status: PaymentStatus; method: PaymentMethod | null; amount: number | null };
  printedAt: string;
}

const WORDS = {
  id: {
    title: "Perintah kerja", job: "Pekerjaan", code: "Nomor tiket", status: "Status", created: "Dilaporkan", customer: "Pelanggan", phone: "Telepon",
    email: "E-mail", address: "Alamat", service: "Layanan", problem: "Kerusakan", technician: "Teknisi", findings: "Temuan teknisi", cost: "Biaya tambahan",
    item: "Uraian", qty: "Jml", unit: "Harga satuan", amount: "Jumlah", total: "Total", payment: "Pembayaran", method: "Metode", printed: "Dicetak",
    AWAITING: "menunggu keputusan pelanggan", ACCEPTED: "disetujui pelanggan", DECLINED: "ditolak pelanggan", WITHDRAWN: "ditarik",
    UNPAID: "Belum dibayar", PAID: "Lunas", REFUNDED: "Dikembalikan", TRANSFER: "Transfer bank", E_WALLET: "Dompet digital", CASH_ON_DELIVERY: "Bayar di tempat",
  },
  en: {
    title: "Work order", job: "Job", code: "Ticket", status: "Status", created: "Reported", customer: "Customer", phone: "Phone",
    email: "E-mail", address: "Address", service: "Service", problem: "Fault", technician: "Technician", findings: "What the technician found", cost: "Extra cost",
    item: "Item", qty: "Qty", unit: "Unit price", amount: "Amount", total: "Total", payment: "Payment", method: "Method", printed: "Printed",
    AWAITING: "waiting for the customer", ACCEPTED: "accepted by the customer", DECLINED: "declined by the customer", WITHDRAWN: "withdrawn",
    UNPAID: "Not paid", PAID: "Paid", REFUNDED: "Refunded", TRANSFER: "Bank transfer", E_WALLET: "E-wallet", CASH_ON_DELIVERY: "Cash on delivery",
  },
} as const;

/** Whole rupiah as the language writes it. */
export function formatRupiah(language: "id" | "en", amount: number): string {
  return new Intl.NumberFormat(language === "id" ? "id-ID" : "en-GB", { style: "currency", currency: "IDR", minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount);
}

/** The work order as a document. */
export function workOrderDocument(s: WorkOrderSheet): PdfDocument {
  const w = WORDS[s.language];
  const rp = (n: number) => formatRupiah(s.language, n);
  const blocks: PdfDocument["blocks"][number][] = [
    { kind: "heading", text: w.job },
    {
      kind: "fields",
      rows: [
        [w.code, s.code],
        [w.status, s.status],
        [w.created, s.createdAt],
        [w.service, s.service ?? "—"],
        [w.technician, s.technician ?? "—"],
      ],
    },
    { kind: "heading", text: w.customer },
    {
      kind: "fields",
      rows: [
        [w.customer, s.customer.name],
        [w.phone, s.customer.phone ?? "—"],
        [w.email, s.customer.email ?? "—"],
        [w.address, s.customer.address ?? "—"],
      ],
    },
    { kind: "heading", text: w.problem },
    { kind: "paragraph", text: s.description },
  ];
  if (s.findings) blocks.push({ kind: "heading", text: w.findings }, { kind: "paragraph", text: s.findings });
  if (s.proposal) {
    blocks.push(
      { kind: "heading", text: `${w.cost} (${w[s.proposal.status]})` },
      {
        kind: "table",
        columns: [w.item, w.qty, w.unit, w.amount],
        rows: [...s.proposal.lines.map((l) => [l.description, String(l.quantity), rp(l.unitAmount), rp(lineAmount(l))]), [w.total, "", "", rp(s.proposal.total)]],
      },
    );
  }
  const pay = s.payment;
  blocks.push({ kind: "heading", text: w.payment }, {
    kind: "fields",
    rows: [
      [w.status, w[pay.status]],
      [w.method, pay.method ? w[pay.method] : "—"],
      [w.amount, pay.amount === null ? "—" : rp(pay.amount)],
    ],
  });
  return { title: `${w.title} ${s.code}`, brand: { name: s.siteName }, language: s.language, blocks, footer: `${w.printed} ${s.printedAt}` };
}
