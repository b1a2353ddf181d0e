import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_RUNS, runCli } from "./cli-kit.js";
import { createTestDatabase, type TestDatabase } from "./harness.js";

let db: TestDatabase;

/** Runs the admin CLI as an operator would, against this test's database (SQLite, or MariaDB in the MySQL pass). */
function sigap(env: Record<string, string>, ...args: string[]) {
  return runCli({ DATABASE_URL: db.url, ...env }, args);
}

const LOOPBACK_OK = { WEBHOOK_ALLOW_PRIVATE: "1" };

describe("the webhook commands of the admin CLI", { timeout: CLI_RUNS }, () => {
  let siteKey: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    const created = sigap({}, "site:create", "--name", "Kantor Pos Balikpapan", "--unit", "03", "--json");
    expect(created.code).toBe(0);
    siteKey = (JSON.parse(created.out) as { siteKey: string }).siteKey;
  });
  afterAll(() => db?.drop());

  it("adds, lists and rotates an endpoint, showing each secret once", () => {
    const added = sigap(LOOPBACK_OK, "webhook:add", "--site", siteKey, "--url", "http://127.0.0.1:9/sms", "--event", "ticket.created", "--event", "ticket.resolved", "--json");
    expect(added.code, added.err).toBe(0);
    const { endpoint, secret } = JSON.parse(added.out) as { endpoint: { id: string; eventTypes: string[] }; secret: string };
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint.eventTypes).toEqual(["ticket.created", "ticket.resolved"]);

    const listed = sigap({}, "webhook:list", "--site", siteKey);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(endpoint.id);
    expect(listed.out).toContain("ticket.created,ticket.resolved");
    expect(listed.out).not.toContain(secret);

    const rotated = sigap({}, "webhook:rotate", "--site", siteKey, "--endpoint", endpoint.id, "--overlap-hours", "48");
    expect(rotated.code, rotated.err).toBe(0);
    expect(rotated.out).toMatch(/^secret {2}whsec_/);
    expect(rotated.out).not.toContain(secret);
    expect(rotated.out).toMatch(/old secret also signs until/);

    const deliveries = sigap({}, "webhook:deliveries", "--site", siteKey, "--failed");
    expect(deliveries.code).toBe(0);
    expect(deliveries.out.trim()).toBe("No deliveries yet.");
  });

  it("refuses a loopback URL unless WEBHOOK_ALLOW_PRIVATE is set, and unknown events, with a message", () => {
    const refused = sigap({}, "webhook:add", "--site", siteKey, "--url", "http://127.0.0.1:9/sms", "--event", "ticket.created");
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/loopback address/);
    const unknown = sigap(LOOPBACK_OK, "webhook:add", "--site", siteKey, "--url", "http://127.0.0.1:9/sms", "--event", "ticket.exploded");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/unknown event types: ticket\.exploded/);
    expect(refused.err + unknown.err).not.toMatch(/\n\s+at /);
  });
});
