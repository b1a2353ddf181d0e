/**
 * The admin CLI against the suite's database (embedded SQLite, or MariaDB in the MySQL pass):
 * what a site and its agents may not share, said as a CONFLICT an operator can act on.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./harness.js";

const GATEWAY = fileURLToPath(new URL("../gateway", import.meta.url));

// Each CLI run starts tsx afresh (seconds on a busy machine): a limit for the test, not a speed assertion.
const CLI_RUNS = 180_000;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

/** Runs the admin CLI as an operator would, against this test's database. */
function sigap(...args: string[]) {
  const r = spawnSync(join(GATEWAY, "node_modules/.bin/tsx"), ["src/cli.ts", ...args], {
    cwd: GATEWAY,
    env: { PATH: process.env["PATH"]!, DATABASE_URL: db.url },
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function createSite(name: string, unit: string): string {
  const created = sigap("site:create", "--name", name, "--unit", unit, "--origin", "https://pos.example", "--json");
  expect(created.err).toBe("");
  return (JSON.parse(created.out) as { siteKey: string }).siteKey;
}

describe("site:set --desk-email", () => {
  it("refuses an address another site holds with a CONFLICT naming that site, and exits non-zero", () => {
    const samarinda = createSite("Kantor Pos Samarinda", "02");
    const balikpapan = createSite("Kantor Pos Balikpapan", "03");
    expect(sigap("site:set", "--site", samarinda, "--desk-email", "helpdesk@pos.example").code).toBe(0);
    // The same address again on its own site changes nothing and is fine.
    expect(sigap("site:set", "--site", samarinda, "--desk-email", "HelpDesk@pos.example").code).toBe(0);

    const clash = sigap("site:set", "--site", balikpapan, "--desk-email", "Helpdesk@Pos.Example");
    expect(clash.code).toBe(1);
    expect(clash.err).toBe(
      `error: The desk e-mail helpdesk@pos.example already belongs to the site "Kantor Pos Samarinda" (${samarinda}); mail to a desk address opens tickets on one site only. Give this site another address, or remove it there first (--desk-email none).\n`,
    );
    const json = sigap("site:set", "--site", balikpapan, "--desk-email", "helpdesk@pos.example", "--json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.err)).toMatchObject({ error: { code: "CONFLICT" } });

    // Once the first site lets go of it, the second may have it.
    expect(sigap("site:set", "--site", samarinda, "--desk-email", "none").code).toBe(0);
    const moved = sigap("site:set", "--site", balikpapan, "--desk-email", "helpdesk@pos.example", "--json");
    expect(moved.code).toBe(0);
    expect(JSON.parse(moved.out)).toMatchObject({ settings: { deskEmail: "helpdesk@pos.example" } });
  }, CLI_RUNS);
});

describe("agent:add --language", () => {
  it("gives the agent the language asked for, else the site's, and names a language Sigap does not write", () => {
    const site = createSite("Kantor Pos Bontang", "04");
    expect(sigap("site:set", "--site", site, "--language", "en").code).toBe(0);
    const add = (...more: string[]) => sigap("agent:add", "--site", site, "--name", "Dewi", "--role", "AGENT", "--json", ...more);
    const dewi = add("--email", "dewi@pos.example", "--language", "ID");
    expect(dewi.code).toBe(0);
    expect(JSON.parse(dewi.out)).toMatchObject({ email: "dewi@pos.example", language: "id" });
    const emma = add("--email", "emma@pos.example");
    expect(JSON.parse(emma.out)).toMatchObject({ email: "emma@pos.example", language: "en" });
    const bad = sigap("agent:add", "--site", site, "--name", "Fritz", "--role", "AGENT", "--email", "fritz@pos.example", "--language", "de");
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('error: language must be id or en, got "de"\n');
  }, CLI_RUNS);
});
