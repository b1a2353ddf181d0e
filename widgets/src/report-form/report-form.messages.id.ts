import installProblemText from "../shared/problem-text.id.js";
import { messages } from "./report-form.messages.js";

/** The report form's Indonesian words (and the shared wording of failed requests), loaded for Indonesian readers only. */
export default function install(): void {
  installProblemText();
  messages.id = {
    channel: "Metode pelaporan",
    reporterName: "Nama pelapor",
    reporterPhone: "Nomor telepon",
    reporterEmail: "E-mail",
    location: "Alamat/lokasi",
    kelurahan: "Kelurahan",
    kecamatan: "Kecamatan",
    occurredAt: "Waktu kejadian",
    service: "Layanan yang terganggu",
    problemType: "Jenis masalah",
    description: "Deskripsi gangguan",
    systemState: "Kondisi sistem saat ini",
    stepsTried: "Langkah yang sudah dicoba",
    urgency: "Tingkat urgensi",
    impact: "Tingkat dampak",
    attachments: "Bukti gangguan",
    WEB: "Situs web",
    PHONE: "Telepon",
    EMAIL: "E-mail",
    WALK_IN: "Datang langsung",
    HIGH: "Tinggi",
    MEDIUM: "Sedang",
    LOW: "Rendah",
    choose: "Pilih…",
    req: "(wajib)",
    errRequired: "Wajib diisi.",
    errLong: "Terlalu panjang: lebih {n} karakter dari batas {max}.",
    count: "{n} dari {max} karakter",
    summary: "Belum terkirim. Periksa {n} isian: {names}",
    send: "Kirim laporan",
    sending: "Mengirim…",
    retry: "Coba lagi",
    siteErr: "Daftar layanan tidak dapat dimuat.",
    noKey: "Formulir ini tidak memiliki site key.",
    filesHint: "Maksimal {n} berkas, masing-masing paling besar {size} ({types}).",
    uploading: "mengunggah…",
    remove: "Hapus {name}",
  };
}
