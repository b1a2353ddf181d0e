import { describe, expect, it } from "vitest";
import { CostProposalStatus as S, PaymentMethod as M, PaymentStatus as P } from "../workorders/work-order.rules.js";
import { proposalCounts, quiet, unpaid, workOrderFigures, type CompletedJobFact, type ProposalFact } from "./work-order-figures.rules.js";

// The period: hours 10 to 20 of a day (any day: the rules read instants only).
const H = 3_600_000;
const at = (h: number) => new Date(h * H);
const B = { from: at(10), to: at(20) };
const prop = (status: S, proposed: number, decided: number | null, total = 100_000): ProposalFact => ({ status, total, proposedAt: at(proposed), decidedAt: decided === null ? null : at(decided) });

describe("proposalCounts", () => {
  it.each<[string, ProposalFact, [proposed: boolean, accepted: boolean, declined: boolean, awaiting: boolean]]>([
    ["made and accepted inside", prop(S.ACCEPTED, 11, 12), [true, true, false, false]],
    ["made inside, declined after the end", prop(S.DECLINED, 12, 21), [true, false, false, true]],
    ["made before, declined inside", prop(S.DECLINED, 8, 15), [false, false, true, false]],
    ["made before, still awaiting", prop(S.AWAITING, 5, null), [false, false, false, true]],
    ["made inside, still awaiting", prop(S.AWAITING, 19, null), [true, false, false, true]],
    ["made at the end (exclusive)", prop(S.AWAITING, 20, null), [false, false, false, false]],
    ["made at the start (inclusive), accepted at the end", prop(S.ACCEPTED, 10, 20), [true, false, false, true]],
    ["made before, accepted before", prop(S.ACCEPTED, 2, 9), [false, false, false, false]],
    ["made inside, withdrawn", prop(S.WITHDRAWN, 13, null), [true, false, false, false]],
    ["made before, withdrawn", prop(S.WITHDRAWN, 3, null), [false, false, false, false]],
  ])("a proposal %s", (_, p, [proposed, accepted, declined, awaiting]) => {
    expect(proposalCounts(p, B)).toEqual({ proposed, accepted, declined, awaiting });
  });
});

describe("unpaid", () => {
  it.each<[P | null, boolean]>([
    [null, true],
    [P.UNPAID, true],
    [P.REFUNDED, true],
    [P.PAID, false],
  ])("a completed job whose payment is %s is unpaid: %s", (paymentStatus, expected) => {
    expect(unpaid({ paymentStatus, paymentDue: false })).toBe(expected);
  });
});

describe("workOrderFigures", () => {
  const completed: CompletedJobFact[] = [
    { paymentStatus: P.PAID, paymentDue: false },
    { paymentStatus: P.UNPAID, paymentDue: true },
    { paymentStatus: null, paymentDue: false },
  ];
  it("adds counts and rupiah by definition, every method listed", () => {
    const f = workOrderFigures(
      {
        workOrdersIn: 4,
        completed,
        proposals: [prop(S.ACCEPTED, 11, 12, 1_600_000), prop(S.DECLINED, 9, 14, 300_000), prop(S.AWAITING, 15, null, 250_000), prop(S.ACCEPTED, 1, 2, 999)],
        payments: [
          { status: P.PAID, method: M.TRANSFER, amount: 1_600_000, recordedAt: at(13) },
          { status: P.PAID, method: M.TRANSFER, amount: 400_000, recordedAt: at(19.5) },
          { status: P.PAID, method: M.CASH_ON_DELIVERY, amount: 150_000, recordedAt: at(16) },
          { status: P.REFUNDED, method: M.E_WALLET, amount: 50_000, recordedAt: at(17) },
          { status: P.UNPAID, method: null, amount: null, recordedAt: at(18) },
          { status: P.PAID, method: M.E_WALLET, amount: 75_000, recordedAt: at(20) },
        ],
      },
      B,
    );
    expect(f).toEqual({
      workOrdersIn: 4,
      completed: 3,
      unpaidCompleted: 2,
      unpaidCompletedPaymentDue: 1,
      costsProposed: { count: 2, amount: 1_850_000 },
      costsAccepted: { count: 1, amount: 1_600_000 },
      costsDeclined: { count: 1, amount: 300_000 },
      costsAwaiting: { count: 1, amount: 250_000 },
      payments: [
        { method: M.TRANSFER, count: 2, amount: 2_000_000 },
        { method: M.E_WALLET, count: 0, amount: 0 },
        { method: M.CASH_ON_DELIVERY, count: 1, amount: 150_000 },
      ],
      paid: { count: 3, amount: 2_150_000 },
      refunded: { count: 1, amount: 50_000 },
    });
    expect(quiet(f)).toBe(false);
  });

  it.each<[string, Parameters<typeof workOrderFigures>[0], boolean]>([
    ["nothing at all", { workOrdersIn: 0, completed: [], proposals: [], payments: [] }, true],
    ["only an old decided proposal", { workOrdersIn: 0, completed: [], proposals: [prop(S.ACCEPTED, 1, 2)], payments: [] }, true],
    ["only a proposal still awaiting", { workOrdersIn: 0, completed: [], proposals: [prop(S.AWAITING, 1, null)], payments: [] }, false],
    ["one work order in", { workOrdersIn: 1, completed: [], proposals: [], payments: [] }, false],
    ["one refund", { workOrdersIn: 0, completed: [], proposals: [], payments: [{ status: P.REFUNDED, method: M.TRANSFER, amount: 5, recordedAt: at(12) }] }, false],
  ])("a period with %s is quiet: %s", (_, facts, expected) => {
    expect(quiet(workOrderFigures(facts, B))).toBe(expected);
  });
});
