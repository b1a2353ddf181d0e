/**
 * The reporter's withdrawal of their own ticket, pure: while the desk has not resolved it, the
 * reporter may take it back (a request no longer needed, a fault that went away); it ends
 * CANCELLED with their words on the public timeline, and an approval it waits for is withdrawn
 * with it (approvals/). A RESOLVED ticket has the closure check instead (confirmation.rules).
 */
import type { StatusCommand } from "./status.rules.js";
import { TicketStatus } from "./ticket.enums.js";
import { blankToNull } from "./timeline-entry.js";

/** Why the reporter may not withdraw their ticket now; null when they may (NEW, ASSIGNED, IN_PROGRESS, PENDING). */
export function withdrawalRefusal(status: TicketStatus): string | null {
  switch (status) {
    case TicketStatus.RESOLVED:
      return "This ticket is resolved: answer the closure check instead (fixed, or not fixed with what is still wrong).";
    case TicketStatus.CLOSED:
    case TicketStatus.CANCELLED:
      return `This ticket is already ${status.toLowerCase()}; there is nothing to withdraw.`;
    default:
      return null;
  }
}

/** Whether the reporter may withdraw their ticket now (TicketView.withdrawOpen): exactly when {@link withdrawalRefusal} has nothing to say. */
export function withdrawalOpen(status: TicketStatus): boolean {
  return withdrawalRefusal(status) === null;
}

/**
 * The withdrawal as a status change: CANCELLED, marked WITHDRAWN (system-note.rules says so in the
 * reader's language), with the reporter's own words, if any, as the entry's message.
 */
export function withdrawalCommand(words: string | null | undefined): StatusCommand {
  return { to: TicketStatus.CANCELLED, note: blankToNull(words), systemReason: { reason: "WITHDRAWN" } };
}
