import { lazyWords, type Messages } from "../shared/locale.js";

const en = {
  lookup: "Track your ticket",
  code: "Ticket code",
  token: "Tracking token",
  track: "Track",
  needBoth: "Enter both the ticket code and the tracking token from your receipt.",
  notFound: "No ticket matches this code and token. Check both against your receipt.",
  ticket: "Ticket",
  responded: "responded {at}",
  resolvedAt: "resolved {at}",
  sla: "Service level",
  left: "{d} left",
  over: "overdue by {d}",
  reply: "Reply to the service desk",
  send: "Send",
  sending: "Sending…",
  sent: "Your message was sent.",
  empty: "Write a message first.",
  final: "This ticket is {status}; report a new incident if you still need help.",
  mine: "My tickets",
  reported: "What you reported",
};

/** A key of the tracker's own {@link messages}. */
export type TrackerKey = keyof typeof en;

/** The tracker's own words; ticket words shared with the queue live in shared/ticket-text, Indonesian in ticket-tracker.messages.id.ts. */
export const messages: Messages<TrackerKey> = { en };

/** The tracker's Indonesian words, fetched only for Indonesian readers. */
export const indonesian = lazyWords(() => import("./ticket-tracker.messages.id.js"));
