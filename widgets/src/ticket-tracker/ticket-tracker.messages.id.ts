import installProblemText from "../shared/problem-text.id.js";
import installTicketText from "../shared/ticket-text.id.js";
import { messages } from "./ticket-tracker.messages.js";

/** The tracker's Indonesian words, with the shared ticket words and wording of failed requests; loaded for Indonesian readers only. */
export default function install(): void {
  installProblemText();
  installTicketText();
  messages.id = {
    lookup: "Lacak tiket Anda",
    code: "Kode tiket",
    token: "Token pelacakan",
    track: "Lacak",
    needBoth: "Masukkan kode tiket dan token pelacakan dari tanda terima Anda.",
    notFound: "Tidak ada tiket yang cocok dengan kode dan token ini. Periksa keduanya pada tanda terima Anda.",
    ticket: "Tiket",
    responded: "direspons {at}",
    resolvedAt: "diselesaikan {at}",
    sla: "Tingkat layanan",
    left: "sisa {d}",
    over: "terlambat {d}",
    reply: "Balas ke service desk",
    send: "Kirim",
    sending: "Mengirim…",
    sent: "Pesan Anda terkirim.",
    empty: "Tulis pesan terlebih dahulu.",
    final: "Tiket ini {status}; laporkan insiden baru jika masih perlu bantuan.",
    mine: "Tiket saya",
    reported: "Yang Anda laporkan",
  };
}
