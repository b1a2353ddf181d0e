import installProblemText from "../../shared/problem-text.id.js";
import { accessMessages } from "./access.messages.js";

/** The Access section's Indonesian words. */
export default function install(): void {
  installProblemText();
  accessMessages.id = {
    key: "Kunci situs",
    keyNow: "Kunci saat ini",
    previousKey: "Kunci sebelumnya {key}, diterima sampai {until}",
    overlapHours: "Kunci sebelumnya tetap berlaku selama (jam)",
    rotate: "Ganti kunci",
    rotated: "Kunci baru diterbitkan; pasang di halaman yang menyematkan widget.",
    origins: "Origin yang diizinkan",
    originsHint: "Satu per baris, skema://host[:port]. Peramban dari origin lain ditolak.",
    uploads: "Unggahan",
    maxUploadBytes: "Berkas terbesar (bita)",
    maxUploadHint: "Paling besar {cap} bita pada pemasangan ini.",
    maxAttachmentsPerTicket: "Jumlah berkas terbanyak per tiket",
    allowedUploadTypes: "Jenis berkas yang diterima",
    rateLimits: "Batas laju",
    rateHint: "Kosong memakai nilai pemasangan (ditampilkan).",
    setting: "Pengaturan",
    points: "Permintaan",
    seconds: "Per detik",
    pointsOf: "{key}: permintaan",
    secondsOf: "{key}: per detik",
    identity: "Identitas pelapor",
    secretSet: "Rahasia HS256 sudah diatur.",
    secretUnset: "Rahasia HS256 belum diatur.",
    reporterJwtSecret: "Rahasia HS256 baru",
    secretHint: "Hanya-tulis: tidak pernah ditampilkan lagi. Kosongkan untuk mempertahankan yang ada.",
    removeSecret: "Hapus rahasia",
    reporterJwksUrl: "URL JWKS",
    jwksHint: "Untuk token pelapor RS256/ES256; kosongkan bila tidak ada.",
    save: "Simpan pengaturan akses",
    saving: "Menyimpan…",
    saved: "Pengaturan akses tersimpan.",
    loading: "Memuat pengaturan akses…",
    retry: "Coba lagi",
  };
}
