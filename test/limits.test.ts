/**
 * Rate limits, cost limits and the report form's guard, through HTTP and WebSocket, as an
 * attacker or a careless client meets them. The main gateway believes X-Forwarded-For from
 * loopback (TRUST_PROXY=loopback), so each test speaks as its own client address and the real
 * default budgets apply.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { randomBytes } from "node:crypto";
import { collect, createTestDatabase, report, startTestGateway, waitForSubscribers, type TestDatabase, type TestGateway, TEST_ACTOR } from "./harness.js";

interface Reply {
  status: number;
  retryAfter: string | null;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; path?: string[]; extensions: Record<string, unknown> & { code: string } }> };
}

interface Send {
  /** The client address, sent as X-Forwarded-For. */
  ip?: string;
  origin?: string;
  siteKey?: string | null;
  token?: string;
}

async function post(gw: TestGateway, query: string, variables: Record<string, unknown> = {}, as: Send = {}): Promise<Reply> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const key = as.siteKey === undefined ? gw.siteKey : as.siteKey;
  if (key) headers["x-sigap-site-key"] = key;
  if (as.ip) headers["x-forwarded-for"] = as.ip;
  if (as.origin) headers["origin"] = as.origin;
  if (as.token) headers["authorization"] = `Bearer ${as.token}`;
  const res = await fetch(`${gw.url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as Reply["body"] };
}

const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code trackingToken } }`;
const INPUT = { reporterName: "Budi Santoso", description: "Ipos tidak bisa login sejak pagi" };
const TRACK = `query($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { code status } }`;
const aliasedReports = (n: number) =>
  `mutation { ${Array.from({ length: n }, (_, i) => `r${i}: reportIncident(input: { reporterName: "Bot", description: "spam ${i}" }) { code }`).join(" ")} }`;

const first = (r: Reply) => r.body.errors?.[0];

/** Asserts a refusal for rate: RATE_LIMITED, the limit named, 429 and a Retry-After equal to retryAfter. */
function expectRateLimited(r: Reply, limit: string): number {
  expect(r.status, JSON.stringify(r.body)).toBe(429);
  const e = first(r)!;
  expect(e.extensions.code).toBe("RATE_LIMITED");
  expect(e.extensions["limit"]).toBe(limit);
  const retryAfter = e.extensions["retryAfter"] as number;
  expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
  expect(r.retryAfter).toBe(String(retryAfter));
  return retryAfter;
}

function expectTooComplex(r: Reply, limit: string, max: number): void {
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  expect(first(r)!.extensions).toEqual({ code: "QUERY_TOO_COMPLEX", limit, max });
}

const ticketCount = (gw: TestGateway) => gw.services.ds.getRepository("ticket").count();

let gw: TestGateway;
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  // The deployment's defaults, unchanged: `{}` lays nothing over them.
  gw = await startTestGateway({ database: db, rateLimits: {}, env: { TRUST_PROXY: "loopback" } });
});
afterAll(async () => {
  await gw?.close();
  await db?.drop();
});

