/**
 * What the queue's parts share: the ticket shapes they pass each other, their events' details,
 * and the one way a part reports to whoever holds it. Parts dispatch bubbling events that are not
 * composed: inside the shell they stop at its shadow root (the shell re-announces them to the page),
 * and a part placed on a page alone reaches the page directly.
 */
import type { DeskBootstrapQuery, DeskTicketFieldsFragment, DeskTicketQuery, QueueChangedSubscription } from "../client/generated.js";
import { problemCode } from "../shared/problem-text.js";
import type { SigapTicketActionName } from "./ticket-actions.js";

/** A ticket as the queue lists it. */
export type Row = DeskTicketFieldsFragment;
/** A ticket in the detail view: the row's fields at once, the timeline and files once fetched. */
export type Detail = Row & Partial<Pick<DeskTicketQuery["ticket"], "timeline" | "attachments" | "feedback" | "fields" | "customerId" | "approval">>;
/** The site's directory and rules, as the desk reads them at start-up. */
export type Directory = DeskBootstrapQuery["deskDirectory"];
/** The signed-in desk member. */
export type Me = DeskBootstrapQuery["me"];
/** One push of the live queue. */
export type QueueEvent = QueueChangedSubscription["queueChanged"];

/** Detail of `sigap-ticket-select`: the ticket whose detail panel opened. */
export interface SigapTicketSelectDetail {
  id: string;
  code: string;
}

/** Detail of `sigap-ticket-action`: an action the gateway accepted. */
export interface SigapTicketActionDetail {
  id: string;
  code: string;
  /** The form's action; `cost` and `payment` come from a work order's part (sigap-work-order-desk). */
  action: SigapTicketActionName | "cost" | "payment";
  /** The ticket as the gateway returned it after the action. */
  ticket?: Row;
}

/** Detail of `sigap-auth-error`: the agent token was refused; the host should sign the agent in again. */
export interface SigapAuthErrorDetail {
  message: string;
}

/** Dispatches a part's bubbling, uncomposed `sigap-*` event (see the module's comment). */
export function notify<D>(host: HTMLElement, name: `sigap-${string}`, detail: D): void {
  host.dispatchEvent(new CustomEvent<D>(name, { detail, bubbles: true }));
}

/** Reports a refused token as `sigap-auth-error`; true if the error was one. */
export function reportAuth(host: HTMLElement, error: unknown): boolean {
  if (problemCode(error) !== "UNAUTHENTICATED") return false;
  notify<SigapAuthErrorDetail>(host, "sigap-auth-error", { message: error instanceof Error ? error.message : "" });
  return true;
}
