// TEMPORARY: times the queue page's SQL alone, big vs small site.
import { readFileSync } from "node:fs";
import mysql from "mysql2/promise";
const info = JSON.parse(readFileSync("/tmp/ws-explain.json", "utf8"));
const pool = mysql.createPool({ uri: info.url, connectionLimit: 8, timezone: "Z" });
const q = (cols: string, hint = "") => `SELECT ${cols} FROM ticket t ${hint} WHERE t.site_id = ? AND t.is_open = 1 ORDER BY t.priority_rank, t.queue_due_at, t.created_at, t.id LIMIT 51`;
const [[{ idOf }]] = await pool.query("SELECT 1 AS idOf") as unknown as [[{ idOf: number }]];
void idOf;
for (const [name, cols] of [["all cols", "t.*"], ["id only", "t.id"]] as const) {
  for (const [label, site] of [["big", info.big.id], ["small", info.small.id]] as const) {
    const times: number[] = [];
    for (let i = 0; i < 300; i++) { const t = performance.now(); await pool.query(q(cols), [site]); times.push(performance.now() - t); }
    times.sort((a, b) => a - b);
    console.log(`${name} ${label}: p50 ${times[150]!.toFixed(2)} ms p95 ${times[285]!.toFixed(2)} ms`);
  }
}
const [a] = await pool.query(`ANALYZE FORMAT=JSON ${q("t.*")}`, [info.big.id]) as unknown as [Array<Record<string, string>>];
console.log(Object.values(a[0]!)[0]);
await pool.end();
