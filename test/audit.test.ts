import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, desk, report, startTestGateway, TEST_ACTOR, type GqlResult, type TestGateway } from "./harness.js";

/**
 * The audit trail (issue 10 item 7): every desk and admin action leaves one line — who, when,
 * from where (the client behind a trusted proxy), what, before and after — readable by ADMIN
 * with filters and a cursor; the public report path writes none.
 */

let gw: TestGateway;
let admin: string;
let agent: string;

beforeAll(async () => {
  // The test is the proxy: loopback is trusted, so X-Forwarded-For names the client.
  gw = await startTestGateway({ env: { TRUST_PROXY: "loopback" } });
  admin = await gw.agentToken(Role.ADMIN, "Ayu Admin");
  agent = await gw.agentToken(Role.AGENT, "Siti Agen");
});
afterAll(() => gw?.close());

interface Entry {
  id: string;
  at: string;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  ip: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
}
interface Page {
  entries: Entry[];
  nextCursor: string | null;
}

const LOG = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) { entries { id at actorKind actorId actorName ip action subjectType subjectId beforeJson afterJson } nextCursor }
}`;

/** A GraphQL call from a client behind the (trusted) proxy at `ip`. */
async function from<T>(ip: string, token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${gw.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-forwarded-for": ip },
    body: JSON.stringify({ query, variables }),
  });
  const r = (await res.json()) as GqlResult<T>;
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!;
}

const log = (filter: Record<string, unknown> = {}, first = 50, after: string | null = null, token = admin) =>
  gw.gql<{ auditLog: Page }>(LOG, { filter, first, after }, { token, siteKey: null });
const entries = async (filter: Record<string, unknown>) => {
  const r = await log(filter, 200);
  expect(r.errors).toBeUndefined();
  return r.data!.auditLog.entries;
};
const json = (text: string | null) => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));

describe("auditLog", () => {
  it("records each desk action on a ticket once, by its agent and client address, with the changed fields; the report itself writes nothing", async () => {
    const { code } = await report(gw, { reporterName: "Budi Santoso" });
    expect(await entries({ subjectType: "ticket", subjectId: code })).toEqual([]);
    const id = (await desk<{ ticket: { id: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { id } }`, { id: code })).ticket.id;
    const ip = "203.0.113.7";
    await from(ip, agent, `mutation($id: ID!) { classifyTicket(id: $id, input: { urgency: HIGH, impact: HIGH }) { id } }`, { id });
    await from(ip, agent, `mutation($id: ID!) { assignTicket(id: $id, input: { assigneeId: "me" }) { id } }`, { id });
    await from(ip, agent, `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Kami periksa sekarang." }) { id } }`, { id });
    await from(ip, agent, `mutation($id: ID!) { addInternalNote(id: $id, input: { body: "Cek server Ipos." }) { id } }`, { id });
    await from(ip, agent, `mutation($id: ID!) { changeTicketStatus(id: $id, input: { status: IN_PROGRESS }) { id } }`, { id });
    await from(ip, agent, `mutation($id: ID!) { resolveTicket(id: $id, input: { resolution: "Layanan Ipos dijalankan ulang", closureCode: "FIXED" }) { id } }`, { id });
    await from(ip, agent, `mutation($id: ID!) { closeTicket(id: $id) { id } }`, { id });

    const lines = await entries({ subjectType: "ticket", subjectId: code });
    expect(lines.map((l) => l.action)).toEqual([
      "ticket.close",
      "ticket.resolve",
      "ticket.change_status",
      "ticket.internal_note",
      "ticket.reply",
      "ticket.assign",
      "ticket.classify",
    ]);
    for (const l of lines) expect(l).toMatchObject({ actorKind: "AGENT", actorId: gw.agentId(agent), actorName: "Siti Agen", ip, subjectType: "ticket", subjectId: code });
    const classify = lines.at(-1)!;
    expect(json(classify.beforeJson)).toMatchObject({ urgency: "MEDIUM", impact: "MEDIUM" });
    expect(json(classify.afterJson)).toMatchObject({ urgency: "HIGH", impact: "HIGH", priority: "P1" });
    expect(json(lines.find((l) => l.action === "ticket.assign")!.afterJson)).toMatchObject({ status: "ASSIGNED", assigneeId: gw.agentId(agent) });
    expect(json(lines[0]!.beforeJson)).toEqual({ status: "RESOLVED" });
    expect(json(lines[0]!.afterJson)).toEqual({ status: "CLOSED" });
    // A note changes no field: a plain line still says who wrote it.
    expect(lines.find((l) => l.action === "ticket.internal_note")).toMatchObject({ beforeJson: null, afterJson: null });
  });

  it("records admin changes over GraphQL and the command line, never a secret's value", async () => {
    await from("198.51.100.20", admin, `mutation { updateSiteSettings(input: { autoCloseHours: 48, language: "en" }) { autoCloseHours } }`);
    await from("198.51.100.20", admin, `mutation { setBusinessHours(input: { hours: "MON-FRI 08:00-17:00" }) { hours } }`);
    await from("198.51.100.20", admin, `mutation { addHolidays(holidays: [{ day: "2026-12-25", name: "Natal" }]) { hours } }`);
    const victim = await gw.agentToken(Role.AGENT, "Rudi");
    await from("198.51.100.20", admin, `mutation($id: ID!) { setAgentActive(id: $id, active: false) { active } }`, { id: gw.agentId(victim) });
    // What `sigap site:identity` calls, as the command line's actor.
    await gw.services.sites.setIdentity(gw.site.id, { secret: "s".repeat(40), jwksUrl: null }, TEST_ACTOR);

    // What `sigap agent:token` calls: the token is not recorded, who issued it for whom until when is.
    const rudi = (await gw.services.agents.list(gw.site.id)).find((a) => a.id === gw.agentId(victim))!;
    await gw.services.agents.issueToken(rudi, 3600, TEST_ACTOR);

    const site = await entries({ action: "site." });
    // The oldest is the harness's own `site:create` (as the command line's actor), with the site's key and origins.
    expect(site.map((l) => l.action)).toEqual(["site.identity", "site.holidays_add", "site.hours", "site.update", "site.create"]);
    expect(site.at(-1)).toMatchObject({ actorKind: "CLI", subjectId: gw.site.id, beforeJson: null });
    expect(json(site.at(-1)!.afterJson)).toMatchObject({ siteKey: gw.siteKey, unitCode: "01" });
    const update = site.at(-2)!;
    expect(update).toMatchObject({ actorKind: "AGENT", actorName: "Ayu Admin", ip: "198.51.100.20", subjectType: "site", subjectId: gw.site.id });
    expect(json(update.beforeJson)).toEqual({ autoCloseHours: 72, language: "id" });
    expect(json(update.afterJson)).toEqual({ autoCloseHours: 48, language: "en" });
    expect(site[0]).toMatchObject({ actorKind: "CLI", actorId: null, actorName: "cli:test", ip: null });
    expect(json(site[0]!.afterJson)).toEqual({ reporterJwtSecret: "[redacted]" });
    expect(site[0]!.afterJson).not.toContain("ssss");

    const [deactivate] = await entries({ action: "agent.deactivate" });
    expect(deactivate).toMatchObject({ subjectType: "agent", subjectId: gw.agentId(victim), actorId: gw.agentId(admin) });
    expect(json(deactivate!.afterJson)).toEqual({ active: false });
    const [issued] = await entries({ action: "agent.token_issued" });
    expect(issued).toMatchObject({ subjectId: rudi.id, actorKind: "CLI", actorName: "cli:test" });
    expect(Object.keys(json(issued!.afterJson) ?? {})).toEqual(["expiresAt"]);
  });

  it("filters by actor, exact action, subject and time, newest first", async () => {
    const mine = await entries({ actorId: gw.agentId(admin) });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((l) => l.actorId === gw.agentId(admin))).toBe(true);
    const times = mine.map((l) => Date.parse(l.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect((await entries({ action: "site.hours" })).map((l) => l.action)).toEqual(["site.hours"]);
    const all = await entries({});
    const future = new Date(gw.clock.now().getTime() + 60_000).toISOString();
    expect(await entries({ from: future })).toEqual([]);
    expect((await entries({ to: future })).length).toBe(all.length);
  });

  it("pages with an opaque cursor: every line once, in order", async () => {
    const all = await entries({});
    expect(all.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const r = await log({}, 2, after);
      expect(r.errors).toBeUndefined();
      const page: Page = r.data!.auditLog;
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries.map((l) => l.id));
      after = page.nextCursor;
    } while (after);
    expect(seen).toEqual(all.map((l) => l.id));
  });

  it("names a bad page size or cursor (BAD_USER_INPUT)", async () => {
    const big = await log({}, 201);
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "first" }] });
    const bad = await log({}, 10, "not-a-cursor");
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "after" }] });
  });

  it.each([Role.AGENT, Role.SPECIALIST, Role.SUPERVISOR, Role.MANAGER])("is refused to %s (FORBIDDEN)", async (role) => {
    expect(codeOf(await log({}, 10, null, await gw.agentToken(role)))).toBe("FORBIDDEN");
  });

  it("believes X-Forwarded-For only from a trusted proxy: without TRUST_PROXY the line names the connection's address", async () => {
    const direct = await startTestGateway();
    try {
      const boss = await direct.agentToken(Role.ADMIN, "Ayu Admin");
      const res = await fetch(`${direct.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${boss}`, "x-forwarded-for": "203.0.113.99" },
        body: JSON.stringify({ query: `mutation { updateSiteSettings(input: { autoCloseHours: 24 }) { autoCloseHours } }` }),
      });
      expect(res.status).toBe(200);
      const r = await direct.gql<{ auditLog: Page }>(LOG, { filter: { action: "site.update" } }, { token: boss, siteKey: null });
      expect(r.data!.auditLog.entries.map((l) => l.ip)).toEqual(["127.0.0.1"]);
    } finally {
      await direct.close();
    }
  });

  it("has no operation that changes or removes a line", async () => {
    const r = await gw.gql<{ __schema: { mutationType: { fields: Array<{ name: string }> } } }>(`{ __schema { mutationType { fields { name } } } }`, {}, { token: admin, siteKey: null });
    expect(r.data!.__schema.mutationType.fields.map((f) => f.name).filter((n) => /audit/i.test(n))).toEqual([]);
  });
});
