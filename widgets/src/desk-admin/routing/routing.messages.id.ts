import installProblemText from "../../shared/problem-text.id.js";
import { routingMessages } from "./routing.messages.js";

/** The Routing section's Indonesian words. */
export default function install(): void {
  installProblemText();
  routingMessages.id = {
    rules: "Aturan perutean",
    rulesHint: "Perintah kerja baru (dan insiden, bila insiden ikut dirutekan) masuk ke grup aturan pertama yang semua syaratnya terpenuhi; syarat kosong cocok dengan apa pun. Aturan dicoba dari atas.",
    rule: "Aturan {n}",
    region: "Wilayah (kecamatan atau cabang)",
    skill: "Keahlian",
    serviceId: "Layanan",
    categoryId: "Kategori",
    groupId: "Grup teknisi",
    any: "Apa pun",
    chooseGroup: "Pilih grup",
    noRules: "Tanpa aturan: tiket baru tidak dirutekan.",
    addRule: "Tambah aturan",
    up: "Naikkan",
    upOf: "Naikkan aturan {n}",
    down: "Turunkan",
    downOf: "Turunkan aturan {n}",
    remove: "Hapus",
    removeOf: "Hapus aturan {n}",
    saveRules: "Simpan aturan",
    rulesSaved: "Aturan perutean tersimpan.",
    dispatch: "Penugasan dan biaya yang ditolak",
    assignment: "Di dalam grup, tugaskan tiket yang dirutekan kepada",
    ROUND_ROBIN: "Teknisi berikutnya secara bergiliran (round-robin)",
    LEAST_LOADED: "Teknisi dengan tiket terbuka paling sedikit (least-loaded)",
    routeIncidents: "Rutekan insiden juga, bukan hanya perintah kerja",
    declinedCost: "Bila pelanggan menolak biaya tambahan",
    CANCEL_JOB: "Batalkan pekerjaan",
    CONTINUE_WITHOUT: "Lanjutkan tanpa pekerjaan tambahan",
    saveDispatch: "Simpan pengaturan penugasan",
    dispatchSaved: "Pengaturan penugasan tersimpan.",
    saving: "Menyimpan…",
    loading: "Memuat perutean…",
    retry: "Coba lagi",
  };
}
