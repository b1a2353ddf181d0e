import installProblemText from "../../shared/problem-text.id.js";
import installLevelWords from "../choices.id.js";
import { catalogMessages } from "./catalog.messages.js";

/** The Catalogue section's Indonesian words. */
export default function install(): void {
  installProblemText();
  installLevelWords();
  catalogMessages.id = {
    services: "Layanan",
    categories: "Kategori",
    groups: "Grup dukungan",
    "name.id": "Nama dalam bahasa Indonesia",
    "name.en": "Nama dalam bahasa Inggris",
    "help.id": "Bantuan dalam bahasa Indonesia",
    "help.en": "Bantuan dalam bahasa Inggris",
    namesHint: "Paling sedikit satu bahasa; pembaca tanpa bahasanya melihat bahasa yang lain.",
    parent: "Di bawah",
    topLevel: "Tingkat teratas",
    name: "Nama",
    level: "Lini dukungan",
    levelHint: "1 service desk, 2 lini kedua, 3 spesialis.",
    ticketType: "Jenis tiket",
    ticketTypeHint: "Apa yang dibuka oleh laporan di bawah layanan ini. Tiket yang sudah terbuka tetap dengan jenisnya.",
    inUse: "{n} tiket terbuka",
    agents: "{n} agen aktif",
    retired: "Dipensiunkan",
    edit: "Ubah",
    editOf: "Ubah {name}",
    retire: "Pensiunkan",
    retireOf: "Pensiunkan {name}",
    restore: "Aktifkan lagi",
    restoreOf: "Aktifkan lagi {name}",
    up: "Naikkan",
    upOf: "Naikkan {name}",
    down: "Turunkan",
    downOf: "Turunkan {name}",
    add: "Tambah",
    addService: "Tambah layanan",
    addCategory: "Tambah kategori",
    addGroup: "Tambah grup",
    save: "Simpan",
    cancel: "Batal",
    saving: "Menyimpan…",
    saved: "Tersimpan.",
    loading: "Memuat katalog…",
    retry: "Coba lagi",
  };
}
