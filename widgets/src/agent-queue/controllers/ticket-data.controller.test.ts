import { describe, expect, it } from "vitest";
import type { Detail } from "../desk-parts.js";
import { TicketDataController } from "./ticket-data.controller.js";
import { TestHost } from "../../shared/test-host.js";

const ticket = (id: string, version: number, extra: Partial<Detail> = {}): Detail => ({ id, code: `C-${id}`, version, ...extra }) as Detail;
const settle = () => new Promise((r) => setTimeout(r, 0));

/** A view's ticket whose reads the test answers by hand. */
function view() {
  const reads: Array<{ id: string; answer(d: Detail): Promise<unknown>; fail(e: unknown): Promise<unknown> }> = [];
  const c = new TicketDataController(new TestHost(), {
    load: (id) =>
      new Promise((resolve, reject) => {
        const answer = (d: Detail) => {
          resolve(d);
          return settle();
        };
        const fail = (e: unknown) => {
          reject(e);
          return settle();
        };
        reads.push({ id, answer, fail });
      }),
    failed: (e) => `failed: ${String(e)}`,
  });
  return { c, reads };
}

describe("TicketDataController", () => {
  it("shows a row at once, then the full ticket the gateway returns", async () => {
    const { c, reads } = view();
    c.show(ticket("a", 1));
    expect(c.detail?.timeline).toBeUndefined();
    await reads[0]!.answer(ticket("a", 1, { timeline: [] }));
    expect(c.detail?.timeline).toEqual([]);
  });

  it("never steps back to an older version, and folds reads asked for meanwhile into one more", async () => {
    const { c, reads } = view();
    c.show(ticket("a", 1));
    c.show(ticket("a", 3));
    c.show(ticket("a", 4));
    expect(reads.length).toBe(1);
    await reads[0]!.answer(ticket("a", 2, { timeline: [] }));
    expect(c.detail?.version).toBe(4);
    expect(reads.length).toBe(2);
    await reads[1]!.answer(ticket("a", 4, { timeline: [] }));
    expect(c.detail?.timeline).toEqual([]);
  });

  it("opens a ticket by its code and drops an answer for a ticket no longer shown", async () => {
    const { c, reads } = view();
    c.open("C-a");
    expect(reads[0]!.id).toBe("C-a");
    await reads[0]!.answer(ticket("a", 1));
    expect(c.detail?.id).toBe("a");
    c.show(ticket("b", 1));
    c.show(ticket("c", 1));
    await reads[1]!.answer(ticket("b", 1, { timeline: [] }));
    expect(c.detail?.id).toBe("c");
  });

  it("says why a read failed", async () => {
    const { c, reads } = view();
    c.open("x");
    await reads[0]!.fail("NOT_FOUND");
    expect(c.problem).toBe("failed: NOT_FOUND");
  });
});
