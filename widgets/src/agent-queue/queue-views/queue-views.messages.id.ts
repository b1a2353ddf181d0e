import installProblemText from "../../shared/problem-text.id.js";
import { viewsMessages } from "./queue-views.messages.js";

/** The views part's Indonesian words. */
export default function install(): void {
  installProblemText();
  viewsMessages.id = {
    views: "Tampilan",
    noView: "Tampilan: tidak ada (menurut filter)",
    tickets: "tiket",
    saveView: "Simpan tampilan",
    name: "Nama tampilan",
    save: "Simpan",
    cancel: "Batal",
    delete: "Hapus tampilan {name}",
    saved: "Tampilan \u201c{name}\u201d disimpan.",
    approvals: "Persetujuan",
  };
}
