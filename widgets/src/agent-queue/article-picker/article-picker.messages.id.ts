import installProblemText from "../../shared/problem-text.id.js";
import { articlePickerMessages } from "./article-picker.messages.js";

/** The article picker's Indonesian words; loaded for Indonesian readers only. */
export default function install(): void {
  installProblemText();
  articlePickerMessages.id = {
    label: "Artikel yang disarankan",
    search: "Cari artikel",
    none: "Tidak ada artikel terbit yang cocok.",
    loading: "Memuat…",
    close: "Tutup",
    insert: "Sisipkan ke balasan",
    link: "Tautkan ke tiket",
    linked: "Tertaut",
    internal: "internal",
  };
}
