import { searchMessages } from "./queue-search.messages.js";

/** The search box's Indonesian words. */
export default function install(): void {
  searchMessages.id = {
    search: "Cari tiket",
    placeholder: "Kode, nama, telepon, e-mail atau kata",
    hint: "Enter mencari sekarang, Esc mengosongkan. Mencari di semua status.",
  };
}
