/** The gateway under benchmark, in its own process: the real startGateway, driven over IPC. */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { loadConfig, Role, startGateway, type Gateway } from "@sigap/gateway";
import { serve, settledMemory } from "./ipc.js";

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
      ...(args["redisUrl"] ? { REDIS_URL: String(args["redisUrl"]) } : {}),
    });
    gateway = await startGateway({ config });
    return { url: gateway.url };
  },
  async site(args) {
    const site = await need().services.sites.create({ name: String(args["name"]), unitCode: String(args["unitCode"]), timeZone: "Asia/Jakarta" });
    return { id: site.id, siteKey: site.siteKey };
  },
  async agent(args) {
    const services = need().services;
    const agent = await services.agents.create({ siteId: String(args["siteId"]), name: "Bench Agent", email: `bench${Date.now()}${Math.random()}@example.com`, role: Role.AGENT });
    return { token: await services.agents.mintToken(agent) };
  },
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
  async stop() {
    await gateway?.close();
    gateway = null;
    return true;
  },
});
