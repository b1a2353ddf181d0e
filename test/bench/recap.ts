/**
 * Bench `recap` (issue 13): the month recap a manager asks for, at 1,000,000 tickets in the site
 * beside the same recap at 10,000, sequential requests in interleaved rounds; then
 * `GET /exports/tickets.csv` over all 1,000,000 tickets: wall time, rows received and the
 * gateway process's resident memory, polled from /proc while it streams.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import mysql from "mysql2/promise";
import type { Child } from "./ipc.js";
import { median, percentile } from "./load.js";
import type { NotifyRow } from "./notify.js";
import { seedTickets } from "./seed.js";
import { seedRecapExtras } from "./seed-recap.js";

/** What the runner lends the benchmark. */
export interface RecapBenchContext {
  child(entry: string, flags?: string[]): Child;
  /** A fresh database of its own. */
  databaseUrl: string;
  secret: string;
  dataDir: string;
  log(line: string): void;
  /** The 1-minute load average, formatted. */
  la(): string;
  big: number;
  small: number;
  rounds: number;
  /** The recap query, with the desk report's selection. */
  query: string;
  /** Waits until InnoDB has flushed what the seed left dirty; answers the seconds waited. */
  settle(db: mysql.Pool): Promise<number>;
}

const DAY = 86_400_000;
// One year of history, so a month holds about a twelfth; an export may span 366 days.
const SPAN_DAYS = 360;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;

/** A line of /proc/<pid>/status in KiB (VmRSS, VmHWM). */
function procKib(pid: number, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : NaN;
}

