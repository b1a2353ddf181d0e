/**
 * Which of the detail panel's action forms a ticket shows: exactly what the gateway lists in
 * `Ticket.allowedActions` for the caller (and, for "change status", `Ticket.nextStatuses`), so no
 * button leads to FORBIDDEN. The panel knows only which form sends which mutation.
 */
import type { EscalationKind, TicketAction, TicketStatus } from "../client/generated.js";

/** What an agent did to a ticket from the detail panel. */
export type SigapTicketActionName = "classify" | "assign" | "status" | "reply" | "note" | "escalate" | "resolve" | "close" | "reopen" | "cancel";

/** The fields of a ticket the choice reads. */
export interface ActionFields {
  status: TicketStatus;
  allowedActions: readonly TicketAction[];
  nextStatuses: readonly TicketStatus[];
}

/** The panel's forms in the order they show, each with the gateway actions that allow it. */
const FORMS: ReadonlyArray<readonly [SigapTicketActionName, ...TicketAction[]]> = [
  ["classify", "CLASSIFY"],
  ["assign", "ASSIGN"],
  ["status", "CHANGE_STATUS"],
  ["reply", "REPLY"],
  ["note", "INTERNAL_NOTE"],
  ["escalate", "ESCALATE_FUNCTIONAL", "ESCALATE_HIERARCHICAL"],
  ["resolve", "RESOLVE"],
  ["close", "CLOSE"],
  ["reopen", "REOPEN"],
  ["cancel", "CANCEL"],
];

/** Every form of the panel, in display order. */
export const PANEL_FORMS: readonly SigapTicketActionName[] = FORMS.map(([form]) => form);

/** The status each single-purpose form sends through changeTicketStatus (the wire mapping, not a rule). */
export const FORM_STATUS = { resolve: "RESOLVED", close: "CLOSED", reopen: "IN_PROGRESS", cancel: "CANCELLED" } as const satisfies Partial<
  Record<SigapTicketActionName, TicketStatus>
>;

/** Escalation kinds the caller may use on this ticket, in the form's order. */
export function escalationKinds(t: Pick<ActionFields, "allowedActions">): EscalationKind[] {
  const kinds: EscalationKind[] = [];
  if (t.allowedActions.includes("ESCALATE_FUNCTIONAL")) kinds.push("FUNCTIONAL");
  if (t.allowedActions.includes("ESCALATE_HIERARCHICAL")) kinds.push("HIERARCHICAL");
  return kinds;
}

/**
 * Moves "change status" offers: the gateway's next statuses, less the ticket's own and those
 * another shown form sends (resolving, closing and cancelling need their own fields; reopening is its own action).
 */
export function statusTargets(t: ActionFields): TicketStatus[] {
  const own = new Set<TicketStatus>(
    Object.entries(FORM_STATUS)
      .filter(([form]) => form !== "reopen" || t.allowedActions.includes("REOPEN"))
      .map(([, status]) => status),
  );
  return t.nextStatuses.filter((to) => to !== t.status && !own.has(to));
}

/** The panel's forms for this ticket and caller, in display order. */
export function panelActions(t: ActionFields): SigapTicketActionName[] {
  return FORMS.filter(([form, ...need]) => need.some((a) => t.allowedActions.includes(a)) && (form !== "status" || statusTargets(t).length > 0)).map(([form]) => form);
}

/** The forms the composer at the foot of the thread holds: a public reply and an internal note. */
export const COMPOSER_FORMS: readonly SigapTicketActionName[] = ["reply", "note"];

/** The action bar's forms for this ticket and caller: the panel's, less the composer's. */
export function barActions(t: ActionFields): SigapTicketActionName[] {
  return panelActions(t).filter((a) => !COMPOSER_FORMS.includes(a));
}

/** The composer's forms for this ticket and caller: reply and/or note, as the gateway allows. */
export function composerActions(t: ActionFields): SigapTicketActionName[] {
  return panelActions(t).filter((a) => COMPOSER_FORMS.includes(a));
}
