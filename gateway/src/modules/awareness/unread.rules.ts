/**
 * What is unread for an agent. Pure: the read marks and the ticket's times come in, a verdict
 * goes out. Reporter activity is the report itself and every reporter message after it. Only
 * activity after the agent started (their account's creation) counts: the desk's history before
 * them is not theirs to catch up on, so a new agent does not open the queue to "99+".
 */
import { TicketEventKind } from "../tickets/ticket.enums.js";

/** The ticket times unread depends on. */
export interface ReporterActivity {
  /** When the reporter last wrote; null: only the report so far. */
  reporterActivityAt: Date | null;
  createdAt: Date;
}

/** At most this many unread tickets are counted: the title shows "99+" beyond 99, and the count stays index-bound. */
export const UNREAD_COUNT_CAP = 100;

/** Whether a timeline entry of this kind is reporter activity that makes a ticket unread. */
export function countsAsReporterActivity(kind: TicketEventKind): boolean {
  return kind === TicketEventKind.REPORTER_MESSAGE;
}

/** When the reporter last did something on the ticket: their latest message, else the report. */
export function lastReporterActivity(t: ReporterActivity): Date {
  return t.reporterActivityAt ?? t.createdAt;
}

/**
 * The instant after which reporter activity is unread for an agent: their read mark of the
 * ticket (null: never opened), but never before the agent started.
 */
export function unreadAfter(readAt: Date | null, agentStart: Date): Date {
  return readAt && readAt.getTime() > agentStart.getTime() ? readAt : agentStart;
}

/** Whether the ticket is unread for an agent who started at `agentStart` and whose read mark is `readAt` (null: never opened). */
export function isUnread(t: ReporterActivity, readAt: Date | null, agentStart: Date): boolean {
  return lastReporterActivity(t).getTime() > unreadAfter(readAt, agentStart).getTime();
}

/**
 * Unread as a live push to the whole desk tells it, where no one agent is asking (one execution
 * serves every subscriber): the ticket's latest change was the reporter's. The widget keeps a row
 * it already shows as unread until the agent opens it.
 */
export function isUnreadInPush(t: ReporterActivity & { updatedAt: Date }): boolean {
  return lastReporterActivity(t).getTime() >= t.updatedAt.getTime();
}
