/**
 * `pnpm bench`: the gateway against bare baselines, side by side in one run, on one MariaDB,
 * one Node and the same concurrency. Each benchmark warms up, then interleaves rounds (the order
 * alternates so drift favours neither side) and reports the median of the per-round ratios with
 * the absolute figures. Writes test/bench/RESULTS.md. Never part of `pnpm test`.
 *
 * Environment: SIGAP_BENCH_MYSQL_URL (default mysql://root@127.0.0.1:3306); it creates and drops
 * databases named sigap_bench_*. SIGAP_BENCH_QUICK=1 runs everything small, to check the suite.
 * Past 400 lines: it is the one table of benchmarks, each a short block beside its baseline, and
 * the report they all write; the servers and load live in their own files.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import mysql, { type Pool } from "mysql2/promise";
import { spawnChild, type Child } from "./ipc.js";
import { load, median, type LoadResult } from "./load.js";
import { notifyBench } from "./notify.js";
import { recapBench } from "./recap.js";
import { seeded, seedTickets } from "./seed.js";
import { benchWord, seedArticles } from "./seed-articles.js";

const MYSQL_ROOT = process.env["SIGAP_BENCH_MYSQL_URL"] ?? "mysql://root@127.0.0.1:3306";
// SIGAP_BENCH_QUICK=1 shrinks every size to check the suite itself in a minute; its figures mean little.
const QUICK = process.env["SIGAP_BENCH_QUICK"] === "1";
const ROUNDS = 3;
const SECONDS = QUICK ? 2 : 6;
const WARMUP_SECONDS = QUICK ? 1 : 3;
const SUBSCRIBERS = QUICK ? 1_000 : 10_000;
const IDLE_TRACKERS = QUICK ? 500 : 4_000;
const BIG_QUEUE = QUICK ? 100_000 : 1_000_000;
const SMALL_QUEUE = QUICK ? 5_000 : 10_000;
const BIG_KB = QUICK ? 10_000 : 100_000;
const SMALL_KB = 1_000;
// SIGAP_BENCH_ONLY=report,track,limits,notify,fanout,memory,queue,search,knowledge,recap runs some of them, while working on one.
const ONLY = process.env["SIGAP_BENCH_ONLY"]?.split(",").map((s) => s.trim());
const want = (name: string) => !ONLY || ONLY.includes(name);
const SECRET = randomBytes(32).toString("base64url");
const began = performance.now();
const dataDir = mkdtempSync(join(tmpdir(), "sigap-bench-"));

const TICKET_VIEW = `fragment TicketViewFields on TicketView {
  code status pendingReason priority urgency impact channel serviceName problemType description
  createdAt updatedAt responseDueAt resolutionDueAt firstRespondedAt resolvedAt closedAt resolution
  sla { responseBreached resolutionBreached paused atRisk responseRemainingMs resolutionRemainingMs }
  timeline { id at kind actorKind actorName fromStatus toStatus message supportLevel hierarchyLevel priority code attachmentIds }
  attachments { id filename contentType size url }
  feedbackOpen
  feedback { serviceRating restoredRating informationRating suggestion createdAt }
}`;
const TRACK = `query TrackTicket($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { ...TicketViewFields } } ${TICKET_VIEW}`;
const TICKET_UPDATED = `subscription TicketUpdated($code: String!, $token: String!) { ticketUpdated(code: $code, token: $token) { ...TicketViewFields } } ${TICKET_VIEW}`;
const REPORT = `mutation ReportIncident($input: ReportIncidentInput!) { reportIncident(input: $input) { code trackingToken status priority createdAt responseDueAt resolutionDueAt } }`;
const QUEUE = `query Queue($first: Int) { queue(first: $first) { edges { cursor node { ...DeskTicketFields } } pageInfo { hasNextPage endCursor } } }
fragment DeskTicketFields on Ticket {
  id code status isOpen pendingReason channel reporterName reporterPhone reporterEmail location kelurahan kecamatan
  occurredAt serviceId problemType description systemState stepsTried urgency impact priority categoryId groupId assigneeId
  supportLevel hierarchyLevel createdAt updatedAt firstRespondedAt responseDueAt resolutionDueAt pausedAt resolvedAt closedAt
  resolution closureCode knowledgeBase version
  sla { responseBreached resolutionBreached paused atRisk responseRemainingMs resolutionRemainingMs }
}`;
const HELP_SEARCH = `query Help($filter: ArticleFilter) { helpArticles(filter: $filter, first: 20) { id title summary serviceId } }`;
const QUEUE_SEARCH = QUEUE.replace("query Queue($first: Int) { queue(first: $first)", "query Search($first: Int, $filter: QueueFilter) { queue(first: $first, filter: $filter)");
// One seeded ticket's number ("nomor 0009876", seven digits in every description, so no other
// number starts with it): exactly one match in each site, read every way the gateway reads a term
// (a code ending, the full text of tickets and of messages), so the two sites differ only in size.
const SEARCH_TERM = "0009876";
const CHANGE_STATUS = `mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { id status } }`;
// The desk report widget's recap selection (widgets/src/client/desk-report.operations.ts), without its trend.
const RECAP = `query Recap($input: RecapInput!) {
  recap(input: $input) {
    from to timeZone firstDay lastDay
    totals { ...ReportFigures } previous { ...ReportFigures }
    breakdowns { dimension rows { key label figures { ...ReportFigures } } }
  }
}
fragment ReportFigures on RecapFigures {
  ticketsIn resolved closed cancelled reopened backlog backlogAgeMedianHours backlogAgeP90Hours
  responseTargets responseTargetsKept responseKeptPercent resolutionTargets resolutionTargetsKept resolutionKeptPercent
  firstResponseMedianHours firstResponseP90Hours resolutionMedianHours resolutionP90Hours
  firstContactResolved firstContactPercent escalationsFunctional escalationsHierarchical
  satisfaction { question mean responses } satisfactionResponseRate suggestions
}`;
const REPORT_INPUT = { reporterName: "Budi Santoso", reporterEmail: "budi@contoh.example", description: "Ipos tidak bisa login sejak pagi", urgency: "HIGH" };

/** One line of the results table. */
interface Row {
  what: string;
  baseline: string;
  measured: string;
  ratio: number;
  goal: string;
  /** Whether the goal is met; null for a row that informs and has no goal. */
  met: boolean | null;
  /** The 1-minute load average when the figure was taken: the machine is shared. */
  load: string;
}
const rows: Row[] = [];
const sanity: string[] = [];
const notes: string[] = [];

