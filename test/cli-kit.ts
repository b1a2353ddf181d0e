/**
 * The admin CLI as an operator runs it, for the CLI tests: the compiled `gateway/dist/cli.js` under
 * plain Node, in its own process, with only the environment a test gives it. Compiled rather than
 * through tsx: a tsx start transpiles the whole gateway again (about three times the CPU of a
 * compiled start), and the CLI tests make some hundred runs per pass. `pnpm test` builds the gateway
 * before the integration passes; a lone `vitest run` builds it here when a source file is newer.
 */
import { execFile, spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const GATEWAY = fileURLToPath(new URL("../gateway/", import.meta.url));
const CLI = join(GATEWAY, "dist/cli.js");

/**
 * How long one test of a CLI file may take: each CLI run is a Node process of its own, a second or
 * more when the machine is busy. A limit for the test, not a speed assertion.
 */
export const CLI_RUNS = 180_000;

/** What one CLI run printed and its exit code. */
export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let built = false;

/** Builds the gateway once per test file when `dist/cli.js` is missing or older than a source file. */
function ensureBuilt(): void {
  if (built) return;
  let stale: boolean;
  try {
    stale = statSync(CLI).mtimeMs < newestSource(join(GATEWAY, "src"));
  } catch {
    stale = true;
  }
  if (stale) {
    const r = spawnSync(join(GATEWAY, "node_modules/.bin/tsc"), ["-p", "tsconfig.build.json"], { cwd: GATEWAY, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`building the gateway for the CLI tests failed:\n${r.stdout}${r.stderr}`);
  }
  built = true;
}

function cliEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env["PATH"] ?? "", ...env };
}

/** Runs `sigap <args>` with `env` (DATABASE_URL, SIGAP_DATA_DIR…) and `input` on stdin, and waits for it. */
export function runCli(env: Record<string, string>, args: string[], input = ""): CliRun {
  ensureBuilt();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: GATEWAY, input, env: cliEnv(env), encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/**
 * Runs the CLI without blocking this process, for steps between requests to a gateway the test
 * hosts: a blocked event loop lets the gateway's keep-alive timers and the client's next request collide.
 */
export async function runCliBeside(env: Record<string, string>, args: string[]): Promise<CliRun> {
  ensureBuilt();
  try {
    const r = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd: GATEWAY, env: cliEnv(env), encoding: "utf8" });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, out: failed.stdout ?? "", err: failed.stderr ?? "" };
  }
}
