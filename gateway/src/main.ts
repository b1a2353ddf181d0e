import { pino } from "pino";
import { ConfigError, loadConfig } from "./config.js";
import { seedDemo } from "./modules/sites/demo-seed.js";
import { startGateway } from "./server.js";

try {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const gateway = await startGateway({ config, log });
  if (config.demo) {
    const { site } = await seedDemo(gateway.services, { origins: [`http://localhost:${gateway.port}`, `http://127.0.0.1:${gateway.port}`], incidents: true });
    log.info({ siteKey: site.siteKey, pages: `http://localhost:${gateway.port}/demo/` }, "demo site ready");
  }
  const stop = (signal: string) => {
    log.info({ signal }, "shutting down");
    gateway.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  console.error("Sigap could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
}
