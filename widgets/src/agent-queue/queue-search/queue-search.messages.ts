import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  search: "Search tickets",
  placeholder: "Code, name, phone, e-mail or words",
  hint: "Enter searches now, Esc clears. Searches every status.",
};

/** A key of the search box's words. */
export type SearchKey = keyof typeof en;

/** The search box's words; Indonesian set by {@link indonesian}. */
export const searchMessages: Messages<SearchKey> = { en };

/** The search box's Indonesian words, loaded for Indonesian readers only. */
export const indonesian = lazyWords(() => import("./queue-search.messages.id.js"));
