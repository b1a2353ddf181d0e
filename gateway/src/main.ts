import { pino } from "pino";
import { ConfigError, loadConfig } from "./config.js";
import { startGateway } from "./server.js";

try {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const gateway = await startGateway({ config, log });
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
