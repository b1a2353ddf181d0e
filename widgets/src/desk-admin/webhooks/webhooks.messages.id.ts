import installProblemText from "../../shared/problem-text.id.js";
import { webhooksMessages } from "./webhooks.messages.js";

/** The Webhooks section's Indonesian words. */
export default function install(): void {
  installProblemText();
  webhooksMessages.id = {
    title: "Endpoint webhook",
    none: "Tidak ada endpoint: tidak ada yang dikirim.",
    url: "URL",
    description: "Keterangan",
    events: "Peristiwa yang dikirim",
    enabled: "Aktif",
    disabled: "Nonaktif: {reason}",
    failing: "Gagal sejak {at}",
    previousSecret: "Rahasia sebelumnya juga menandatangani sampai {at}",
    enable: "Aktifkan",
    enableOf: "Aktifkan {url}",
    disable: "Nonaktifkan",
    disableOf: "Nonaktifkan {url}",
    rotate: "Rahasia baru",
    rotateOf: "Rahasia baru untuk {url}",
    remove: "Hapus",
    removeOf: "Hapus {url}",
    add: "Tambah endpoint",
    create: "Tambahkan endpoint",
    secret: "Rahasia penandatangan untuk {url}, hanya ditampilkan sekarang — simpan: {secret}",
    saving: "Menyimpan…",
    saved: "Tersimpan.",
    loading: "Memuat endpoint…",
    retry: "Coba lagi",
    "e.TICKET_CREATED": "Tiket dibuat",
    "e.TICKET_ASSIGNED": "Tiket ditugaskan",
    "e.TICKET_STATUS_CHANGED": "Status berubah",
    "e.TICKET_MESSAGE_ADDED": "Pesan ditambahkan",
    "e.TICKET_ESCALATED": "Tiket dieskalasi",
    "e.SLA_WARNING": "Peringatan SLA",
    "e.SLA_BREACHED": "SLA terlampaui",
    "e.TICKET_RESOLVED": "Tiket diselesaikan",
    "e.TICKET_CLOSED": "Tiket ditutup",
    "e.FEEDBACK_SUBMITTED": "Umpan balik dikirim",
    "e.WORK_ORDER_COST_PROPOSED": "Biaya perintah kerja diusulkan",
    "e.WORK_ORDER_COST_ACCEPTED": "Biaya perintah kerja disetujui",
    "e.WORK_ORDER_COST_DECLINED": "Biaya perintah kerja ditolak",
    "e.WORK_ORDER_PAYMENT_RECORDED": "Pembayaran perintah kerja dicatat",
  };
}