describe("rate limits per client address", () => {
  it("refuses the 21st report of an hour from one client with RATE_LIMITED, 429 and Retry-After; another client still reports", async () => {
    for (let i = 0; i < 20; i++) expect(first(await post(gw, REPORT, { input: INPUT }, { ip: "203.0.113.1" }))).toBeUndefined();
    const refused = await post(gw, REPORT, { input: INPUT }, { ip: "203.0.113.1" });
    const wait = expectRateLimited(refused, "reports");
    expect(wait).toBeLessThanOrEqual(3600);
    expect(first(refused)!.message).toContain(`${wait} seconds`);
    expect(first(await post(gw, REPORT, { input: INPUT }, { ip: "203.0.113.2" }))).toBeUndefined();
  });

  it("counts every aliased report: 20 in two requests pass, the next request is refused whole", async () => {
    const ip = "203.0.113.3";
    for (let round = 0; round < 2; round++) {
      const r = await post(gw, aliasedReports(10), {}, { ip });
      expect(r.body.errors).toBeUndefined();
      expect(Object.keys(r.body.data!)).toHaveLength(10);
    }
    const before = await ticketCount(gw);
    expectRateLimited(await post(gw, aliasedReports(2), {}, { ip }), "reports");
    expect(await ticketCount(gw)).toBe(before);
  });

  it("refuses a request whose aliases would overrun the budget without running any of them", async () => {
    const ip = "203.0.113.4";
    for (let i = 0; i < 15; i++) await post(gw, REPORT, { input: INPUT }, { ip });
    const before = await ticketCount(gw);
    const refused = await post(gw, aliasedReports(10), {}, { ip });
    expectRateLimited(refused, "reports");
    expect(refused.body.data ?? null).toBeNull();
    expect(await ticketCount(gw)).toBe(before);
  });

  it("refuses 50 aliased reports in one request as too complex, creating nothing", async () => {
    const before = await ticketCount(gw);
    expectTooComplex(await post(gw, aliasedReports(50), {}, { ip: "203.0.113.5" }), "aliases", 10);
    expect(await ticketCount(gw)).toBe(before);
  });
});

