/**
 * A deep link into the queue (`<sigap-agent-queue ticket="CODE">`, the demo page's `#ticket=CODE`):
 * once the agent is signed in and the queue has loaded, the ticket of that code (or id) opens in
 * the view, whatever view or filters the list shows. A code the desk does not know says so in
 * words. Loaded on demand, only when a page links to a ticket.
 */
import { DeskTicket } from "../client/desk-ticket.operations.js";
import { request, type Endpoint } from "../client/http.js";
import type { LocaleController } from "../shared/locale.js";
import { problemCode, problemText } from "../shared/problem-text.js";
import type { Row } from "./desk-parts.js";

/** What this part reads and sets of the queue that loads it (its own code, so its private fields). */
export interface LinkedQueue {
  ticket: string;
  readonly target: Endpoint;
  readonly lc: LocaleController;
  linkProblem: string;
  show(row: Row): Promise<void>;
}

/** This part's own words, in both languages: they travel with it rather than weigh on the queue. */
const words = {
  en: { missing: "Ticket {code} is not on this desk. Check the code in the link.", failed: "Ticket {code} could not be opened: {problem}" },
  id: { missing: "Tiket {code} tidak ada di desk ini. Periksa kode pada tautan.", failed: "Tiket {code} tidak dapat dibuka: {problem}" },
};

/** Opens the linked ticket in the view, or says why it cannot. */
export async function openLinked(queue: LinkedQueue): Promise<void> {
  const code = queue.ticket.trim();
  queue.linkProblem = "";
  if (!code) return;
  try {
    const { ticket } = await request(queue.target, DeskTicket, { id: code });
    await queue.show(ticket);
  } catch (error) {
    const missing = problemCode(error) === "NOT_FOUND";
    queue.linkProblem = queue.lc.t(words, missing ? "missing" : "failed", { code, problem: missing ? "" : problemText(queue.lc, error) });
  }
}
