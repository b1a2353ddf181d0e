import { describe, expect, it } from "vitest";
import { TicketEventKind } from "../tickets/ticket.enums.js";
import type { DeliveryOutcome } from "./notification.types.js";
import { entryEventId, eventTypeOf, exponentialSchedule, headsOfStreams, nextAttempt, type Queued } from "./outbox.rules.js";

describe("outbox rules: events of timeline entries", () => {
  // The contract's table, written out by hand so a change to the mapping fails loudly.
  it.each([
    [TicketEventKind.REPORTED, "ticket.created"],
    [TicketEventKind.STATUS_CHANGED, "ticket.status_changed"],
    [TicketEventKind.REOPENED, "ticket.status_changed"],
    [TicketEventKind.CANCELLED, "ticket.status_changed"],
    [TicketEventKind.ASSIGNED, "ticket.assigned"],
    [TicketEventKind.ESCALATED, "ticket.escalated"],
    [TicketEventKind.AUTO_ESCALATED, "ticket.escalated"],
    [TicketEventKind.AGENT_REPLY, "ticket.message_added"],
    [TicketEventKind.REPORTER_MESSAGE, "ticket.message_added"],
    [TicketEventKind.INTERNAL_NOTE, null],
    [TicketEventKind.CLASSIFIED, null],
    [TicketEventKind.RESOLVED, "ticket.resolved"],
    [TicketEventKind.CLOSED, "ticket.closed"],
    [TicketEventKind.FEEDBACK, "feedback.submitted"],
  ])("%s raises %s", (kind, type) => {
    expect(eventTypeOf(kind)).toBe(type);
  });

  it("ids an entry's event by ticket, version after the save and entry index", () => {
    expect(entryEventId("t-1", 4, 1)).toBe("t-1:v4:1");
  });
});

describe("outbox rules: retries", () => {
  const schedule = exponentialSchedule(30, 4, 100);
  const now = new Date("2026-01-01T00:00:00Z");
  const failed: DeliveryOutcome = { ok: false, retryable: true, detail: "ECONNREFUSED" };
  const refused: DeliveryOutcome = { ok: false, retryable: false, detail: "550 no such user" };

  it("doubles the delay caps up to the cap", () => {
    expect(schedule.delaysSeconds).toEqual([30, 60, 100, 100]);
  });

  it.each([
    // outcome, attempts before, random, status, attempts after, delay ms
    [{ ok: true, retryable: false, detail: "250 ok" }, 0, 0.5, "SENT", 1, null],
    [failed, 0, 0.5, "PENDING", 1, 15_000],
    [failed, 0, 0, "PENDING", 1, 1000],
    [failed, 1, 0.999, "PENDING", 2, 59_940],
    [failed, 3, 0.5, "PENDING", 4, 50_000],
    [failed, 4, 0.5, "DEAD", 5, null],
    [refused, 0, 0.5, "DEAD", 1, null],
  ] as const)("%j after %i attempts (random %f) is %s", (outcome, attempts, random, status, made, delay) => {
    const r = nextAttempt(outcome, attempts, schedule, now, random);
    expect(r.status).toBe(status);
    expect(r.attempts).toBe(made);
    expect(r.nextAttemptAt ? r.nextAttemptAt.getTime() - now.getTime() : null).toBe(delay);
    expect(r.lastError).toBe(outcome.ok ? null : outcome.detail);
  });
});

describe("outbox rules: order per stream", () => {
  const m = (seq: number, ticketId: string | null, recipient = "a@x"): Queued => ({ seq, ticketId, channel: "EMAIL", recipient });

  it.each([
    ["one per stream, the earliest", [m(3, "t1"), m(1, "t1"), m(2, "t2")], [], [1, 2]],
    ["recipients are separate streams", [m(1, "t1", "a@x"), m(2, "t1", "b@x")], [], [1, 2]],
    ["messages without a ticket keep no order", [m(1, null), m(2, null)], [], [1, 2]],
    ["a stream with an earlier message waiting goes nowhere", [m(5, "t1"), m(6, "t2")], ["t1\u0000EMAIL\u0000a@x"], [6]],
  ])("%s", (_name, due, waiting, expected) => {
    expect(headsOfStreams(due, new Set(waiting)).map((x) => x.seq)).toEqual(expected);
  });
});
