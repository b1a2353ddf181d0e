import { describe, expect, it } from "vitest";
import type { TicketViewFieldsFragment } from "../../client/generated.js";
import { SigapRequestError } from "../../client/graphql-error.js";
import type { LiveHandlers } from "../../client/live.js";
import { TestHost } from "../../shared/test-host.js";
import { type TrackedRead, TrackedTicketController } from "./tracked-ticket.controller.js";

const ticket = (code: string, updatedAt: string, extra: Partial<TicketViewFieldsFragment> = {}): TicketViewFieldsFragment =>
  ({ code, updatedAt, status: "NEW", feedbackOpen: false, ...extra }) as TicketViewFieldsFragment;
const settle = () => new Promise((r) => setTimeout(r, 0));

/** A tracker's ticket whose reads and live feeds the test answers by hand. */
function tracker() {
  const reads: Array<{ code: string; token: string; answer(r: TrackedRead): Promise<unknown>; fail(e: unknown): Promise<unknown> }> = [];
  const feeds: Array<{ code: string; token: string; handlers: LiveHandlers<TicketViewFieldsFragment>; stopped: boolean }> = [];
  const shown: string[] = [];
  const host = new TestHost();
  const c = new TrackedTicketController(host, {
    read: (code, token) =>
      new Promise((resolve, reject) => {
        const answer = (r: TrackedRead) => {
          resolve(r);
          return settle();
        };
        const fail = (e: unknown) => {
          reject(e);
          return settle();
        };
        reads.push({ code, token, answer, fail });
      }),
    open: (code, token, handlers) => {
      const f = { code, token, handlers, stopped: false };
      feeds.push(f);
      return () => (f.stopped = true);
    },
    problem: (e) => `failed: ${e instanceof Error ? e.message : String(e)}`,
    shown: (prev, next) => shown.push(`${prev?.status ?? "-"}→${next.status}`),
  });
  return { host, c, reads, feeds, shown };
}

describe("TrackedTicketController", () => {
  it("reads the ticket by code and token, keeps it live, and reads it again after a reconnect", async () => {
    const { c, reads, feeds, shown } = tracker();
    c.follow("INC-1", "tok");
    expect([c.phase, c.live.state, reads[0]?.code, reads[0]?.token, feeds[0]?.code]).toEqual(["loading", "connecting", "INC-1", "tok", "INC-1"]);
    await reads[0]!.answer({ ticket: ticket("INC-1", "2026-01-01T00:00:00Z"), atRisk: 0.2 });
    expect([c.phase, c.view?.code, c.atRisk]).toEqual(["ready", "INC-1", 0.2]);
    feeds[0]!.handlers.connected!(false);
    expect([c.live.state, reads.length]).toEqual(["live", 1]);
    feeds[0]!.handlers.next(ticket("INC-1", "2026-01-01T00:01:00Z", { status: "IN_PROGRESS" }));
    feeds[0]!.handlers.disconnected!();
    expect(c.live.state).toBe("reconnecting");
    feeds[0]!.handlers.connected!(true);
    expect([c.live.state, reads.length]).toEqual(["live", 2]);
    expect(shown).toEqual(["-→NEW", "NEW→IN_PROGRESS"]);
  });

  it("never steps back: a slow read older than a push is dropped", async () => {
    const { c, reads, feeds } = tracker();
    c.follow("INC-1", "tok");
    feeds[0]!.handlers.next(ticket("INC-1", "2026-01-01T00:05:00Z", { status: "RESOLVED" }));
    await reads[0]!.answer({ ticket: ticket("INC-1", "2026-01-01T00:00:00Z"), atRisk: 0 });
    expect(c.view?.status).toBe("RESOLVED");
  });

  it("drops the answer for a code no longer followed, and keeps the ticket shown when the same code is followed again", async () => {
    const { c, reads, feeds } = tracker();
    c.follow("INC-1", "tok");
    await reads[0]!.answer({ ticket: ticket("INC-1", "2026-01-01T00:00:00Z"), atRisk: 0 });
    c.follow("INC-1", "tok");
    expect([c.phase, feeds[0]!.stopped]).toEqual(["ready", true]);
    c.follow("INC-2", "tok2");
    expect([c.phase, c.view]).toEqual(["loading", null]);
    await reads[1]!.answer({ ticket: ticket("INC-1", "2026-01-01T00:09:00Z"), atRisk: 0 });
    expect(c.view).toBeNull();
  });

  it("says not found for an unknown code, a refused read or a refused feed, and stops the feed", async () => {
    const { c, reads, feeds } = tracker();
    c.follow("INC-9", "bad");
    await reads[0]!.answer({ ticket: null, atRisk: 0 });
    expect([c.phase, c.live.state, feeds[0]!.stopped]).toEqual(["notfound", "off", true]);
    c.follow("INC-9", "bad");
    await reads[1]!.fail(new SigapRequestError("No such ticket.", "NOT_FOUND"));
    expect(c.phase).toBe("notfound");
    c.follow("INC-9", "bad");
    feeds[2]!.handlers.error(new SigapRequestError("No such ticket.", "NOT_FOUND"));
    expect([c.phase, c.live.state]).toEqual(["notfound", "off"]);
  });

  it("fails in words when the first read fails, but keeps a ticket already shown when a later read fails", async () => {
    const { c, reads, feeds } = tracker();
    c.follow("INC-1", "tok");
    await reads[0]!.fail(new SigapRequestError("down", "NETWORK_ERROR"));
    expect([c.phase, c.problem]).toEqual(["failed", "failed: down"]);
    c.follow("INC-1", "tok");
    await reads[1]!.answer({ ticket: ticket("INC-1", "2026-01-01T00:00:00Z"), atRisk: 0 });
    feeds[1]!.handlers.connected!(true);
    await reads[2]!.fail(new SigapRequestError("down", "NETWORK_ERROR"));
    expect([c.phase, c.problem, c.view?.code]).toEqual(["ready", "", "INC-1"]);
  });

  it("shows the lookup without a feed, and stops the feed when the host leaves the page", () => {
    const { host, c, feeds } = tracker();
    c.follow("INC-1", "tok");
    for (const ctl of host.controllers) ctl.hostDisconnected?.();
    expect([feeds[0]!.stopped, c.live.state]).toEqual([true, "off"]);
    c.lookup("");
    c.set(c.phase, "Enter both.");
    expect([c.phase, c.problem, feeds.length]).toEqual(["lookup", "Enter both.", 1]);
  });
});
