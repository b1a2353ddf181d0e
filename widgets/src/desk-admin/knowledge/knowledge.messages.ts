import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  title: "Knowledge base",
  intro: "Articles the desk writes, reviews and publishes. Public ones reach reporters on the help centre once published; internal ones stay with the desk.",
  filters: "Filter the articles",
  status: "Status",
  anyStatus: "Any status",
  "status.DRAFT": "Draft",
  "status.IN_REVIEW": "In review",
  "status.PUBLISHED": "Published",
  "status.ARCHIVED": "Archived",
  language: "Language",
  anyLanguage: "Any language",
  "lang.id": "Indonesian",
  "lang.en": "English",
  search: "Search text",
  find: "Show the articles",
  none: "No article matches.",
  counts: "Helpful: {yes} yes, {no} no · {deflections} reports ended without a ticket",
  updated: "Version {version}, saved {at} by {name}",
  "visibility.PUBLIC": "Public",
  "visibility.INTERNAL": "Internal",
  edit: "Open",
  editOf: "Open {title}",
  add: "Write an article",
  new: "New article",
  cancel: "Close",
  titleLabel: "Title",
  body: "Text",
  bodyHint: "Plain text; leave a blank line between paragraphs.",
  summary: "Summary (the text's first words): {summary}",
  service: "Service",
  category: "Category",
  noneChosen: "None",
  visibility: "Visibility",
  create: "Save the draft",
  save: "Save a new version",
  saving: "Saving…",
  saved: "Saved.",
  locked: "This article cannot be changed in its status by your role.",
  moves: "Move it",
  "to.IN_REVIEW": "Submit for review",
  "to.PUBLISHED": "Publish",
  "to.ARCHIVED": "Archive",
  "to.DRAFT": "Back to draft",
  moved: "The article is now: {status}.",
  versions: "Versions",
  versionLine: "Version {version} · {status} · {at} by {name}",
  usedOn: "Used on tickets",
  usedOnNone: "Not used on a ticket yet.",
  loading: "Loading the articles…",
  retry: "Try again",
};

/** A key of the Knowledge section's words. */
export type KnowledgeKey = keyof typeof en;

/** The Knowledge section's words; Indonesian in knowledge.messages.id.ts. */
export const knowledgeMessages: Messages<KnowledgeKey> = { en };

/** The section's Indonesian words. */
export const indonesian = lazyWords(() => import("./knowledge.messages.id.js"));
