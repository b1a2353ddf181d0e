#!/usr/bin/env node
// The project's whole test run: typecheck, the gateway's unit tests (including the schema
// contract), then the integration suite through HTTP and WebSocket on embedded SQLite and on
// MySQL/MariaDB. Ends with one "N passed, N failed" line.
//
// MariaDB: SIGAP_TEST_MYSQL_URL (default mysql://root@127.0.0.1:3306). When it cannot be
// reached the MySQL pass is skipped with a notice, unless SIGAP_REQUIRE_MYSQL=1 (CI sets it).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), "sigap-results-"));
const mysqlUrl = process.env.SIGAP_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306";
const totals = { passed: 0, failed: 0, skipped: 0 };
const timings = [];
let failedSteps = 0;

function step(name, cmd, args, opts = {}) {
  console.log(`\n── ${name} ──`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts, env: { ...process.env, ...opts.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name}: ${seconds}s`);
  if (r.status !== 0) failedSteps++;
  return r.status === 0;
}

function vitest(name, dir, json, env = {}) {
  const file = join(out, json);
  const ok = step(name, join(root, dir, "node_modules/.bin/vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`], { cwd: join(root, dir), env });
  try {
    const r = JSON.parse(readFileSync(file, "utf8"));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
  } catch {
    if (ok) failedSteps++;
    totals.failed++;
  }
}

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const s = connect({ host: hostname, port: Number(port || 3306) }, () => {
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

for (const dir of ["gateway", "test"]) {
  step(`typecheck ${dir}`, join(root, dir, "node_modules/.bin/tsc"), ["-p", "tsconfig.json", "--noEmit"], { cwd: join(root, dir) });
}
vitest("gateway unit tests", "gateway", "unit.json");
vitest("integration on embedded SQLite", "test", "sqlite.json", { SIGAP_TEST_DB: "sqlite" });
if (await reachable(mysqlUrl)) {
  vitest("integration on MySQL/MariaDB", "test", "mysql.json", { SIGAP_TEST_DB: "mysql", SIGAP_TEST_MYSQL_URL: mysqlUrl });
} else if (process.env.SIGAP_REQUIRE_MYSQL === "1") {
  console.error(`\nMySQL/MariaDB is not reachable at ${mysqlUrl}, and SIGAP_REQUIRE_MYSQL=1.`);
  failedSteps++;
} else {
  console.log(`\n── MySQL/MariaDB pass skipped: nothing listens at ${mysqlUrl} (set SIGAP_TEST_MYSQL_URL) ──`);
}

console.log(`\n${timings.join("\n")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(failedSteps || totals.failed ? 1 : 0);
