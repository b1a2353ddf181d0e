import { helpMessages } from "./shortcuts-help.messages.js";

/** The help overlay's Indonesian words. */
export default function install(): void {
  helpMessages.id = {
    title: "Pintasan papan ketik",
    key: "Tombol",
    does: "Fungsinya",
    close: "Tutup",
    or: "atau",
    hint: "Pintasan berlaku selama Anda tidak sedang mengetik di isian, dan hanya untuk tindakan yang diizinkan pada tiket saat ini.",
    next: "Tiket berikutnya di daftar (dari tiket yang terbuka, langsung membuka tiket berikutnya)",
    previous: "Tiket sebelumnya di daftar (dari tiket yang terbuka, langsung membuka tiket sebelumnya)",
    open: "Buka tiket pada baris terpilih",
    back: "Tutup formulir atau bantuan ini; kembali ke daftar",
    reply: "Balas pelapor",
    note: "Catatan internal",
    assignMe: "Tugaskan tiket kepada saya",
    classify: "Klasifikasikan tiket",
    status: "Ubah status tiket",
    escalate: "Eskalasikan tiket",
    resolve: "Selesaikan tiket (done)",
    help: "Tampilkan bantuan ini",
  };
}
