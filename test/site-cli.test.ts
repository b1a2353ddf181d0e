/**
 * The admin CLI against the suite's database (embedded SQLite, or MariaDB in the MySQL pass):
 * what a site and its agents may not share, said as a CONFLICT an operator can act on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_RUNS, runCli } from "./cli-kit.js";
import { createTestDatabase, type TestDatabase } from "./harness.js";


let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

/** Runs the admin CLI as an operator would, against this test's database. */
function sigap(...args: string[]) {
  return runCli({ DATABASE_URL: db.url }, args);
}

function createSite(name: string, unit: string): string {
  const created = sigap("site:create", "--name", name, "--unit", unit, "--origin", "https://pos.example", "--json");
  expect(created.err).toBe("");
  return (JSON.parse(created.out) as { siteKey: string }).siteKey;
}

describe("site:set --desk-email", { timeout: CLI_RUNS }, () => {
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
  });
});

describe("agent:add --language", { timeout: CLI_RUNS }, () => {
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
  });
});

describe("site:rotate-key, site:uploads and agent:set", { timeout: CLI_RUNS }, () => {
  it("rotate a key with an overlap, change upload limits and an agent through the admin services, refusing what GraphQL refuses", () => {
    const key = createSite("Kantor Pos Tenggarong", "05");
    const rotated = sigap("site:rotate-key", "--site", key, "--overlap-hours", "2", "--json");
    expect(rotated.code).toBe(0);
    const out = JSON.parse(rotated.out) as { siteKey: string; previousSiteKey: string; previousKeyValidUntil: string };
    expect(out.siteKey).toMatch(/^pk_/);
    expect(out.previousSiteKey).toBe(key);
    expect(new Date(out.previousKeyValidUntil).getTime()).toBeGreaterThan(Date.now() + 3_600_000);
    const tooLong = sigap("site:rotate-key", "--site", out.siteKey, "--overlap-hours", "721");
    expect(tooLong.code).toBe(1);
    expect(tooLong.err).toMatch(/overlapHours must be a whole number from 0 to 720/);

    const uploads = sigap("site:uploads", "--site", out.siteKey, "--max-files", "3", "--types", "image/png,application/pdf", "--json");
    expect(uploads.code).toBe(0);
    expect(JSON.parse(uploads.out)).toMatchObject({ maxAttachmentsPerTicket: 3, allowedUploadTypes: ["image/png", "application/pdf"] });
    expect(sigap("site:uploads", "--site", out.siteKey, "--max-files", "21").code).toBe(1);

    expect(sigap("agent:add", "--site", out.siteKey, "--name", "Satu Admin", "--email", "admin@tgr.example", "--role", "ADMIN").code).toBe(0);
    expect(sigap("agent:add", "--site", out.siteKey, "--name", "Teknisi", "--email", "tek@tgr.example", "--role", "AGENT").code).toBe(0);
    const set = sigap("agent:set", "--site", out.siteKey, "--email", "tek@tgr.example", "--role", "specialist", "--regions", "Tenggarong, Loa Kulu", "--skills", "radio", "--json");
    expect(set.code).toBe(0);
    expect(JSON.parse(set.out)).toMatchObject({ agent: { role: "SPECIALIST", regions: ["Tenggarong", "Loa Kulu"], skills: ["radio"] } });
    const last = sigap("agent:set", "--site", out.siteKey, "--email", "admin@tgr.example", "--role", "MANAGER", "--json");
    expect(last.code).toBe(1);
    expect(JSON.parse(last.err)).toMatchObject({ error: { code: "CONFLICT" } });
    expect(sigap("agent:deactivate", "--site", out.siteKey, "--email", "admin@tgr.example").code).toBe(1);
  });
});
