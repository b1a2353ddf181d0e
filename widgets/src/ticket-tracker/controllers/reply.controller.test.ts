import { describe, expect, it } from "vitest";
import { TestHost } from "../../shared/test-host.js";
import { ReplyController } from "./reply.controller.js";

/** A reply box whose sends the test answers by hand. */
function box() {
  const posts: Array<{ body: string; answer(): void; fail(e: unknown): void }> = [];
  const host = new TestHost();
  const c = new ReplyController(host, {
    post: (body) => new Promise((resolve, reject) => posts.push({ body, answer: () => resolve(), fail: reject })),
    text: (key) => key,
    problem: (e) => `failed: ${String(e)}`,
  });
  return { host, c, posts };
}

describe("ReplyController", () => {
  it("refuses an empty reply without sending it", async () => {
    const { c, posts } = box();
    expect(await c.send("  \n ")).toBe(false);
    expect([c.problem, c.sending, posts.length]).toEqual(["empty", false, 0]);
  });

  it("sends the trimmed reply, busy meanwhile, then says it was sent", async () => {
    const { c, posts, host } = box();
    const sent = c.send("  Still broken.  ");
    expect([c.sending, posts[0]?.body]).toEqual([true, "Still broken."]);
    posts[0]!.answer();
    expect(await sent).toBe(true);
    expect([c.sending, c.note, c.problem]).toEqual([false, "sent", ""]);
    expect(host.updates).toBeGreaterThan(1);
  });

  it("says why a reply was not sent, and forgets an earlier 'sent'", async () => {
    const { c, posts } = box();
    const first = c.send("one");
    posts[0]!.answer();
    await first;
    const second = c.send("two");
    expect(c.note).toBe("");
    posts[1]!.fail("CONFLICT");
    expect(await second).toBe(false);
    expect([c.sending, c.problem, c.note]).toEqual([false, "failed: CONFLICT", ""]);
  });
});
