// TEMPORARY: the bench's queue page, big vs small, on the kept database (3 interleaved rounds).
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { spawnChild } from "./ipc.js";
import { load } from "./load.js";
const info = JSON.parse(readFileSync("/tmp/ws-explain.json", "utf8"));
const src = readFileSync(new URL("./run.ts", import.meta.url), "utf8");
const QUEUE = process.env["WS_QUERY"] ?? /const QUEUE = `([^`]*)`/.exec(src)![1]!;
const qgw = spawnChild("./gateway-server.ts");
const { url } = await qgw.call<{ url: string }>("start", { databaseUrl: info.url, secret: "x".repeat(40), dataDir: info.dataDir });
const run = (tok: string, seconds = 6) => load({ url: `${url}/graphql`, headers: { authorization: `Bearer ${tok}` }, body: JSON.stringify({ query: QUEUE, variables: { first: 50 } }), connections: 8, seconds });
await run(info.bigAgent.token, 3); await run(info.smallAgent.token, 3);
const ratios: number[] = [];
for (let r = 0; r < 3; r++) {
  const [b, s] = r % 2 === 0 ? [await run(info.bigAgent.token), await run(info.smallAgent.token)] : (([s2, b2]) => [b2, s2])([await run(info.smallAgent.token), await run(info.bigAgent.token)]);
  ratios.push(b.p95 / s.p95);
  console.log(`round ${r + 1}: big p95 ${b.p95.toFixed(1)} ms (${b.rps.toFixed(0)} rps) small p95 ${s.p95.toFixed(1)} ms (${s.rps.toFixed(0)} rps) ratio ${(b.p95 / s.p95).toFixed(2)} load ${loadavg()[0]!.toFixed(2)}`);
}
ratios.sort((a, b) => a - b);
console.log(`median ratio ${ratios[1]!.toFixed(2)}`);
await qgw.call("stop");
await qgw.kill();
