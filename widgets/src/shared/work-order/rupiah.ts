import type { LocaleController } from "../locale.js";

/** Whole rupiah in the reader's language: "Rp 1.600.000" (id) or "IDR 1,600,000" (en). */
export function rupiah(lc: LocaleController, amount: number): string {
  return new Intl.NumberFormat(lc.locale, { style: "currency", currency: "IDR", minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount);
}
