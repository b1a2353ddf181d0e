import { lazyWords, type Messages } from "../shared/locale.js";

const en = {
  search: "Search the help centre",
  searchButton: "Search",
  service: "Service",
  allServices: "All services",
  results: "Articles",
  none: "No article matches. Try other words, or report the problem.",
  found: "{n} articles found.",
  back: "Back to the articles",
  updated: "Updated {date}",
  helpful: "Was this helpful?",
  yes: "Yes",
  no: "No",
  thanks: "Thank you for telling us.",
  loadErr: "The help centre could not be loaded.",
  retry: "Try again",
  noKey: "This help centre has no site key.",
};

/** The help centre's words; Indonesian in knowledge-base.messages.id.ts. */
export const messages: Messages<keyof typeof en> = { en };

/** The help centre's Indonesian words, fetched only for Indonesian readers. */
export const indonesian = lazyWords(() => import("./knowledge-base.messages.id.js"));
