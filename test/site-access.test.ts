import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, createTestDatabase, eventually, ManualClock, startTestGateway, TEST_REDIS_URL, type GqlResult, type TestDatabase, type TestGateway } from "./harness.js";

/**
 * A site's access administered over GraphQL (issue 10 item 4): its public key rotated with an
 * overlap, browser origins, upload limits, rate-limit overrides and reporter-token keys. ADMIN
 * only; every bad field named; one audit line per change; and in effect at once — on this gateway
 * and on a second one sharing the database and Redis.
 */

const HOUR = 3_600_000;
const FIELDS = `siteKey previousSiteKey previousKeyValidUntil allowedOrigins maxUploadBytes maxUploadBytesCap maxAttachmentsPerTicket
  allowedUploadTypes uploadTypeChoices reporterSecretSet reporterJwksUrl
  rateLimits { key default { points seconds } override { points seconds } minPoints maxPoints minSeconds maxSeconds }`;
const READ = `{ siteAccess { ${FIELDS} } }`;
const ROTATE = `mutation($h: Int) { rotateSiteKey(overlapHours: $h) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateSiteAccessInput!) { updateSiteAccess(input: $input) { ${FIELDS} } }`;
const PUBLIC = `{ site { name maxUploadBytes maxAttachmentsPerTicket allowedUploadTypes } }`;

interface Rate {
  key: string;
  default: { points: number | null; seconds: number };
  override: { points: number | null; seconds: number } | null;
  minPoints: number | null;
  maxPoints: number | null;
  minSeconds: number;
  maxSeconds: number;
}
interface Access {
  siteKey: string;
  previousSiteKey: string | null;
  previousKeyValidUntil: string | null;
  allowedOrigins: string[];
  maxUploadBytes: number;
  maxUploadBytesCap: number;
  maxAttachmentsPerTicket: number;
  allowedUploadTypes: string[];
  uploadTypeChoices: string[];
  reporterSecretSet: boolean;
  reporterJwksUrl: string | null;
  rateLimits: Rate[];
}

let gw: TestGateway;
let admin: string;

const asAdmin = <T>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> => gw.gql<T>(query, variables, { token: admin, siteKey: null });
const read = async () => (await asAdmin<{ siteAccess: Access }>(READ)).data!.siteAccess;
const change = (input: Record<string, unknown>) => asAdmin<{ updateSiteAccess: Access }>(UPDATE, { input });
const fields = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions.fields?.map((f) => f.field);
/** A public read with this key (and browser origin), as a widget makes it. */
const publicRead = (g: { gql: TestGateway["gql"] }, siteKey: string, origin?: string) => g.gql<{ site: { name: string } }>(PUBLIC, {}, { siteKey, ...(origin ? { origin } : {}) });

async function auditLines(action: string): Promise<Array<{ before: string | null; after: string | null; actor_name: string }>> {
  return gw.services.ds.query("SELECT `before`, `after`, actor_name FROM audit_entry WHERE action = ? AND site_id = ? ORDER BY id", [action, gw.site.id]);
}

beforeAll(async () => {
  gw = await startTestGateway();
  admin = await gw.agentToken(Role.ADMIN, "Admin Akses");
});
afterAll(async () => {
  await gw?.close();
});

describe("siteAccess", () => {
  it("shows an admin the key, origins, upload limits, rate settings and whether reporter keys are set", async () => {
    const a = await read();
    expect(a).toEqual(
      expect.objectContaining({
        siteKey: gw.siteKey,
        previousSiteKey: null,
        previousKeyValidUntil: null,
        allowedOrigins: [gw.origin],
        maxUploadBytes: 10 * 1024 * 1024,
        maxUploadBytesCap: 25 * 1024 * 1024,
        maxAttachmentsPerTicket: 10,
        reporterSecretSet: false,
        reporterJwksUrl: null,
      }),
    );
    expect(a.uploadTypeChoices).toEqual(expect.arrayContaining(["image/png", "application/pdf", "text/plain"]));
    expect(a.uploadTypeChoices).not.toContain("application/x-msdownload");
    expect(a.rateLimits).toHaveLength(16);
    // The harness's deployment (SIGAP_RATE_LIMITS) raises every per-address budget; per-site ones are Sigap's defaults.
    expect(a.rateLimits[0]).toEqual({ key: "reports.perAddress", default: { points: 100_000, seconds: 3600 }, override: null, minPoints: 1, maxPoints: 1_000_000_000, minSeconds: 1, maxSeconds: 31 * 86400 });
    expect(a.rateLimits[1]).toEqual(expect.objectContaining({ key: "reports.perSite", default: { points: 1000, seconds: 3600 } }));
    expect(a.rateLimits.at(-1)).toEqual({ key: "formMinSeconds", default: { points: null, seconds: 3 }, override: null, minPoints: null, maxPoints: null, minSeconds: 0, maxSeconds: 3600 });
  });

  it.each([Role.AGENT, Role.SPECIALIST, Role.SUPERVISOR, Role.MANAGER])("refuses the role %s (FORBIDDEN) and changes nothing", async (role) => {
    const token = await gw.agentToken(role);
    const before = await read();
    for (const [query, variables] of [
      [READ, undefined],
      [ROTATE, { h: 1 }],
      [UPDATE, { input: { maxAttachmentsPerTicket: 1 } }],
    ] as const) {
      expect(codeOf(await gw.gql(query, variables, { token, siteKey: null }))).toBe("FORBIDDEN");
    }
    expect(await read()).toEqual(before);
  });

  it("refuses a caller without a token (UNAUTHENTICATED)", async () => {
    expect(codeOf(await gw.gql(READ))).toBe("UNAUTHENTICATED");
    expect(codeOf(await gw.gql(ROTATE, { h: 0 }))).toBe("UNAUTHENTICATED");
  });
});

