/**
 * Profiles the gateway under one load: `tsx bench/profile.ts report|track|notify`, prints the hottest
 * functions. `notify` is the report load with notifications on (mail to an SMTP sink, one webhook).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mysql from "mysql2/promise";
import { spawnChild } from "./ipc.js";
import { load } from "./load.js";

const which = process.argv[2] ?? "report";
const dir = mkdtempSync(join(tmpdir(), "sigap-prof-"));
console.error(`profile in ${dir}`);
const admin = await mysql.createConnection("mysql://root@127.0.0.1:3306");
const name = `sigap_bench_prof_${randomBytes(3).toString("hex")}`;
await admin.query(`CREATE DATABASE \`${name}\``);
const sink = which === "notify" ? spawnChild("./notify-sink.ts") : null;
const sinkUrls = sink ? await sink.call<{ smtpUrl: string; webhookUrl: string }>("start") : null;
const gw = spawnChild("./gateway-server.ts");
const { url } = await gw.call<{ url: string }>("start", { databaseUrl: `mysql://root@127.0.0.1:3306/${name}`, secret: "x".repeat(40), dataDir: dir, ...(sinkUrls ? { smtpUrl: sinkUrls.smtpUrl } : {}) });
const site = await gw.call<{ id: string; siteKey: string }>("site", { name: "P", unitCode: "01" });
if (sinkUrls) await gw.call("webhook", { siteId: site.id, url: sinkUrls.webhookUrl, eventTypes: ["ticket.created"] });
const input = { reporterName: "Budi Santoso", reporterEmail: "budi@contoh.example", description: "Ipos tidak bisa login sejak pagi", urgency: "HIGH" };
const REPORT = `mutation ReportIncident($input: ReportIncidentInput!) { reportIncident(input: $input) { code trackingToken status priority createdAt responseDueAt resolutionDueAt } }`;
const r = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", "x-sigap-site-key": site.siteKey }, body: JSON.stringify({ query: REPORT, variables: { input } }) }).then((x) => x.json()) as { data: { reportIncident: { code: string; trackingToken: string } } };
const TRACK = `query($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { code status priority sla { atRisk responseRemainingMs } timeline { id at kind actorKind actorName message } attachments { id } feedbackOpen feedback { serviceRating } } }`;
const body = which !== "track" ? JSON.stringify({ query: REPORT, variables: { input } }) : JSON.stringify({ query: TRACK, variables: { code: r.data.reportIncident.code, token: r.data.reportIncident.trackingToken } });
await load({ url: `${url}/graphql`, headers: { "x-sigap-site-key": site.siteKey }, body, connections: 32, seconds: 3 });
await gw.call("profileStart");
const res = await load({ url: `${url}/graphql`, headers: { "x-sigap-site-key": site.siteKey }, body, connections: 32, seconds: 6 });
await gw.call("profileStop", { file: join(dir, "run.cpuprofile") });
console.log(res);
await gw.call("stop");
await gw.kill();
await sink?.kill();
await admin.query(`DROP DATABASE \`${name}\``);
await admin.end();
const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"))!;
interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] }
const prof = JSON.parse(readFileSync(join(dir, file), "utf8")) as { nodes: Node[] };
const self = new Map<string, number>();
const byPkg = new Map<string, number>();
let total = 0;
for (const n of prof.nodes) {
  total += n.hitCount;
  const u = n.callFrame.url.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, "").replace(/^.*\/work\/main\//, "");
  const k = `${n.callFrame.functionName || "(anon)"} ${u}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + n.hitCount);
  const pkg = u.startsWith("@") ? u.split("/").slice(0, 2).join("/") : u.split("/")[0] || n.callFrame.functionName;
  byPkg.set(pkg!, (byPkg.get(pkg!) ?? 0) + n.hitCount);
}
const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, c]) => `${((100 * c) / total).toFixed(1).padStart(5)}%  ${n}`).join("\n");
console.log(`by package/file:\n${top(byPkg, 25)}`);
console.log(`\nby function (self):\n${top(self, 40)}`);
