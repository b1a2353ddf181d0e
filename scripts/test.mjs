#!/usr/bin/env node
// The project's whole test run: lint, typecheck, the gateway's unit tests (including the schema
// contract) and build, beside the widgets (operation types and manifest up to date, no hand copies
// of gateway rules, unit tests, build, size budget); then the
// integration suite through HTTP and WebSocket on embedded SQLite and on MySQL/MariaDB (the two
// passes side by side), and the browser suite in Chromium (started when the SQLite pass ends, beside
// the MySQL pass); each pass's output is printed whole when it ends. Ends with one "N passed, N failed" line.
//
// Chromium: CHROMIUM_PATH (default /usr/bin/chromium). Without it the browser suite is skipped
// with a notice, unless SIGAP_REQUIRE_BROWSER=1 (CI sets it and installs Debian's chromium).
//
// MariaDB: SIGAP_TEST_MYSQL_URL (default mysql://root@127.0.0.1:3306). When it cannot be
// reached the MySQL pass is skipped with a notice, unless SIGAP_REQUIRE_MYSQL=1 (CI sets it).
// The scale-out tests (test/scaleout.test.ts: several gateways on one MariaDB and one Redis)
// run in the MySQL pass when Redis answers at SIGAP_TEST_REDIS_URL (default
// redis://127.0.0.1:6379); without Redis they are left out with a notice, unless
// SIGAP_REQUIRE_REDIS=1 (CI sets it).
//
// IMAP: test/imap.test.ts starts Debian's Dovecot (DOVECOT_PATH, default /usr/sbin/dovecot; package
// dovecot-imapd). Without it that file is left out of both passes with a notice, unless
// SIGAP_REQUIRE_IMAP=1 (CI sets it and installs the package).
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), "sigap-results-"));
const mysqlUrl = process.env.SIGAP_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306";
const redisUrl = process.env.SIGAP_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const SCALE_OUT = "scaleout.test.ts";
const IMAP = "imap.test.ts";
const dovecot = process.env.DOVECOT_PATH ?? "/usr/sbin/dovecot";
const totals = { passed: 0, failed: 0, skipped: 0 };
const timings = [];
const failures = [];
let failedSteps = 0;

/**
 * Runs one step. Alone (no lane) its output goes straight to the terminal; in a lane (steps that
 * run beside another lane) it is kept in the lane's buffer and printed whole when the lane ends.
 */
async function step(name, cmd, args, opts = {}, lane = null) {
  const started = Date.now();
  const env = { ...process.env, ...opts.env, ...(lane ? { FORCE_COLOR: "0" } : {}) };
  const child = spawn(cmd, args, { cwd: root, ...opts, env, stdio: lane ? ["ignore", "pipe", "pipe"] : "inherit" });
  if (lane) {
    lane.push(`\n── ${name} ──\n`);
    child.stdout.on("data", (chunk) => lane.push(chunk));
    child.stderr.on("data", (chunk) => lane.push(chunk));
  } else {
    console.log(`\n── ${name} ──`);
  }
  const status = await new Promise((resolve) => {
    child.on("error", (error) => {
      (lane ?? []).push(`${error.message}\n`);
      if (!lane) console.error(error.message);
      resolve(1);
    });
    child.on("close", (code) => resolve(code));
  });
  timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)}s${lane ? " (beside the other lane)" : ""}`);
  if (status !== 0) failedSteps++;
  return status === 0;
}

/** Runs steps one after another in a lane beside other lanes; prints their output when all have ended, lane by lane. */
async function lanes(...bodies) {
  const buffers = bodies.map(() => []);
  const results = await Promise.all(bodies.map((body, i) => body(buffers[i])));
  for (const buffer of buffers) for (const chunk of buffer) process.stdout.write(chunk);
  return results;
}

function count(name, file, ok) {
  try {
    const r = JSON.parse(readFileSync(file, "utf8"));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    if (!ok && r.numFailedTests === 0) failures.push(`${name}: vitest exited non-zero though no test failed (an unhandled error or a failed file: see its output)`);
    for (const suite of r.testResults ?? []) {
      for (const t of suite.assertionResults ?? []) {
        if (t.status !== "failed") continue;
        const why = String(t.failureMessages?.[0] ?? "").split("\n")[0].slice(0, 300);
        failures.push(`${name} › ${relative(root, suite.name)} › ${t.fullName}\n    ${why}`);
      }
      if (suite.status === "failed" && !(suite.assertionResults ?? []).length) {
        failures.push(`${name} › ${relative(root, suite.name)}\n    ${String(suite.message ?? "").split("\n")[0].slice(0, 300)}`);
      }
    }
  } catch {
    console.error(`\n${name}: no test results were written.`);
    if (ok) failedSteps++;
    totals.failed++;
  }
}

function vitestArgs(file, extra) {
  return ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`, ...extra];
}