describe("rotateSiteKey", () => {
  it("keeps the previous key working during the overlap and refuses it, like an unknown key, once it is over", async () => {
    const old = (await read()).siteKey;
    expect((await publicRead(gw, old, gw.origin)).errors).toBeUndefined(); // cached now
    const r = await asAdmin<{ rotateSiteKey: Access }>(ROTATE, { h: 1 });
    expect(r.errors).toBeUndefined();
    const rotated = r.data!.rotateSiteKey;
    expect(rotated.siteKey).toMatch(/^pk_/);
    expect(rotated.siteKey).not.toBe(old);
    expect(rotated.previousSiteKey).toBe(old);
    expect(new Date(rotated.previousKeyValidUntil!).getTime()).toBe(gw.clock.now().getTime() + HOUR);
    expect((await publicRead(gw, rotated.siteKey, gw.origin)).errors).toBeUndefined();
    expect((await publicRead(gw, old, gw.origin)).errors).toBeUndefined();

    gw.clock.advance(HOUR - 1);
    expect((await publicRead(gw, old)).errors).toBeUndefined();
    gw.clock.advance(1);
    const refused = await publicRead(gw, old);
    const unknown = await publicRead(gw, "pk_nobody_has_this");
    expect(codeOf(refused)).toBe("UNAUTHENTICATED");
    expect(refused.errors![0]!.message).toBe(unknown.errors![0]!.message);
    expect(await read()).toEqual(expect.objectContaining({ siteKey: rotated.siteKey, previousSiteKey: null, previousKeyValidUntil: null }));

    const lines = await auditLines("site.rotate_key");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!.before!)).toEqual(expect.objectContaining({ siteKey: old }));
    expect(JSON.parse(lines[0]!.after!)).toEqual(expect.objectContaining({ siteKey: rotated.siteKey, previousSiteKey: old }));
    expect(lines[0]!.actor_name).toBe("Admin Akses");
  });

  it("with overlap 0 refuses the previous key at once, and a second rotation ends the key rotated out before", async () => {
    const first = (await read()).siteKey;
    const one = (await asAdmin<{ rotateSiteKey: Access }>(ROTATE, { h: 0 })).data!.rotateSiteKey;
    expect(one.previousSiteKey).toBeNull();
    expect(codeOf(await publicRead(gw, first))).toBe("UNAUTHENTICATED");
    const two = (await asAdmin<{ rotateSiteKey: Access }>(ROTATE, {})).data!.rotateSiteKey;
    // Left out, the overlap is a day.
    expect(new Date(two.previousKeyValidUntil!).getTime()).toBe(gw.clock.now().getTime() + 24 * HOUR);
    const three = (await asAdmin<{ rotateSiteKey: Access }>(ROTATE, { h: 2 })).data!.rotateSiteKey;
    expect(three.previousSiteKey).toBe(two.siteKey);
    expect(codeOf(await publicRead(gw, one.siteKey))).toBe("UNAUTHENTICATED");
    expect((await publicRead(gw, two.siteKey)).errors).toBeUndefined();
  });

  it("refuses an overlap past 30 days or below 0, naming it", async () => {
    for (const h of [721, -1]) {
      const r = await asAdmin(ROTATE, { h });
      expect(codeOf(r)).toBe("BAD_USER_INPUT");
      expect(fields(r)).toEqual(["overlapHours"]);
    }
  });

  it("accepts reporter tokens signed for the previous key while it still works", async () => {
    const secret = randomBytes(32).toString("base64url");
    await change({ reporterJwtSecret: secret });
    const old = (await read()).siteKey;
    const fresh = (await asAdmin<{ rotateSiteKey: Access }>(ROTATE, { h: 1 })).data!.rotateSiteKey.siteKey;
    const now = Math.floor(gw.clock.now().getTime() / 1000);
    const token = await new SignJWT({ name: "Rina", email: "rina@contoh.example" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("user-7")
      .setAudience(old)
      .setIssuedAt(now)
      .setExpirationTime(now + 7200)
      .sign(new TextEncoder().encode(secret));
    const MINE = `{ myTickets { items { code } } }`;
    expect((await gw.gql(MINE, {}, { siteKey: fresh, reporterToken: token })).errors).toBeUndefined();
    gw.clock.advance(HOUR);
    expect(codeOf(await gw.gql(MINE, {}, { siteKey: fresh, reporterToken: token }))).toBe("UNAUTHENTICATED");
    await change({ reporterJwtSecret: null });
  });
});

