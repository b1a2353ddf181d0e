import type { Messages } from "../../shared/locale.js";

/** This part's own words, in both languages: they travel with it rather than weigh on the queue's first load. */
const en = {
  title: "Log a ticket for a caller",
  channel: "Reached the desk by",
  customerId: "Customer id",
  caller: "Caller's name",
  phone: "Phone",
  email: "E-mail (the receipt is sent there)",
  language: "Language of mail",
  kelurahan: "Kelurahan",
  kecamatan: "Kecamatan",
  problemType: "Title",
  none: "—",
  required: "Required.",
  targets: "Targets: response within {response}, resolution within {resolution}.",
  submit: "Log ticket",
  busy: "Logging…",
  cancel: "Cancel",
  done: "Ticket {code} is logged. Read the code out to the caller, or send the link.",
  copy: "Copy code",
  copyLink: "Copy link",
  copied: "Copied.",
  close: "Close",
  en: "English",
  id: "Bahasa Indonesia",
};

/** A key of the logging part's words. */
export type LogKey = keyof typeof en;

/** The logging part's words, English and Indonesian. */
export const logMessages: Messages<LogKey> = {
  en,
  id: {
    title: "Catat tiket untuk pelapor",
    channel: "Menghubungi lewat",
    customerId: "ID pelanggan",
    caller: "Nama pelapor",
    phone: "Telepon",
    email: "E-mail (tanda terima dikirim ke sana)",
    language: "Bahasa e-mail",
    kelurahan: "Kelurahan",
    kecamatan: "Kecamatan",
    problemType: "Judul",
    none: "—",
    required: "Wajib diisi.",
    targets: "Target: respons dalam {response}, penyelesaian dalam {resolution}.",
    submit: "Catat tiket",
    busy: "Mencatat…",
    cancel: "Batal",
    done: "Tiket {code} tercatat. Bacakan kodenya kepada pelapor, atau kirim tautannya.",
    copy: "Salin kode",
    copyLink: "Salin tautan",
    copied: "Tersalin.",
    close: "Tutup",
    en: "English",
    id: "Bahasa Indonesia",
  },
};
