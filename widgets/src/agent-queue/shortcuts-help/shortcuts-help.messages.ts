import { lazyWords, type Messages } from "../../shared/locale.js";
import type { ShortcutWord } from "../shortcuts/shortcuts.rules.js";

const en: Record<ShortcutWord | "title" | "key" | "does" | "close" | "or" | "hint", string> = {
  title: "Keyboard shortcuts",
  key: "Key",
  does: "What it does",
  close: "Close",
  or: "or",
  hint: "Shortcuts work while you are not typing in a field, and only for what the ticket allows you now.",
  next: "Next ticket in the list (from an open ticket, opens the next one)",
  previous: "Previous ticket in the list (from an open ticket, opens the previous one)",
  open: "Open the ticket of the selected row",
  back: "Close a form or this help; back to the list",
  reply: "Reply to the reporter",
  note: "Internal note",
  assignMe: "Assign the ticket to me",
  classify: "Classify the ticket",
  status: "Change the ticket's status",
  escalate: "Escalate the ticket",
  resolve: "Resolve the ticket (done)",
  help: "Show this help",
};

/** A key of the help overlay's words. */
export type HelpKey = keyof typeof en;

/** The help overlay's words; Indonesian set by {@link indonesian}. */
export const helpMessages: Messages<HelpKey> = { en };

/** The overlay's Indonesian words, loaded for Indonesian readers only. */
export const indonesian = lazyWords(() => import("./shortcuts-help.messages.id.js"));
