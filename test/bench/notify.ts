/**
 * The `notify` benchmark (issue 9): what notifications cost a report, and how long they take to
 * leave. The same gateway build runs twice, each on its own database (the outbox is shared by
 * every gateway of a database, so one side's dispatcher must not deliver the other's mail):
 * - on: SMTP_URL pointing at a real SMTP server that accepts and discards, one webhook endpoint
 *   for `ticket.created` at a real HTTP receiver (both in `notify-sink.ts`), the dispatcher on
 *   its shipped interval;
 * - off: no SMTP_URL and no endpoint (the receipt is still planned and kept in the outbox, as the
 *   product does without SMTP_URL, but nothing is delivered).
 * Rounds interleave as in the other on/off benchmarks. After each "on" round the runner waits
 * until the outbox has drained, so its backlog never runs during the next "off" round.
 * Outbox lag: from the ticket's createdAt (inside the report's transaction, just before commit)
 * to the receipt mail's complete arrival at the SMTP server and the webhook's at the receiver.
 */
import mysql from "mysql2/promise";
import { performance } from "node:perf_hooks";
import type { Child } from "./ipc.js";
import { load, median, percentile, type LoadResult } from "./load.js";
import type { Arrival } from "./notify-sink.js";

/** What the runner lends the benchmark. */
export interface NotifyBenchContext {
  child(entry: string, flags?: string[]): Child;
  /** Creates (or recreates) a database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  sideBySide(name: string, a: () => Promise<LoadResult>, b: () => Promise<LoadResult>, pick: (r: LoadResult) => number): Promise<{ g: LoadResult[]; b: LoadResult[]; ratio: number }>;
  log(line: string): void;
  /** The 1-minute load average, formatted. */
  la(): string;
  secret: string;
  dataDir: string;
  suffix: string;
  seconds: number;
  warmupSeconds: number;
  /** The reportIncident request body the report benchmark sends. */
  reportBody: string;
}

/** A row of the results table, as run.ts prints it. */
export interface NotifyRow {
  what: string;
  baseline: string;
  measured: string;
  ratio: number;
  goal: string;
  met: boolean;
  load: string;
}

