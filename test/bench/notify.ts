/**
 * The `notify` benchmark (issue 9): what notifications cost a report, and how long they take to
 * leave. The same gateway build runs twice, each on its own database (the outbox is shared by
 * every gateway of a database, so one side's dispatcher must not deliver the other's mail):
 * - on: SMTP_URL pointing at a real SMTP server that accepts and discards, one webhook endpoint
 *   for `ticket.created` at a real HTTP receiver (both in `notify-sink.ts`), the dispatcher on
 *   its shipped interval;
 * - off: no SMTP_URL and no endpoint (the receipt is still planned and kept in the outbox, as the
 *   product does without SMTP_URL, but nothing is delivered).
 * - split: as "on", but the gateway serving reports delivers nothing (NOTIFY_DISPATCH_MS=0) and a
 *   second gateway process on the same database, serving no requests, runs the dispatcher.
 * Rounds interleave as in the other on/off benchmarks, five of each (the others run three). After
 * each "on" round the runner waits until the outbox has drained and the database has purged the
 * old row versions the drain's updates left, so neither runs during the next round.
 * Outbox lag: from the ticket's createdAt (inside the report's transaction, just before commit)
 * to the receipt mail's complete arrival at the SMTP server and the webhook's at the receiver.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
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
  sideBySide(name: string, a: () => Promise<LoadResult>, b: () => Promise<LoadResult>, pick: (r: LoadResult) => number, rounds?: number): Promise<{ g: LoadResult[]; b: LoadResult[]; ratio: number }>;
  /** Waits until the database has purged the old row versions the last work left; answers the seconds. */
  settle(): Promise<number>;
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
  /** null: the row informs, it has no goal. */
  met: boolean | null;
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
/**
 * Rounds of each on/off pair: a 6 s round on two shared cores varies by a fifth either way, and
 * this benchmark's floor (0.9) is closer than the others' to 1.
 */
const ROUNDS = 5;
/** NOTIFY_DISPATCH_NICE of the split side's dispatcher process: the README's advice for a gateway that only dispatches. */
const DISPATCHER_NICE = 10;

/** CPU time a process has used, user and system, in milliseconds (Linux /proc, 100 ticks a second). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
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

/** A gateway with notifications on, on its own database, and what the runner watches of it. */
interface OnSide {
  label: string;
  url: string;
  siteKey: string;
  /** The process serving reports. */
  gateway: Child;
  /** The process delivering the outbox, when it is not the one serving reports. */
  dispatcher: Child | null;
  pool: mysql.Pool;
}

