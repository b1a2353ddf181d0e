import { describe, expect, it } from "vitest";
import type { Row } from "../desk-parts.js";
import { QueueDataController, type QueuePage } from "./queue-data.controller.js";
import { TestHost } from "../../shared/test-host.js";

const row = (id: string, version = 1): Row => ({ id, code: id.toUpperCase(), version, unread: false }) as Row;

/** A queue whose page reads the test answers by hand, in any order. */
function queue(searching = false) {
  const reads: Array<{ first: number; after: string | null; answer(p: Partial<QueuePage>): Promise<unknown>; fail(e: unknown): Promise<unknown> }> = [];
  const arrived: string[] = [];
  const changed: string[] = [];
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const q = new QueueDataController(new TestHost(), {
    page: (first, after) =>
      new Promise<QueuePage>((resolve, reject) => {
        reads.push({
          first,
          after,
          answer: (p) => {
            resolve({ rows: [], hasNextPage: false, endCursor: null, ...p });
            return settle();
          },
          fail: (e) => {
            reject(e);
            return settle();
          },
        });
      }),
    pageSize: () => 2,
    failed: (e) => (e === "auth" ? undefined : `failed: ${String(e)}`),
    arrived: (r, kind) => arrived.push(`${r.id}:${kind}`),
    changed: (r) => changed.push(r.id),
    searching: () => searching,
  });
  return { q, reads, arrived, changed };
}

describe("QueueDataController", () => {
  it("drops a slower earlier read and keeps the newer one", async () => {
    const { q, reads } = queue();
    void q.loadFirst();
    void q.loadFirst();
    await reads[1]!.answer({ rows: [row("b")] });
    await reads[0]!.answer({ rows: [row("a")] });
    expect(q.rows.map((r) => r.id)).toEqual(["b"]);
    expect(q.loading).toBe(false);
  });

  it("holds events that arrive during the first read and replays them on top of it", async () => {
    const { q, reads, changed } = queue();
    void q.loadFirst();
    q.receive({ kind: "UPDATED", ticket: row("a", 2) });
    await reads[0]!.answer({ rows: [row("a", 1)] });
    expect(q.rows[0]!.version).toBe(2);
    expect(changed).toEqual(["a"]);
  });

  it("never shows an older version over a newer one, and removes a REMOVED ticket at once", async () => {
    const { q, reads } = queue();
    void q.loadFirst();
    await reads[0]!.answer({ rows: [row("a", 3), row("b")] });
    q.apply(row("a", 2), "UPDATED");
    expect(q.rows[0]!.version).toBe(3);
    q.apply(row("b", 2), "REMOVED");
    expect(q.rows.map((r) => r.id)).toEqual(["a"]);
  });

  it("keeps a REMOVED ticket in search results in its new state, and lets the gateway's read say whether it still matches", async () => {
    const { q, reads } = queue(true);
    void q.loadFirst();
    await reads[0]!.answer({ rows: [row("a"), row("b")] });
    q.apply(row("b", 2), "REMOVED");
    expect(q.rows.map((r) => [r.id, r.version])).toEqual([["a", 1], ["b", 2]]);
    expect(reads).toHaveLength(2);
    await reads[1]!.answer({ rows: [row("a")] });
    expect(q.rows.map((r) => r.id)).toEqual(["a"]);
  });

  it("reads the rows again after a live change, highlighting a ticket that was not shown", async () => {
    const { q, reads, arrived } = queue();
    void q.loadFirst();
    await reads[0]!.answer({ rows: [row("a")] });
    q.apply(row("n"), "CREATED");
    expect(reads[1]!.first).toBe(2);
    await reads[1]!.answer({ rows: [row("n"), row("a")] });
    expect(arrived).toEqual(["n:CREATED"]);
    expect(q.fresh.has("n")).toBe(true);
  });

  it("highlights a row changed live until the agent opens it, which also reads it", async () => {
    const { q, reads } = queue();
    void q.loadFirst();
    await reads[0]!.answer({ rows: [{ ...row("a", 1), unread: true }, row("b", 1)] });
    q.receive({ kind: "UPDATED", ticket: { ...row("a", 2), unread: true } });
    // The rows are read again: the gateway says `unread` for this agent.
    await reads[1]!.answer({ rows: [{ ...row("a", 2), unread: true }, row("b", 1)] });
    q.receive({ kind: "UPDATED", ticket: row("b", 2) });
    await reads[2]!.answer({ rows: [{ ...row("a", 2), unread: true }, row("b", 2)] });
    expect([...q.fresh]).toEqual(["a", "b"]);
    q.seen("a");
    expect(q.rows.map((r) => [r.id, r.unread])).toEqual([
      ["a", false],
      ["b", false],
    ]);
    expect([...q.fresh]).toEqual(["b"]);
  });

  it("appends the next page after the cursor without showing a ticket twice", async () => {
    const { q, reads } = queue();
    void q.loadFirst();
    await reads[0]!.answer({ rows: [row("a"), row("b")], hasNextPage: true, endCursor: "c2" });
    void q.more();
    expect(reads[1]!.after).toBe("c2");
    await reads[1]!.answer({ rows: [row("b"), row("c")], hasNextPage: false });
    expect([q.rows.map((r) => r.id), q.hasNextPage]).toEqual([["a", "b", "c"], false]);
  });

  it("shows a failure in words, and nothing when the host handled it", async () => {
    const { q, reads } = queue();
    void q.loadFirst();
    await reads[0]!.fail("boom");
    expect(q.problem).toBe("failed: boom");
    void q.loadFirst();
    await reads[1]!.fail("auth");
    expect(q.problem).toBe("");
  });
});
