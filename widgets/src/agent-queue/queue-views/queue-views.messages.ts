import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  views: "Views",
  noView: "View: none (the filters decide)",
  tickets: "tickets",
  saveView: "Save view",
  name: "Name of the view",
  save: "Save",
  cancel: "Cancel",
  delete: "Delete view {name}",
  saved: "View \u201c{name}\u201d saved.",
  approvals: "Approvals",
};

/** A key of the views part's words. */
export type ViewsKey = keyof typeof en;

/** The views part's words; Indonesian set by {@link indonesian}. (The views' names come from the gateway.) */
export const viewsMessages: Messages<ViewsKey> = { en };

/** The part's Indonesian words (with the shared wording of failed requests), loaded for Indonesian readers only. */
export const indonesian = lazyWords(() => import("./queue-views.messages.id.js"));
