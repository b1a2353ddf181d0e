import installProblemText from "../../shared/problem-text.id.js";
import { pickerMessages } from "./canned-picker.messages.js";

/** The picker's Indonesian words. */
export default function install(): void {
  installProblemText();
  pickerMessages.id = {
    label: "Balasan cepat",
    search: "Cari balasan cepat",
    none: "Tidak ada balasan cepat yang cocok.",
    loading: "Memuat…",
    inserting: "Menyisipkan…",
    close: "Tutup",
    any: "semua bahasa",
    hint: "Panah memilih, Enter menyisipkan, Esc menutup.",
    reporterLanguage: "Bahasa pelapor: {lang}",
    all: "Semua bahasa",
    id: "Bahasa Indonesia",
    en: "Bahasa Inggris",
  };
}