/** Runs the recap benchmark; answers its rows for the results table. */
export async function recapBench(ctx: RecapBenchContext): Promise<{ rows: NotifyRow[]; sanity: string[]; notes: string[] }> {
  const rows: NotifyRow[] = [];
  const sanity: string[] = [];
  const notes: string[] = [];
  const { log } = ctx;
  log(`recap: seeding ${ctx.big.toLocaleString("en")} + ${ctx.small.toLocaleString("en")} tickets over ${SPAN_DAYS} days, with feedback and escalations`);
  const gw = ctx.child("./gateway-server.ts");
  const { url } = await gw.call<{ url: string }>("start", { databaseUrl: ctx.databaseUrl, secret: ctx.secret, dataDir: ctx.dataDir });
  const pid = await gw.call<number>("pid");
  const big = await gw.call<{ id: string }>("site", { name: "PT Besar", unitCode: "RB" });
  const small = await gw.call<{ id: string }>("site", { name: "PT Kecil", unitCode: "RS" });
  const bigManager = await gw.call<{ token: string }>("agent", { siteId: big.id, role: "MANAGER" });
  const smallManager = await gw.call<{ token: string }>("agent", { siteId: small.id, role: "MANAGER" });
  const db = mysql.createPool({ uri: ctx.databaseUrl, connectionLimit: 4, timezone: "Z" });
  const now = Date.now();
  try {
    const seedStart = performance.now();
    await seedTickets(db, { id: big.id, unitCode: "RB" }, ctx.big, { openShare: 0.02, spanDays: SPAN_DAYS, batch: 2_500, parallel: 3, now });
    await seedTickets(db, { id: small.id, unitCode: "RS" }, ctx.small, { openShare: 0.02, spanDays: SPAN_DAYS, now });
    const extrasBig = await seedRecapExtras(db, big.id);
    const extrasSmall = await seedRecapExtras(db, small.id);
    await db.query("ANALYZE TABLE `ticket`, `ticket_event`, `feedback`");
    log(`recap: seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s (feedback ${extrasBig.feedback} + ${extrasSmall.feedback}, timeline entries ${extrasBig.events} + ${extrasSmall.events})`);
    log(`recap: InnoDB settled after ${(await ctx.settle(db)).toFixed(0)} s (dirty pages flushed)`);
    // The sweep's timer is off here: backfill the daily rollups now, as the sweep would, and wait for it.
    const backfillMs = await gw.call<number>("recapBackfill");
    const [[{ rows: dayRows }]] = (await db.query("SELECT COUNT(*) AS `rows` FROM `recap_day`")) as unknown as [[{ rows: number }]];
    log(`recap: rollups backfilled in ${(backfillMs / 1000).toFixed(1)} s (${Number(dayRows).toLocaleString("en")} recap_day rows), load ${ctx.la()}`);
    notes.push(`recap: daily rollups backfilled (${(ctx.big + ctx.small).toLocaleString("en")} tickets) in ${(backfillMs / 1000).toFixed(1)} s before measuring.`);
    await db.query("ANALYZE TABLE `ticket`, `recap_day`");

    // The month three months back, from its local midnight in Asia/Jakarta (UTC+7, no DST).
    const today = new Date(now);
    const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 3, 1) - 7 * 3_600_000).toISOString();
    const input = { period: "MONTH", from, groupBy: ["SERVICE", "PRIORITY"] };
    const body = JSON.stringify({ query: ctx.query, variables: { input } });
    const once = async (token: string): Promise<{ ms: number; ticketsIn: number }> => {
      const t0 = performance.now();
      const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body });
      const r = (await res.json()) as { data?: { recap: { totals: { ticketsIn: number } } }; errors?: unknown };
      const took = performance.now() - t0;
      if (!r.data) throw new Error(`recap failed: ${JSON.stringify(r.errors)}`);
      return { ms: took, ticketsIn: r.data.recap.totals.ticketsIn };
    };
    // The backlog at the month's end at 1M (recap.rules' BACKLOG_AT_SQL), as MariaDB runs it: the
    // recap reads the first set (open, no resolution) live; the rollups hold the others, which the
    // live counter reads (shown for comparison).
    const monthEnd = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 2, 1) - 7 * 3_600_000);
    for (const cond of ["t.is_open = 1 AND t.resolved_at IS NULL AND t.created_at < ?", "t.resolved_at >= ? AND t.created_at < ?", "t.resolved_at IS NULL AND t.closed_at >= ? AND t.created_at < ?"]) {
      const params = [big.id, ...Array.from({ length: (cond.match(/\?/g) ?? []).length }, () => monthEnd)];
      const [plan] = (await db.query(`ANALYZE SELECT t.created_at, t.service_id, t.priority FROM \`ticket\` t WHERE t.site_id = ? AND ${cond}`, params)) as unknown as [Array<Record<string, unknown>>];
      for (const p of plan) log(`recap: backlog ${cond}: key ${String(p["key"])} rows ${String(p["rows"])} r_rows ${String(p["r_rows"])} filtered ${String(p["r_filtered"])} extra ${String(p["Extra"])}`);
    }
    const first = await once(bigManager.token);
    const firstSmall = await once(smallManager.token);
    log(`recap: month from ${from}: ${first.ticketsIn} tickets in at 1M (first ${ms(first.ms)}), ${firstSmall.ticketsIn} at 10k (first ${ms(firstSmall.ms)})`);
    for (let i = 0; i < 2; i++) {
      await once(bigManager.token);
      await once(smallManager.token);
    }
    // A few dozen sequential requests per side; fewer when one takes seconds, so the run stays short.
    const perRound = first.ms > 3_000 ? 6 : 12;
    const g: number[][] = [];
    const b: number[][] = [];
    const round = async (token: string) => {
      const out: number[] = [];
      for (let i = 0; i < perRound; i++) out.push((await once(token)).ms);
      return out.sort((x, y) => x - y);
    };
    for (let r = 0; r < ctx.rounds; r++) {
      if (r % 2 === 0) {
        g.push(await round(bigManager.token));
        b.push(await round(smallManager.token));
      } else {
        b.push(await round(smallManager.token));
        g.push(await round(bigManager.token));
      }
      log(`recap round ${r + 1}: 1M p95 ${ms(percentile(g.at(-1)!, 0.95))} p50 ${ms(percentile(g.at(-1)!, 0.5))} | 10k p95 ${ms(percentile(b.at(-1)!, 0.95))} p50 ${ms(percentile(b.at(-1)!, 0.5))}`);
    }
    const all = (xs: number[][]) => xs.flat().sort((x, y) => x - y);
    const p95Big = percentile(all(g), 0.95);
    const p95Small = percentile(all(b), 0.95);
    const ratio = median(g.map((x, i) => percentile(x, 0.95) / percentile(b[i]!, 0.95)));
    rows.push({
      what: `month recap (\`recap\`, MONTH, groupBy SERVICE and PRIORITY, the desk report's figures) with ${ctx.big.toLocaleString("en")} tickets in the site (${first.ticketsIn.toLocaleString("en")} in the month), p95 of ${perRound * ctx.rounds} sequential requests`,
      baseline: `${ms(p95Small)} at ${ctx.small.toLocaleString("en")} tickets (${firstSmall.ticketsIn.toLocaleString("en")} in the month)`,
      measured: `${ms(p95Big)} (p50 ${ms(percentile(all(g), 0.5))})`,
      ratio,
      goal: "p95 < 500 ms absolute; ratio informative",
      met: p95Big < 500,
      load: ctx.la(),
    });
    log(`recap: p95 ${ms(p95Big)} at 1M, ${ms(p95Small)} at 10k, ratio ${ratio.toFixed(2)}`);

    // ── the CSV export of every ticket of the big site, streamed ──
    const [[{ n: expected }]] = (await db.query("SELECT COUNT(*) AS n FROM `ticket` WHERE `site_id` = ?", [big.id])) as unknown as [[{ n: number }]];
    const exportUrl = `${url}/exports/tickets.csv?from=${encodeURIComponent(new Date(now - (SPAN_DAYS + 1) * DAY).toISOString())}&to=${encodeURIComponent(new Date(now + 3_600_000).toISOString())}`;
    const rssBefore = procKib(pid, "VmRSS");
    const hwmBefore = procKib(pid, "VmHWM");
    let peak = rssBefore;
    const poll = setInterval(() => {
      peak = Math.max(peak, procKib(pid, "VmRSS"));
    }, 20);
    let newlines = 0;
    let bytes = 0;
    const t0 = performance.now();
    try {
      const res = await fetch(exportUrl, { headers: { authorization: `Bearer ${bigManager.token}` } });
      if (!res.ok || !res.body) throw new Error(`export failed: ${res.status} ${await res.text()}`);
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
      }
    } finally {
      clearInterval(poll);
    }
    const wall = (performance.now() - t0) / 1000;
    peak = Math.max(peak, procKib(pid, "VmRSS"));
    const hwmAfter = procKib(pid, "VmHWM");
    const received = newlines - 1; // the header line
    const growth = peak - rssBefore;
    log(`export: ${received.toLocaleString("en")} rows of ${Number(expected).toLocaleString("en")} in ${wall.toFixed(1)} s, ${(bytes / 2 ** 20).toFixed(0)} MiB; RSS ${mib(rssBefore)} → peak ${mib(peak)} (VmHWM ${mib(hwmBefore)} → ${mib(hwmAfter)})`);
    rows.push({
      what: `CSV export (\`GET /exports/tickets.csv\`) of all ${Number(expected).toLocaleString("en")} tickets of the site: wall time, rows received, gateway peak RSS`,
      baseline: "—",
      measured: `${wall.toFixed(1)} s (${Math.round(received / wall).toLocaleString("en")} rows/s), ${received.toLocaleString("en")} rows, ${(bytes / 2 ** 20).toFixed(0)} MiB; RSS ${mib(rssBefore)} → peak ${mib(peak)} (+${mib(growth)})`,
      ratio: NaN,
      goal: "every row; streamed (RSS growth < a quarter of the CSV)",
      met: received === Number(expected) && growth * 1024 < bytes / 4,
      load: ctx.la(),
    });
    sanity.push(`export peak RSS read from /proc/${pid}/status every 20 ms (VmRSS); VmHWM ${mib(hwmBefore)} before, ${mib(hwmAfter)} after (the process's lifetime peak, recaps included)`);
    if (received !== Number(expected)) notes.push(`export: ${received} rows received, ${expected} tickets in the site.`);
  } finally {
    await db.end();
    await gw.call("stop").catch(() => undefined);
    await gw.kill();
  }
  return { rows, sanity, notes };
}
