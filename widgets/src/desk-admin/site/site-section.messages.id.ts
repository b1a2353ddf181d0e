import installProblemText from "../../shared/problem-text.id.js";
import installLevelWords from "../choices.id.js";
import { siteMessages } from "./site-section.messages.js";

/** The site section's Indonesian words. */
export default function install(): void {
  installProblemText();
  installLevelWords();
  siteMessages.id = {
    basics: "Situs",
    name: "Nama",
    unitCode: "Kode unit",
    unitCodeHint: "Bagian unit pada kode tiket baru (01 pada 01.18072019.003); kode yang sudah diberikan tetap.",
    timeZone: "Zona waktu",
    timeZoneHint: "Zona IANA seperti Asia/Makassar: hari pada kode tiket dan jam kerja.",
    languages: "Bahasa yang ditawarkan widget",
    languagesHint: "Bahasa e-mail (di bawah) adalah bawaan dan harus termasuk di dalamnya.",
    handling: "Penanganan",
    mail: "E-mail ke pelapor",
    defaultImpact: "Dampak bawaan",
    defaultImpactHint: "Dampak laporan publik bila pelapor tidak boleh menyatakannya.",
    reporterSetsImpact: "Pelapor boleh menyatakan dampak",
    scheduledRecaps: "Kirim rekap mingguan dan bulanan (PDF) ke manajer dan supervisor",
    queueOrder: "Urutan antrean",
    "order.DUE_TIME": "Menurut tenggat SLA",
    "order.ARRIVAL": "Menurut waktu masuk",
    reopenClosedWithinDays: "Tiket yang ditutup dapat dibuka lagi dalam (hari)",
    reopenHint: "0: tiket yang ditutup tidak pernah dibuka lagi.",
    autoCloseHours: "Tutup otomatis tiket yang selesai setelah (jam)",
    deskEmail: "Alamat e-mail meja layanan",
    deskEmailHint: "E-mail ke alamat ini membuka tiket; kosongkan bila tidak ada.",
    language: "Bahasa e-mail",
    "lang.id": "Bahasa Indonesia",
    "lang.en": "Bahasa Inggris",
    accentColor: "Warna aksen",
    accentHint: "#rrggbb; kosongkan untuk warna Sigap.",
    logoUrl: "URL logo",
    logoHint: "Alamat https; kosongkan bila tidak ada.",
    trackingUrl: "Tautan pelacakan",
    trackingHint: "Dengan {code} dan {token}; kosongkan untuk portal demo.",
    reporterMailEvents: "Kirim e-mail ke pelapor saat",
    "event.status_changed": "statusnya berubah",
    "event.resolved": "tiket diselesaikan",
    "event.closed": "tiket ditutup",
    allEvents: "Setiap peristiwa, termasuk yang ditambahkan kelak",
    save: "Simpan pengaturan",
    saving: "Menyimpan…",
    saved: "Pengaturan tersimpan.",
    loading: "Memuat pengaturan…",
    retry: "Coba lagi",
  };
}
