/**
 * A repair job's money (seed 003): the technician's cost proposal, the customer's decision and
 * the desk's record of payment. Amounts are whole rupiah (integers; never floats). Pure: the
 * work-order service applies these inside the ticket's unit of work.
 */
import { charCount, TEXT_LIMIT } from "../tickets/field.rules.js";
import type { FieldIssue } from "../tickets/refusal.js";
import { PendingReason, TicketEventKind, TicketStatus, TicketType } from "../tickets/ticket.enums.js";

/** Most line items of one proposal. */
export const COST_LINES_MAX = 30;
/** Longest line description, in characters. */
export const COST_LINE_DESCRIPTION_MAX = 200;
/** Most units on one line. */
export const COST_QUANTITY_MAX = 10_000;
/** Largest amount anywhere (a unit price, a total, a payment), in rupiah: what GraphQL's Int and the INT column hold. */
export const RUPIAH_MAX = 2_000_000_000;

/** Where a cost proposal stands. */
export enum CostProposalStatus {
  /** Sent to the customer; the ticket waits PENDING on their decision. */
  AWAITING = "AWAITING",
  ACCEPTED = "ACCEPTED",
  DECLINED = "DECLINED",
  /** Replaced by a newer proposal before the customer decided (the desk had taken the job back into work). */
  WITHDRAWN = "WITHDRAWN",
}

/** What the site does with a job whose extra cost the customer declined. */
export enum DeclinedCostOutcome {
  /** The job ends: the ticket is cancelled with the customer's words. */
  CANCEL_JOB = "CANCEL_JOB",
  /** The technician carries on without the extra work. */
  CONTINUE_WITHOUT = "CONTINUE_WITHOUT",
}

/** Whether the customer has paid. */
export enum PaymentStatus {
  UNPAID = "UNPAID",
  PAID = "PAID",
  REFUNDED = "REFUNDED",
}

/** How the customer paid (seed 003). */
export enum PaymentMethod {
  TRANSFER = "TRANSFER",
  E_WALLET = "E_WALLET",
  CASH_ON_DELIVERY = "CASH_ON_DELIVERY",
}

/** One line of a proposal as the technician writes it. */
export interface CostLine {
  description: string;
  quantity: number;
  /** Rupiah per unit. */
  unitAmount: number;
}

/** A line's amount: quantity × unit amount, in rupiah. */
export function lineAmount(l: CostLine): number {
  return l.quantity * l.unitAmount;
}

/**
 * The lines as stored with their total, or every problem with them (`lines.<i>.<field>`): one to
 * {@link COST_LINES_MAX} lines, each described, a whole quantity of at least 1, a whole unit amount
 * of at least 0, and no amount past {@link RUPIAH_MAX}.
 */
export function checkCostLines(lines: readonly CostLine[]): { lines: CostLine[]; total: number; problems: FieldIssue[] } {
  const problems: FieldIssue[] = [];
  if (!lines.length) problems.push({ field: "lines", message: "Give at least one line item: what the extra work or part is, how many, and its price" });
  if (lines.length > COST_LINES_MAX) problems.push({ field: "lines", message: `A proposal has at most ${COST_LINES_MAX} line items, got ${lines.length}` });
  const kept: CostLine[] = [];
  let total = 0;
  lines.forEach((l, i) => {
    const description = l.description.trim().replace(/\s+/g, " ");
    const at = `lines.${i}`;
    if (!description) problems.push({ field: `${at}.description`, message: `Line ${i + 1} needs a description` });
    else if (charCount(description) > COST_LINE_DESCRIPTION_MAX) problems.push({ field: `${at}.description`, message: `Line ${i + 1}'s description is at most ${COST_LINE_DESCRIPTION_MAX} characters` });
    if (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > COST_QUANTITY_MAX) {
      problems.push({ field: `${at}.quantity`, message: `Line ${i + 1}'s quantity is a whole number from 1 to ${COST_QUANTITY_MAX}, got ${l.quantity}` });
    }
    if (!Number.isInteger(l.unitAmount) || l.unitAmount < 0 || l.unitAmount > RUPIAH_MAX) {
      problems.push({ field: `${at}.unitAmount`, message: `Line ${i + 1}'s unit amount is whole rupiah from 0 to ${RUPIAH_MAX}, got ${l.unitAmount}` });
    }
    kept.push({ description, quantity: l.quantity, unitAmount: l.unitAmount });
    total += lineAmount(l);
  });
  if (!problems.length && total > RUPIAH_MAX) problems.push({ field: "lines", message: `The total is at most ${RUPIAH_MAX} rupiah, got ${total}` });
  return { lines: kept, total, problems };
}

const TYPE_NAME: Readonly<Record<TicketType, string>> = {
  [TicketType.INCIDENT]: "an incident",
  [TicketType.SERVICE_REQUEST]: "a service request",
  [TicketType.WORK_ORDER]: "a work order",
};

/** The part of a ticket the work-order rules look at. */
export interface JobState {
  type: TicketType;
  status: TicketStatus;
  pendingReason: PendingReason | null;
}

