/**
 * A scratch measurement, not part of `pnpm bench` or the suite: the tickets CSV export and the
 * closed-incidents PDF of a seeded 100,000-ticket site on MariaDB, in this process (the gateway
 * as built, gateway/dist). Prints rows/s of the CSV and the RSS growth of both downloads.
 *
 *   cd gateway && ../scripts/pnpm build && cd ../test && npx tsx --expose-gc bench/export-speed.ts [--reuse] [--tickets 100000] [--pdf-days 31]
 *
 * --reuse keeps the database seeded by an earlier run (sigap_scratch_export) and measures again.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mysql from "mysql2/promise";
import { seedTickets } from "./seed.js";

// The compiled gateway, as production runs it (tsx cannot run its decorators from source here).
const { cliActor, loadConfig, Role, startGateway } = (await import(new URL("../../gateway/dist/index.js", import.meta.url).href)) as typeof import("@sigap/gateway");

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const reuse = process.argv.includes("--reuse");
const count = Number(arg("tickets", "100000"));
const pdfDays = Number(arg("pdf-days", "31"));
const DB = "sigap_scratch_export";
const ROOT = "mysql://root@127.0.0.1:3306";
const DAY = 86_400_000;
const SPAN = 360;
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

const admin = await mysql.createConnection(ROOT);
if (!reuse) {
  await admin.query(`DROP DATABASE IF EXISTS \`${DB}\``);
  await admin.query(`CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
}
await admin.end();
const config = loadConfig({
  NODE_ENV: "production",
  PORT: "0",
  HOST: "127.0.0.1",
  DATABASE_URL: `${ROOT}/${DB}`,
  SIGAP_SECRET: "scratch-export-secret-0123456789abcdef",
  SIGAP_DATA_DIR: mkdtempSync(join(tmpdir(), "sigap-export-")),
  SLA_SWEEP_MS: "0",
  LOG_LEVEL: "warn",
  SIGAP_LIMITS: "off",
});
const gw = await startGateway({ config });
const actor = cliActor("scratch");
const pool = mysql.createPool({ uri: `${ROOT}/${DB}`, connectionLimit: 4, timezone: "Z" });
const now = Date.now();
let site = (await gw.services.sites.list()).find((s) => s.unitCode === "EX");
if (!site) {
  site = await gw.services.sites.create({ name: "PT Ekspor", unitCode: "EX", timeZone: "Asia/Jakarta" }, actor);
  const t0 = performance.now();
  await seedTickets(pool, { id: site.id, unitCode: "EX" }, count, { openShare: 0.02, spanDays: SPAN, now });
  await pool.query("ANALYZE TABLE `ticket`");
  console.log(`seeded ${count.toLocaleString("en")} tickets in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
const manager = await gw.services.agents.create({ siteId: site.id, name: "Manajer", email: `m${randomBytes(4).toString("hex")}@contoh.example`, role: Role.MANAGER }, actor);
const token = await gw.services.agents.mintToken(manager);

/** Downloads a URL, counting bytes and lines and sampling this process's RSS every 20 ms. */
async function download(url: string) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok || !res.body) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) lines++;
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  return { seconds, bytes, lines, rssBefore: before, rssPeak: peak };
}

const range = (days: number) => `from=${encodeURIComponent(new Date(now - days * DAY).toISOString())}&to=${encodeURIComponent(new Date(now + 3_600_000).toISOString())}`;
for (let i = 0; i < 2; i++) {
  const csv = await download(`${gw.url}/exports/tickets.csv?${range(SPAN + 1)}`);
  // Every description is one line; the header is the first.
  const rows = csv.lines - 1;
  console.log(`tickets.csv: ${rows.toLocaleString("en")} rows in ${csv.seconds.toFixed(2)} s = ${Math.round(rows / csv.seconds).toLocaleString("en")} rows/s, ${mib(csv.bytes)}; RSS ${mib(csv.rssBefore)} → peak ${mib(csv.rssPeak)}`);
}
const [closedRows] = (await pool.query("SELECT COUNT(*) AS n FROM `ticket` WHERE site_id = ? AND status = 'CLOSED' AND closed_at >= ?", [site.id, new Date(now - pdfDays * DAY)])) as unknown as [Array<{ n: number }>];
const pdf = await download(`${gw.url}/exports/closed-incidents.pdf?${range(pdfDays)}&lang=id`);
console.log(`closed-incidents.pdf (${pdfDays} days, ${Number(closedRows[0]!.n).toLocaleString("en")} closed): ${mib(pdf.bytes)} in ${pdf.seconds.toFixed(1)} s; RSS ${mib(pdf.rssBefore)} → peak ${mib(pdf.rssPeak)} (+${mib(pdf.rssPeak - pdf.rssBefore)})`);
await pool.end();
await gw.close();
