import installProblemText from "../shared/problem-text.id.js";
import { adminMessages } from "./desk-admin.messages.js";

/** The shell's Indonesian words, with the shared wording of failed requests. */
export default function install(): void {
  installProblemText();
  adminMessages.id = {
    title: "Administrasi meja layanan",
    signedIn: "Masuk sebagai {name}",
    sections: "Bagian administrasi",
    site: "Situs",
    sla: "SLA",
    catalog: "Katalog",
    approvals: "Persetujuan",
    routing: "Perutean",
    people: "Orang",
    access: "Akses",
    webhooks: "Webhook",
    fields: "Kolom tambahan",
    replies: "Balasan cepat",
    knowledge: "Pengetahuan",
    audit: "Log audit",
    loading: "Memuat…",
    retry: "Coba lagi",
    notAdmin: "Hanya administrator meja layanan ini yang dapat mengubah pengaturannya. {name} masuk sebagai {role}.",
    auth: "Sesi Anda berakhir atau token tidak sah. Masuk lagi untuk mengelola meja layanan.",
    sectionFailed: "Bagian ini tidak dapat dimuat.",
  };
}