/** Lag percentiles of one channel. */
interface Lag {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const DRAIN_TIMEOUT_MS = 180_000;
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
const ms = (n: number) => `${fmt(n, n < 10 ? 2 : 0)} ms`;

function lagOf(arrivals: readonly Arrival[], createdAt: ReadonlyMap<string, number>): Lag {
  const lags = arrivals
    .map((a) => a.at - (a.createdAt ?? createdAt.get(a.ticketId) ?? NaN))
    .filter((n) => Number.isFinite(n))
    .sort((a, b) => a - b);
  return { n: lags.length, p50: percentile(lags, 0.5), p95: percentile(lags, 0.95), p99: percentile(lags, 0.99), max: lags.at(-1) ?? NaN };
}

const lagLine = (l: Lag) => `p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}, max ${ms(l.max)} (${l.n})`;

/** Runs the benchmark; returns its table rows, sanity lines and notes. */
export async function notifyBench(ctx: NotifyBenchContext): Promise<{ rows: NotifyRow[]; sanity: string[]; notes: string[] }> {
  const rows: NotifyRow[] = [];
  const sanity: string[] = [];
  const notes: string[] = [];
  const onName = `sigap_bench_notify_on_${ctx.suffix}`;
  const offName = `sigap_bench_notify_off_${ctx.suffix}`;
  const onDb = await ctx.createDatabase(onName);
  const offDb = await ctx.createDatabase(offName);
  const db = mysql.createPool({ uri: onDb, connectionLimit: 2, timezone: "Z" });
  try {
    const sink = ctx.child("./notify-sink.ts");
    const { smtpUrl, webhookUrl } = await sink.call<{ smtpUrl: string; webhookUrl: string }>("start");
    const gwOn = ctx.child("./gateway-server.ts");
    const { url: onUrl } = await gwOn.call<{ url: string }>("start", { databaseUrl: onDb, secret: ctx.secret, dataDir: ctx.dataDir, smtpUrl });
    const onSite = await gwOn.call<{ id: string; siteKey: string }>("site", { name: "PT Notify", unitCode: "NT" });
    await gwOn.call("webhook", { siteId: onSite.id, url: webhookUrl, eventTypes: ["ticket.created"] });
    const gwOff = ctx.child("./gateway-server.ts");
    const { url: offUrl } = await gwOff.call<{ url: string }>("start", { databaseUrl: offDb, secret: ctx.secret, dataDir: ctx.dataDir });
    const offSite = await gwOff.call<{ id: string; siteKey: string }>("site", { name: "PT Notify", unitCode: "NT" });

    const reportAt = (base: string, siteKey: string, extra: { seconds?: number; rate?: number } = {}) =>
      load({ url: `${base}/graphql`, headers: { "x-sigap-site-key": siteKey }, body: ctx.reportBody, connections: 32, seconds: extra.seconds ?? ctx.seconds, ...(extra.rate ? { rate: extra.rate } : {}) });
    const pending = async () => {
      const [[r]] = (await db.query("SELECT COUNT(*) AS n FROM outbox_message WHERE status = 'PENDING'")) as unknown as [[{ n: number }]];
      return Number(r.n);
    };
    const drains: number[] = [];
    /** Waits until the "on" side's outbox has nothing left to send; returns how long that took. */
    const drain = async () => {
      const t0 = performance.now();
      while ((await pending()) > 0) {
        if (performance.now() - t0 > DRAIN_TIMEOUT_MS) {
          notes.push(`notify: the outbox still held ${await pending()} messages ${DRAIN_TIMEOUT_MS / 1000} s after a round.`);
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      return performance.now() - t0;
    };
    const tickets = async () => {
      const [[r]] = (await db.query("SELECT COUNT(*) AS n FROM ticket")) as unknown as [[{ n: number }]];
      return Number(r.n);
    };

    ctx.log("notify: warming up both gateways");
    await reportAt(onUrl, onSite.siteKey, { seconds: ctx.warmupSeconds });
    await drain();
    await reportAt(offUrl, offSite.siteKey, { seconds: ctx.warmupSeconds });
    await sink.call("take");
    const ticketsBefore = await tickets();

    const on = async () => {
      const r = await reportAt(onUrl, onSite.siteKey);
      drains.push(await drain());
      return r;
    };
    const sb = await ctx.sideBySide("reportIncident, notifications on vs off", on, () => reportAt(offUrl, offSite.siteKey), (r) => r.rps);
    const flat = await sink.call<{ mails: Arrival[]; hooks: Arrival[] }>("take");
    const created = (await tickets()) - ticketsBefore;
    const loadNow = ctx.la();
    rows.push({
      what: "`reportIncident` throughput with notifications on (receipt mail over SMTP, one webhook endpoint, dispatcher every 2 s), against the same gateway with them off (32 connections)",
      baseline: `${fmt(median(sb.b.map((r) => r.rps)))} req/s off`,
      measured: `${fmt(median(sb.g.map((r) => r.rps)))} req/s on`,
      ratio: sb.ratio,
      goal: "≥ 0.9",
      met: sb.ratio >= 0.9,
      load: loadNow,
    });

    // Exactly once: every ticket of the measured rounds has one receipt and one webhook, no more.
    const createdAt = new Map(flat.hooks.map((h) => [h.ticketId, h.createdAt!]));
    const dup = (a: readonly Arrival[]) => a.length - new Set(a.map((x) => x.ticketId)).size;
    const once = `${created} reports → ${new Set(flat.mails.map((m) => m.ticketId)).size} receipts (${dup(flat.mails)} twice), ${new Set(flat.hooks.map((h) => h.ticketId)).size} webhooks (${dup(flat.hooks)} twice)`;
    const exact = flat.mails.length === created && flat.hooks.length === created && !dup(flat.mails) && !dup(flat.hooks);
    const flatMail = lagOf(flat.mails, createdAt);
    const flatHook = lagOf(flat.hooks, createdAt);
    sanity.push(`notify, flat out (the rounds above; each round's backlog drained after it, median ${fmt(median(drains) / 1000, 1)} s): ${once} ${exact ? "✓" : "✗"}`);
    sanity.push(`outbox lag under flat-out load, receipt mail: ${lagLine(flatMail)}; webhook: ${lagLine(flatHook)} (load average ${loadNow})`);
    ctx.log(sanity.at(-2)!);
    ctx.log(sanity.at(-1)!);

    // Lag at a steady rate the gateway sustains: half the "off" side's flat-out rate.
    const rate = Math.max(10, Math.round(median(sb.b.map((r) => r.rps)) / 2));
    ctx.log(`notify: outbox lag at ${rate} req/s`);
    const steady = await reportAt(onUrl, onSite.siteKey, { rate });
    await drain();
    const st = await sink.call<{ mails: Arrival[]; hooks: Arrival[] }>("take");
    const stCreatedAt = new Map(st.hooks.map((h) => [h.ticketId, h.createdAt!]));
    const stMail = lagOf(st.mails, stCreatedAt);
    const stHook = lagOf(st.hooks, stCreatedAt);
    sanity.push(
      `outbox lag at ${rate} req/s (half the "off" maximum; report p95 ${ms(steady.p95)}), receipt mail: ${lagLine(stMail)}; webhook: ${lagLine(stHook)} (load average ${ctx.la()})`,
    );
    ctx.log(sanity.at(-1)!);
    const failures = [...sb.g, ...sb.b, steady].reduce((n, r) => n + r.failures, 0);
    if (failures) notes.push(`notify: ${failures} failed responses during the runs.`);
    for (const c of [gwOn, gwOff]) await c.call("stop");
    await sink.call("stop");
    for (const c of [gwOn, gwOff, sink]) await c.kill();
  } finally {
    await db.end().catch(() => undefined);
    await ctx.dropDatabase(onName);
    await ctx.dropDatabase(offName);
  }
  return { rows, sanity, notes };
}
