import { describe, expect, it } from "vitest";
import { PendingReason, TicketEventKind, TicketStatus, TicketType } from "../tickets/ticket.enums.js";
import {
  afterDecision,
  checkCostLines,
  closeRefusal,
  CostProposalStatus,
  decideRefusal,
  findingsRefusal,
  DeclinedCostOutcome,
  paymentDue,
  paymentProblems,
  paymentRefusal,
  PaymentMethod,
  PaymentStatus,
  proposeRefusal,
  type JobState,
  workOrderEntryLabel,
} from "./work-order.rules.js";

const S = TicketStatus;
const job = (status: TicketStatus, pendingReason: PendingReason | null = null, type = TicketType.WORK_ORDER): JobState => ({ type, status, pendingReason });
const WAITING = job(S.PENDING, PendingReason.COST_DECISION);

describe("checkCostLines", () => {
  it("totals seed 003's repair in whole rupiah", () => {
    const r = checkCostLines([
      { description: " Kompresor  AC ", quantity: 1, unitAmount: 1_250_000 },
      { description: "Freon R32 (kg)", quantity: 2, unitAmount: 175_000 },
    ]);
    expect(r).toEqual({
      lines: [
        { description: "Kompresor AC", quantity: 1, unitAmount: 1_250_000 },
        { description: "Freon R32 (kg)", quantity: 2, unitAmount: 175_000 },
      ],
      total: 1_600_000,
      problems: [],
    });
  });

  const line = { description: "Jasa", quantity: 1, unitAmount: 100 };
  it.each([
    ["no lines", [], [["lines", "Give at least one line item: what the extra work or part is, how many, and its price"]]],
    ["31 lines", Array.from({ length: 31 }, () => line), [["lines", "A proposal has at most 30 line items, got 31"]]],
    ["a blank description", [{ ...line, description: "  " }], [["lines.0.description", "Line 1 needs a description"]]],
    ["a 201-character description", [{ ...line, description: "é".repeat(201) }], [["lines.0.description", "Line 1's description is at most 200 characters"]]],
    ["a 200-emoji description", [{ ...line, description: "🔧".repeat(200) }], []],
    ["a quantity of 0", [{ ...line, quantity: 0 }], [["lines.0.quantity", "Line 1's quantity is a whole number from 1 to 10000, got 0"]]],
    ["a fractional quantity", [{ ...line, quantity: 1.5 }], [["lines.0.quantity", "Line 1's quantity is a whole number from 1 to 10000, got 1.5"]]],
    ["a negative price on line 2", [line, { ...line, unitAmount: -5 }], [["lines.1.unitAmount", "Line 2's unit amount is whole rupiah from 0 to 2000000000, got -5"]]],
    ["a total past two billion", [{ ...line, quantity: 2, unitAmount: 1_000_000_001 }], [["lines", "The total is at most 2000000000 rupiah, got 2000000002"]]],
    ["a free line", [{ ...line, unitAmount: 0 }], []],
  ])("takes or refuses %s", (_, lines, expected) => {
    expect(checkCostLines(lines).problems.map((p) => [p.field, p.message])).toEqual(expected);
  });
});

describe("proposeRefusal", () => {
  it.each([
    [job(S.IN_PROGRESS), null],
    [job(S.ASSIGNED), "A ASSIGNED work order takes no cost proposal: the technician proposes one while at work on it (IN_PROGRESS)."],
    [job(S.PENDING, PendingReason.THIRD_PARTY), "A PENDING work order takes no cost proposal: the technician proposes one while at work on it (IN_PROGRESS)."],
    [WAITING, "A cost proposal already waits for the customer's decision."],
    [job(S.RESOLVED), "A RESOLVED work order takes no cost proposal: the technician proposes one while at work on it (IN_PROGRESS)."],
    [job(S.IN_PROGRESS, null, TicketType.INCIDENT), "Only a work order carries a cost; this ticket is an incident."],
  ])("on %j: %s", (state, expected) => {
    expect(proposeRefusal(state)).toBe(expected);
  });
});

