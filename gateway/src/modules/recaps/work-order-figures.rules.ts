/**
 * What the recap's work-order figures mean (issue 13: "work-order cost and payment figures where
 * there are work orders"; seed 003), written once. work-order-figures.ts reads the facts these
 * take (each read bound by an index); the definitions live here. Pure.
 *
 * Definitions, for a period [from, to) in the recap's scope (the ticket's group or assignee):
 * - work orders in: WORK_ORDER tickets created in the period; completed: WORK_ORDER tickets
 *   resolved in the period (their latest resolution, as the recap's `resolved`).
 * - unpaid completed: completed jobs with no PAID payment as they stand now (none recorded,
 *   UNPAID, or REFUNDED); of those, payment due: the customer accepted an extra cost.
 * - extra costs proposed: proposals made in the period, whatever became of them; accepted and
 *   declined: decisions made in the period; awaiting decision: proposals made before the period's
 *   end and not decided by then (a proposal later WITHDRAWN counts for none of these at its end,
 *   as the backlog is judged by the ticket as it stands). Each a count and a sum in rupiah.
 * - payments: payments recorded in the period, by status (PAID per method, REFUNDED) as the
 *   work order records them now (one payment record a job: the latest).
 * - a period without any of these has no work-order part (null), so desks without work orders
 *   see nothing of it.
 */
import { CostProposalStatus, PaymentMethod, PaymentStatus } from "../workorders/work-order.rules.js";
import type { Bounds } from "./recap.rules.js";

/** A count and its sum in whole rupiah. */
export interface CountAmount {
  count: number;
  /** Whole rupiah; a sum may pass 2^31, so it is carried as a (safe-integer) number. */
  amount: number;
}

/** One payment method's payments in the period. */
export interface MethodPayments extends CountAmount {
  method: PaymentMethod;
}

/** A recap's work-order figures, for the scope or one breakdown row. */
export interface WorkOrderFigures {
  workOrdersIn: number;
  completed: number;
  unpaidCompleted: number;
  unpaidCompletedPaymentDue: number;
  costsProposed: CountAmount;
  costsAccepted: CountAmount;
  costsDeclined: CountAmount;
  costsAwaiting: CountAmount;
  /** PAID payments by method, every method listed (zeros too), in PaymentMethod order. */
  payments: MethodPayments[];
  paid: CountAmount;
  refunded: CountAmount;
}

/** A WORK_ORDER ticket resolved in the period, with its payment as it stands now. */
export interface CompletedJobFact {
  /** null: no work-order record (nothing recorded on the job). */
  paymentStatus: PaymentStatus | null;
  paymentDue: boolean;
}

/** A cost proposal the recap may count (made before the period's end). */
export interface ProposalFact {
  status: CostProposalStatus;
  total: number;
  proposedAt: Date;
  decidedAt: Date | null;
}

/** A payment record of a work order. */
export interface PaymentFact {
  status: PaymentStatus;
  method: PaymentMethod | null;
  amount: number | null;
  recordedAt: Date | null;
}

/** What the figures are counted from, for one scope or row. */
export interface WorkOrderFacts {
  workOrdersIn: number;
  completed: readonly CompletedJobFact[];
  proposals: readonly ProposalFact[];
  payments: readonly PaymentFact[];
}

const METHODS = Object.values(PaymentMethod);
const within = (at: Date | null, b: Bounds): boolean => at !== null && at.getTime() >= b.from.getTime() && at.getTime() < b.to.getTime();
const zero = (): CountAmount => ({ count: 0, amount: 0 });
const add = (c: CountAmount, amount: number | null): void => {
  c.count++;
  c.amount += amount ?? 0;
};

/** Where one proposal counts in [from, to): proposed, accepted, declined, awaiting at the end (each independent). */
export function proposalCounts(p: ProposalFact, b: Bounds): { proposed: boolean; accepted: boolean; declined: boolean; awaiting: boolean } {
  const decided = p.status === CostProposalStatus.ACCEPTED || p.status === CostProposalStatus.DECLINED;
  return {
    proposed: within(p.proposedAt, b),
    accepted: p.status === CostProposalStatus.ACCEPTED && within(p.decidedAt, b),
    declined: p.status === CostProposalStatus.DECLINED && within(p.decidedAt, b),
    awaiting:
      p.proposedAt.getTime() < b.to.getTime() &&
      (p.status === CostProposalStatus.AWAITING || (decided && p.decidedAt !== null && p.decidedAt.getTime() >= b.to.getTime())),
  };
}

/** Whether a completed job is unpaid as it stands: no PAID record. */
export function unpaid(job: CompletedJobFact): boolean {
  return job.paymentStatus !== PaymentStatus.PAID;
}

/** The figures of [from, to) from its facts. */
export function workOrderFigures(facts: WorkOrderFacts, b: Bounds): WorkOrderFigures {
  const f: WorkOrderFigures = {
    workOrdersIn: facts.workOrdersIn,
    completed: facts.completed.length,
    unpaidCompleted: 0,
    unpaidCompletedPaymentDue: 0,
    costsProposed: zero(),
    costsAccepted: zero(),
    costsDeclined: zero(),
    costsAwaiting: zero(),
    payments: METHODS.map((method) => ({ method, ...zero() })),
    paid: zero(),
    refunded: zero(),
  };
  for (const job of facts.completed) {
    if (!unpaid(job)) continue;
    f.unpaidCompleted++;
    if (job.paymentDue) f.unpaidCompletedPaymentDue++;
  }
  for (const p of facts.proposals) {
    const c = proposalCounts(p, b);
    if (c.proposed) add(f.costsProposed, p.total);
    if (c.accepted) add(f.costsAccepted, p.total);
    if (c.declined) add(f.costsDeclined, p.total);
    if (c.awaiting) add(f.costsAwaiting, p.total);
  }
  for (const pay of facts.payments) {
    if (!within(pay.recordedAt, b)) continue;
    if (pay.status === PaymentStatus.REFUNDED) add(f.refunded, pay.amount);
    if (pay.status !== PaymentStatus.PAID) continue;
    add(f.paid, pay.amount);
    const byMethod = f.payments.find((m) => m.method === pay.method);
    if (byMethod) add(byMethod, pay.amount);
  }
  return f;
}

/** Whether a period has nothing to say about work orders (the recap then carries no work-order part). */
export function quiet(f: WorkOrderFigures): boolean {
  return (
    f.workOrdersIn === 0 &&
    f.completed === 0 &&
    f.costsProposed.count === 0 &&
    f.costsAccepted.count === 0 &&
    f.costsDeclined.count === 0 &&
    f.costsAwaiting.count === 0 &&
    f.paid.count === 0 &&
    f.refunded.count === 0
  );
}
