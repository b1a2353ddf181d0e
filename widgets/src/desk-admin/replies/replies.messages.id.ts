import installProblemText from "../../shared/problem-text.id.js";
import { repliesMessages } from "./replies.messages.js";

/** The Replies section's Indonesian words. */
export default function install(): void {
  installProblemText();
  repliesMessages.id = {
    title: "Balasan cepat",
    intro: "Balasan siap pakai yang disisipkan agen dari kotak balasan; gateway mengisi placeholder untuk setiap tiket.",
    none: "Belum ada balasan cepat.",
    add: "Tambah balasan cepat",
    editOf: "Ubah {title}",
    edit: "Ubah",
    remove: "Hapus",
    removeOf: "Hapus {title}",
    cancel: "Batal",
    titleLabel: "Judul",
    body: "Teks",
    placeholders: "Placeholder: {list}",
    language: "Bahasa",
    anyLanguage: "Semua bahasa",
    "lang.id": "Bahasa Indonesia",
    "lang.en": "Bahasa Inggris",
    group: "Dilihat oleh",
    wholeSite: "Seluruh situs",
    groupOf: "Grup {name}",
    updated: "Disimpan {at} oleh {name}",
    create: "Tambahkan balasan",
    save: "Simpan balasan",
    saving: "Menyimpan…",
    saved: "Tersimpan.",
    loading: "Memuat balasan cepat…",
    retry: "Coba lagi",
  };
}
