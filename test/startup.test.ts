import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";

const GATEWAY = fileURLToPath(new URL("../gateway", import.meta.url));
const TSX = join(GATEWAY, "node_modules/.bin/tsx");

/** How to run the gateway: its TypeScript entry under tsx (the default) or the compiled one, and as whom. */
interface RunAs {
  command?: string;
  args?: string[];
  /** Runs as this user and group id (root ignores permission bits, so tests drop to nobody). */
  uid?: number;
}

/** Runs the gateway's entry point as an operator would, and collects what it says. */
function run(env: Record<string, string>, stopWhen: (out: string) => boolean, ms = 20_000, as: RunAs = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(as.command ?? TSX, as.args ?? ["src/main.ts"], {
      cwd: GATEWAY,
      env: { PATH: process.env["PATH"]!, ...env },
      ...(as.uid === undefined ? {} : { uid: as.uid, gid: as.uid }),
    });
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
    const { code, out } = await run({ NODE_ENV: "production", PORT: "http", DATABASE_URL: "postgres://nope", SLA_SWEEP_MS: "-4", NOTIFY_DISPATCH_NICE: "25" }, () => false);
    expect(code).toBe(78);
    expect(out).toContain("PORT must be a whole number");
    expect(out).toContain("DATABASE_URL must look like mysql://");
    expect(out).toContain("SLA_SWEEP_MS must be a whole number");
    expect(out).toContain('NOTIFY_DISPATCH_NICE must be a whole number from 0 to 19, got "25"');
    expect(out).not.toMatch(/at .*\.ts:\d+/);
  });

  it("refuses to run in production without a secret", async () => {
    const { code, out } = await run({ NODE_ENV: "production", SIGAP_DATA_DIR: mkdtempSync(join(tmpdir(), "sigap-")) }, () => false);
    expect(code).toBe(78);
    expect(out).toContain("SIGAP_SECRET is required");
  });

  it("names a data folder it cannot write to in the configuration message (exit 78), not a raw EACCES", async () => {
    const parent = mkdtempSync(join(tmpdir(), "sigap-ro-"));
    chmodSync(parent, 0o755);
    const dir = join(parent, "data");
    mkdirSync(dir, { mode: 0o555 });
    chmodSync(dir, 0o555);
    // Root writes through permission bits, so as root the gateway runs as nobody.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534 } : {};
    const { code, out } = await run({ SIGAP_DATA_DIR: dir, NODE_ENV: "production", SIGAP_SECRET: "s".repeat(40) }, () => false, 20_000, asNobody);
    expect(code).toBe(78);
    expect(out).toContain("Sigap cannot start; fix the configuration");
    expect(out).toContain(`SIGAP_DATA_DIR (${dir}) must be a folder Sigap can write to`);
    expect(out).not.toMatch(/at .*\.(ts|js):\d+/);
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

describe("production start", () => {
  it("builds with tsc, serves from the compiled main.js (decorators, migrations and all) and stops cleanly on SIGTERM", async () => {
    // Into a folder of its own beside dist/: the other database's pass runs dist/cli.js meanwhile,
    // and a rebuild of dist/ under it would hand it half-written modules.
    const outDir = mkdtempSync(join(GATEWAY, ".dist-startup-"));
    onTestFinished(() => rmSync(outDir, { recursive: true, force: true }));
    const build = spawnSync(join(GATEWAY, "node_modules/.bin/tsc"), ["-p", "tsconfig.build.json", "--outDir", outDir], { cwd: GATEWAY, encoding: "utf8" });
    expect(build.stdout + build.stderr).toBe("");
    expect(build.status).toBe(0);
    const port = await freePort();
    const child = spawn(process.execPath, [join(outDir, "main.js")], {
      cwd: GATEWAY,
      env: { PATH: process.env["PATH"]!, SIGAP_DATA_DIR: mkdtempSync(join(tmpdir(), "sigap-dist-")), PORT: String(port), NODE_ENV: "production", SIGAP_SECRET: "d".repeat(40) },
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      let out = "";
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not ready in time:\n${out}`)), 60_000);
        const onData = (d: Buffer) => {
          out += d.toString();
          if (out.includes("Sigap gateway ready")) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout.on("data", onData);
        child.stderr.on("data", onData);
        void exited.then((code) => reject(new Error(`exited with ${code}:\n${out}`)));
      });
      expect(out).toContain("applied database migrations");
      // Something that needs the schema (decorators) and the database (migrations) to answer.
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-sigap-site-key": "pk_nope" },
        body: JSON.stringify({ query: "{ site { name } }" }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-request-id")).toBeTruthy();
      // An unknown site key is refused with a typed client error (not a masked fault).
      const code = ((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code;
      expect(["UNAUTHENTICATED", "NOT_FOUND"]).toContain(code);
      // SIGTERM drains and closes everything, then exits cleanly (not 143 from a re-raised signal).
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    }
  }, 120_000);
});
