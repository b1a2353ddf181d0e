import type { ApprovalRule, AssignmentStrategy, DeclinedCostOutcome, Impact, Priority, QueueOrder, Role, TicketType, Urgency, WebhookEventType } from "../client/generated.js";
import type { Messages } from "../shared/locale.js";

/**
 * Every value of a schema enum, as a list the forms can offer. The list is written here (the
 * gateway may hide introspection in production) but checked against the generated type: a value
 * the schema adds or drops fails the type check until the list follows. These are whole enums,
 * never a subset that encodes a rule (which values a transition allows, say): such subsets are the
 * gateway's to say, and scripts/no-rule-copies.mjs looks for them.
 */
export function allOf<T extends string>() {
  return <const A extends readonly T[]>(...values: A & ([T] extends [A[number]] ? unknown : never)): readonly T[] => values;
}

/** QueueOrder, in the order the form offers it. */
export const QUEUE_ORDERS = allOf<QueueOrder>()("DUE_TIME", "ARRIVAL");
/** Impact, highest first. */
export const IMPACTS = allOf<Impact>()("HIGH", "MEDIUM", "LOW");
/** Urgency, highest first. */
export const URGENCIES = allOf<Urgency>()("HIGH", "MEDIUM", "LOW");
/** Role, from the front line up. */
export const ROLES = allOf<Role>()("AGENT", "SPECIALIST", "SUPERVISOR", "MANAGER", "ADMIN");
/** WebhookEventType, in a ticket's order of life. */
export const WEBHOOK_EVENTS = allOf<WebhookEventType>()(
  "TICKET_CREATED", "TICKET_ASSIGNED", "TICKET_STATUS_CHANGED", "TICKET_MESSAGE_ADDED", "TICKET_ESCALATED",
  "SLA_WARNING", "SLA_BREACHED", "TICKET_RESOLVED", "TICKET_CLOSED", "FEEDBACK_SUBMITTED",
  "TICKET_APPROVAL_REQUESTED", "TICKET_APPROVED", "TICKET_REJECTED",
  "WORK_ORDER_COST_PROPOSED", "WORK_ORDER_COST_ACCEPTED", "WORK_ORDER_COST_DECLINED", "WORK_ORDER_PAYMENT_RECORDED",
);
/** Priority, highest first. */
export const PRIORITIES = allOf<Priority>()("P1", "P2", "P3", "P4", "P5");

/** TicketType, in the order the forms offer it. */
export const TICKET_TYPES = allOf<TicketType>()("INCIDENT", "SERVICE_REQUEST", "WORK_ORDER");
/** ApprovalRule, the lighter first. */
export const APPROVAL_RULES = allOf<ApprovalRule>()("ANY_OF", "ALL_OF");
/** AssignmentStrategy, in the order the routing form offers it. */
export const ASSIGNMENT_STRATEGIES = allOf<AssignmentStrategy>()("ROUND_ROBIN", "LEAST_LOADED");
/** DeclinedCostOutcome, in the order the routing form offers it. */
export const DECLINED_COST_OUTCOMES = allOf<DeclinedCostOutcome>()("CANCEL_JOB", "CONTINUE_WITHOUT");

const types = { INCIDENT: "Incident", SERVICE_REQUEST: "Service request", WORK_ORDER: "Work order" };

/** Names of the ticket types, for the catalogue, approvals and SLA sections; Indonesian in choices.id.ts. */
export const typeWords: Messages<TicketType> = { en: types };

const en = { P1: "Critical", P2: "High", P3: "Medium", P4: "Low", P5: "Planning", HIGH: "High", MEDIUM: "Medium", LOW: "Low" };

/** Names of the priorities and of the urgency/impact levels, for the sections' choices; Indonesian in choices.id.ts. */
export const levelWords: Messages<keyof typeof en> = { en };
