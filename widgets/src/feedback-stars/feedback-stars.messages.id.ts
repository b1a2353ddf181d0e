import installProblemText from "../shared/problem-text.id.js";
import { messages } from "./feedback-stars.messages.js";

/** The feedback widget's Indonesian words (seed 002 figure 11's questions) and the shared wording of failed requests; loaded for Indonesian readers only. */
export default function install(): void {
  installProblemText();
  messages.id = {
    title: "Bagaimana penanganan kami?",
    ticket: "Nomor tiket {code}",
    serviceRating: "Apakah anda puas dengan pelayanan pelaporan gangguan?",
    restoredRating: "Apakah layanan dapat digunakan dengan baik kembali?",
    informationRating: "Apakah informasi yang didapatkan sesuai dengan kebutuhan anda?",
    shortserviceRating: "Pelayanan pelaporan",
    shortrestoredRating: "Layanan pulih",
    shortinformationRating: "Informasi",
    star: "{n} dari 5 bintang",
    suggestion: "Saran (opsional)",
    yourSuggestion: "Saran",
    send: "Kirim",
    sending: "Mengirim…",
    rateAll: "Beri nilai ketiga pertanyaan untuk mengirim.",
    thanks: "Terima kasih atas penilaian anda.",
    rated: "Terima kasih, penilaian anda untuk tiket ini:",
    already: "Tiket ini sudah dinilai. Terima kasih.",
    loadErr: "Formulir penilaian tidak dapat dimuat.",
    retry: "Coba lagi",
  };
}
