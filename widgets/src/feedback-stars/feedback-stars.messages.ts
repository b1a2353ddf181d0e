import type { Messages } from "../shared/locale.js";

const en = {
  title: "How did we do?",
  ticket: "Ticket {code}",
  serviceRating: "Are you satisfied with how your problem report was handled?",
  restoredRating: "Can the service be used properly again?",
  informationRating: "Did the information you received meet your needs?",
  shortserviceRating: "Reporting service",
  shortrestoredRating: "Service restored",
  shortinformationRating: "Information",
  star: "{n} of 5 stars",
  suggestion: "Suggestions (optional)",
  yourSuggestion: "Suggestion",
  send: "Send",
  sending: "Sending…",
  rateAll: "Rate all three questions to send.",
  thanks: "Thank you for your feedback.",
  rated: "Thank you, you rated this ticket:",
  already: "This ticket was already rated. Thank you.",
  loadErr: "The feedback form could not be loaded.",
  retry: "Try again",
};

/** The feedback widget's words in English and Indonesian; the questions are seed 002 figure 11's. */
export const messages: Messages<keyof typeof en> = {
  en,
  id: {
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
  },
};