describe("updateSiteAccess", () => {
  it("sets origins (normalized) and a browser origin is let in or refused at once", async () => {
    const key = (await read()).siteKey;
    expect(codeOf(await publicRead(gw, key, "https://portal.example"))).toBe("FORBIDDEN");
    const r = await change({ allowedOrigins: [gw.origin, "https://Portal.example/", "http://localhost:5173"] });
    expect(r.data!.updateSiteAccess.allowedOrigins).toEqual([gw.origin, "https://portal.example", "http://localhost:5173"]);
    expect((await publicRead(gw, key, "https://portal.example")).errors).toBeUndefined();
    await change({ allowedOrigins: [gw.origin] });
    expect(codeOf(await publicRead(gw, key, "https://portal.example"))).toBe("FORBIDDEN");
    expect((await publicRead(gw, key, gw.origin)).errors).toBeUndefined();
  });

  it("names every bad field at once (BAD_USER_INPUT) and changes nothing", async () => {
    const before = await read();
    const r = await change({
      allowedOrigins: ["http://portal.example", "https://portal.example/app"],
      maxUploadBytes: 25 * 1024 * 1024 + 1,
      maxAttachmentsPerTicket: 21,
      allowedUploadTypes: ["image/png", "text/html"],
      rateLimits: [{ key: "reports.perPlanet", points: 1, seconds: 1 }],
      reporterJwtSecret: "short",
    });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect([...new Set(fields(r))].sort()).toEqual(["allowedOrigins", "allowedUploadTypes", "maxAttachmentsPerTicket", "maxUploadBytes", "rateLimits", "reporterJwtSecret"]);
    expect(r.errors![0]!.extensions.fields!.filter((f) => f.field === "allowedOrigins")).toHaveLength(2);
    const nulls = await change({ allowedOrigins: null, maxUploadBytes: null, maxAttachmentsPerTicket: null, allowedUploadTypes: null });
    expect(fields(nulls)!.sort()).toEqual(["allowedOrigins", "allowedUploadTypes", "maxAttachmentsPerTicket", "maxUploadBytes"]);
    expect(codeOf(await change({}))).toBe("BAD_USER_INPUT");
    expect(await read()).toEqual(before);
  });

  it("sets upload limits within the deployment's cap, and the report form reads them at once", async () => {
    const key = (await read()).siteKey;
    await publicRead(gw, key);
    const r = await change({ maxUploadBytes: 2 * 1024 * 1024, maxAttachmentsPerTicket: 3, allowedUploadTypes: ["image/png", "image/jpeg", "image/png"] });
    expect(r.data!.updateSiteAccess).toEqual(expect.objectContaining({ maxUploadBytes: 2 * 1024 * 1024, maxAttachmentsPerTicket: 3, allowedUploadTypes: ["image/png", "image/jpeg"] }));
    const site = (await gw.gql<{ site: { maxUploadBytes: number; maxAttachmentsPerTicket: number; allowedUploadTypes: string[] } }>(PUBLIC, {}, { siteKey: key })).data!.site;
    expect(site).toEqual(expect.objectContaining({ maxUploadBytes: 2 * 1024 * 1024, maxAttachmentsPerTicket: 3, allowedUploadTypes: ["image/png", "image/jpeg"] }));
    expect((await change({ maxAttachmentsPerTicket: 0 })).data!.updateSiteAccess.maxAttachmentsPerTicket).toBe(0);
  });

  it("overrides rate limits as `site:limits` does, in effect at once; [] goes back to the deployment's", async () => {
    const key = (await read()).siteKey;
    const r = await change({ rateLimits: [{ key: "lookups.perSite", points: 3, seconds: 3600 }, { key: "formMinSeconds", seconds: 0 }] });
    expect(r.errors).toBeUndefined();
    const rows = r.data!.updateSiteAccess.rateLimits;
    expect(rows.find((x) => x.key === "lookups.perSite")!.override).toEqual({ points: 3, seconds: 3600 });
    expect(rows.find((x) => x.key === "formMinSeconds")!.override).toEqual({ points: null, seconds: 0 });
    expect(rows.filter((x) => x.override !== null)).toHaveLength(2);
    // At most 3 lookups an hour now: the 4th at the latest is refused.
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 4; i++) codes.push(codeOf(await publicRead(gw, key)));
    expect(codes).toContain("RATE_LIMITED");
    expect(codeOf(await change({ rateLimits: [{ key: "formMinSeconds", points: 1, seconds: 1 }] }))).toBe("BAD_USER_INPUT");
    const back = await change({ rateLimits: [] });
    expect(back.data!.updateSiteAccess.rateLimits.every((x) => x.override === null)).toBe(true);
    expect((await publicRead(gw, key)).errors).toBeUndefined();
  });

  it("keeps the reporter secret write-only: shown as set, redacted in the audit line, cleared with null; a JWKS URL replaces it", async () => {
    const secret = `s-${randomBytes(32).toString("hex")}`;
    const set = await change({ reporterJwtSecret: secret });
    expect(set.data!.updateSiteAccess).toEqual(expect.objectContaining({ reporterSecretSet: true, reporterJwksUrl: null }));
    const raw = await gw.services.ds.query("SELECT `before`, `after` FROM audit_entry WHERE action = 'site.update_access'");
    expect(JSON.stringify(raw)).not.toContain(secret);
    expect(JSON.stringify(raw)).toContain("[redacted]");
    const jwks = await change({ reporterJwksUrl: "https://company.example/.well-known/jwks.json" });
    expect(jwks.data!.updateSiteAccess).toEqual(expect.objectContaining({ reporterSecretSet: false, reporterJwksUrl: "https://company.example/.well-known/jwks.json" }));
    const both = await change({ reporterJwtSecret: secret, reporterJwksUrl: "https://company.example/jwks.json" });
    expect(fields(both)!.sort()).toEqual(["reporterJwksUrl", "reporterJwtSecret"]);
    const cleared = await change({ reporterJwksUrl: null });
    expect(cleared.data!.updateSiteAccess).toEqual(expect.objectContaining({ reporterSecretSet: false, reporterJwksUrl: null }));
  });

  it("records one audit line per change with only the fields that changed", async () => {
    const before = (await auditLines("site.update_access")).length;
    await change({ maxAttachmentsPerTicket: 5, maxUploadBytes: (await read()).maxUploadBytes });
    const lines = await auditLines("site.update_access");
    expect(lines).toHaveLength(before + 1);
    expect(JSON.parse(lines.at(-1)!.after!)).toEqual({ maxAttachmentsPerTicket: 5 });
  });
});

