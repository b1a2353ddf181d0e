import installProblemText from "../shared/problem-text.id.js";
import { messages } from "./knowledge-base.messages.js";

/** The help centre's Indonesian words and the shared wording of failed requests; loaded for Indonesian readers only. */
export default function install(): void {
  installProblemText();
  messages.id = {
    search: "Cari di pusat bantuan",
    searchButton: "Cari",
    service: "Layanan",
    allServices: "Semua layanan",
    results: "Artikel",
    none: "Tidak ada artikel yang cocok. Coba kata lain, atau laporkan gangguannya.",
    found: "{n} artikel ditemukan.",
    back: "Kembali ke daftar artikel",
    updated: "Diperbarui {date}",
    helpful: "Apakah artikel ini membantu?",
    yes: "Ya",
    no: "Tidak",
    thanks: "Terima kasih atas masukan anda.",
    loadErr: "Pusat bantuan tidak dapat dimuat.",
    retry: "Coba lagi",
    noKey: "Pusat bantuan ini tidak memiliki kunci situs.",
  };
}
