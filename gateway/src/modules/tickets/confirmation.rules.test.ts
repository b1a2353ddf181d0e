import { describe, expect, it } from "vitest";
import { CONFIRMED_BY_REPORTER, confirmationOpen, confirmationPlan, NOT_FIXED_BY_REPORTER, ResolutionAnswer } from "./confirmation.rules.js";
import { Refusal } from "./refusal.js";
import { TicketStatus } from "./ticket.enums.js";

const { NEW, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED, CLOSED, CANCELLED } = TicketStatus;
const { FIXED, NOT_FIXED } = ResolutionAnswer;

describe("confirmation.rules", () => {
  it.each([
    [NEW, false],
    [ASSIGNED, false],
    [IN_PROGRESS, false],
    [PENDING, false],
    [RESOLVED, true],
    [CLOSED, false],
    [CANCELLED, false],
  ])("the closure check is open on a %s ticket: %s", (status, open) => {
    expect(confirmationOpen(status)).toBe(open);
  });

  it.each([
    // status, answer, words, → status, message body, confirmed by reporter
    [RESOLVED, FIXED, null, CLOSED, null, true],
    [RESOLVED, FIXED, "  Works again, thanks ", CLOSED, "Works again, thanks", true],
    [RESOLVED, NOT_FIXED, "Still no signal on the 2nd floor", IN_PROGRESS, "Still no signal on the 2nd floor", undefined],
  ] as const)("on %s, %s with %j moves to %s", (status, answer, words, to, body, confirmed) => {
    const plan = confirmationPlan(status, answer, words);
    expect(plan.transition.to).toBe(to);
    expect(plan.transition.confirmedByReporter).toBe(confirmed);
    expect(plan.transition.note).toBe(to === CLOSED ? CONFIRMED_BY_REPORTER : NOT_FIXED_BY_REPORTER);
    expect(plan.message?.body ?? null).toBe(body);
  });

  it.each([
    // status, answer, words, → code, field
    [RESOLVED, NOT_FIXED, null, "BAD_USER_INPUT", "words"],
    [RESOLVED, NOT_FIXED, "   ", "BAD_USER_INPUT", "words"],
    [IN_PROGRESS, FIXED, null, "CONFLICT", null],
    [IN_PROGRESS, NOT_FIXED, "still broken", "CONFLICT", null],
    [CLOSED, FIXED, null, "CONFLICT", null],
    [CANCELLED, NOT_FIXED, "x", "CONFLICT", null],
    [PENDING, FIXED, null, "CONFLICT", null],
  ] as const)("refuses %s %s with %j: %s", (status, answer, words, code, field) => {
    let refusal: unknown;
    try {
      confirmationPlan(status, answer, words);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(Refusal);
    expect((refusal as Refusal).code).toBe(code);
    expect((refusal as Refusal).fields.map((f) => f.field)).toEqual(field ? [field] : []);
  });
});