describe("findingsRefusal", () => {
  it.each([
    [job(S.ASSIGNED), null],
    [WAITING, null],
    [job(S.RESOLVED), null],
    [job(S.CLOSED), "A CLOSED work order takes no new findings."],
    [job(S.IN_PROGRESS, null, TicketType.INCIDENT), "Only a work order records findings; this ticket is an incident."],
  ])("on %j: %s", (state, expected) => {
    expect(findingsRefusal(state)).toBe(expected);
  });
});

describe("decideRefusal", () => {
  it.each([
    [WAITING, CostProposalStatus.AWAITING, null],
    [WAITING, null, "This ticket has no cost proposal to decide on."],
    [WAITING, CostProposalStatus.ACCEPTED, "This cost was already accepted."],
    [job(S.IN_PROGRESS), CostProposalStatus.DECLINED, "This cost was already declined."],
    [job(S.IN_PROGRESS), CostProposalStatus.AWAITING, "The work order is IN_PROGRESS, not waiting for your decision."],
    [job(S.PENDING, PendingReason.REPORTER), CostProposalStatus.AWAITING, "The work order is PENDING, not waiting for your decision."],
  ])("on %j with a proposal %s: %s", (state, proposal, expected) => {
    expect(decideRefusal(state, proposal)).toBe(expected);
  });
});

describe("afterDecision", () => {
  it.each([
    [true, DeclinedCostOutcome.CANCEL_JOB, S.IN_PROGRESS],
    [true, DeclinedCostOutcome.CONTINUE_WITHOUT, S.IN_PROGRESS],
    [false, DeclinedCostOutcome.CANCEL_JOB, S.CANCELLED],
    [false, DeclinedCostOutcome.CONTINUE_WITHOUT, S.IN_PROGRESS],
  ])("accepted %s with the site's %s goes to %s", (accepted, outcome, status) => {
    expect(afterDecision(accepted, outcome)).toBe(status);
  });
});

describe("payments", () => {
  it.each([
    [{ status: PaymentStatus.PAID, method: PaymentMethod.TRANSFER, amount: 1_600_000 }, []],
    [{ status: PaymentStatus.UNPAID, method: null, amount: null }, []],
    [{ status: PaymentStatus.PAID, method: null, amount: null }, ["method", "amount"]],
    [{ status: PaymentStatus.REFUNDED, method: PaymentMethod.E_WALLET, amount: -1 }, ["amount"]],
    [{ status: PaymentStatus.PAID, method: PaymentMethod.CASH_ON_DELIVERY, amount: 10.5 }, ["amount"]],
  ])("checks %j", (draft, fields) => {
    expect(paymentProblems(draft).map((p) => p.field)).toEqual(fields);
  });

  it.each([
    [job(S.RESOLVED), null],
    [job(S.CLOSED), null],
    [job(S.CANCELLED), "A CANCELLED work order takes no payment."],
    [job(S.IN_PROGRESS, null, TicketType.SERVICE_REQUEST), "Only a work order takes a payment; this ticket is a service request."],
  ])("takes a payment on %j: %s", (state, expected) => {
    expect(paymentRefusal(state)).toBe(expected);
  });

  it.each([
    [false, PaymentStatus.UNPAID, false],
    [true, PaymentStatus.UNPAID, true],
    [true, PaymentStatus.REFUNDED, true],
    [true, PaymentStatus.PAID, false],
  ])("an accepted cost %s paid %s is due: %s", (accepted, status, due) => {
    expect(paymentDue(accepted, status)).toBe(due);
    expect(closeRefusal(due) !== null).toBe(due);
  });
});

describe("workOrderEntryLabel", () => {
  it.each([
    [TicketEventKind.FINDINGS_RECORDED, "Findings recorded", "Temuan dicatat"],
    [TicketEventKind.COST_PROPOSED, "Extra cost proposed", "Biaya tambahan diusulkan"],
    [TicketEventKind.COST_ACCEPTED, "Extra cost accepted", "Biaya tambahan disetujui"],
    [TicketEventKind.COST_DECLINED, "Extra cost declined", "Biaya tambahan ditolak"],
    [TicketEventKind.PAYMENT_RECORDED, "Payment recorded", "Pembayaran dicatat"],
    [TicketEventKind.RESOLVED, undefined, undefined],
  ])("names %s", (kind, en, id) => {
    expect(workOrderEntryLabel(kind)?.en).toBe(en);
    expect(workOrderEntryLabel(kind)?.id).toBe(id);
  });
});
