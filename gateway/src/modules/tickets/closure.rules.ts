import { PendingReason } from "./ticket.enums.js";

/** A label in both of Sigap's languages. */
export interface Label {
  en: string;
  id: string;
}

/**
 * Closure codes a resolution may carry (seed 002 figure 15, the closure form; seed 001's SOP
 * "incident closure" with its documented cause). Codes are stable identifiers; labels are for people.
 */
export const CLOSURE_CODES = Object.freeze({
  FIXED: { en: "Fixed", id: "Diperbaiki" },
  WORKAROUND: { en: "Workaround given", id: "Solusi sementara" },
  NO_FAULT_FOUND: { en: "No fault found", id: "Tidak ditemukan gangguan" },
  DUPLICATE: { en: "Duplicate of another ticket", id: "Duplikat tiket lain" },
  USER_ERROR: { en: "User error, explained", id: "Kesalahan pengguna, sudah dijelaskan" },
  REFERRED: { en: "Referred to a third party", id: "Diteruskan ke pihak ketiga" },
  HARDWARE_REPLACED: { en: "Hardware replaced", id: "Perangkat keras diganti" },
  CONFIGURATION_CHANGED: { en: "Configuration changed", id: "Konfigurasi diubah" },
} satisfies Record<string, Label>);

/** One closure code. */
export type ClosureCode = keyof typeof CLOSURE_CODES;

/** The codes in the order the desk is offered them. */
export const CLOSURE_CODE_LIST: readonly ClosureCode[] = Object.freeze(Object.keys(CLOSURE_CODES) as ClosureCode[]);

/** Whether a string is a closure code the gateway accepts (exactly, upper case). */
export function isClosureCode(code: string): code is ClosureCode {
  return Object.hasOwn(CLOSURE_CODES, code);
}

/** Why a closure code is refused, naming the valid ones; null when it is valid. */
export function closureCodeError(code: string): string | null {
  if (isClosureCode(code)) return null;
  return `closureCode must be one of ${CLOSURE_CODE_LIST.join(", ")}; got "${code.length > 40 ? `${code.slice(0, 40)}…` : code}"`;
}

/** Labels of the reasons a ticket waits while PENDING. */
export const PENDING_REASON_LABEL: Readonly<Record<PendingReason, Label>> = Object.freeze({
  [PendingReason.REPORTER]: { en: "Waiting for the reporter", id: "Menunggu pelapor" },
  [PendingReason.APPROVAL]: { en: "Waiting for approval", id: "Menunggu persetujuan" },
  [PendingReason.THIRD_PARTY]: { en: "Waiting for a third party", id: "Menunggu pihak ketiga" },
  [PendingReason.COST_DECISION]: { en: "Waiting for the customer's decision on a cost", id: "Menunggu keputusan pelanggan atas biaya" },
});

/** The label of a closure code or a pending reason; null for anything else (codes stored before the list existed). */
export function codeLabel(code: string | null | undefined): Label | null {
  if (!code) return null;
  if (isClosureCode(code)) return CLOSURE_CODES[code];
  return Object.hasOwn(PENDING_REASON_LABEL, code) ? PENDING_REASON_LABEL[code as PendingReason] : null;
}
