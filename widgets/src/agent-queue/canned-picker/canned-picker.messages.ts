import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  label: "Canned responses",
  search: "Search canned responses",
  none: "No canned response matches.",
  loading: "Loading…",
  inserting: "Inserting…",
  close: "Close",
  any: "any language",
  hint: "Arrows choose, Enter inserts, Esc closes.",
  reporterLanguage: "The reporter's language: {lang}",
  all: "All languages",
  id: "Indonesian",
  en: "English",
};

/** A key of the picker's words. */
export type PickerKey = keyof typeof en;

/** The picker's words; Indonesian in canned-picker.messages.id.ts. */
export const pickerMessages: Messages<PickerKey> = { en };

/** The picker's Indonesian words. */
export const indonesian = lazyWords(() => import("./canned-picker.messages.id.js"));
