import { SigapRequestError } from "../client/graphql-error.js";
import type { LocaleController, Messages } from "./locale.js";

type Key = "NETWORK_ERROR" | "RATE_LIMITED" | "INTERNAL_SERVER_ERROR" | "fallback";

// Only the failures with no useful detail are reworded; the gateway's own sentences for
// CONFLICT, FORBIDDEN and field problems say exactly what to fix, so they are shown as sent.
const text: Messages<Key> = {
  en: {
    NETWORK_ERROR: "The service desk could not be reached. Check your connection and try again.",
    RATE_LIMITED: "Too many requests just now; wait a moment and try again.",
    INTERNAL_SERVER_ERROR: "Something went wrong at the service desk; try again shortly.",
    fallback: "The request failed.",
  },
  id: {
    NETWORK_ERROR: "Service desk tidak dapat dihubungi. Periksa koneksi Anda lalu coba lagi.",
    RATE_LIMITED: "Terlalu banyak permintaan; tunggu sebentar lalu coba lagi.",
    INTERNAL_SERVER_ERROR: "Terjadi kesalahan di service desk; coba lagi sebentar lagi.",
    fallback: "Permintaan gagal.",
  },
};

/** What went wrong with a request, in the reader's language where the gateway gave no detail. */
export function problemText(lc: LocaleController, error: unknown): string {
  if (!(error instanceof SigapRequestError)) return lc.t(text, "fallback");
  const code = error.code;
  if (code === "NETWORK_ERROR" || code === "RATE_LIMITED" || code === "INTERNAL_SERVER_ERROR") return lc.t(text, code);
  return error.message || lc.t(text, "fallback");
}

/** The request error's code, or "" for anything that is not one. */
export function problemCode(error: unknown): string {
  return error instanceof SigapRequestError ? error.code : "";
}
