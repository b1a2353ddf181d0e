/** The gateway under benchmark, in its own process: the real startGateway, driven over IPC. */
import { performance } from "node:perf_hooks";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { serve, settledMemory } from "./ipc.js";

// Production runs compiled JavaScript (`node gateway/dist/main.js`), so the benchmark measures
// that build; run.ts compiles it first. SIGAP_BENCH_SOURCE=1 measures the TypeScript sources;
// SIGAP_BENCH_DIST=<folder of gateway/> another build beside it (bench/cpu-per-report.ts compares two).
// Production runs with NODE_ENV=production in its environment (config.ts reads it from there), and
// graphql-js chooses its plain `instanceof` over the development one, with its cross-realm checks,
// from that variable when it loads: set before the gateway (and graphql) is imported below.
process.env["NODE_ENV"] = "production";
type GatewayModule = typeof import("@sigap/gateway");
const gatewayModule: GatewayModule =
  process.env["SIGAP_BENCH_SOURCE"] === "1"
    ? await import("@sigap/gateway")
    : ((await import(new URL(`../../gateway/${process.env["SIGAP_BENCH_DIST"] ?? "dist"}/index.js`, import.meta.url).href)) as GatewayModule);
const { cliActor, loadConfig, Role, startGateway } = gatewayModule;
const TEST_ACTOR = cliActor("bench");
type Gateway = Awaited<ReturnType<GatewayModule["startGateway"]>>;

/**
 * Rate budgets far above any load the benchmark makes: it measures what counting costs, not
 * refusals (every request comes from one address, which the defaults allow 20 reports an hour).
 */
const BENCH_RATES = JSON.stringify(
  Object.fromEntries(
    ["reports", "messages", "feedback", "lookups", "uploads", "subscriptions"].map((name) => [
      name,
      { perAddress: { points: 1_000_000_000, seconds: 3600 }, perSite: { points: 1_000_000_000, seconds: 3600 } },
    ]),
  ),
);

let gateway: Gateway | null = null;
let profiler: Session | null = null;

const need = (): Gateway => {
  if (!gateway) throw new Error("start the gateway first");
  return gateway;
};

serve({
  async start(args) {
    const config = loadConfig({
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: String(args["databaseUrl"]),
      SIGAP_SECRET: String(args["secret"]),
      SIGAP_DATA_DIR: String(args["dataDir"]),
      SLA_SWEEP_MS: "0",
      LOG_LEVEL: "warn",
      // "off" measures the gateway without rate and cost limits, beside one with them on.
      ...(args["limits"] === "off" ? { SIGAP_LIMITS: "off" } : { SIGAP_RATE_LIMITS: BENCH_RATES }),
      ...(args["redisUrl"] ? { REDIS_URL: String(args["redisUrl"]) } : {}),
      // Notifications on (bench `notify`): mail to the bench's SMTP sink; webhooks may reach its loopback receiver.
      ...(args["smtpUrl"] ? { SMTP_URL: String(args["smtpUrl"]), WEBHOOK_ALLOW_PRIVATE: "1" } : {}),
      ...(args["dispatchMs"] !== undefined ? { NOTIFY_DISPATCH_MS: String(args["dispatchMs"]) } : {}),
      // A gateway started only to dispatch runs at a lower CPU priority, as the README tells operators.
      ...(args["dispatchNice"] !== undefined ? { NOTIFY_DISPATCH_NICE: String(args["dispatchNice"]) } : {}),
    });
    gateway = await startGateway({ config });
    return { url: gateway.url };
  },
  async site(args) {
    const site = await need().services.sites.create({ name: String(args["name"]), unitCode: String(args["unitCode"]), timeZone: "Asia/Jakarta" }, TEST_ACTOR);
    return { id: site.id, siteKey: site.siteKey };
  },
  async agent(args) {
    const services = need().services;
    const agent = await services.agents.create({ siteId: String(args["siteId"]), name: "Bench Agent", email: `bench${Date.now()}${Math.random()}@example.com`, role: args["role"] === "MANAGER" ? Role.MANAGER : Role.AGENT }, TEST_ACTOR);
    return { token: await services.agents.mintToken(agent) };
  },
  /** A webhook endpoint of a site, subscribed to the given event types. */
  async webhook(args) {
    const { endpoint } = await need().services.webhooks.create(String(args["siteId"]), { url: String(args["url"]), eventTypes: args["eventTypes"] as string[] }, TEST_ACTOR);
    return { id: endpoint.id };
  },
  /** Backfills every site's recap rollups (sweep passes until complete); answers the milliseconds it took. */
  async recapBackfill() {
    const t0 = performance.now();
    while (!(await need().services.recapRollup.sweep(60_000)));
    return performance.now() - t0;
  },
  /** One outbox dispatcher pass now; answers the messages attempted. */
  dispatch: () => need().dispatch(),
  stats: () => need().services.live.stats(),
  /** CPU profile of what runs between profileStart and profileStop (bench/profile.ts). */
  async profileStart() {
    profiler = new Session();
    profiler.connect();
    await profiler.post("Profiler.enable");
    await profiler.post("Profiler.start");
    return true;
  },
  async profileStop(args) {
    const { profile } = await profiler!.post("Profiler.stop");
    writeFileSync(String(args["file"]), JSON.stringify(profile));
    profiler!.disconnect();
    return true;
  },
  memory: () => settledMemory(),
  /** This process's id, so the runner can read its resident memory from /proc while it works. */
  pid: () => process.pid,
  async stop() {
    await gateway?.close();
    gateway = null;
    return true;
  },
});