describe("failed token guesses", () => {
  it("refuse a client after 10 wrong tokens in 10 minutes, long before its tracking budget, even for the right token", async () => {
    const receipt = await report(gw);
    const guesser = "198.51.100.1";
    for (let i = 0; i < 10; i++) {
      const r = await post(gw, TRACK, { code: receipt.code, token: `wrong-${i}` }, { ip: guesser });
      expect(first(r)?.extensions.code).toBe("NOT_FOUND");
    }
    expectRateLimited(await post(gw, TRACK, { code: receipt.code, token: "wrong-again" }, { ip: guesser }), "failedLookups");
    expectRateLimited(await post(gw, TRACK, { code: receipt.code, token: receipt.trackingToken }, { ip: guesser }), "failedLookups");
    // Someone who knows the token tracks far more often than a guesser may guess.
    for (let i = 0; i < 30; i++) {
      const r = await post(gw, TRACK, { code: receipt.code, token: receipt.trackingToken }, { ip: "198.51.100.2" });
      expect(r.body.data?.["trackTicket"]).toMatchObject({ code: receipt.code });
    }
  });

  it("refuse aliased guesses up front when they outnumber the failures a client has left", async () => {
    const receipt = await report(gw);
    const ip = "198.51.100.3";
    const guesses = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `g${i}: trackTicket(code: "${receipt.code}", token: "guess${i}") { code }`).join(" ")} }`;
    const five = await post(gw, guesses(5), {}, { ip });
    expect(five.body.errors!.map((e) => e.extensions.code)).toEqual(Array(5).fill("NOT_FOUND"));
    expectRateLimited(await post(gw, guesses(6), {}, { ip }), "failedLookups");
    expect((await post(gw, guesses(5), {}, { ip })).body.errors!.map((e) => e.extensions.code)).toEqual(Array(5).fill("NOT_FOUND"));
    expectRateLimited(await post(gw, guesses(1), {}, { ip }), "failedLookups");
  });

  it("count reporter downloads that end 404, then answer 429 with Retry-After", async () => {
    const ip = "198.51.100.4";
    const url = `${gw.url}/attachments/${randomUUID()}?code=01.x&token=nope&siteKey=${gw.siteKey}`;
    for (let i = 0; i < 10; i++) expect((await fetch(url, { headers: { "x-forwarded-for": ip } })).status).toBe(404);
    const refused = await fetch(url, { headers: { "x-forwarded-for": ip } });
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0]!.extensions).toMatchObject({ code: "RATE_LIMITED", limit: "failedLookups" });
    expect(refused.headers.get("retry-after")).toBe(String(body.errors[0]!.extensions["retryAfter"]));
  });

  it("count subscriptions refused NOT_FOUND over WebSocket, then refuse the 11th with RATE_LIMITED", async () => {
    const receipt = await report(gw);
    const ip = "198.51.100.5";
    // graphql-ws opens sockets itself; this one carries the client address like a proxy would.
    class ProxiedWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { "x-forwarded-for": ip } });
      }
    }
    const client = createClient({ url: `${gw.url.replace("http", "ws")}/graphql`, webSocketImpl: ProxiedWebSocket, connectionParams: { siteKey: gw.siteKey }, retryAttempts: 0 });
    const subscribe = (token: string) =>
      new Promise<string>((resolve) => {
        client.subscribe(
          { query: `subscription($code: String!, $token: String!) { ticketUpdated(code: $code, token: $token) { code } }`, variables: { code: receipt.code, token } },
          {
            next: (r) => resolve(String(r.errors?.[0]?.extensions?.["code"] ?? "DATA")),
            error: (e) => resolve(String((e as Array<{ extensions?: { code?: string; limit?: string } }>)[0]?.extensions?.limit ?? "ERROR")),
            complete: () => resolve("COMPLETE"),
          },
        );
      });
    try {
      const answers: string[] = [];
      for (let i = 0; i < 11; i++) answers.push(await subscribe(`wrong-${i}`));
      expect(answers).toEqual([...Array(10).fill("NOT_FOUND"), "failedLookups"]);
    } finally {
      await client.dispose();
    }
  });
});

describe("operation cost limits", () => {
  it("refuse an operation nested too deep, naming depth", async () => {
    const nested = `{ site { ${"... on PublicSite { ".repeat(8)}name${" }".repeat(8)} } }`;
    expectTooComplex(await post(gw, nested, {}, { ip: "192.0.2.1" }), "depth", 7);
  });

  it("refuse 100 aliases naming aliases, 1,000 naming tokens (the parser stops first), and a long document naming tokens", async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: site { name }`).join(" ")} }`;
    expectTooComplex(await post(gw, aliases(100), {}, { ip: "192.0.2.2" }), "aliases", 10);
    expectTooComplex(await post(gw, aliases(1000), {}, { ip: "192.0.2.2" }), "tokens", 5000);
    // A list literal of 1,200 ids: valid, shallow, no aliases, cheap, but over the public token budget.
    const ids = Array.from({ length: 1200 }, () => `"${randomUUID()}"`).join(" ");
    const before = await ticketCount(gw);
    expectTooComplex(await post(gw, `mutation { reportIncident(input: { reporterName: "A", description: "B", attachmentIds: [${ids}] }) { code } }`, {}, { ip: "192.0.2.2" }), "tokens", 1000);
    expect(await ticketCount(gw)).toBe(before);
    expectTooComplex(await post(gw, `{ site { ${"name ".repeat(20_000)} } }`, {}, { ip: "192.0.2.2" }), "tokens", 5000);
  });

  it("give agents more room than site-key callers", async () => {
    const token = await gw.agentToken("AGENT" as never);
    const aliased = `{ ${Array.from({ length: 30 }, (_, i) => `m${i}: me { id }`).join(" ")} }`;
    expectTooComplex(await post(gw, aliased, {}, { ip: "192.0.2.3" }), "aliases", 10);
    const r = await post(gw, aliased, {}, { token, siteKey: null, ip: "192.0.2.3" });
    expect(r.body.errors).toBeUndefined();
    // A bearer that does not verify gets the public limits, not the agents'.
    expectTooComplex(await post(gw, aliased, {}, { token: "forged.token.here", siteKey: null, ip: "192.0.2.3" }), "aliases", 10);
  });
});

describe("the report form's guard", () => {
  const formToken = async (ip: string) => (await post(gw, `{ site { formToken } }`, {}, { ip, origin: gw.origin })).body.data!["site"] as { formToken: string };

  it("refuses a browser report sent sooner than 3 seconds after the form loaded, with the seconds still to wait", async () => {
    const ip = "192.0.2.10";
    const { formToken: token } = await formToken(ip);
    const early = await post(gw, REPORT, { input: { ...INPUT, formToken: token } }, { ip, origin: gw.origin });
    expect(expectRateLimited(early, "formMinSeconds")).toBeGreaterThanOrEqual(2);
    gw.clock.advance(3000);
    const later = await post(gw, REPORT, { input: { ...INPUT, formToken: token } }, { ip, origin: gw.origin });
    expect(later.body.errors).toBeUndefined();
  });

  it("refuses a browser report without a form token, or with a forged or expired one, asking to reload the form", async () => {
    const ip = "192.0.2.11";
    const { formToken: token } = await formToken(ip);
    const forged = `${token.slice(0, -4)}AAAA`;
    const expired = token;
    for (const t of [undefined, forged, "f1.0.xyz"]) {
      const r = await post(gw, REPORT, { input: { ...INPUT, formToken: t } }, { ip, origin: gw.origin });
      expect(r.status).toBe(200);
      expect(first(r)!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "formToken" }] });
      expect(first(r)!.message).toContain("reload");
    }
    gw.clock.advance(2 * 3600_000 + 1000);
    expect(first(await post(gw, REPORT, { input: { ...INPUT, formToken: expired } }, { ip, origin: gw.origin }))!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ field: "formToken" }],
    });
  });

  it("refuses a report whose honeypot is filled, from a browser or a server", async () => {
    const ip = "192.0.2.12";
    const { formToken: token } = await formToken(ip);
    gw.clock.advance(5000);
    for (const origin of [gw.origin, undefined]) {
      const r = await post(gw, REPORT, { input: { ...INPUT, formToken: token, website: "https://cheap-pills.example" } }, { ip, ...(origin ? { origin } : {}) });
      expect(first(r)!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "website" }] });
    }
    expect(first(await post(gw, REPORT, { input: { ...INPUT, formToken: token, website: "" } }, { ip, origin: gw.origin }))).toBeUndefined();
  });

  it("asks no form token of a server-to-server caller (no Origin)", async () => {
    expect(first(await post(gw, REPORT, { input: INPUT }, { ip: "192.0.2.13" }))).toBeUndefined();
  });
});

describe("a site's own limits, set with the CLI", () => {
  it("are honoured: fewer reports per client, and no minimum fill time", async () => {
    const site = await gw.services.sites.create({ name: "Kantor Kecil", unitCode: "07", timeZone: "Asia/Jakarta", allowedOrigins: [gw.origin] }, TEST_ACTOR);
    const dataDir = mkdtempSync(join(tmpdir(), "sigap-cli-"));
    // Asynchronously: a blocked event loop would stall this process's own gateway meanwhile.
    const cli = await promisify(execFile)(
      join(fileURLToPath(new URL("../gateway", import.meta.url)), "node_modules/.bin/tsx"),
      ["src/cli.ts", "site:limits", "--site", site.siteKey, "--set", "reports.perAddress=2/3600", "--set", "formMinSeconds=0", "--json"],
      { cwd: fileURLToPath(new URL("../gateway", import.meta.url)), env: { PATH: process.env["PATH"]!, DATABASE_URL: db.url, SIGAP_DATA_DIR: dataDir }, encoding: "utf8" },
    ).finally(() => rmSync(dataDir, { recursive: true, force: true }));
    expect(JSON.parse(cli.stdout)).toMatchObject({ rateLimits: { reports: { perAddress: { points: 2, seconds: 3600 } }, formMinSeconds: 0 } });

    const as = { ip: "192.0.2.20", siteKey: site.siteKey, origin: gw.origin };
    for (let i = 0; i < 2; i++) {
      const { formToken } = (await post(gw, `{ site { formToken } }`, {}, as)).body.data!["site"] as { formToken: string };
      expect(first(await post(gw, REPORT, { input: { ...INPUT, formToken } }, as))).toBeUndefined();
    }
    expectRateLimited(await post(gw, REPORT, { input: INPUT }, { ip: "192.0.2.20", siteKey: site.siteKey }), "reports");
    // The main site keeps the defaults for the same client.
    expect(first(await post(gw, REPORT, { input: INPUT }, { ip: "192.0.2.20" }))).toBeUndefined();
  });
});

describe("client addresses and settings", () => {
  let plain: TestGateway;
  beforeAll(async () => {
    plain = await startTestGateway({
      rateLimits: { reports: { perAddress: { points: 3, seconds: 3600 } }, uploads: { perAddress: { points: 2, seconds: 3600 } }, subscriptions: { perAddress: { points: 3, seconds: 600 } } },
    });
  });
  afterAll(() => plain?.close());

  it("ignores X-Forwarded-For unless TRUST_PROXY says to believe it", async () => {
    for (const ip of ["1.1.1.1", "2.2.2.2", "3.3.3.3"]) expect(first(await post(plain, REPORT, { input: INPUT }, { ip }))).toBeUndefined();
    expectRateLimited(await post(plain, REPORT, { input: INPUT }, { ip: "4.4.4.4" }), "reports");
  });

  it("limits reporters' uploads with 429 and Retry-After", async () => {
    const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
    const upload = async () => {
      const form = new FormData();
      form.append("file", new Blob([PNG], { type: "image/png" }), "layar.png");
      return fetch(`${plain.url}/uploads`, { method: "POST", headers: { "x-sigap-site-key": plain.siteKey }, body: form });
    };
    expect((await upload()).status).toBe(201);
    expect((await upload()).status).toBe(201);
    const refused = await upload();
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0]!.extensions).toMatchObject({ code: "RATE_LIMITED", limit: "uploads" });
    expect(refused.headers.get("retry-after")).toBe(String(body.errors[0]!.extensions["retryAfter"]));
  });

  it("limits the subscriptions a client opens over WebSocket", async () => {
    // Set up behind the limits' back: this gateway's report budget belongs to the X-Forwarded-For test.
    const { site, policies } = await plain.services.sites.resolvePublic(plain.siteKey, null);
    const reported = await plain.services.intake.report(site, policies, INPUT as Parameters<TestGateway["services"]["intake"]["report"]>[2]);
    const receipt = { code: reported.ticket.code, trackingToken: reported.trackingToken };
    const client = plain.ws({ siteKey: plain.siteKey });
    const query = `subscription($code: String!, $token: String!) { ticketUpdated(code: $code, token: $token) { code } }`;
    const subs = Array.from({ length: 3 }, () => collect(client, query, { code: receipt.code, token: receipt.trackingToken }));
    await waitForSubscribers(plain, 3);
    const fourth = collect(client, query, { code: receipt.code, token: receipt.trackingToken });
    await fourth.until(() => fourth.errors.length > 0);
    expect((fourth.errors[0] as Array<{ extensions: Record<string, unknown> }>)[0]!.extensions).toMatchObject({ code: "RATE_LIMITED", limit: "subscriptions" });
    expect(subs.every((s) => s.errors.length === 0)).toBe(true);
    for (const s of subs) s.dispose();
  });

  it("turns rate and cost limits off with SIGAP_LIMITS=off, keeping the form guard", async () => {
    const off = await startTestGateway({ rateLimits: { reports: { perAddress: { points: 1, seconds: 3600 } } }, env: { SIGAP_LIMITS: "off" } });
    try {
      for (let i = 0; i < 3; i++) expect(first(await post(off, REPORT, { input: INPUT }))).toBeUndefined();
      expect((await post(off, `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: site { name }`).join(" ")} }`)).body.errors).toBeUndefined();
      expect(first(await post(off, REPORT, { input: { ...INPUT, website: "x" } }))!.extensions.code).toBe("BAD_USER_INPUT");
    } finally {
      await off.close();
    }
  });

  it("refuses introspection in production unless SIGAP_INTROSPECTION=1", async () => {
    const secret = randomBytes(32).toString("base64url");
    const query = `{ __schema { queryType { name } } }`;
    const prod = await startTestGateway({ secret, env: { NODE_ENV: "production" } });
    try {
      const r = await post(prod, query);
      expect(r.status).toBe(400);
      expect(first(r)!.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(first(r)!.message).toContain("introspection");
    } finally {
      await prod.close();
    }
    const open = await startTestGateway({ secret, env: { NODE_ENV: "production", SIGAP_INTROSPECTION: "1" } });
    try {
      expect((await post(open, query)).body.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    } finally {
      await open.close();
    }
    expect((await post(plain, query)).body.data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });
});