/** Runs the benchmark; returns its table rows, sanity lines and notes. */
export async function notifyBench(ctx: NotifyBenchContext): Promise<{ rows: NotifyRow[]; sanity: string[]; notes: string[] }> {
  const rows: NotifyRow[] = [];
  const sanity: string[] = [];
  const notes: string[] = [];
  const names = ["on", "split", "off"].map((n) => `sigap_bench_notify_${n}_${ctx.suffix}`);
  const pools: mysql.Pool[] = [];
  try {
    const [onDb, splitDb, offDb] = await Promise.all(names.map((n) => ctx.createDatabase(n)));
    const sink = ctx.child("./notify-sink.ts");
    const { smtpUrl, webhookUrl } = await sink.call<{ smtpUrl: string; webhookUrl: string }>("start");
    const startOn = async (label: string, databaseUrl: string, split: boolean): Promise<OnSide> => {
      const gateway = ctx.child("./gateway-server.ts");
      // Split: the gateway serving reports plans and stores notifications but delivers none
      // (NOTIFY_DISPATCH_MS=0); a second gateway process on the same database, serving no
      // requests, runs the dispatcher. The outbox's claims make that safe with any number of them.
      const { url } = await gateway.call<{ url: string }>("start", { databaseUrl, secret: ctx.secret, dataDir: ctx.dataDir, smtpUrl, ...(split ? { dispatchMs: 0 } : {}) });
      const site = await gateway.call<{ id: string; siteKey: string }>("site", { name: "PT Notify", unitCode: "NT" });
      await gateway.call("webhook", { siteId: site.id, url: webhookUrl, eventTypes: ["ticket.created"] });
      let dispatcher: Child | null = null;
      if (split) {
        dispatcher = ctx.child("./gateway-server.ts");
        await dispatcher.call("start", { databaseUrl, secret: ctx.secret, dataDir: ctx.dataDir, smtpUrl, dispatchNice: DISPATCHER_NICE });
      }
      const pool = mysql.createPool({ uri: databaseUrl, connectionLimit: 2, timezone: "Z" });
      pools.push(pool);
      return { label, url, siteKey: site.siteKey, gateway, dispatcher, pool };
    };
    // Each side starts when its rounds begin: a gateway left idle while the other side ran began
    // its rounds slower than one just warmed up, whatever it had to deliver.
    const sides: OnSide[] = [];
    const gwOff = ctx.child("./gateway-server.ts");
    const { url: offUrl } = await gwOff.call<{ url: string }>("start", { databaseUrl: offDb, secret: ctx.secret, dataDir: ctx.dataDir });
    const offSite = await gwOff.call<{ id: string; siteKey: string }>("site", { name: "PT Notify", unitCode: "NT" });

    const reportAt = (base: string, siteKey: string, extra: { seconds?: number; rate?: number } = {}) =>
      load({ url: `${base}/graphql`, headers: { "x-sigap-site-key": siteKey }, body: ctx.reportBody, connections: 32, seconds: extra.seconds ?? ctx.seconds, ...(extra.rate ? { rate: extra.rate } : {}) });
    const count = async (side: OnSide, sql: string) => {
      const [[r]] = (await side.pool.query(sql)) as unknown as [[{ n: number }]];
      return Number(r.n);
    };
    const pending = (side: OnSide) => count(side, "SELECT COUNT(*) AS n FROM outbox_message WHERE status = 'PENDING'");
    /** Waits until a side's outbox has nothing left to send; returns how long that took. */
    const drain = async (side: OnSide) => {
      const t0 = performance.now();
      while ((await pending(side)) > 0) {
        if (performance.now() - t0 > DRAIN_TIMEOUT_MS) {
          notes.push(`notify (${side.label}): the outbox still held ${await pending(side)} messages ${DRAIN_TIMEOUT_MS / 1000} s after a round.`);
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      return performance.now() - t0;
    };
    // MariaDB's CPU per report too, when it runs on this machine: the database is shared by both sides' work.
    const mariadbPid = (() => {
      try {
        return Number(execFileSync("pgrep", ["-o", "mariadbd"]).toString().trim()) || null;
      } catch {
        return null;
      }
    })();
    const dbMs = () => (mariadbPid ? cpuMs(mariadbPid) : NaN);
    const dbOff: number[] = [];
    const off = async () => {
      const c0 = cpuMs(gwOff.proc.pid!);
      const m0 = dbMs();
      const r = await reportAt(offUrl, offSite.siteKey);
      cpuOff.push((cpuMs(gwOff.proc.pid!) - c0) / (r.rps * ctx.seconds));
      dbOff.push((dbMs() - m0) / (r.rps * ctx.seconds));
      return r;
    };
    // CPU per report of each gateway process: a figure the machine's other work disturbs less than throughput.
    const cpuOff: number[] = [];

    ctx.log("notify: warming up the gateways");
    await reportAt(offUrl, offSite.siteKey, { seconds: ctx.warmupSeconds });
    const offRates: number[] = [];
    for (const [label, db, isSplit] of [
      ["dispatcher in the gateway", onDb!, false],
      ["dispatcher in its own process", splitDb!, true],
    ] as const) {
      const side = await startOn(label, db, isSplit);
      sides.push(side);
      // A whole round's worth, as long as the rounds it is compared by.
      await reportAt(side.url, side.siteKey, { seconds: ctx.seconds });
      await drain(side);
      await ctx.settle();
      await sink.call("take");
      const ticketsBefore = await count(side, "SELECT COUNT(*) AS n FROM ticket");
      const cpuOn: number[] = [];
      const cpuDispatcher: number[] = [];
      const drains: number[] = [];
      const dbOn: number[] = [];
      const cpuOnLoad: number[] = [];
      const dbOnLoad: number[] = [];
      cpuOff.length = 0;
      dbOff.length = 0;
      // The "on" side's CPU includes delivering what its round caused (the drain after it).
      const on = async () => {
        const c0 = cpuMs(side.gateway.proc.pid!);
        const d0 = side.dispatcher ? cpuMs(side.dispatcher.proc.pid!) : 0;
        const m0 = dbMs();
        const r = await reportAt(side.url, side.siteKey);
        // The same, for the load alone: what intake costs while delivery yields to it.
        cpuOnLoad.push((cpuMs(side.gateway.proc.pid!) - c0) / (r.rps * ctx.seconds));
        dbOnLoad.push((dbMs() - m0) / (r.rps * ctx.seconds));
        drains.push(await drain(side));
        // What the drain's updates leave the database to purge is the drain's work, not the next round's.
        await ctx.settle();
        dbOn.push((dbMs() - m0) / (r.rps * ctx.seconds));
        cpuOn.push((cpuMs(side.gateway.proc.pid!) - c0) / (r.rps * ctx.seconds));
        if (side.dispatcher) cpuDispatcher.push((cpuMs(side.dispatcher.proc.pid!) - d0) / (r.rps * ctx.seconds));
        return r;
      };
      const sb = await ctx.sideBySide(`reportIncident, notifications on (${side.label}) vs off`, on, off, (r) => r.rps, ROUNDS);
      offRates.push(...sb.b.map((r) => r.rps));
      const flat = await sink.call<{ mails: Arrival[]; hooks: Arrival[] }>("take");
      const created = (await count(side, "SELECT COUNT(*) AS n FROM ticket")) - ticketsBefore;
      const loadNow = ctx.la();
      rows.push({
        what: `\`reportIncident\` throughput with notifications on (receipt mail over SMTP, one webhook endpoint; ${side.label}, every 2 s), against the same gateway with them off (32 connections)`,
        baseline: `${fmt(median(sb.b.map((r) => r.rps)))} req/s off`,
        measured: `${fmt(median(sb.g.map((r) => r.rps)))} req/s on`,
        ratio: sb.ratio,
        goal: "≥ 0.9",
        met: sb.ratio >= 0.9,
        load: loadNow,
      });
      const cpuRatio = median(cpuOff.map((c, i) => c / cpuOn[i]!));
      rows.push({
        what: `CPU per report of the gateway serving reports, off ÷ on (${side.label}${side.dispatcher ? "" : "; includes delivering the round's mail and webhooks"})`,
        baseline: `${fmt(median(cpuOff), 2)} ms off`,
        measured: `${fmt(median(cpuOn), 2)} ms on${side.dispatcher ? ` (+ ${fmt(median(cpuDispatcher), 2)} ms in the dispatcher process)` : ""}`,
        ratio: cpuRatio,
        // Information, not the issue's floor: what delivering a report's mail and webhook costs.
        goal: "—, the cost of delivery",
        met: null,
        load: loadNow,
      });
      ctx.log(`notify (${side.label}): CPU per report off ${cpuOff.map((c) => fmt(c, 2)).join(", ")} ms; on ${cpuOn.map((c) => fmt(c, 2)).join(", ")} ms${side.dispatcher ? `; dispatcher ${cpuDispatcher.map((c) => fmt(c, 2)).join(", ")} ms` : ""}`);
      sanity.push(
        `CPU per report during the load alone, before its drain (${side.label}): gateway serving reports ${fmt(median(cpuOnLoad), 2)} ms on vs ${fmt(median(cpuOff), 2)} ms off; MariaDB ${fmt(median(dbOnLoad), 2)} ms on vs ${fmt(median(dbOff), 2)} ms off`,
      );
      ctx.log(sanity.at(-1)!);
      sanity.push(
        `MariaDB CPU per report (${side.label}; the on side's includes its drain; the database also serves the machine's other work): off ${fmt(median(dbOff), 2)} ms, on ${fmt(median(dbOn), 2)} ms (rounds off ${dbOff.map((c) => fmt(c, 2)).join(", ")}; on ${dbOn.map((c) => fmt(c, 2)).join(", ")})`,
      );
      ctx.log(sanity.at(-1)!);

      // Exactly once: every ticket of the measured rounds has one receipt and one webhook, no more.
      const createdAt = new Map(flat.hooks.map((h) => [h.ticketId, h.createdAt!]));
      const dup = (a: readonly Arrival[]) => a.length - new Set(a.map((x) => x.ticketId)).size;
      const once = `${created} reports → ${new Set(flat.mails.map((m) => m.ticketId)).size} receipts (${dup(flat.mails)} twice), ${new Set(flat.hooks.map((h) => h.ticketId)).size} webhooks (${dup(flat.hooks)} twice)`;
      const exact = flat.mails.length === created && flat.hooks.length === created && !dup(flat.mails) && !dup(flat.hooks);
      sanity.push(`notify (${side.label}), flat out (each round's backlog drained after it, median ${fmt(median(drains) / 1000, 1)} s): ${once} ${exact ? "✓" : "✗"}`);
      sanity.push(`outbox lag under flat-out load (${side.label}), receipt mail: ${lagLine(lagOf(flat.mails, createdAt))}; webhook: ${lagLine(lagOf(flat.hooks, createdAt))} (load average ${loadNow})`);
      ctx.log(sanity.at(-2)!);
      ctx.log(sanity.at(-1)!);
    }

    // Lag at a steady rate the gateway sustains: half the "off" side's flat-out rate.
    const rate = Math.max(10, Math.round(median(offRates) / 2));
    for (const side of sides) {
      ctx.log(`notify (${side.label}): outbox lag at ${rate} req/s`);
      const steady = await reportAt(side.url, side.siteKey, { rate });
      await drain(side);
      const st = await sink.call<{ mails: Arrival[]; hooks: Arrival[] }>("take");
      const createdAt = new Map(st.hooks.map((h) => [h.ticketId, h.createdAt!]));
      sanity.push(
        `outbox lag at ${rate} req/s (${side.label}; half the "off" maximum; report p95 ${ms(steady.p95)}), receipt mail: ${lagLine(lagOf(st.mails, createdAt))}; webhook: ${lagLine(lagOf(st.hooks, createdAt))} (load average ${ctx.la()})`,
      );
      ctx.log(sanity.at(-1)!);
      if (steady.failures) notes.push(`notify (${side.label}): ${steady.failures} failed responses at ${rate} req/s.`);
    }
    const everyone = [...sides.flatMap((side) => (side.dispatcher ? [side.gateway, side.dispatcher] : [side.gateway])), gwOff];
    for (const c of everyone) await c.call("stop");
    await sink.call("stop");
    for (const c of [...everyone, sink]) await c.kill();
  } finally {
    for (const p of pools) await p.end().catch(() => undefined);
    for (const n of names) await ctx.dropDatabase(n);
  }
  notes.push(`notify: the on/off throughput ratios are medians of ${ROUNDS} interleaved rounds.`);
  return { rows, sanity, notes };
}
