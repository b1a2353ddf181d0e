import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, startGateway, type Gateway } from "@sigap/gateway";
import { CLI_RUNS, runCli, runCliBeside } from "./cli-kit.js";
import { createTestDatabase, type TestDatabase } from "./harness.js";

const dataDir = mkdtempSync(join(tmpdir(), "sigap-cli-"));
let db: TestDatabase;
/** The CLI's environment: the suite's database (embedded SQLite, or MariaDB in the MySQL pass) and a data folder. */
const env = () => ({ DATABASE_URL: db.url, SIGAP_DATA_DIR: dataDir });

/** Runs the admin CLI as an operator would, against this test's database. */
function sigap(...args: string[]) {
  return runCli(env(), args);
}

/** Runs the CLI with `input` on its stdin. */
function sigapWithInput(input: string, ...args: string[]) {
  return runCli(env(), args, input);
}

/** Runs the CLI without blocking the gateway this file hosts. */
function sigapBeside(...args: string[]) {
  return runCliBeside(env(), args);
}

describe("the admin CLI", { timeout: CLI_RUNS }, () => {
  let siteKey: string;
  let gateway: Gateway;
  beforeAll(async () => {
    db = await createTestDatabase();
    const created = sigap("site:create", "--name", "Kantor Pos Samarinda", "--unit", "02", "--origin", "https://pos.example", "--json");
    expect(created.code).toBe(0);
    siteKey = (JSON.parse(created.out) as { siteKey: string }).siteKey;
  });
  afterAll(async () => {
    await gateway?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates a site, a group and an agent, and mints a token the gateway accepts", async () => {
    expect(sigap("group:add", "--site", siteKey, "--name", "Service Desk", "--level", "1").code).toBe(0);
    expect(sigap("agent:add", "--site", siteKey, "--name", "Siti Aminah", "--email", "siti@pos.example", "--role", "AGENT", "--group", "Service Desk").code).toBe(0);
    const minted = sigap("agent:token", "--site", siteKey, "--email", "siti@pos.example");
    expect(minted.code).toBe(0);
    const token = minted.out.trim();
    expect(token.split(".")).toHaveLength(3);

    gateway = await startGateway({ config: loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", DATABASE_URL: db.url, SIGAP_DATA_DIR: dataDir, SLA_SWEEP_MS: "0", LOG_LEVEL: "silent" }) });
    const res = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ me { name role } }" }),
    });
    expect(await res.json()).toEqual({ data: { me: { name: "Siti Aminah", role: "AGENT" } } });
  });

  it("sets a password from stdin with agent:password, which signIn then accepts; agent:deactivate ends it", async () => {
    expect(sigapWithInput("too short\n", "agent:password", "--site", siteKey, "--email", "siti@pos.example").err).toMatch(/at least 10 characters/);
    expect(sigapWithInput("ayam goreng kremes\n", "agent:password", "--site", siteKey, "--email", "siti@pos.example").code).toBe(0);
    const signIn = () =>
      fetch(`${gateway.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-sigap-site-key": siteKey },
        body: JSON.stringify({ query: `mutation { signIn(email: "siti@pos.example", password: "ayam goreng kremes") { agent { name } } }` }),
      }).then((r) => r.json());
    expect(await signIn()).toEqual({ data: { signIn: { agent: { name: "Siti Aminah" } } } });
    expect((await sigapBeside("agent:deactivate", "--site", siteKey, "--email", "siti@pos.example")).code).toBe(0);
    expect(await signIn()).toMatchObject({ errors: [{ extensions: { code: "UNAUTHENTICATED" } }] });
  });

  it("refuses bad input and duplicates with a message, not a stack trace", () => {
    const bad = sigap("agent:add", "--site", siteKey, "--name", "X", "--email", "not-an-email", "--role", "AGENT");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/e-mail/);
    sigap("service:add", "--site", siteKey, "--name", "PosPay");
    const dup = sigap("service:add", "--site", siteKey, "--name", "PosPay");
    expect(dup.code).toBe(1);
    expect(dup.err).toMatch(/already/i);
    expect(dup.err + bad.err).not.toMatch(/\n\s+at /);
  });

  it("changes a site's settings with site:set and names every bad value", () => {
    const ok = sigap("site:set", "--site", siteKey, "--queue-order", "arrival", "--reopen-closed-within-days", "7", "--reporter-sets-impact", "true", "--desk-email", "Helpdesk@Pos.Example", "--reporter-mail", "resolved,closed", "--scheduled-recaps", "false", "--json");
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.out) as { mail: Record<string, unknown> }).mail).toMatchObject({ language: "id", reporterMailEvents: ["resolved", "closed"] });
    expect((JSON.parse(ok.out) as { settings: Record<string, unknown> }).settings).toEqual({
      reporterSetsImpact: true,
      defaultImpact: "MEDIUM",
      queueOrder: "ARRIVAL",
      reopenClosedWithinDays: 7,
      autoCloseHours: 72,
      deskEmail: "helpdesk@pos.example",
      retentionMonths: null,
      scheduledRecaps: false,
    });
    // Handling and mail settings are checked together: every bad value is named, and none is written.
    const bad = sigap("site:set", "--site", siteKey, "--queue-order", "LIFO", "--reopen-closed-within-days=-1", "--language", "fr");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/queueOrder must be one of DUE_TIME, ARRIVAL/);
    expect(bad.err).toMatch(/language must be id or en/);
    expect(bad.err).toMatch(/reopenClosedWithinDays/);
    expect(sigap("site:set", "--site", siteKey, "--desk-email", "not an address").err).toMatch(/deskEmail must be/);
    expect(bad.err).not.toMatch(/\n\s+at /);
  });

  it("sets a site's SLA ladder with site:ladder and names every bad step", () => {
    const ok = sigap("site:ladder", "--site", siteKey, "--set", "RESOLUTION=50:WARN_ASSIGNEE,75:WARN_GROUP+SUPERVISOR,100:ESCALATE,200:ALERT_MANAGER");
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/RESPONSE\s+50:WARN_ASSIGNEE,75:WARN_GROUP\+WARN_SUPERVISOR,100:ESCALATE\+ALERT_SUPERVISOR,150:ALERT_MANAGER/);
    expect(ok.out).toMatch(/RESOLUTION\s+50:WARN_ASSIGNEE,75:WARN_GROUP\+WARN_SUPERVISOR,100:ESCALATE,200:ALERT_MANAGER/);
    const bad = sigap("site:ladder", "--site", siteKey, "--set", "RESPONSE=75:WARN_GROUP,50:WARN_EVERYONE", "--set", "LATER=50:ESCALATE");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/"WARN_EVERYONE" is not an action/);
    expect(bad.err).toMatch(/--set "LATER=50:ESCALATE" must start with RESPONSE= or RESOLUTION=/);
    expect(bad.err).not.toMatch(/\n\s+at /);
  });

  it("sets business hours with site:hours and imports Indonesia's holidays with site:holidays", () => {
    const hours = sigap("site:hours", "--site", siteKey, "--set", "mon-fri 08:00-12:00,13:00-17:00; SAT 08:00-12:00", "--round-the-clock", "P1,P2", "--json");
    expect(hours.code).toBe(0);
    expect(JSON.parse(hours.out)).toMatchObject({ timeZone: "Asia/Jakarta", hours: "MON-FRI 08:00-12:00,13:00-17:00; SAT 08:00-12:00", roundTheClock: ["P1", "P2"] });
    const bad = sigap("site:hours", "--site", siteKey, "--set", "MON 08:00-17:00; FUNDAY 09:00-10:00", "--round-the-clock", "P7");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/"P7" is not a priority/);
    expect(bad.err).not.toMatch(/\n\s+at /);

    const imported = sigap("site:holidays", "--site", siteKey, "--import", "id", "--year", "2026", "--cuti-bersama", "--add", "2026-12-31=Tutup buku", "--remove", "2026-05-15");
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/2026-08-17\s+Hari Kemerdekaan Republik Indonesia/);
    expect(imported.out).toMatch(/2026-12-31\s+Tutup buku/);
    expect(imported.out).not.toMatch(/2026-05-15/);
    expect(imported.out).toMatch(/SKB 3 Menteri/);
    const listed = sigap("site:holidays", "--site", siteKey, "--year", "2026", "--json");
    // 17 national holidays and 8 cuti bersama, one of them removed, one day added.
    expect((JSON.parse(listed.out) as { holidays: unknown[] }).holidays).toHaveLength(25);
  });

  it("sets how a site's reporter tokens verify with site:identity, and refuses a short secret", () => {
    const set = sigap("site:identity", "--site", siteKey, "--jwks-url", "https://pos.example/.well-known/jwks.json", "--json");
    expect(set.code, set.err).toBe(0);
    expect(JSON.parse(set.out).reporterTokens).toEqual({ mode: "JWKS", jwksUrl: "https://pos.example/.well-known/jwks.json" });
    const short = sigap("site:identity", "--site", siteKey, "--secret", "too-short");
    expect(short.code).toBe(1);
    expect(short.err).toMatch(/32–200 characters/);
  });

  it("leaves uniqueness to the services: a duplicate group or agent is a CONFLICT from them", () => {
    expect(sigap("group:add", "--site", siteKey, "--name", "Field Technicians", "--level", "2").code).toBe(0);
    const group = sigap("group:add", "--site", siteKey, "--name", "Field Technicians", "--level", "2");
    expect(group.code).toBe(1);
    expect(group.err).toMatch(/already has a support group named "Field Technicians"/);
    expect(sigap("agent:add", "--site", siteKey, "--name", "Rina", "--email", "rina@pos.example", "--role", "AGENT").code).toBe(0);
    const agent = sigap("agent:add", "--site", siteKey, "--name", "Rina", "--email", "RINA@pos.example", "--role", "AGENT");
    expect(agent.code).toBe(1);
    expect(agent.err).toMatch(/already has an agent with the e-mail rina@pos.example/);
  });

  it("renames, translates and retires the catalogue with service:*, category:* and group:*, as the README shows them", () => {
    const json = <T>(...args: string[]): T => {
      const r = sigap(...args, "--json");
      expect(r.err).toBe("");
      return JSON.parse(r.out) as T;
    };
    type Item = { id: string; names: Array<{ language: string; name: string; help: string | null }>; retired: boolean };
    const added = json<Item>("service:add", "--site", siteKey, "--name", "Surat Elektronik", "--description", "Kotak surat kantor");
    expect(added.names).toEqual([{ language: "id", name: "Surat Elektronik", help: "Kotak surat kantor" }]);
    // A language the service lacks is a translation; the Indonesian name stays.
    const translated = json<Item>("service:rename", "--site", siteKey, "--service", "surat elektronik", "--language", "en", "--name", "E-mail");
    expect(translated.names.map((n) => `${n.language}:${n.name}`)).toEqual(["id:Surat Elektronik", "en:E-mail"]);
    expect(json<{ retired: boolean }>("service:retire", "--site", siteKey, "--service", "E-mail").retired).toBe(true);

    const parent = json<Item>("category:add", "--site", siteKey, "--name", "Perangkat Keras");
    json<Item>("category:add", "--site", siteKey, "--name", "Kabel", "--parent", "perangkat keras");
    expect(json<Item>("category:rename", "--site", siteKey, "--category", "Kabel", "--language", "en", "--name", "Cabling").names.map((n) => n.name)).toEqual(["Kabel", "Cabling"]);
    const busy = sigap("category:retire", "--site", siteKey, "--category", "Perangkat Keras");
    expect(busy.code).toBe(1);
    expect(busy.err).toMatch(/1 sub-category in use/);

    json("group:add", "--site", siteKey, "--name", "Teknisi Lapangan", "--level", "2");
    expect(sigap("agent:add", "--site", siteKey, "--name", "Rudi", "--email", "rudi@pos.example", "--role", "AGENT", "--group", "Teknisi Lapangan").code).toBe(0);
    const held = sigap("group:retire", "--site", siteKey, "--group", "teknisi lapangan");
    expect(held.code).toBe(1);
    expect(held.err).toMatch(/1 active agent/);
    expect(json<{ name: string; level: number }>("group:set", "--site", siteKey, "--group", "teknisi lapangan", "--name", "Dukungan Lapangan", "--level", "1")).toMatchObject({ name: "Dukungan Lapangan", level: 1 });
    json("group:add", "--site", siteKey, "--name", "Gudang", "--level", "3");
    expect(json<{ retired: boolean }>("group:retire", "--site", siteKey, "--group", "Gudang").retired).toBe(true);

    const list = json<{ services: Item[]; categories: Array<Item & { parentId: string | null }>; groups: Array<{ name: string; retired: boolean }> }>("catalog:list", "--site", siteKey);
    expect(list.services.find((s) => s.id === added.id)!.retired).toBe(true);
    expect(list.categories.map((c) => c.parentId)).toEqual([null, parent.id]);
    expect(list.groups.filter((g) => g.retired).map((g) => g.name)).toEqual(["Gudang"]);

    // Every catalogue command's help example is the one the README shows.
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const help = sigap("help").out;
    const examples = [...help.matchAll(/^\s+e\.g\. (pnpm sigap (?:catalog|service|category|group):\S+ .*)$/gm)].map((m) => m[1]!);
    expect(examples.length).toBe(10);
    for (const example of examples) expect(readme).toContain(example);
    // Some 15 runs of the CLI, each starting Node and opening the database.
  });

  it("explains itself on an unknown command", () => {
    const r = sigap("frobnicate");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Usage: pnpm sigap <command>");
  });
});