/** Why a cost cannot be proposed on this ticket now (CONFLICT wording); null when it can. */
export function proposeRefusal(t: JobState): string | null {
  if (t.type !== TicketType.WORK_ORDER) return `Only a work order carries a cost; this ticket is ${TYPE_NAME[t.type]}.`;
  if (awaitsDecision(t)) return "A cost proposal already waits for the customer's decision.";
  if (t.status !== TicketStatus.IN_PROGRESS) return `A ${t.status} work order takes no cost proposal: the technician proposes one while at work on it (IN_PROGRESS).`;
  return null;
}

/** Whether the job waits on the customer's decision on a cost. */
export function awaitsDecision(t: JobState): boolean {
  return t.status === TicketStatus.PENDING && t.pendingReason === PendingReason.COST_DECISION;
}

/** Why findings cannot be recorded on this ticket now; null when they can. */
export function findingsRefusal(t: JobState): string | null {
  if (t.type !== TicketType.WORK_ORDER) return `Only a work order records findings; this ticket is ${TYPE_NAME[t.type]}.`;
  if (t.status === TicketStatus.CLOSED || t.status === TicketStatus.CANCELLED) return `A ${t.status} work order takes no new findings.`;
  return null;
}

/** Why the customer cannot decide on a proposal now; null when they can. */
export function decideRefusal(t: JobState, proposal: CostProposalStatus | null): string | null {
  if (proposal === null) return "This ticket has no cost proposal to decide on.";
  if (proposal !== CostProposalStatus.AWAITING) return `This cost was already ${proposal.toLowerCase()}.`;
  if (!awaitsDecision(t)) return `The work order is ${t.status}, not waiting for your decision.`;
  return null;
}

/** Where the job goes after the customer's decision. */
export function afterDecision(accepted: boolean, outcome: DeclinedCostOutcome): TicketStatus {
  if (accepted || outcome === DeclinedCostOutcome.CONTINUE_WITHOUT) return TicketStatus.IN_PROGRESS;
  return TicketStatus.CANCELLED;
}

/** A payment the desk records. */
export interface PaymentDraft {
  status: PaymentStatus;
  method: PaymentMethod | null;
  /** Rupiah received (PAID) or given back (REFUNDED). */
  amount: number | null;
}

/** Every problem with a payment record: PAID and REFUNDED need a method and a whole amount; an amount stays within Int. */
export function paymentProblems(p: PaymentDraft): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (p.status !== PaymentStatus.UNPAID && !p.method) problems.push({ field: "method", message: `A ${p.status} payment needs its method: TRANSFER, E_WALLET or CASH_ON_DELIVERY` });
  if (p.status !== PaymentStatus.UNPAID && p.amount === null) problems.push({ field: "amount", message: `A ${p.status} payment needs its amount in rupiah` });
  if (p.amount !== null && (!Number.isInteger(p.amount) || p.amount < 0 || p.amount > RUPIAH_MAX)) {
    problems.push({ field: "amount", message: `amount is whole rupiah from 0 to ${RUPIAH_MAX}, got ${p.amount}` });
  }
  return problems;
}

/** Why a payment cannot be recorded on this ticket now; null when it can. */
export function paymentRefusal(t: JobState): string | null {
  if (t.type !== TicketType.WORK_ORDER) return `Only a work order takes a payment; this ticket is ${TYPE_NAME[t.type]}.`;
  if (t.status === TicketStatus.CANCELLED) return "A CANCELLED work order takes no payment.";
  return null;
}

/** Whether the ticket may not close yet: a cost the customer accepted is not paid. */
export function paymentDue(acceptedCost: boolean, payment: PaymentStatus): boolean {
  return acceptedCost && payment !== PaymentStatus.PAID;
}

/** The refusal of a close while payment is due; null otherwise. */
export function closeRefusal(due: boolean): string | null {
  return due ? "The customer accepted a cost that is not paid yet: record the payment (PAID) before closing the work order." : null;
}

/** Longest findings text, in characters. */
export const FINDINGS_MAX = TEXT_LIMIT;

/**
 * What each work-order timeline entry is called, in both languages: the gateway names them
 * (TimelineEntry.codeLabel) so the widgets' first load carries no words for them.
 */
export const WORK_ORDER_ENTRY_LABEL = Object.freeze({
  [TicketEventKind.FINDINGS_RECORDED]: { en: "Findings recorded", id: "Temuan dicatat" },
  [TicketEventKind.COST_PROPOSED]: { en: "Extra cost proposed", id: "Biaya tambahan diusulkan" },
  [TicketEventKind.COST_ACCEPTED]: { en: "Extra cost accepted", id: "Biaya tambahan disetujui" },
  [TicketEventKind.COST_DECLINED]: { en: "Extra cost declined", id: "Biaya tambahan ditolak" },
  [TicketEventKind.PAYMENT_RECORDED]: { en: "Payment recorded", id: "Pembayaran dicatat" },
} as const);

/** The label of a timeline entry kind if it is a work order's; null for every other kind. */
export function workOrderEntryLabel(kind: TicketEventKind): { en: string; id: string } | null {
  return Object.hasOwn(WORK_ORDER_ENTRY_LABEL, kind) ? WORK_ORDER_ENTRY_LABEL[kind as keyof typeof WORK_ORDER_ENTRY_LABEL] : null;
}
