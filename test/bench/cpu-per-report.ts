/**
 * CPU per report at a fixed offered load, for one build or two side by side:
 * `tsx bench/cpu-per-report.ts [rate=300] [seconds=8] [rounds=3] [on|off] [profile]`, with
 * `SIGAP_BENCH_DISTS=dist-old,dist` naming builds (folders of gateway/) to compare, each with
 * `:off` for its rate and cost limits off (`dist,dist:off` compares limits on and off), or with
 * `:notify` for notifications on as the notify benchmark has them (SMTP_URL to a real SMTP sink,
 * one webhook endpoint for ticket.created); no side runs a dispatcher (NOTIFY_DISPATCH_MS=0), so
 * the figure is what planning and storing them costs a report (`dist,dist:notify`). Each side's gateway runs
 * in its own process on one database, each side with a site of its own; rounds alternate between
 * them. The figure is the gateway process's own CPU time (user + system, from /proc) divided by
 * the reports it answered, which the machine's other work disturbs far less than throughput;
 * MariaDB's CPU per report is printed beside it when it runs on this machine. `off` runs every
 * side with rate and cost limits off; `profile` prints the hottest functions of each side's last round.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import mysql from "mysql2/promise";
import { execFileSync } from "node:child_process";
import { spawnChild, type Child } from "./ipc.js";
import { load, median } from "./load.js";

const rate = Number(process.argv[2] ?? 300);
const seconds = Number(process.argv[3] ?? 8);
const rounds = Number(process.argv[4] ?? 3);
const limits = process.argv[5] === "off" ? "off" : "on";
const profile = process.argv[6] === "profile";
const dists = (process.env["SIGAP_BENCH_DISTS"] ?? "dist").split(",");
const HZ = 100;
const ticks = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(f[11]) + Number(f[12]);
};

const dir = mkdtempSync(join(tmpdir(), "sigap-cpr-"));
const admin = await mysql.createConnection("mysql://root@127.0.0.1:3306");
const name = `sigap_bench_cpr_${randomBytes(3).toString("hex")}`;
await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
const mariadb = (() => {
  try {
    return Number(execFileSync("pgrep", ["-o", "mariadbd"]).toString().trim()) || null;
  } catch {
    return null;
  }
})();
const sides: Array<{ dist: string; label: string; gw: Child; url: string; siteKey: string; perReport: number[]; dbPerReport: number[] }> = [];
const sink = dists.some((d) => d.endsWith(":notify")) ? spawnChild("./notify-sink.ts") : null;
try {
  const sinkUrls = sink ? await sink.call<{ smtpUrl: string; webhookUrl: string }>("start") : null;
  for (const [i, label] of dists.entries()) {
    const [dist = "dist", mode] = label.split(":");
    const gw = spawnChild("./gateway-server.ts", { SIGAP_BENCH_DIST: dist });
    // No side delivers: they share the database's outbox, and the figure is the report's own cost.
    const notify = { dispatchMs: 0, ...(mode === "notify" && sinkUrls ? { smtpUrl: sinkUrls.smtpUrl } : {}) };
    const { url } = await gw.call<{ url: string }>("start", { databaseUrl: `mysql://root@127.0.0.1:3306/${name}`, secret: "x".repeat(40), dataDir: dir, limits: mode === "off" ? "off" : limits, ...notify });
    const site = await gw.call<{ id: string; siteKey: string }>("site", { name: `P${i}`, unitCode: String(i + 1).padStart(2, "0") });
    if (mode === "notify" && sinkUrls) await gw.call("webhook", { siteId: site.id, url: sinkUrls.webhookUrl, eventTypes: ["ticket.created"] });
    sides.push({ dist, label, gw, url, siteKey: site.siteKey, perReport: [], dbPerReport: [] });
  }
  const input = { reporterName: "Budi Santoso", reporterEmail: "budi@contoh.example", description: "Ipos tidak bisa login sejak pagi", urgency: "HIGH" };
  const REPORT = `mutation ReportIncident($input: ReportIncidentInput!) { reportIncident(input: $input) { code trackingToken status priority createdAt responseDueAt resolutionDueAt } }`;
  const spec = (side: { url: string; siteKey: string }) => ({ url: `${side.url}/graphql`, headers: { "x-sigap-site-key": side.siteKey }, body: JSON.stringify({ query: REPORT, variables: { input } }), connections: 32, rate });
  for (const side of sides) await load({ ...spec(side), seconds: 3 });
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...sides].reverse() : sides;
    for (const side of order) {
      const pid = side.gw.proc.pid!;
      const last = profile && round === rounds - 1;
      if (last) await side.gw.call("profileStart");
      const t0 = ticks(pid);
      const d0 = mariadb ? ticks(mariadb) : 0;
      const res = await load({ ...spec(side), seconds });
      const t1 = ticks(pid);
      const dbPerReport = mariadb ? (((ticks(mariadb) - d0) / HZ) * 1000) / (res.rps * seconds) : Number.NaN;
      side.dbPerReport.push(dbPerReport);
      if (last) await side.gw.call("profileStop", { file: join(dir, `${side.label.replace(":", "-")}.cpuprofile`) });
      const perReport = ((t1 - t0) / HZ) * 1000 / (res.rps * seconds);
      side.perReport.push(perReport);
      console.log(
        `round ${round + 1} ${side.label}: ${res.rps.toFixed(0)} of ${rate} req/s, ${res.failures} failures, p99 ${res.p99.toFixed(1)} ms | ${perReport.toFixed(3)} ms CPU per report, MariaDB ${dbPerReport.toFixed(3)} ms | load average ${loadavg()[0]!.toFixed(2)}`,
      );
    }
  }
  for (const side of sides) {
    console.log(`${side.label}: median ${median(side.perReport).toFixed(3)} ms CPU per report (${side.perReport.map((x) => x.toFixed(3)).join(", ")}); MariaDB median ${median(side.dbPerReport).toFixed(3)} ms`);
  }
  if (profile) for (const side of sides) printProfile(side.label, join(dir, `${side.label.replace(":", "-")}.cpuprofile`));
} finally {
  for (const side of sides) {
    await side.gw.call("stop").catch(() => undefined);
    await side.gw.kill();
  }
  if (sink) {
    await sink.call("stop").catch(() => undefined);
    await sink.kill();
  }
  await admin.query(`DROP DATABASE \`${name}\``);
  await admin.end();
}

function printProfile(label: string, file: string): void {
  interface Node { callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number }
  const prof = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[] };
  const self = new Map<string, number>();
  const byPkg = new Map<string, number>();
  let total = 0;
  for (const n of prof.nodes) {
    if (n.callFrame.functionName === "(idle)") continue;
    total += n.hitCount;
    const u = n.callFrame.url.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, "").replace(/^.*\/gateway\/dist[^/]*\//, "gateway/");
    const k = `${n.callFrame.functionName || "(anon)"} ${u}:${n.callFrame.lineNumber}`;
    self.set(k, (self.get(k) ?? 0) + n.hitCount);
    const pkg = u.startsWith("@") ? u.split("/").slice(0, 2).join("/") : u.startsWith("gateway/") ? u : u.split("/")[0] || n.callFrame.functionName;
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + n.hitCount);
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, c]) => `${((100 * c) / total).toFixed(1).padStart(5)}%  ${n}`).join("\n");
  console.log(`\n== ${label}: busy samples ${total}\nby package/file:\n${top(byPkg, 25)}\n\nby function (self):\n${top(self, 35)}`);
}
