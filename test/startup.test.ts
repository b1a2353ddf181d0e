import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";

const GATEWAY = fileURLToPath(new URL("../gateway", import.meta.url));
const TSX = join(GATEWAY, "node_modules/.bin/tsx");

/** Runs the gateway's entry point as an operator would, and collects what it says. */
function run(env: Record<string, string>, stopWhen: (out: string) => boolean, ms = 20_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ["src/main.ts"], { cwd: GATEWAY, env: { PATH: process.env["PATH"]!, ...env } });
    let out = "";
    const onData = (d: Buffer) => {
      out += d.toString();
      if (stopWhen(out)) child.kill("SIGTERM");
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    const timer = setTimeout(() => child.kill("SIGKILL"), ms);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe("start-up", () => {
  it("lists every configuration problem at once and exits non-zero", async () => {
    const { code, out } = await run({ NODE_ENV: "production", PORT: "http", DATABASE_URL: "postgres://nope", SLA_SWEEP_MS: "-4" }, () => false);
    expect(code).toBe(78);
    expect(out).toContain("PORT must be a whole number");
    expect(out).toContain("DATABASE_URL must look like mysql://");
    expect(out).toContain("SLA_SWEEP_MS must be a whole number");
    expect(out).not.toMatch(/at .*\.ts:\d+/);
  });

  it("refuses to run in production without a secret", async () => {
    const { code, out } = await run({ NODE_ENV: "production", SIGAP_DATA_DIR: mkdtempSync(join(tmpdir(), "sigap-")) }, () => false);
    expect(code).toBe(78);
    expect(out).toContain("SIGAP_SECRET is required");
  });

  it("retries an unreachable database with backoff, saying so, then gives up with a clear message", async () => {
    const port = await freePort();
    const { code, out } = await run({ DATABASE_URL: `mysql://root@127.0.0.1:${port}/sigap`, DB_CONNECT_ATTEMPTS: "3" }, () => false);
    expect(code).toBe(1);
    expect(out.match(/database not reachable yet; retrying/g)).toHaveLength(2);
    expect(out).toContain("Sigap could not start");
  });

  it("starts on the embedded database when no DATABASE_URL is set, keeping data in its data folder across restarts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sigap-"));
    const port = await freePort();
    const untilReady = (o: string) => o.includes("Sigap gateway ready");
    const first = await run({ SIGAP_DATA_DIR: dir, PORT: String(port) }, untilReady);
    expect(first.out).toContain("Sigap gateway ready");
    expect(first.out).toContain(`sqlite:${join(dir, "sigap.sqlite")}`);
    expect(first.out).toContain("applied database migrations");
    // A second start finds the same database already built: nothing to migrate, same file.
    const second = await run({ SIGAP_DATA_DIR: dir, PORT: String(port) }, untilReady);
    expect(second.out).toContain("Sigap gateway ready");
    expect(second.out).toContain(`sqlite:${join(dir, "sigap.sqlite")}`);
    expect(second.out).not.toContain("applied database migrations");
  });
});

describe("health endpoints", () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw?.close());

  it("lets pages on other origins send the widgets' headers (CORS preflight)", async () => {
    const res = await fetch(`${gw.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://company.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type, x-sigap-site-key, x-sigap-reporter-token" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://company.example");
    const allowed = res.headers.get("access-control-allow-headers")!.split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(["content-type", "authorization", "x-sigap-site-key", "x-sigap-reporter-token"]));
  });

  it("answers /healthz and /readyz", async () => {
    expect(await (await fetch(`${gw.url}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${gw.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });
});
