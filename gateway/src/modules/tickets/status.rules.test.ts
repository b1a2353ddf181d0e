import { describe, expect, it } from "vitest";
import {
  OPEN_STATUSES,
  TRANSITIONS,
  acceptsFeedback,
  canTransition,
  isFinal,
  isOpen,
  pausesClock,
  transitionError,
} from "./status.rules.js";
import { TicketStatus } from "./ticket.enums.js";

const ALL = Object.values(TicketStatus);

const { NEW, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED, CLOSED, CANCELLED } = TicketStatus;

// Written out by hand, not derived from TRANSITIONS, so that changing the graph fails this test.
const ALLOWED: ReadonlyArray<readonly [TicketStatus, TicketStatus]> = [
  [NEW, ASSIGNED],
  [NEW, IN_PROGRESS],
  [NEW, CANCELLED],
  [ASSIGNED, ASSIGNED],
  [ASSIGNED, IN_PROGRESS],
  [ASSIGNED, CANCELLED],
  [IN_PROGRESS, ASSIGNED],
  [IN_PROGRESS, PENDING],
  [IN_PROGRESS, RESOLVED],
  [IN_PROGRESS, CANCELLED],
  [PENDING, IN_PROGRESS],
  [PENDING, CANCELLED],
  [RESOLVED, IN_PROGRESS],
  [RESOLVED, CLOSED],
];

const isAllowed = (from: TicketStatus, to: TicketStatus): boolean =>
  ALLOWED.some(([f, t]) => f === from && t === to);

const FORBIDDEN = ALL.flatMap((from) => ALL.map((to) => [from, to] as const)).filter(
  ([from, to]) => !isAllowed(from, to),
);

describe("TRANSITIONS", () => {
  it("has 14 allowed and 35 forbidden pairs among the 7 statuses", () => {
    expect(ALLOWED).toHaveLength(14);
    expect(FORBIDDEN).toHaveLength(35);
    expect(ALL.reduce((n, s) => n + TRANSITIONS[s].length, 0)).toBe(14);
  });

  it.each(ALLOWED)("allows a transition from %s to %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(transitionError(from, to)).toBeNull();
  });

  it.each(FORBIDDEN)("refuses a transition from %s to %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(transitionError(from, to)).toEqual(expect.stringContaining(from));
  });

  it("cannot be changed at run time", () => {
    expect(Object.isFrozen(TRANSITIONS)).toBe(true);
    for (const s of ALL) expect(Object.isFrozen(TRANSITIONS[s])).toBe(true);
  });
});

describe("transitionError", () => {
  it.each([
    [CLOSED, NEW, "A CLOSED ticket cannot change status: it is final."],
    [CANCELLED, IN_PROGRESS, "A CANCELLED ticket cannot change status: it is final."],
    [
      NEW,
      RESOLVED,
      "A ticket that is NEW cannot go to RESOLVED; from NEW it can go to ASSIGNED, IN_PROGRESS or CANCELLED.",
    ],
    [
      PENDING,
      RESOLVED,
      "A ticket that is PENDING cannot go to RESOLVED; from PENDING it can go to IN_PROGRESS or CANCELLED.",
    ],
    [
      RESOLVED,
      NEW,
      "A ticket that is RESOLVED cannot go to NEW; from RESOLVED it can go to IN_PROGRESS or CLOSED.",
    ],
    [
      IN_PROGRESS,
      IN_PROGRESS,
      "A ticket that is IN_PROGRESS is already IN_PROGRESS; from IN_PROGRESS it can go to ASSIGNED, PENDING, RESOLVED or CANCELLED.",
    ],
  ])("explains why %s cannot go to %s", (from, to, message) => {
    expect(transitionError(from, to)).toBe(message);
  });

  it.each(FORBIDDEN.filter(([from]) => !isFinal(from)))(
    "names %s, %s and every status still reachable",
    (from, to) => {
      const message = transitionError(from, to) ?? "";
      expect(message).toContain(to);
      for (const next of TRANSITIONS[from]) expect(message).toContain(next);
    },
  );
});

describe("status predicates", () => {
  // [status, open, final, accepts feedback, pauses clock]
  it.each([
    [NEW, true, false, false, false],
    [ASSIGNED, true, false, false, false],
    [IN_PROGRESS, true, false, false, false],
    [PENDING, true, false, false, true],
    [RESOLVED, false, false, true, false],
    [CLOSED, false, true, true, false],
    [CANCELLED, false, true, false, false],
  ])("classifies %s (open %s, final %s, feedback %s, paused %s)", (status, open, final, feedback, paused) => {
    expect(isOpen(status)).toBe(open);
    expect(isFinal(status)).toBe(final);
    expect(acceptsFeedback(status)).toBe(feedback);
    expect(pausesClock(status)).toBe(paused);
  });

  it("lists the open statuses in lifecycle order", () => {
    expect(OPEN_STATUSES).toEqual([
      NEW,
      ASSIGNED,
      IN_PROGRESS,
      PENDING,
    ]);
  });

  it.each(ALL)("treats %s as final exactly when no transition leaves it", (status) => {
    expect(isFinal(status)).toBe(TRANSITIONS[status].length === 0);
  });
});
