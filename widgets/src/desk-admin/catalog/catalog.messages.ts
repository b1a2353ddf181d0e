import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  services: "Services",
  categories: "Categories",
  groups: "Support groups",
  "name.id": "Name in Indonesian",
  "name.en": "Name in English",
  "help.id": "Help in Indonesian",
  "help.en": "Help in English",
  namesHint: "At least one language; a reader without theirs sees the other.",
  parent: "Under",
  topLevel: "Top level",
  name: "Name",
  level: "Support line",
  levelHint: "1 service desk, 2 second line, 3 specialists.",
  ticketType: "Ticket type",
  ticketTypeHint: "What a report under this service opens. Tickets already open keep theirs.",
  inUse: "{n} open tickets",
  agents: "{n} active agents",
  retired: "Retired",
  edit: "Edit",
  editOf: "Edit {name}",
  retire: "Retire",
  retireOf: "Retire {name}",
  restore: "Bring back",
  restoreOf: "Bring back {name}",
  up: "Up",
  upOf: "Move {name} up",
  down: "Down",
  downOf: "Move {name} down",
  add: "Add",
  addService: "Add a service",
  addCategory: "Add a category",
  addGroup: "Add a group",
  save: "Save",
  cancel: "Cancel",
  saving: "Saving…",
  saved: "Saved.",
  loading: "Loading the catalogue…",
  retry: "Try again",
};

/** A key of the Catalogue section's words. */
export type CatalogKey = keyof typeof en;

/** The Catalogue section's words; Indonesian in catalog.messages.id.ts. */
export const catalogMessages: Messages<CatalogKey> = { en };

/** The section's Indonesian words. */
export const indonesian = lazyWords(() => import("./catalog.messages.id.js"));
