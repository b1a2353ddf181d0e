/**
 * The queue's keyboard shortcuts at work, loaded on the first key pressed in the queue (so the
 * shell's first load stays small): reads the key's context, asks {@link shortcutFor} and drives
 * the parts — the list moves, the ticket view starts an action, the help overlay opens.
 */
import type { SigapQueueList } from "../queue-list/queue-list.component.js";
import type { SigapTicketView } from "../ticket-view/ticket-view.component.js";
import { notify } from "../desk-parts.js";
import type { SigapTicketOpenDetail } from "../queue-list/queue-list.component.js";
import { neighbour, shortcutFor, takesText } from "./shortcuts.rules.js";

/** Opens the ticket `by` rows from the list's open one, as if the agent had opened its row. */
function step(list: SigapQueueList, by: 1 | -1): void {
  const id = neighbour(list.rows.map((r) => r.id), list.selected, by);
  if (id) notify<SigapTicketOpenDetail>(list, "sigap-ticket-open", { id });
}

/** Handles one key pressed inside the queue's shell (`root` is its shadow root; `path` the event's composed path, read while it was dispatched). */
export async function onQueueKey(root: ParentNode, e: KeyboardEvent, path: readonly EventTarget[], theme: string | undefined): Promise<void> {
  if (e.defaultPrevented) return;
  const list = root.querySelector<SigapQueueList>("sigap-queue-list");
  const view = root.querySelector<SigapTicketView>("sigap-ticket-view");
  const origin = path[0] as HTMLElement | undefined;
  const command = shortcutFor(e.key, {
    typing: takesText(origin),
    modified: e.ctrlKey || e.altKey || e.metaKey,
    inDialog: path.some((t) => t instanceof HTMLDialogElement),
    ticketOpen: !!view,
    allowed: view?.actions ?? [],
  });
  if (!command) return;
  switch (command.kind) {
    case "move":
      // In the list, j and k are the list's own keys; from an open ticket the next or previous one opens in its place.
      if (list && view) step(list, command.by);
      else list?.focus();
      return;
    case "back":
      // Escape inside the ticket view is the view's own (it goes back itself).
      if (view && !path.includes(view)) view.close();
      return;
    case "help": {
      await import("../shortcuts-help/sigap-shortcuts-help.js");
      let help = root.querySelector("sigap-shortcuts-help");
      if (!help) {
        help = document.createElement("sigap-shortcuts-help");
        root.append(help);
      }
      if (theme) help.setAttribute("theme", theme);
      await help.show(origin ?? null);
      return;
    }
    case "act":
      await view?.run(command.action, command.submitter);
  }
}
