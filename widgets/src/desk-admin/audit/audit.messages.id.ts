import installProblemText from "../../shared/problem-text.id.js";
import { auditMessages } from "./audit.messages.js";

/** The Audit log section's Indonesian words. */
export default function install(): void {
  installProblemText();
  auditMessages.id = {
    title: "Log audit",
    caption: "Perubahan yang diaudit, terbaru dahulu",
    zone: "Waktu menurut jam situs: {zone}.",
    filters: "Saring log",
    from: "Dari (hari)",
    to: "Sampai (hari)",
    action: "Tindakan",
    actionHint: "Tindakan persis seperti site.update, atau awalan yang diakhiri titik seperti site.",
    subjectType: "Jenis subjek",
    subjectTypeHint: "site, agent, ticket, webhook…",
    actor: "Siapa",
    anyone: "Siapa saja",
    show: "Tampilkan",
    clear: "Hapus saringan",
    when: "Kapan",
    who: "Siapa",
    where: "Dari mana",
    what: "Apa",
    which: "Yang mana",
    changes: "Perubahan",
    "kind.AGENT": "agen",
    "kind.CLI": "baris perintah",
    "kind.SYSTEM": "sistem",
    none: "Tidak ada baris yang cocok.",
    noValue: "kosong",
    noChange: "tanpa nilai bidang",
    created: "Dibuat dengan",
    removed: "Dihapus; sebelumnya",
    changeOf: "{field}: {before} → {after}",
    more: "Muat lagi",
    loadingMore: "Memuat…",
    shown: "{count} baris ditampilkan.",
    end: "{count} baris ditampilkan: seluruh log untuk saringan ini.",
    loading: "Memuat log audit…",
    retry: "Coba lagi",
  };
}
