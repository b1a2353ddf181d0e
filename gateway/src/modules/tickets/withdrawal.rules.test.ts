/** Table tests of withdrawal.rules: when the reporter may withdraw, and what the timeline says. */
import { describe, expect, it } from "vitest";
import { TicketStatus as S } from "./ticket.enums.js";
import { withdrawalCommand, withdrawalOpen, withdrawalRefusal } from "./withdrawal.rules.js";

describe("withdrawalRefusal", () => {
  it.each([
    [S.NEW, null],
    [S.ASSIGNED, null],
    [S.IN_PROGRESS, null],
    [S.PENDING, null],
    [S.RESOLVED, /closure check/],
    [S.CLOSED, /already closed/],
    [S.CANCELLED, /already cancelled/],
  ])("%s: %s", (status, refusal) => {
    const got = withdrawalRefusal(status);
    if (refusal === null) expect(got).toBeNull();
    else expect(got).toMatch(refusal);
  });
});

describe("withdrawalOpen", () => {
  it.each([
    [S.NEW, true],
    [S.ASSIGNED, true],
    [S.IN_PROGRESS, true],
    [S.PENDING, true],
    [S.RESOLVED, false],
    [S.CLOSED, false],
    [S.CANCELLED, false],
  ])("%s: %s", (status, open) => {
    expect(withdrawalOpen(status)).toBe(open);
  });
});

describe("withdrawalCommand", () => {
  it.each([
    ["with words", " Visit no longer needed ", "Visit no longer needed"],
    ["without", "  ", null],
    ["null", null, null],
  ])("%s", (_, words, note) => {
    expect(withdrawalCommand(words)).toEqual({ to: S.CANCELLED, note, systemReason: { reason: "WITHDRAWN" } });
  });
});