async function vitest(name, dir, json, env = {}, extra = [], lane = null) {
  const file = join(out, json);
  const ok = await step(name, join(root, dir, "node_modules/.bin/vitest"), vitestArgs(file, extra), { cwd: join(root, dir), env }, lane);
  count(name, file, ok);
}

/**
 * Starts a vitest pass in the background with its output kept in a log, printed whole when
 * {@link finish} is awaited, so two passes that run side by side don't interleave their lines.
 */
function vitestBeside(name, dir, json, env = {}, extra = []) {
  const file = join(out, json);
  const log = join(out, `${json}.log`);
  const started = Date.now();
  const sink = createWriteStream(log);
  const child = spawn(join(root, dir, "node_modules/.bin/vitest"), vitestArgs(file, extra), { cwd: join(root, dir), env: { ...process.env, ...env, FORCE_COLOR: "0" } });
  child.stdout.pipe(sink, { end: false });
  child.stderr.pipe(sink, { end: false });
  const done = new Promise((resolve) => child.on("close", (status) => sink.end(() => resolve(status))));
  return {
    /** Settles when the pass's process has ended. */
    done,
    async finish() {
      const status = await done;
      console.log(`\n── ${name} ──`);
      process.stdout.write(readFileSync(log, "utf8"));
      timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)}s (beside the other pass)`);
      if (status !== 0) failedSteps++;
      count(name, file, status === 0);
    },
  };
}

function reachable(url, defaultPort = 3306) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const s = connect({ host: hostname, port: Number(port || defaultPort) }, () => {
      s.end();
      resolve(true);
    });
    s.on("error", () => resolve(false));
    s.setTimeout(2000, () => {
      s.destroy();
      resolve(false);
    });
  });
}

// The checks before the integration passes run in two lanes side by side, one per core: the
// gateway's (lint, typechecks, build, unit tests) and the widgets' (contract checks, unit tests,
// build, size budget). The CLI tests run the compiled CLI (test/cli-kit.ts): the gateway is built here.
const widgets = join(root, "widgets");
const [, built] = await lanes(
  async (lane) => {
    await step("lint (biome, zero warnings)", join(root, "node_modules/.bin/biome"), ["lint", "--error-on-warnings"], {}, lane);
    for (const [dir, config] of [["gateway", "tsconfig.json"], ["test", "tsconfig.json"], ["test", "browser/tsconfig.json"]]) {
      await step(`typecheck ${dir}/${config}`, join(root, dir, "node_modules/.bin/tsc"), ["-p", config, "--noEmit"], { cwd: join(root, dir) }, lane);
    }
    await step("gateway: build (the CLI tests run dist/cli.js)", join(root, "gateway/node_modules/.bin/tsc"), ["-p", "tsconfig.build.json"], { cwd: join(root, "gateway") }, lane);
    await vitest("gateway unit tests", "gateway", "unit.json", {}, [], lane);
  },
  async (lane) => {
    await step("widgets: operation types and custom-elements manifest up to date, typecheck", "sh", ["-c", "node codegen.mjs --check && node scripts/manifest.mjs --check && node_modules/.bin/tsc -p tsconfig.json --noEmit"], { cwd: widgets }, lane);
    await step("widgets: no hand copies of the gateway's rules (issue 8)", "node", ["scripts/no-rule-copies.mjs"], { cwd: widgets }, lane);
    await vitest("widgets unit tests", "widgets", "widgets.json", {}, [], lane);
    const ok = await step("widgets: build", "node_modules/.bin/vite", ["build", "--logLevel", "warn"], { cwd: widgets }, lane);
    if (ok) await step("widgets: size budget", "node", ["scripts/size.mjs"], { cwd: widgets }, lane);
    return ok;
  },
);
const noImap = [];
if (!existsSync(dovecot)) {
  if (process.env.SIGAP_REQUIRE_IMAP === "1") {
    console.error(`\nNo Dovecot at ${dovecot} for the IMAP tests, and SIGAP_REQUIRE_IMAP=1.`);
    failedSteps++;
  } else {
    console.log(`\n── IMAP tests left out: no Dovecot at ${dovecot} (apt-get install dovecot-imapd, or set DOVECOT_PATH) ──`);
  }
  noImap.push(`--exclude=${IMAP}`);
}
// The two integration passes run side by side: each spends most of its time waiting on sockets and
// timers, so two fit on two cores in little more than the longer one's time.
const passesStarted = Date.now();
const passes = [vitestBeside("integration on embedded SQLite", "test", "sqlite.json", { SIGAP_TEST_DB: "sqlite" }, [`--exclude=${SCALE_OUT}`, ...noImap])];
if (await reachable(mysqlUrl)) {
  const extra = [...noImap];
  if (!(await reachable(redisUrl, 6379))) {
    if (process.env.SIGAP_REQUIRE_REDIS === "1") {
      console.error(`\nRedis is not reachable at ${redisUrl}, and SIGAP_REQUIRE_REDIS=1.`);
      failedSteps++;
    } else {
      console.log(`\n── scale-out tests left out: nothing listens at ${redisUrl} (set SIGAP_TEST_REDIS_URL) ──`);
    }
    extra.push(`--exclude=${SCALE_OUT}`);
  }
  passes.push(vitestBeside("integration on MySQL/MariaDB (with Redis for scale-out)", "test", "mysql.json", { SIGAP_TEST_DB: "mysql", SIGAP_TEST_MYSQL_URL: mysqlUrl, SIGAP_TEST_REDIS_URL: redisUrl }, extra));
} else if (process.env.SIGAP_REQUIRE_MYSQL === "1") {
  console.error(`\nMySQL/MariaDB is not reachable at ${mysqlUrl}, and SIGAP_REQUIRE_MYSQL=1.`);
  failedSteps++;
} else {
  console.log(`\n── MySQL/MariaDB pass skipped: nothing listens at ${mysqlUrl} (set SIGAP_TEST_MYSQL_URL) ──`);
}
// The browser suite starts when the SQLite pass ends, beside the MySQL pass (the longer one):
// three passes at once would crowd two cores, and Chromium wants its share.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const browserReady = built && existsSync(chromium);
const browserPass = passes[0].done.then(() => (browserReady ? vitestBeside("browser tests (Chromium, embedded SQLite)", "test", "browser.json", { SIGAP_TEST_SUITE: "browser", CHROMIUM_PATH: chromium }) : null));
console.log(`\n── integration passes running side by side, then the browser suite beside the MySQL pass (output follows when each ends) ──`);
for (const pass of passes) await pass.finish();
timings.push(`integration passes together: ${((Date.now() - passesStarted) / 1000).toFixed(1)}s`);
const browser = await browserPass;
if (browser) {
  await browser.finish();
} else if (process.env.SIGAP_REQUIRE_BROWSER === "1") {
  console.error(`\nThe browser suite cannot run: ${built ? `no Chromium at ${chromium}` : "the widgets did not build"}, and SIGAP_REQUIRE_BROWSER=1.`);
  failedSteps++;
} else {
  console.log(`\n── browser tests skipped: ${built ? `no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)` : "the widgets did not build"} ──`);
}
timings.push(`integration and browser passes together: ${((Date.now() - passesStarted) / 1000).toFixed(1)}s`);

console.log(`\n${timings.join("\n")}`);
if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ${f}`).join("\n")}\n`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(failedSteps || totals.failed ? 1 : 0);
