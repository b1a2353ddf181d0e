import type { Messages } from "../../shared/locale.js";

/**
 * The action dialog's own words, both languages here: they load with the ticket view (on demand),
 * so they cost the queue's first load nothing.
 */
export const dialogWords: Messages<"close"> = {
  en: { close: "Close this form" },
  id: { close: "Tutup formulir ini" },
};