describe("two gateways on one database and one Redis", () => {
  let db: TestDatabase;
  let a: TestGateway;
  let b: TestGateway;
  let adminA: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const shared = { database: db, redisUrl: TEST_REDIS_URL, redisPrefix: `sigap-test-${randomBytes(4).toString("hex")}`, clock: new ManualClock(), secret: randomBytes(32).toString("base64url") };
    a = await startTestGateway(shared);
    b = await startTestGateway({ ...shared, site: a.site });
    adminA = await a.agentToken(Role.ADMIN);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  const changeOnA = (input: Record<string, unknown>) => a.gql<{ updateSiteAccess: Access }>(UPDATE, { input }, { token: adminA, siteKey: null });

  // The announcement crosses Redis after the commit, so the other gateway is polled briefly: far below its 30-second cache.
  it("lets an origin added on one gateway in on the other at once, and refuses a removed one at once", async () => {
    // B caches the site (30 s) with the old origins.
    expect((await publicRead(b, a.siteKey, a.origin)).errors).toBeUndefined();
    expect(codeOf(await publicRead(b, a.siteKey, "https://cabang.example"))).toBe("FORBIDDEN");
    expect((await changeOnA({ allowedOrigins: [a.origin, "https://cabang.example"] })).errors).toBeUndefined();
    await eventually(async () => (await publicRead(b, a.siteKey, "https://cabang.example")).errors === undefined, "the added origin on the other gateway", 5000);
    expect((await changeOnA({ allowedOrigins: [a.origin] })).errors).toBeUndefined();
    await eventually(async () => codeOf(await publicRead(b, a.siteKey, "https://cabang.example")) === "FORBIDDEN", "the removed origin refused on the other gateway", 5000);
  });

  it("refuses a key rotated out with no overlap on the other gateway at once", async () => {
    expect((await publicRead(b, a.siteKey)).errors).toBeUndefined();
    const rotated = (await a.gql<{ rotateSiteKey: Access }>(ROTATE, { h: 0 }, { token: adminA, siteKey: null })).data!.rotateSiteKey;
    await eventually(async () => codeOf(await publicRead(b, a.siteKey)) === "UNAUTHENTICATED", "the rotated-out key refused on the other gateway", 5000);
    expect((await publicRead(b, rotated.siteKey)).errors).toBeUndefined();
  });
});
