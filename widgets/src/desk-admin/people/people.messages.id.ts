import installProblemText from "../../shared/problem-text.id.js";
import { peopleMessages } from "./people.messages.js";

/** The People section's Indonesian words. */
export default function install(): void {
  installProblemText();
  peopleMessages.id = {
    title: "Agen",
    name: "Nama",
    email: "E-mail",
    role: "Peran",
    group: "Grup",
    noGroup: "Tanpa grup",
    language: "Bahasa e-mail meja layanan",
    regions: "Wilayah",
    skills: "Keahlian",
    listHint: "Satu per baris.",
    status: "Status",
    active: "Aktif",
    inactive: "Dinonaktifkan",
    noPassword: "belum punya kata sandi",
    edit: "Ubah {name}",
    editShort: "Ubah",
    deactivateShort: "Nonaktifkan",
    reactivateShort: "Aktifkan lagi",
    editTitle: "Ubah {name}",
    save: "Simpan agen",
    cancel: "Batal",
    saved: "Agen tersimpan.",
    deactivate: "Nonaktifkan {name}",
    reactivate: "Aktifkan lagi {name}",
    invite: "Undang agen",
    inviteHint: "Mereka menerima tautan lewat e-mail untuk mengatur kata sandi (berlaku 7 hari).",
    send: "Kirim undangan",
    invited: "Undangan terkirim.",
    saving: "Menyimpan…",
    loading: "Memuat agen…",
    retry: "Coba lagi",
    "role.AGENT": "Agen",
    "role.SPECIALIST": "Spesialis",
    "role.SUPERVISOR": "Supervisor",
    "role.MANAGER": "Manajer",
    "role.ADMIN": "Administrator",
    "lang.id": "Bahasa Indonesia",
    "lang.en": "Bahasa Inggris",
  };
}
