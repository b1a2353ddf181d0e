import type { WorkOrderKey } from "./work-order.messages.js";

/** The work order's Indonesian words. */
const id: Record<WorkOrderKey, string> = {
  title: "Perintah kerja",
  findings: "Temuan teknisi",
  proposal: "Biaya tambahan",
  item: "Uraian",
  qty: "Jml",
  unit: "Harga satuan",
  amount: "Jumlah",
  total: "Total",
  AWAITING: "Menunggu keputusan Anda",
  ACCEPTED: "Disetujui",
  DECLINED: "Ditolak",
  WITHDRAWN: "Ditarik",
  decidedAt: "{what} {at}",
  note: "Catatan Anda (opsional)",
  accept: "Setujui biaya",
  decline: "Tolak",
  confirmAccept: "Setujui biaya tambahan sebesar {total}? Teknisi melanjutkan pekerjaan setelah Anda mengonfirmasi.",
  confirmDecline: "Tolak biaya tambahan sebesar {total}?",
  confirm: "Konfirmasi",
  cancel: "Kembali",
  deciding: "Mengirim…",
  payment: "Pembayaran",
  UNPAID: "Belum dibayar",
  PAID: "Lunas",
  REFUNDED: "Dikembalikan",
  TRANSFER: "transfer bank",
  E_WALLET: "dompet digital",
  CASH_ON_DELIVERY: "bayar di tempat",
  due: "Dibayar sebelum pekerjaan ditutup.",
  loading: "Memuat perintah kerja…",
};

export default id;
