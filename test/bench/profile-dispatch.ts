/** Profiles the outbox dispatcher alone: `tsx bench/profile-dispatch.ts [reports]` queues receipts and webhooks with the timer off, then profiles passes that deliver them. */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import mysql from "mysql2/promise";
import { spawnChild } from "./ipc.js";
import { load } from "./load.js";

const reports = Number(process.argv[2] ?? 2000);
const dir = mkdtempSync(join(tmpdir(), "sigap-prof-"));
const admin = await mysql.createConnection("mysql://root@127.0.0.1:3306");
const name = `sigap_bench_prof_${randomBytes(3).toString("hex")}`;
await admin.query(`CREATE DATABASE \`${name}\``);
const sink = spawnChild("./notify-sink.ts");
const { smtpUrl, webhookUrl } = await sink.call<{ smtpUrl: string; webhookUrl: string }>("start");
const gw = spawnChild("./gateway-server.ts");
const pid = gw.proc.pid!;
const cpu = () => { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
const { url } = await gw.call<{ url: string }>("start", { databaseUrl: `mysql://root@127.0.0.1:3306/${name}`, secret: "x".repeat(40), dataDir: dir, smtpUrl, dispatchMs: 0 });
const site = await gw.call<{ id: string; siteKey: string }>("site", { name: "P", unitCode: "01" });
await gw.call("webhook", { siteId: site.id, url: webhookUrl, eventTypes: ["ticket.created"] });
const input = { reporterName: "Budi Santoso", reporterEmail: "budi@contoh.example", description: "Ipos tidak bisa login sejak pagi", urgency: "HIGH" };
const REPORT = `mutation ReportIncident($input: ReportIncidentInput!) { reportIncident(input: $input) { code trackingToken status priority createdAt responseDueAt resolutionDueAt } }`;
const body = JSON.stringify({ query: REPORT, variables: { input } });
// Queue: report until `reports` tickets exist.
let made = 0;
while (made < reports) {
  const r = await load({ url: `${url}/graphql`, headers: { "x-sigap-site-key": site.siteKey }, body, connections: 16, seconds: 2 });
  made += r.rps * 2;
}
const c0 = cpu();
await gw.call("dispatch"); // warm-up pass (up to 1,000 messages)
const c1 = cpu();
await gw.call("profileStart");
const t0 = performance.now();
let sent = 0;
for (let n = -1; n !== 0; ) sent += n = await gw.call<number>("dispatch");
const wall = performance.now() - t0;
await gw.call("profileStop", { file: join(dir, "run.cpuprofile") });
const c2 = cpu();
console.log(`${made} reports queued; warm-up pass CPU ${c1 - c0} ms; then ${sent} messages in ${wall.toFixed(0)} ms, CPU ${c2 - c1} ms = ${((c2 - c1) / sent).toFixed(2)} ms per message; profile ${dir}/run.cpuprofile`);
await gw.call("stop");
for (const c of [gw, sink]) await c.kill();
await admin.query(`DROP DATABASE \`${name}\``);
await admin.end();
