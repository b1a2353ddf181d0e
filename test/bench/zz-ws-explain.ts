// TEMPORARY (not committed): captures the queue page's SQL on the kept 1M database and EXPLAINs it.
import { readFileSync } from "node:fs";
import mysql from "mysql2/promise";
import { loadConfig, startGateway } from "@sigap/gateway";
const info = JSON.parse(readFileSync("/tmp/ws-explain.json", "utf8"));
const QUEUE = `query Queue($first: Int) { queue(first: $first) { edges { cursor node { ...DeskTicketFields } } pageInfo { hasNextPage endCursor } } }
fragment DeskTicketFields on Ticket {
  id code status isOpen pendingReason channel reporterName reporterPhone reporterEmail location kelurahan kecamatan
  occurredAt serviceId problemType description systemState stepsTried urgency impact priority categoryId groupId assigneeId
  supportLevel hierarchyLevel createdAt updatedAt firstRespondedAt responseDueAt resolutionDueAt pausedAt resolvedAt closedAt
  resolution closureCode knowledgeBase version
  sla { responseBreached resolutionBreached paused atRisk responseRemainingMs resolutionRemainingMs }
}`;
const config = loadConfig({ NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", DATABASE_URL: info.url, SIGAP_SECRET: "x".repeat(40), SIGAP_DATA_DIR: info.dataDir, SLA_SWEEP_MS: "0", LOG_LEVEL: "warn", SIGAP_LIMITS: "off" });
const gw = await startGateway({ config });
const queries: Array<[string, unknown[]]> = [];
const ds = gw.services.ds as unknown as { logger: Record<string, unknown> };
const orig = ds.logger;
ds.logger = new Proxy(orig, { get: (t, k) => (k === "logQuery" ? (q: string, p: unknown[]) => { if (capture) queries.push([q, p ?? []]); } : (t as Record<string | symbol, unknown>)[k]) });
let capture = false;
const pool = mysql.createPool({ uri: info.url, connectionLimit: 2, timezone: "Z" });
for (const [label, tok] of [["big", info.bigAgent.token], ["small", info.smallAgent.token]]) {
  const run = async () => {
    const t = performance.now();
    const res = await fetch(`${gw.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${tok}` }, body: JSON.stringify({ query: QUEUE, variables: { first: 50 } }) });
    const body = await res.json() as { errors?: unknown };
    if (body.errors) console.log(JSON.stringify(body.errors));
    return performance.now() - t;
  };
  await run();
  capture = true;
  queries.length = 0;
  const ms = await run();
  capture = false;
  console.log(`\n==== ${label}: ${ms.toFixed(1)} ms, ${queries.length} queries`);
  const times: number[] = [];
  for (let i = 0; i < 20; i++) times.push(await run());
  times.sort((a, b) => a - b);
  console.log(`  20 runs: median ${times[10]!.toFixed(1)} ms, max ${times[19]!.toFixed(1)} ms`);
  for (const [q, p] of queries) {
    if (!/^\s*SELECT/i.test(q)) { console.log("  (not select)", q.slice(0, 120)); continue; }
    const t = performance.now();
    await pool.query(q, p);
    const took = performance.now() - t;
    const [rows] = await pool.query(`EXPLAIN ${q}`, p) as unknown as [Array<Record<string, unknown>>];
    console.log(`\n-- ${took.toFixed(1)} ms: ${q.length > 600 ? q.slice(0, 300) + " … " + q.slice(-300) : q}`);
    for (const r of rows) console.log(`   ${r.table} type=${r.type} key=${r.key} key_len=${r.key_len} rows=${r.rows} extra=${r.Extra}`);
  }
}
await pool.end();
await gw.close();
