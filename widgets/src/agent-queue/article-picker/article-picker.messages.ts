import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  label: "Suggested articles",
  search: "Search articles",
  none: "No published article matches.",
  loading: "Loading…",
  close: "Close",
  insert: "Insert into reply",
  link: "Link to ticket",
  linked: "Linked",
  internal: "internal",
};

/** A key of the picker's words. */
export type ArticlePickerKey = keyof typeof en;

/** The article picker's words; Indonesian in article-picker.messages.id.ts. */
export const articlePickerMessages: Messages<ArticlePickerKey> = { en };

/** The article picker's Indonesian words. */
export const indonesian = lazyWords(() => import("./article-picker.messages.id.js"));