const elapsed = () => `${((performance.now() - began) / 1000).toFixed(0)} s`;
const log = (s: string) => console.log(`[${elapsed().padStart(5)}] ${s}`);
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
const ms = (n: number) => `${fmt(n, n < 10 ? 2 : 1)} ms`;
/** The 1-minute load average now, printed beside every figure (2 cores: above 2 means contention). */
const la = () => (loadavg()[0] ?? 0).toFixed(2);

async function createDatabase(admin: mysql.Connection, name: string): Promise<string> {
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  return `${MYSQL_ROOT}/${name}`;
}

/**
 * Waits (up to 3 minutes) until InnoDB has flushed what the seed left dirty. A million tickets
 * write some 3 GB of secondary index pages (2.5 GB of indexes beside 0.5 GB of rows) through a
 * 128 MB buffer pool; measured while that flush runs, the large site's pages compete with it.
 * That is our reading of part 3's 1.41× in RESULTS.md: once settled, the page's plan
 * (ix_ticket_queue, 51 rows read) and its SQL time are the same at both sizes, and so is the
 * gateway's CPU per page. Answers the seconds waited.
 */
async function settleInnoDb(db: Pick<Pool, "query">): Promise<number> {
  const start = performance.now();
  const status = async (name: string): Promise<number> => {
    const [rows] = (await db.query("SHOW GLOBAL STATUS LIKE ?", [name])) as unknown as [Array<{ Value: string }>];
    return Number(rows[0]?.Value ?? 0);
  };
  const total = await status("Innodb_buffer_pool_pages_total");
  // The database serves the machine's other work too: "settled" is under 2% of the pool dirty.
  while ((await status("Innodb_buffer_pool_pages_dirty")) > total * 0.02 && performance.now() - start < 180_000) {
    await new Promise((r) => setTimeout(r, 1_000));
  }
  return (performance.now() - start) / 1000;
}

/**
 * Waits until InnoDB has purged the old row versions the last updates left (under 1,000 undo
 * logs waiting), at most 60 s; answers the seconds waited. Unlike {@link settleInnoDb} it does
 * not wait for dirty pages: a 128 MB pool stays a few percent dirty between rounds of writes.
 */
async function purged(db: Pick<Pool, "query">): Promise<number> {
  const start = performance.now();
  const waiting = async () => {
    const [rows] = (await db.query("SHOW GLOBAL STATUS LIKE 'Innodb_history_list_length'")) as unknown as [Array<{ Value: string }>];
    return Number(rows[0]?.Value ?? 0);
  };
  while ((await waiting()) > 1_000 && performance.now() - start < 60_000) await new Promise((r) => setTimeout(r, 250));
  return (performance.now() - start) / 1000;
}

async function gql<T>(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<T> {
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  const r = (await res.json()) as { data?: T; errors?: unknown };
  if (r.errors || !r.data) throw new Error(`GraphQL call failed: ${JSON.stringify(r.errors)}`);
  return r.data;
}

/** Runs `count` tasks `parallel` at a time. */
async function pool<T>(count: number, parallel: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < count) {
      const i = next++;
      out[i] = await task(i);
    }
  }));
  return out;
}

/** Interleaved rounds of two loads; the ratio is measured/baseline of `pick`, per round. */
async function sideBySide(name: string, gateway: () => Promise<LoadResult>, baseline: () => Promise<LoadResult>, pick: (r: LoadResult) => number, rounds = ROUNDS) {
  const g: LoadResult[] = [];
  const b: LoadResult[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      g.push(await gateway());
      b.push(await baseline());
    } else {
      b.push(await baseline());
      g.push(await gateway());
    }
    log(`${name} round ${round + 1}: gateway ${fmt(g.at(-1)!.rps, 0)} req/s p99 ${ms(g.at(-1)!.p99)} | baseline ${fmt(b.at(-1)!.rps, 0)} req/s p99 ${ms(b.at(-1)!.p99)}`);
  }
  const failures = [...g, ...b].reduce((n, r) => n + r.failures, 0);
  if (failures) notes.push(`${name}: ${failures} failed responses during the runs.`);
  return { g, b, ratio: median(g.map((r, i) => pick(r) / pick(b[i]!))) };
}

