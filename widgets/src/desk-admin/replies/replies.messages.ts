import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  title: "Canned responses",
  intro: "Stock replies agents insert from the composer; the gateway fills in the placeholders for each ticket.",
  none: "No canned responses yet.",
  add: "Add a canned response",
  editOf: "Edit {title}",
  edit: "Edit",
  remove: "Delete",
  removeOf: "Delete {title}",
  cancel: "Cancel",
  titleLabel: "Title",
  body: "Text",
  placeholders: "Placeholders: {list}",
  language: "Language",
  anyLanguage: "Any language",
  "lang.id": "Indonesian",
  "lang.en": "English",
  group: "Seen by",
  wholeSite: "The whole site",
  groupOf: "Group {name}",
  updated: "Saved {at} by {name}",
  create: "Add the response",
  save: "Save the response",
  saving: "Saving…",
  saved: "Saved.",
  loading: "Loading the canned responses…",
  retry: "Try again",
};

/** A key of the Replies section's words. */
export type RepliesKey = keyof typeof en;

/** The Replies section's words; Indonesian in replies.messages.id.ts. */
export const repliesMessages: Messages<RepliesKey> = { en };

/** The section's Indonesian words. */
export const indonesian = lazyWords(() => import("./replies.messages.id.js"));
