/**
 * The reporter's closure check (seed 001, "penutupan insiden"): once the desk resolves a ticket,
 * the reporter confirms the fix (the ticket closes, recorded as confirmed by them) or says it is
 * not fixed, in their own words (a public message, and the ticket is back in progress). Pure: the
 * command is applied by reporter-commands through status.rules' transition effect.
 */
import { conflictRefusal, inputRefusal } from "./refusal.js";
import type { StatusCommand } from "./status.rules.js";
import { TicketEventKind, TicketStatus, Visibility } from "./ticket.enums.js";
import { blankToNull, type EntryDraft } from "./timeline-entry.js";

/** The reporter's answer to "is it fixed?". */
export enum ResolutionAnswer {
  FIXED = "FIXED",
  NOT_FIXED = "NOT_FIXED",
}

/** The timeline's note on a closure the reporter confirmed. */
export const CONFIRMED_BY_REPORTER = "The reporter confirmed that the problem is solved.";

/** The timeline's note when the reporter says the fix does not hold (their words are the message before it). */
export const NOT_FIXED_BY_REPORTER = "The reporter says the problem is not solved, so the ticket is back in progress.";

/** Whether the reporter may answer the closure check now: only while the ticket is RESOLVED. */
export function confirmationOpen(status: TicketStatus): boolean {
  return status === TicketStatus.RESOLVED;
}

/** What an answer does: an optional public message with the reporter's words, then a status change. */
export interface ConfirmationPlan {
  message: EntryDraft | null;
  transition: StatusCommand;
}

/**
 * The plan for the reporter's answer on a ticket in `status`: CONFLICT unless it is RESOLVED,
 * BAD_USER_INPUT on "not fixed" without words. Confirmed: CLOSED, marked as confirmed by the
 * reporter. Not fixed: their words as a public message, then IN_PROGRESS (a reopen).
 */
export function confirmationPlan(status: TicketStatus, answer: ResolutionAnswer, words: string | null | undefined): ConfirmationPlan {
  if (!confirmationOpen(status)) {
    throw conflictRefusal(
      status === TicketStatus.CLOSED
        ? "This ticket is already closed; report a new incident if the problem is back."
        : `Only a resolved ticket can be confirmed; this one is ${status.replace("_", " ").toLowerCase()}.`,
    );
  }
  const said = blankToNull(words);
  if (answer === ResolutionAnswer.FIXED) {
    return {
      message: said ? { kind: TicketEventKind.REPORTER_MESSAGE, visibility: Visibility.PUBLIC, body: said } : null,
      transition: { to: TicketStatus.CLOSED, note: CONFIRMED_BY_REPORTER, confirmedByReporter: true },
    };
  }
  if (!said) throw inputRefusal([{ field: "words", message: "Tell us what is still not working, so the desk can pick it up again." }]);
  return {
    message: { kind: TicketEventKind.REPORTER_MESSAGE, visibility: Visibility.PUBLIC, body: said },
    transition: { to: TicketStatus.IN_PROGRESS, note: NOT_FIXED_BY_REPORTER },
  };
}
