/** Where the CPU goes under one load, for the gateway and the baseline: `tsx bench/cpu.ts report|track`. */
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import mysql from "mysql2/promise";
import { spawnChild } from "./ipc.js";
import { load } from "./load.js";

const which = process.argv[2] ?? "report";
const ticks = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" "); return Number(f[11]) + Number(f[12]); };
const mysqld = Number(execFileSync("pgrep", ["-o", "mariadbd"]).toString().trim());
const admin = await mysql.createConnection("mysql://root@127.0.0.1:3306");
const name = `sigap_bench_cpu_${randomBytes(3).toString("hex")}`;
await admin.query(`CREATE DATABASE \`${name}\``);
const dbUrl = `mysql://root@127.0.0.1:3306/${name}`;
const gw = spawnChild("./gateway-server.ts");
const { url } = await gw.call<{ url: string }>("start", { databaseUrl: dbUrl, secret: "x".repeat(40), dataDir: "/tmp/sigap-cpu" });
const site = await gw.call<{ id: string; siteKey: string }>("site", { name: "P", unitCode: "01" });
const base = spawnChild("./baseline-server.ts");
const { url: baseUrl } = await base.call<{ url: string }>("start", { databaseUrl: dbUrl, siteKey: site.siteKey });
const input = { reporterName: "Budi Santoso", reporterEmail: "budi@contoh.example", description: "Ipos tidak bisa login sejak pagi", urgency: "HIGH" };
const REPORT = `mutation ReportIncident($input: ReportIncidentInput!) { reportIncident(input: $input) { code trackingToken status priority createdAt responseDueAt resolutionDueAt } }`;
const r = (await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", "x-sigap-site-key": site.siteKey }, body: JSON.stringify({ query: REPORT, variables: { input } }) }).then((x) => x.json())) as { data: { reportIncident: { code: string; trackingToken: string } } };
const TRACK = `query($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { code status priority sla { atRisk responseRemainingMs } timeline { id at kind actorKind actorName message } attachments { id } feedbackOpen feedback { serviceRating } } }`;
const { code, trackingToken } = r.data.reportIncident;
const sides = {
  gateway: { pid: gw.proc.pid!, run: (s: number) => load({ url: `${url}/graphql`, headers: { "x-sigap-site-key": site.siteKey }, body: which === "report" ? JSON.stringify({ query: REPORT, variables: { input } }) : JSON.stringify({ query: TRACK, variables: { code, token: trackingToken } }), connections: which === "report" ? 32 : 50, seconds: s }) },
  baseline: { pid: base.proc.pid!, run: (s: number) => load({ url: `${baseUrl}/${which}`, body: which === "report" ? JSON.stringify({ input }) : JSON.stringify({ c: code, t: trackingToken }), connections: which === "report" ? 32 : 50, seconds: s }) },
};
for (const [n, side] of Object.entries(sides)) {
  await side.run(3);
  const [s0, m0, me0] = [ticks(side.pid), ticks(mysqld), ticks(process.pid)];
  const res = await side.run(6);
  const [s1, m1, me1] = [ticks(side.pid), ticks(mysqld), ticks(process.pid)];
  const pct = (a: number) => `${((a / 100 / 6) * 100).toFixed(0)}%`;
  console.log(`${n}: ${res.rps.toFixed(0)} req/s p99 ${res.p99.toFixed(1)} ms | CPU server ${pct(s1 - s0)}, mariadbd ${pct(m1 - m0)}, load generator ${pct(me1 - me0)}`);
}
await gw.call("stop"); await gw.kill(); await base.kill();
await admin.query(`DROP DATABASE \`${name}\``); await admin.end();
