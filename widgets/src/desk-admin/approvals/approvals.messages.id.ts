import installProblemText from "../../shared/problem-text.id.js";
import installLevelWords from "../choices.id.js";
import { approvalsMessages } from "./approvals.messages.js";

/** The Approvals section's Indonesian words. */
export default function install(): void {
  installProblemText();
  installLevelWords();
  approvalsMessages.id = {
    title: "Persetujuan",
    intro: "Permintaan di bawah layanan dengan langkah persetujuan menunggu sampai setiap langkah menyetujui, berurutan; penolakan mengakhirinya dengan alasannya. Tidak ada yang menyetujui permintaannya sendiri.",
    service: "Layanan",
    serviceType: "Membuka: {type}",
    noServices: "Belum ada layanan: tambahkan di bagian Katalog.",
    steps: "Langkah persetujuan {name}",
    noSteps: "Tanpa langkah: permintaan di bawah layanan ini tidak perlu persetujuan.",
    step: "Langkah {n}",
    rule: "Langkah {n}: siapa yang harus menyetujui",
    ANY_OF: "Salah satu dari mereka",
    ALL_OF: "Semua dari mereka",
    kind: "Langkah {n}: pemberi persetujuan",
    "kind.role": "Sebuah peran",
    "kind.group": "Sebuah grup dukungan",
    "kind.agents": "Agen yang disebut",
    role: "Peran",
    group: "Grup",
    chooseGroup: "Pilih grup",
    agents: "Agen",
    up: "Naikkan",
    upOf: "Naikkan langkah {n}",
    down: "Turunkan",
    downOf: "Turunkan langkah {n}",
    remove: "Hapus",
    removeOf: "Hapus langkah {n}",
    addStep: "Tambah langkah",
    validDays: "Dokumen persetujuan berlaku selama (hari)",
    save: "Simpan langkah",
    saving: "Menyimpan…",
    saved: "Langkah persetujuan tersimpan.",
    savedWarned: "Langkah persetujuan tersimpan, dengan peringatan pada langkah yang ditandai di atas.",
    warning: "Peringatan",
    loading: "Memuat persetujuan…",
    retry: "Coba lagi",
    "role.AGENT": "Agen",
    "role.SPECIALIST": "Spesialis",
    "role.SUPERVISOR": "Supervisor",
    "role.MANAGER": "Manajer",
    "role.ADMIN": "Administrator",
  };
}
