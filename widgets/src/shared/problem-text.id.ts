import { problemMessages } from "./problem-text.js";

/** Puts the Indonesian wording of failed requests in place; every widget's `*.id.ts` calls it. */
export default function installProblemText(): void {
  problemMessages.id = {
    NETWORK_ERROR: "Service desk tidak dapat dihubungi. Periksa koneksi Anda lalu coba lagi.",
    RATE_LIMITED: "Terlalu banyak percobaan; coba lagi sebentar lagi.",
    wait: "Terlalu banyak percobaan; coba lagi dalam {n} detik.",
    SERVICE_UNAVAILABLE: "Service desk sedang tidak tersedia; coba lagi sebentar lagi.",
    INTERNAL_SERVER_ERROR: "Terjadi kesalahan di service desk; coba lagi sebentar lagi.",
    fallback: "Permintaan gagal.",
  };
}
