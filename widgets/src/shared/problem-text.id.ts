import { problemMessages } from "./problem-text.js";

/** Puts the Indonesian wording of failed requests in place; every widget's `*.id.ts` calls it. */
export default function installProblemText(): void {
  problemMessages.id = {
    NETWORK_ERROR: "Service desk tidak dapat dihubungi. Periksa koneksi Anda lalu coba lagi.",
    RATE_LIMITED: "Terlalu banyak permintaan; tunggu sebentar lalu coba lagi.",
    INTERNAL_SERVER_ERROR: "Terjadi kesalahan di service desk; coba lagi sebentar lagi.",
    fallback: "Permintaan gagal.",
  };
}
