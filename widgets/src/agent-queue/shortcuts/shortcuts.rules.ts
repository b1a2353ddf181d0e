/**
 * The agent queue's keyboard shortcuts: which key does what, and when a key is the agent's typing
 * rather than a shortcut. Pure, so the table is tested on its own and the help overlay lists it.
 */
import type { SigapTicketActionName } from "../ticket-actions.js";

/** What a shortcut does: move in the list, go back to it, show the help, or start an action. */
export type Shortcut = { kind: "move"; by: 1 | -1 } | { kind: "back" } | { kind: "help" } | { kind: "act"; action: SigapTicketActionName; submitter?: "me" };

/** One line of the help: the keys as shown, the message key describing them, and the command (none for the list's own keys). */
export interface ShortcutLine {
  keys: readonly string[];
  what: ShortcutWord;
  command?: Shortcut;
}

/** The help's words for each shortcut (in shortcuts-help.messages.ts). */
export type ShortcutWord = "next" | "previous" | "open" | "back" | "reply" | "note" | "assignMe" | "classify" | "status" | "escalate" | "resolve" | "help";

/** Every shortcut, in the order the help lists them. The first key of a line is the one {@link shortcutFor} reads. */
export const SHORTCUTS: readonly ShortcutLine[] = [
  { keys: ["j", "↓"], what: "next", command: { kind: "move", by: 1 } },
  { keys: ["k", "↑"], what: "previous", command: { kind: "move", by: -1 } },
  { keys: ["Enter"], what: "open" },
  { keys: ["Escape"], what: "back", command: { kind: "back" } },
  { keys: ["r"], what: "reply", command: { kind: "act", action: "reply" } },
  { keys: ["n"], what: "note", command: { kind: "act", action: "note" } },
  { keys: ["a"], what: "assignMe", command: { kind: "act", action: "assign", submitter: "me" } },
  { keys: ["c"], what: "classify", command: { kind: "act", action: "classify" } },
  { keys: ["s"], what: "status", command: { kind: "act", action: "status" } },
  { keys: ["e"], what: "escalate", command: { kind: "act", action: "escalate" } },
  { keys: ["d"], what: "resolve", command: { kind: "act", action: "resolve" } },
  { keys: ["?"], what: "help", command: { kind: "help" } },
];

/** Where a key was pressed and what the open ticket allows. */
export interface KeyContext {
  /** The key went to a text field, a select or an editable element: it is typing. */
  typing: boolean;
  /** Ctrl, Alt or Meta was held: the browser's or the page's shortcut, not ours. */
  modified: boolean;
  /** A dialog (an action's form, the help) has the key. */
  inDialog: boolean;
  /** A ticket is open. */
  ticketOpen: boolean;
  /** The open ticket's actions the agent may take (the gateway's `allowedActions`, as the view offers them). */
  allowed: readonly SigapTicketActionName[];
}

/** The shortcut a key stands for here, or undefined when it is not one (typing, a modifier, a dialog, an action not allowed). */
export function shortcutFor(key: string, c: KeyContext): Shortcut | undefined {
  if (c.typing || c.modified || c.inDialog) return undefined;
  const command = SHORTCUTS.find((s) => s.keys[0] === key)?.command;
  if (!command) return undefined;
  if (command.kind === "back") return c.ticketOpen ? command : undefined;
  if (command.kind === "act") return c.ticketOpen && c.allowed.includes(command.action) ? command : undefined;
  return command;
}

/** Whether an element takes typed text (so letters typed into it are never shortcuts). */
export function takesText(el: { tagName?: string; isContentEditable?: boolean; type?: string } | null | undefined): boolean {
  if (!el?.tagName) return false;
  if (el.isContentEditable) return true;
  if (el.tagName === "INPUT") return !["checkbox", "radio", "button", "submit", "reset"].includes(el.type ?? "text");
  return el.tagName === "TEXTAREA" || el.tagName === "SELECT";
}

/** The id `by` rows from `from` in `ids` (clamped to the ends; the first row when `from` is not there), or undefined for no rows. */
export function neighbour(ids: readonly string[], from: string, by: 1 | -1): string | undefined {
  const i = ids.indexOf(from);
  return ids[i < 0 ? 0 : Math.max(0, Math.min(ids.length - 1, i + by))];
}
