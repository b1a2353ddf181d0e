import installProblemText from "../../shared/problem-text.id.js";
import { problemPartMessages } from "./ticket-problem.messages.js";

/** The problem part's Indonesian words. */
export default function install(): void {
  installProblemText();
  problemPartMessages.id = {
    label: "Masalah",
    similar: "{n} insiden serupa dalam 7 hari terakhir",
    similarOne: "1 insiden serupa dalam 7 hari terakhir",
    noSimilar: "Tidak ada insiden serupa dalam 7 hari terakhir.",
    linked: "Terkait masalah {code} ({status}): {title}",
    workaround: "Solusi sementara: {text}",
    unlink: "Lepaskan",
    raise: "Ajukan masalah",
    linkTo: "Kaitkan ke masalah",
    link: "Kaitkan",
    title: "Judul",
    description: "Uraian",
    incidents: "Insiden yang dikaitkan",
    thisTicket: "{code} (tiket ini)",
    send: "Ajukan",
    cancel: "Batal",
    loading: "Memuat…",
    NEW: "baru",
    INVESTIGATING: "diselidiki",
    KNOWN_ERROR: "kesalahan diketahui",
    RESOLVED: "selesai",
    CLOSED: "ditutup",
    manage: "Kelola masalah",
    rootCause: "Akar penyebab",
    workaroundField: "Solusi sementara",
    save: "Simpan",
    moveTo: "Pindahkan ke",
    move: "Pindahkan",
    resolution: "Penyelesaian (perbaikan)",
    incidentsThen: "Insiden yang masih terbuka lalu",
    RESOLVE_LINKED: "diselesaikan dengannya",
    NOTIFY_LINKED: "diberi tahu dan tetap terbuka",
    resolve: "Selesaikan masalah",
  };
}