function machine(mariadb: string): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  let nproc = String(cpus().length);
  try {
    nproc = execFileSync("nproc").toString().trim();
  } catch {
    // nproc is coreutils; os.cpus() is the fallback.
  }
  return `${nproc} cores (nproc), ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, MariaDB ${mariadb}, ${process.platform} ${process.arch}`;
}

async function main(): Promise<void> {
  if (process.env["SIGAP_BENCH_SOURCE"] !== "1") {
    // Production runs `node gateway/dist/main.js`: measure that build, compiled fresh.
    log("compiling the gateway (tsc -p gateway/tsconfig.build.json)");
    const gatewayDir = new URL("../../gateway/", import.meta.url).pathname;
    execFileSync(`${gatewayDir}node_modules/.bin/tsc`, ["-p", "tsconfig.build.json"], { cwd: gatewayDir, stdio: "inherit" });
  }
  const admin = await mysql.createConnection(MYSQL_ROOT);
  const [[version]] = (await admin.query("SELECT VERSION() AS v")) as unknown as [[{ v: string }]];
  const host = machine(version.v);
  log(host);
  const suffix = randomBytes(3).toString("hex");
  const mainDb = await createDatabase(admin, `sigap_bench_${suffix}`);
  const queueDb = await createDatabase(admin, `sigap_bench_queue_${suffix}`);
  const recapDb = want("recap") ? await createDatabase(admin, `sigap_bench_recap_${suffix}`) : null;
  const children: Child[] = [];
  const child = (entry: string, flags: string[] = []) => {
    const c = spawnChild(entry, {}, flags);
    children.push(c);
    return c;
  };
  let db: Pool | null = null;
  try {
    // ── the servers ──
    const gw = child("./gateway-server.ts", ["--expose-gc"]);
    const { url } = await gw.call<{ url: string }>("start", { databaseUrl: mainDb, secret: SECRET, dataDir });
    const site = await gw.call<{ id: string; siteKey: string }>("site", { name: "PT Bench", unitCode: "01" });
    const { token } = await gw.call<{ token: string }>("agent", { siteId: site.id });
    const base = child("./baseline-server.ts", ["--expose-gc"]);
    const { url: baseUrl } = await base.call<{ url: string }>("start", { databaseUrl: mainDb, siteKey: site.siteKey });
    const siteHeaders = { "x-sigap-site-key": site.siteKey };
    const agentHeaders = { authorization: `Bearer ${token}` };

    // ── reportIncident ──
    if (want("report")) {
      log("reportIncident: warming up");
      const reportGw = (extra: Partial<Parameters<typeof load>[0]> = {}) =>
        load({ url: `${url}/graphql`, headers: siteHeaders, body: JSON.stringify({ query: REPORT, variables: { input: REPORT_INPUT } }), connections: 32, seconds: SECONDS, ...extra });
      const reportBase = (extra: Partial<Parameters<typeof load>[0]> = {}) =>
        load({ url: `${baseUrl}/report`, body: JSON.stringify({ input: REPORT_INPUT }), connections: 32, seconds: SECONDS, ...extra });
      await reportGw({ seconds: WARMUP_SECONDS });
      await reportBase({ seconds: WARMUP_SECONDS });
      const rep = await sideBySide("reportIncident", () => reportGw(), () => reportBase(), (r) => r.rps);
      rows.push({
        what: "`reportIncident` throughput over HTTP, MariaDB, 32 connections",
        baseline: `${fmt(median(rep.b.map((r) => r.rps)), 0)} req/s`,
        measured: `${fmt(median(rep.g.map((r) => r.rps)), 0)} req/s`,
        ratio: rep.ratio,
        goal: "≥ 0.75",
        met: rep.ratio >= 0.75,
        load: la(),
      });
      const rep500 = await reportGw({ rate: 500 });
      const rep500b = await reportBase({ rate: 500 });
      sanity.push(`report p95 at 500 req/s: ${ms(rep500.p95)} (baseline ${ms(rep500b.p95)}; ceiling 100 ms; load average ${la()}) ${rep500.p95 <= 100 ? "✓" : "✗"}`);
      log(sanity.at(-1)!);
    }

    // ── trackTicket ──
    if (want("track")) {
      log("trackTicket: seeding 300 tickets with timelines");
      const tickets = await pool(300, 8, async () => {
        const r = await gql<{ reportIncident: { code: string; trackingToken: string } }>(url, REPORT, { input: REPORT_INPUT }, siteHeaders);
        const { ticket } = await gql<{ ticket: { id: string } }>(url, `query($id: ID!) { ticket(id: $id) { id } }`, { id: r.reportIncident.code }, agentHeaders);
        await gql(url, CHANGE_STATUS, { id: ticket.id, input: { status: "IN_PROGRESS" } }, agentHeaders);
        await gql(url, `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Sedang kami periksa, mohon ditunggu." }) { id } }`, { id: ticket.id }, agentHeaders);
        return { c: r.reportIncident.code, t: r.reportIncident.trackingToken };
      });
      let ti = 0;
      const trackGw = (extra: Partial<Parameters<typeof load>[0]> = {}) =>
        load({
          url: `${url}/graphql`,
          headers: siteHeaders,
          body: () => JSON.stringify({ query: TRACK, variables: { code: tickets[ti % 300]!.c, token: tickets[ti++ % 300]!.t } }),
          connections: 50,
          seconds: SECONDS,
          ...extra,
        });
      const trackBase = (extra: Partial<Parameters<typeof load>[0]> = {}) =>
        load({ url: `${baseUrl}/track`, body: () => JSON.stringify(tickets[ti++ % 300]), connections: 50, seconds: SECONDS, ...extra });
      log("trackTicket: warming up");
      await trackGw({ seconds: WARMUP_SECONDS });
      await trackBase({ seconds: WARMUP_SECONDS });
      const tr = await sideBySide("trackTicket", () => trackGw(), () => trackBase(), (r) => r.rps);
      const baseMax = median(tr.b.map((r) => r.rps));
      rows.push({
        what: "`trackTicket` throughput, 50 connections",
        baseline: `${fmt(baseMax, 0)} req/s`,
        measured: `${fmt(median(tr.g.map((r) => r.rps)), 0)} req/s`,
        ratio: tr.ratio,
        goal: "≥ 0.6",
        met: tr.ratio >= 0.6,
        load: la(),
      });
      const half = Math.max(1, Math.round(baseMax / 2));
      const trHalf = await sideBySide(`trackTicket at ${half} req/s`, () => trackGw({ rate: half }), () => trackBase({ rate: half }), (r) => r.p99);
      rows.push({
        what: `\`trackTicket\` p99 at half the baseline's max rate (${half} req/s)`,
        baseline: ms(median(trHalf.b.map((r) => r.p99))),
        measured: ms(median(trHalf.g.map((r) => r.p99))),
        ratio: trHalf.ratio,
        goal: "≤ 3×",
        met: trHalf.ratio <= 3,
        load: la(),
      });
      const tr500 = await trackGw({ rate: 500 });
      const tr500b = await trackBase({ rate: 500 });
      sanity.push(`track p95 at 500 req/s: ${ms(tr500.p95)} (baseline ${ms(tr500b.p95)}; ceiling 50 ms; load average ${la()}) ${tr500.p95 <= 50 ? "✓" : "✗"}`);
      log(sanity.at(-1)!);
    }

    // ── what rate and cost limits cost: the same gateway with them on and off ──
    if (want("limits")) {
      log("limits: a second gateway with SIGAP_LIMITS=off on the same database, interleaved with the first");
      const gwOff = child("./gateway-server.ts");
      const { url: offUrl } = await gwOff.call<{ url: string }>("start", { databaseUrl: mainDb, secret: SECRET, dataDir, limits: "off" });
      const tickets = await pool(100, 8, async () => {
        const r = await gql<{ reportIncident: { code: string; trackingToken: string } }>(url, REPORT, { input: REPORT_INPUT }, siteHeaders);
        return { code: r.reportIncident.code, token: r.reportIncident.trackingToken };
      });
      let li = 0;
      const reportAt = (base: string, seconds = SECONDS) =>
        load({ url: `${base}/graphql`, headers: siteHeaders, body: JSON.stringify({ query: REPORT, variables: { input: REPORT_INPUT } }), connections: 32, seconds });
      const trackAt = (base: string, seconds = SECONDS) =>
        load({ url: `${base}/graphql`, headers: siteHeaders, body: () => JSON.stringify({ query: TRACK, variables: tickets[li++ % tickets.length] }), connections: 50, seconds });
      await reportAt(url, WARMUP_SECONDS);
      await reportAt(offUrl, WARMUP_SECONDS);
      const lr = await sideBySide("reportIncident, limits on vs off", () => reportAt(url), () => reportAt(offUrl), (r) => r.rps);
      rows.push({
        what: "`reportIncident` throughput with rate and cost limits on, against the same gateway with them off (32 connections)",
        baseline: `${fmt(median(lr.b.map((r) => r.rps)), 0)} req/s off`,
        measured: `${fmt(median(lr.g.map((r) => r.rps)), 0)} req/s on`,
        ratio: lr.ratio,
        goal: "≥ 0.95",
        met: lr.ratio >= 0.95,
        load: la(),
      });
      await trackAt(url, WARMUP_SECONDS);
      await trackAt(offUrl, WARMUP_SECONDS);
      const lt = await sideBySide("trackTicket, limits on vs off", () => trackAt(url), () => trackAt(offUrl), (r) => r.rps);
      rows.push({
        what: "`trackTicket` throughput with rate and cost limits on, against the same gateway with them off (50 connections)",
        baseline: `${fmt(median(lt.b.map((r) => r.rps)), 0)} req/s off`,
        measured: `${fmt(median(lt.g.map((r) => r.rps)), 0)} req/s on`,
        ratio: lt.ratio,
        goal: "≥ 0.95",
        met: lt.ratio >= 0.95,
        load: la(),
      });
      await gwOff.call("stop");
      await gwOff.kill();
    }

    // ── what notifications cost a report, and the outbox lag (bench/notify.ts) ──
    if (want("notify")) {
      log("notify: a gateway with mail and a webhook on, beside one with them off, each on its own database");
      const n = await notifyBench({
        child,
        createDatabase: (name) => createDatabase(admin, name),
        dropDatabase: async (name) => void (await admin.query(`DROP DATABASE IF EXISTS \`${name}\``)),
        sideBySide,
        settle: () => purged(admin),
        log,
        la,
        secret: SECRET,
        dataDir,
        suffix,
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        reportBody: JSON.stringify({ query: REPORT, variables: { input: REPORT_INPUT } }),
      });
      rows.push(...n.rows);
      sanity.push(...n.sanity);
      notes.push(...n.notes);
    }

    // ── fan-out to 10,000 trackers ──
    if (want("fanout")) {
      log(`fan-out: connecting ${SUBSCRIBERS} trackers to the gateway and ${SUBSCRIBERS} sockets to the raw ws server`);
      const receipt = await gql<{ reportIncident: { code: string; trackingToken: string } }>(url, REPORT, { input: REPORT_INPUT }, siteHeaders);
      const target = { c: receipt.reportIncident.code, t: receipt.reportIncident.trackingToken };
      const { ticket: targetTicket } = await gql<{ ticket: { id: string } }>(url, `query($id: ID!) { ticket(id: $id) { id } }`, { id: target.c }, agentHeaders);
      await gql(url, CHANGE_STATUS, { id: targetTicket.id, input: { status: "IN_PROGRESS" } }, agentHeaders);
      await gql(url, `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Sedang kami periksa, mohon ditunggu." }) { id } }`, { id: targetTicket.id }, agentHeaders);
      const gwClients = child("./ws-clients.ts");
      const baseClients = child("./ws-clients.ts");
      const wsUrl = `${url.replace("http", "ws")}/graphql`;
      const before = await gw.call<{ active: number; executions: number }>("stats");
      await gwClients.call("connect", { url: wsUrl, n: SUBSCRIBERS, query: TICKET_UPDATED, variables: [{ code: target.c, token: target.t }], connectionParams: { siteKey: site.siteKey } });
      for (let i = 0; (await gw.call<{ active: number }>("stats")).active < before.active + SUBSCRIBERS; i++) {
        if (i > 600) throw new Error("trackers did not all attach");
        await new Promise((r) => setTimeout(r, 100));
    }
    await baseClients.call("connect", { url: `${baseUrl.replace("http", "ws")}/ws`, n: SUBSCRIBERS });
    const statuses = [{ status: "PENDING", pendingReason: "REPORTER" }, { status: "IN_PROGRESS" }];
    let flip = 0;
    const gwEvent = async () => {
      await gwClients.call("arm");
      const stats0 = await gw.call<{ executions: number }>("stats");
      const t0 = performance.timeOrigin + performance.now();
      await gql(url, CHANGE_STATUS, { id: targetTicket.id, input: statuses[flip++ % 2] }, agentHeaders);
      const r = await gwClients.call<{ received: number; of: number; p50: number; p95: number; max: number }>("collect", { t0 });
      const stats1 = await gw.call<{ executions: number }>("stats");
      return { ...r, executions: stats1.executions - stats0.executions };
    };
    // The baseline sends exactly what a gateway tracker received, as one pre-serialized string.
    await gwEvent();
    await base.call("broadcastMessage", { message: await gwClients.call<string>("lastMessage") });
    const baseEvent = async () => {
      await baseClients.call("arm");
      const t0 = performance.timeOrigin + performance.now();
      await fetch(`${baseUrl}/broadcast`, { method: "POST", body: "{}" });
      return baseClients.call<{ received: number; of: number; p50: number; p95: number; max: number }>("collect", { t0 });
    };
    await baseEvent();
    const fg: Array<Awaited<ReturnType<typeof gwEvent>>> = [];
    const fb: Array<Awaited<ReturnType<typeof baseEvent>>> = [];
    for (let round = 0; round < 5; round++) {
      if (round % 2 === 0) {
        fg.push(await gwEvent());
        fb.push(await baseEvent());
      } else {
        fb.push(await baseEvent());
        fg.push(await gwEvent());
      }
      const [g, b] = [fg.at(-1)!, fb.at(-1)!];
      log(`fan-out round ${round + 1}: gateway p95 ${ms(g.p95)} (${g.received}/${g.of}, ${g.executions} execution) | raw ws p95 ${ms(b.p95)} (${b.received}/${b.of})`);
    }
    const fanRatio = median(fg.map((g, i) => g.p95 / fb[i]!.p95));
    const execs = median(fg.map((g) => g.executions));
    const lost = fg.reduce((n, g) => n + g.of - g.received, 0) + fb.reduce((n, b) => n + b.of - b.received, 0);
    if (lost) notes.push(`fan-out: ${lost} deliveries did not arrive within 30 s.`);
    rows.push({
      what: `status change → tracker delivery, ${SUBSCRIBERS.toLocaleString("en")} subscribers on one process (p95)`,
      baseline: ms(median(fb.map((b) => b.p95))),
      measured: `${ms(median(fg.map((g) => g.p95)))}; ${execs} execution per event`,
      ratio: fanRatio,
      goal: "≤ 2×; once per shape",
      met: fanRatio <= 2 && execs === 1,
      load: la(),
    });
    const fanP95 = median(fg.map((g) => g.p95));
    sanity.push(
      `subscribers per core: ${SUBSCRIBERS.toLocaleString("en")} trackers on one gateway process (one core for its event loop), fan-out p95 ${ms(fanP95)} (floor 5,000 per core at ≤ 500 ms; load average ${la()}) ${fanP95 <= 500 ? "✓" : "✗"}`,
    );
    log(sanity.at(-1)!);
    await gwClients.call("close");
    await baseClients.call("close");
    await gwClients.kill();
    await baseClients.kill();
    }

    // ── memory per idle tracker ──
    if (want("memory")) {
      log(`memory: ${IDLE_TRACKERS} idle trackers of distinct tickets vs ${IDLE_TRACKERS} idle raw ws connections, fresh processes`);
      db = mysql.createPool({ uri: mainDb, connectionLimit: 4, timezone: "Z" });
      const idleSite = await gw.call<{ id: string; siteKey: string }>("site", { name: "PT Idle", unitCode: "ID" });
      const seedAt = Date.now();
      await seedTickets(db, { id: idleSite.id, unitCode: "ID" }, IDLE_TRACKERS, { openShare: 1, spanDays: 1, now: seedAt });
      const step = 86_400_000 / IDLE_TRACKERS;
      const idleVars = Array.from({ length: IDLE_TRACKERS }, (_, i) => {
        const s = seeded("ID", i, new Date(Math.floor(seedAt - 86_400_000 + i * step)));
        return { code: s.code, token: s.token };
      });
      const gwMem = child("./gateway-server.ts", ["--expose-gc"]);
      const { url: memUrl } = await gwMem.call<{ url: string }>("start", { databaseUrl: mainDb, secret: SECRET, dataDir });
      const baseMem = child("./baseline-server.ts", ["--expose-gc"]);
      const { url: baseMemUrl } = await baseMem.call<{ url: string }>("start", { databaseUrl: mainDb, siteKey: site.siteKey });
      const memClients = child("./ws-clients.ts");
      // Warm both: the first connections load code and grow pools that are not per-connection cost.
      await memClients.call("connect", { url: `${memUrl.replace("http", "ws")}/graphql`, n: 50, query: TICKET_UPDATED, variables: idleVars.slice(-50), connectionParams: { siteKey: idleSite.siteKey } });
      await memClients.call("close");
      const g0 = await gwMem.call<{ rss: number; heapUsed: number; external: number }>("memory");
      await memClients.call("connect", { url: `${memUrl.replace("http", "ws")}/graphql`, n: IDLE_TRACKERS, query: TICKET_UPDATED, variables: idleVars, connectionParams: { siteKey: idleSite.siteKey } });
      for (let i = 0; (await gwMem.call<{ active: number }>("stats")).active < IDLE_TRACKERS; i++) {
        if (i > 600) throw new Error("idle trackers did not all attach");
        await new Promise((r) => setTimeout(r, 100));
    }
    const g1 = await gwMem.call<{ rss: number; heapUsed: number; external: number }>("memory");
    await memClients.call("close");
    await memClients.call("connect", { url: `${baseMemUrl.replace("http", "ws")}/ws`, n: 50 });
    await memClients.call("close");
    const b0 = await baseMem.call<{ rss: number; heapUsed: number; external: number }>("memory");
    await memClients.call("connect", { url: `${baseMemUrl.replace("http", "ws")}/ws`, n: IDLE_TRACKERS });
    const b1 = await baseMem.call<{ rss: number; heapUsed: number; external: number }>("memory");
    await memClients.call("close");
    const perGw = (g1.rss - g0.rss) / IDLE_TRACKERS;
    const perBase = (b1.rss - b0.rss) / IDLE_TRACKERS;
    const heapGw = (g1.heapUsed + g1.external - g0.heapUsed - g0.external) / IDLE_TRACKERS;
    const heapBase = (b1.heapUsed + b1.external - b0.heapUsed - b0.external) / IDLE_TRACKERS;
    rows.push({
      what: "memory per idle subscribed tracker (RSS growth per connection)",
      baseline: `${fmt(perBase / 1024)} KiB (heap ${fmt(heapBase / 1024)} KiB)`,
      measured: `${fmt(perGw / 1024)} KiB (heap ${fmt(heapGw / 1024)} KiB)`,
      ratio: perGw / perBase,
      goal: "≤ 2×",
      met: perGw / perBase <= 2,
      load: la(),
    });
    log(`memory: tracker ${fmt(perGw / 1024)} KiB RSS / ${fmt(heapGw / 1024)} KiB heap; raw ws ${fmt(perBase / 1024)} KiB RSS / ${fmt(heapBase / 1024)} KiB heap`);
    for (const c of [memClients, gwMem, baseMem]) await c.kill();
    await db.end();
    db = null;
    }
    // ── the help centre's search at 100,000 and at 1,000 articles: two words of the vocabulary,
    // each in about 0.8% of a site's articles, ranked by knowledge-rank.rules ──
    if (want("knowledge")) {
      log(`knowledge: seeding ${BIG_KB.toLocaleString("en")} + ${SMALL_KB.toLocaleString("en")} published articles`);
      const bigKb = await gw.call<{ id: string; siteKey: string }>("site", { name: "PT Banyak Artikel", unitCode: "KB" });
      const smallKb = await gw.call<{ id: string; siteKey: string }>("site", { name: "PT Sedikit Artikel", unitCode: "KS" });
      const kdb = mysql.createPool({ uri: mainDb, connectionLimit: 2, timezone: "Z" });
      const seedStart = performance.now();
      await seedArticles(kdb, bigKb.id, BIG_KB);
      await seedArticles(kdb, smallKb.id, SMALL_KB);
      await kdb.query("ANALYZE TABLE `article`");
      await kdb.end();
      log(`knowledge: seeded in ${fmt((performance.now() - seedStart) / 1000, 0)} s`);
      const vars = { filter: { query: `${benchWord(7)} ${benchWord(1234)}`, language: "id" } };
      const helpLoad = (siteKey: string, seconds = SECONDS) =>
        load({ url: `${url}/graphql`, headers: { "x-sigap-site-key": siteKey }, body: JSON.stringify({ query: HELP_SEARCH, variables: vars }), connections: 8, seconds });
      const hits = await gql<{ helpArticles: unknown[] }>(url, HELP_SEARCH, vars, { "x-sigap-site-key": bigKb.siteKey });
      if (!hits.helpArticles.length) throw new Error("the knowledge search found nothing");
      await helpLoad(bigKb.siteKey, WARMUP_SECONDS);
      await helpLoad(smallKb.siteKey, WARMUP_SECONDS);
      const k = await sideBySide("knowledge search 100k vs 1k", () => helpLoad(bigKb.siteKey), () => helpLoad(smallKb.siteKey), (r) => r.p95);
      rows.push({
        what: `help centre search (\`helpArticles\`, two words, 20 ranked rows) with ${BIG_KB.toLocaleString("en")} articles in the site, p95`,
        baseline: `${ms(median(k.b.map((r) => r.p95)))} at ${SMALL_KB.toLocaleString("en")} articles`,
        measured: `${ms(median(k.g.map((r) => r.p95)))} (${fmt(median(k.g.map((r) => r.rps)), 0)} req/s, 8 connections)`,
        ratio: k.ratio,
        goal: "≤ 2×",
        met: k.ratio <= 2,
        load: la(),
      });
    }
    await gw.call("stop");
    await gw.kill();
    await base.kill();

    // ── agent queue page at 1,000,000 and at 10,000 tickets ──
    if (want("queue") || want("search")) {
      log(`queue: seeding ${BIG_QUEUE.toLocaleString("en")} + ${SMALL_QUEUE.toLocaleString("en")} tickets (2% open) with multi-row INSERTs`);
      const qgw = child("./gateway-server.ts");
      const { url: qUrl } = await qgw.call<{ url: string }>("start", { databaseUrl: queueDb, secret: SECRET, dataDir });
      const big = await qgw.call<{ id: string }>("site", { name: "PT Besar", unitCode: "QB" });
      const small = await qgw.call<{ id: string }>("site", { name: "PT Kecil", unitCode: "QS" });
      const bigAgent = await qgw.call<{ token: string }>("agent", { siteId: big.id });
      const smallAgent = await qgw.call<{ token: string }>("agent", { siteId: small.id });
      db = mysql.createPool({ uri: queueDb, connectionLimit: 4, timezone: "Z" });
      const seedStart = performance.now();
      await seedTickets(db, { id: big.id, unitCode: "QB" }, BIG_QUEUE, { openShare: 0.02, spanDays: 1_095, batch: 2_500, parallel: 3 });
      await seedTickets(db, { id: small.id, unitCode: "QS" }, SMALL_QUEUE, { openShare: 0.02, spanDays: 1_095 });
      await db.query("ANALYZE TABLE `ticket`");
      log(`queue: seeded in ${fmt((performance.now() - seedStart) / 1000, 0)} s`);
      log(`queue: InnoDB settled after ${fmt(await settleInnoDb(db), 0)} s (dirty pages flushed)`);
      const queueLoad = (tokenOf: string, seconds = 5) =>
        load({ url: `${qUrl}/graphql`, headers: { authorization: `Bearer ${tokenOf}` }, body: JSON.stringify({ query: QUEUE, variables: { first: 50 } }), connections: 8, seconds });
      if (want("queue")) {
      const page = await gql<{ queue: { edges: unknown[] } }>(qUrl, QUEUE, { first: 50 }, { authorization: `Bearer ${bigAgent.token}` });
      if (page.queue.edges.length !== 50) throw new Error(`the queue page has ${page.queue.edges.length} rows, not 50`);
      await queueLoad(bigAgent.token, WARMUP_SECONDS);
      await queueLoad(smallAgent.token, WARMUP_SECONDS);
      const q = await sideBySide("queue page 1M vs 10k", () => queueLoad(bigAgent.token), () => queueLoad(smallAgent.token), (r) => r.p95);
      rows.push({
        what: "agent queue page (50 rows, widget's fields) with 1,000,000 tickets in the site, p95",
        baseline: `${ms(median(q.b.map((r) => r.p95)))} at 10,000 tickets`,
        measured: `${ms(median(q.g.map((r) => r.p95)))} (${fmt(median(q.g.map((r) => r.rps)), 0)} req/s, 8 connections)`,
        ratio: q.ratio,
        goal: "≤ 2×",
        met: q.ratio <= 2,
        load: la(),
      });
      }
      // ── desk search page at 1,000,000 and at 10,000 tickets: one term read every way (code ending,
      // phone, full text of tickets and messages), the same term on both sites ──
      if (want("search")) {
        const searchVars = { first: 50, filter: { search: SEARCH_TERM } };
        const searchLoad = (tokenOf: string, seconds = 5) =>
          load({ url: `${qUrl}/graphql`, headers: { authorization: `Bearer ${tokenOf}` }, body: JSON.stringify({ query: QUEUE_SEARCH, variables: searchVars }), connections: 8, seconds });
        const found = await gql<{ queue: { edges: unknown[] } }>(qUrl, QUEUE_SEARCH, searchVars, { authorization: `Bearer ${bigAgent.token}` });
        if (!found.queue.edges.length) throw new Error(`the search for ${SEARCH_TERM} found nothing`);
        await searchLoad(bigAgent.token, WARMUP_SECONDS);
        await searchLoad(smallAgent.token, WARMUP_SECONDS);
        const s = await sideBySide("search page 1M vs 10k", () => searchLoad(bigAgent.token), () => searchLoad(smallAgent.token), (r) => r.p95);
        rows.push({
          what: `desk search page (\`search: "${SEARCH_TERM}"\`, 50 rows, widget's fields) with 1,000,000 tickets in the site, p95`,
          baseline: `${ms(median(s.b.map((r) => r.p95)))} at 10,000 tickets`,
          measured: `${ms(median(s.g.map((r) => r.p95)))} (${fmt(median(s.g.map((r) => r.rps)), 0)} req/s, 8 connections)`,
          ratio: s.ratio,
          goal: "≤ 2×",
          met: s.ratio <= 2,
          load: la(),
        });
      }
      await qgw.call("stop");
      await qgw.kill();
    }

    // ── the month recap at 1,000,000 and at 10,000 tickets, and the 1,000,000-row CSV export (bench/recap.ts) ──
    if (recapDb) {
      const r = await recapBench({ child, databaseUrl: recapDb, secret: SECRET, dataDir, log, la, big: BIG_QUEUE, small: SMALL_QUEUE, rounds: ROUNDS, query: RECAP, settle: settleInnoDb });
      rows.push(...r.rows);
      sanity.push(...r.sanity);
      notes.push(...r.notes);
    }
  } finally {
    await db?.end().catch(() => undefined);
    for (const c of children) await c.kill();
    await admin.query(`DROP DATABASE IF EXISTS \`sigap_bench_${suffix}\``);
    await admin.query(`DROP DATABASE IF EXISTS \`sigap_bench_queue_${suffix}\``);
    await admin.query(`DROP DATABASE IF EXISTS \`sigap_bench_recap_${suffix}\``);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const total = elapsed();
  const table = [
    "| what | baseline run beside it | measured | ratio | goal | met | load average |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.what} | ${r.baseline} | ${r.measured} | ${fmt(r.ratio, 2)} | ${r.goal} | ${r.met === null ? "—" : r.met ? "✓" : "✗"} | ${r.load} |`),
    "| widget weight vs Lit alone | — | measured by the widgets' size script (widgets/), not here | — | report form ≤ 15 KB gz | — | — |",
  ].join("\n");
  const out = [
    `Machine: ${host}.`,
    `Ran ${new Date().toISOString()}; whole run ${total}. Ratios are medians of ${ROUNDS} interleaved rounds (${SECONDS} s each; fan-out: 5 events) after a warm-up.`,
    "",
    table,
    "",
    "Absolute sanity figures:",
    ...sanity.map((s) => `- ${s}`),
    ...(notes.length ? ["", "Notes:", ...notes.map((n) => `- ${n}`)] : []),
  ].join("\n");
  console.log(`\n${out}\n`);
  const file = new URL("./RESULTS.md", import.meta.url).pathname;
  const previous = (() => {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return "";
    }
  })();
  // The hand-written part of RESULTS.md (above the marker) is kept; the figures below it are replaced.
  const marker = "<!-- results: written by `pnpm bench` -->";
  const head = previous.includes(marker) ? previous.slice(0, previous.indexOf(marker)) : "# Benchmark results\n\n";
  writeFileSync(file, `${head}${marker}\n\n${out}\n`);
  log(`wrote ${file}; total ${total}`);
}

await main();
