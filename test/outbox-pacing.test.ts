/**
 * The outbox dispatcher yields to intake: a gateway whose event loop is busy serving delivers
 * nothing at its ticks, until delivery has yielded for NOTIFY_DISPATCH_DEFER_MS, and then drains
 * anyway. The dispatcher's own timer runs here (every 20 ms), mail goes to a real SMTP server,
 * and what each tick chose is read from /metrics. The test keeps the gateway's event loop busy
 * (it runs in this process) with a loop that blocks it most of the time.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eventually, report, startTestGateway, type TestGateway } from "./harness.js";
import { startTestSmtp, type TestSmtp } from "./mail-kit.js";

const BURST = 120; // more than one round (50 messages): a yielding tick cannot take them all

let smtp: TestSmtp;
let gw: TestGateway | null = null;
let stopBusy: (() => void) | null = null;

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterEach(async () => {
  stopBusy?.();
  stopBusy = null;
  await gw?.close();
  gw = null;
});
afterAll(async () => {
  await smtp?.close();
});

/** Blocks the event loop 6 ms of every 10, as a gateway serving a flood of reports would be. */
function keepBusy(): () => void {
  const timer = setInterval(() => {
    const until = performance.now() + 6;
    while (performance.now() < until);
  }, 10);
  return () => clearInterval(timer);
}

/** The dispatcher's ticks and attempts by pace, as /metrics counts them in this process. */
async function paces(g: TestGateway): Promise<Record<string, number>> {
  const text = await (await fetch(`${g.url}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^sigap_outbox_dispatch_(ticks|attempts)_total\{pace="(\w+)"\} (\d+)$/gm)) out[`${m[1]} ${m[2]}`] = Number(m[3]);
  return out;
}
const grew = (before: Record<string, number>, after: Record<string, number>, key: string) => (after[key] ?? 0) - (before[key] ?? 0);

/** Reports a burst, each with its own reporter address; answers the addresses. */
async function burst(g: TestGateway, tag: string): Promise<string[]> {
  const to = Array.from({ length: BURST }, (_, i) => `${tag}${i}@contoh.example`);
  await Promise.all(to.map((reporterEmail, i) => report(g, { reporterEmail, description: `Laporan ${tag} ${i}` })));
  return to;
}

/**
 * Waits until every receipt has arrived and the ticks that sent them have ended (a tick is counted
 * when it ends, after the mail it sent arrived); answers the counters then.
 */
async function deliveredAll(g: TestGateway, to: readonly string[], before: Record<string, number>): Promise<Record<string, number>> {
  await eventually(() => to.every((a) => smtp.to(a).length >= 1), "every receipt of the burst", 60_000);
  const attempted = (after: Record<string, number>) => ["drain", "yield", "overdue"].reduce((n, pace) => n + grew(before, after, `attempts ${pace}`), 0);
  let after = before;
  await eventually(async () => attempted((after = await paces(g))) >= to.length, "the ticks that sent them to end", 60_000);
  return after;
}

/**
 * A gateway with the dispatcher on every 20 ms and "busy" at 1 %, a burst of reports while its
 * event loop is kept busy (from `busyBeforeMs` before it), the receipts that had not arrived
 * after `yieldingTicks` more yielding ticks, and the ticks' counters before and after every
 * receipt arrived.
 */
async function busyBurst(deferMs: string, tag: string, yieldingTicks = 0, busyBeforeMs = 0) {
  gw = await startTestGateway({
    smtp: { url: smtp.url },
    env: { NOTIFY_DISPATCH_MS: "20", NOTIFY_DISPATCH_BUSY_PERCENT: "1", NOTIFY_DISPATCH_DEFER_MS: deferMs },
  });
  const g = gw;
  const before = await paces(g);
  stopBusy = keepBusy();
  await new Promise((r) => setTimeout(r, busyBeforeMs));
  const to = await burst(g, tag);
  const ticked = grew(before, await paces(g), "ticks yield");
  if (yieldingTicks) await eventually(async () => grew(before, await paces(g), "ticks yield") >= ticked + yieldingTicks, "more yielding ticks", 30_000);
  const waiting = to.filter((a) => smtp.to(a).length === 0).length;
  const after = await deliveredAll(g, to, before);
  stopBusy();
  return { to, waiting, rise: (key: string) => grew(before, after, key) };
}

describe("the outbox dispatcher on a busy gateway", () => {
  it("holds a burst's mail back while it yields, counting the bound from when mail is due, then delivers each once", async () => {
    // Busy for longer than the bound (8 s) with nothing to send: the burst's receipts are still
    // held back through five more yielding ticks, none attempted, until the bound has passed.
    const { to, waiting, rise } = await busyBurst("8000", "late", 5, 9_000);
    expect(waiting).toBe(BURST);
    expect(rise("ticks yield")).toBeGreaterThanOrEqual(5);
    expect(rise("attempts yield")).toBe(0);
    expect(rise("attempts overdue") + rise("attempts drain")).toBeGreaterThanOrEqual(BURST);
    for (const a of to) expect(smtp.to(a)).toHaveLength(1);
  }, 60_000);

  it("drains anyway once delivery has yielded for NOTIFY_DISPATCH_DEFER_MS", async () => {
    const { to, rise } = await busyBurst("1", "overdue");
    expect(rise("ticks overdue")).toBeGreaterThan(0);
    expect(rise("attempts overdue")).toBeGreaterThan(0);
    for (const a of to) expect(smtp.to(a)).toHaveLength(1);
  });

  it("drains at once, however busy, with NOTIFY_DISPATCH_DEFER_MS=0", async () => {
    const { rise } = await busyBurst("0", "never");
    expect(rise("attempts drain")).toBeGreaterThanOrEqual(BURST);
    expect(rise("ticks yield") + rise("ticks overdue")).toBe(0);
  });
});
