/**
 * Identified reporters and getting back in, through the public surface: host-site reporter
 * tokens signed with an HS256 secret or with RS256/ES256 keys served as a JWKS by a real HTTP
 * server in this test; refusals of bad, expired and foreign tokens; "my tickets" (list, unread
 * desk replies, live); and the one-time link, as received by a real SMTP server.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, collect, desk, report, startTestGateway, TEST_ACTOR, waitForSubscribers, type GqlOptions, type TestGateway } from "./harness.js";
import { linkIn, startTestSmtp, type TestSmtp } from "./mail-kit.js";

const SECRET = "a-host-site-secret-of-at-least-32-characters";
const REPORTER = `query { reporter { subject name email } }`;
const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code trackingToken findAgainWith } }`;
const TRACK = `query($code: String!, $token: String) { trackTicket(code: $code, token: $token) { code description status } }`;
const MY = `query($first: Int, $after: String) { myTickets(first: $first, after: $after) { items { code status summary unreadReplies } nextCursor } }`;
const REPLY = `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Sudah kami cek, Pak." }) { id } }`;
const ID_OF = `query($id: ID!) { ticket(id: $id) { id } }`;
const REQUEST_LINK = `mutation($code: String!, $contact: String!) { requestTrackingLink(code: $code, contact: $contact) }`;
const OPEN_LINK = `mutation($link: String!) { openTrackingLink(link: $link) { code trackingToken } }`;

interface Jwks {
  url: string;
  keys: JWK[];
  fetches: number;
  close(): Promise<void>;
}

/** A host site's identity provider: its JWKS over HTTP, counting fetches. */
async function startJwks(): Promise<Jwks> {
  const jwks: Jwks = { url: "", keys: [], fetches: 0, close: async () => undefined };
  const server: Server = createServer((_req, res) => {
    jwks.fetches++;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ keys: jwks.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  jwks.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  jwks.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return jwks;
}

let smtp: TestSmtp;
let gw: TestGateway;
let jwks: Jwks;
let agent: string;
let jwksSite: TestGateway["site"];
let bareSite: TestGateway["site"];
let rsa: { privateKey: CryptoKey; kid: string };
let ec: { privateKey: CryptoKey; kid: string };

interface Claims {
  sub?: string;
  name?: string;
  email?: string;
  aud?: string;
  /** Seconds from the gateway's now; negative is in the past. */
  expIn?: number | null;
}

/** A reporter token as the host site signs it, timed by the gateway's clock. */
async function sign(claims: Claims = {}, key: { alg: string; secret?: string; privateKey?: CryptoKey; kid?: string } = { alg: "HS256" }): Promise<string> {
  const now = Math.floor(gw.clock.now().getTime() / 1000);
  const body: Record<string, unknown> = {};
  if (claims.sub !== undefined || !("sub" in claims)) body["sub"] = claims.sub ?? "user-1";
  if (claims.name !== undefined) body["name"] = claims.name;
  if (claims.email !== undefined) body["email"] = claims.email;
  const jwt = new SignJWT(body).setProtectedHeader({ alg: key.alg, ...(key.kid ? { kid: key.kid } : {}) }).setIssuedAt(now).setAudience(claims.aud ?? gw.siteKey);
  if (claims.expIn !== null) jwt.setExpirationTime(now + (claims.expIn ?? 600));
  return jwt.sign(key.privateKey ?? new TextEncoder().encode(key.secret ?? SECRET));
}

const as = (reporterToken: string, siteKey?: string): GqlOptions => ({ reporterToken, ...(siteKey ? { siteKey } : {}) });
const idOf = async (code: string) => (await desk<{ ticket: { id: string } }>(gw, agent, ID_OF, { id: code })).ticket.id;

beforeAll(async () => {
  smtp = await startTestSmtp();
  jwks = await startJwks();
  gw = await startTestGateway({ smtp: { url: smtp.url } });
  agent = await gw.agentToken(Role.AGENT, "Dewi Lestari");
  await gw.services.sites.setIdentity(gw.site.id, { secret: SECRET, jwksUrl: null }, TEST_ACTOR);
  jwksSite = await gw.services.sites.create({ name: "PT Kunci", unitCode: "02", allowedOrigins: [gw.origin] }, TEST_ACTOR);
  await gw.services.sites.setIdentity(jwksSite.id, { secret: null, jwksUrl: jwks.url }, TEST_ACTOR);
  bareSite = await gw.services.sites.create({ name: "PT Polos", unitCode: "03", allowedOrigins: [gw.origin] }, TEST_ACTOR);
  const r = await generateKeyPair("RS256");
  const e = await generateKeyPair("ES256");
  rsa = { privateKey: r.privateKey, kid: "rsa-1" };
  ec = { privateKey: e.privateKey, kid: "ec-1" };
  jwks.keys = [
    { ...(await exportJWK(r.publicKey)), kid: rsa.kid, alg: "RS256", use: "sig" },
    { ...(await exportJWK(e.publicKey)), kid: ec.kid, alg: "ES256", use: "sig" },
  ];
});
afterAll(async () => {
  await gw?.close();
  await smtp?.close();
  await jwks?.close();
});

describe("identified reporters (HS256)", () => {
  it("are named by the reporter query from their token", async () => {
    const r = await gw.gql(REPORTER, {}, as(await sign({ sub: "user-1", name: "Budi Santoso", email: "Budi@Contoh.Example" })));
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ reporter: { subject: "user-1", name: "Budi Santoso", email: "budi@contoh.example" } });
    expect((await gw.gql(REPORTER)).data).toEqual({ reporter: null });
  });

  it("report with the token's name and e-mail, and find their ticket again by signing in", async () => {
    const token = await sign({ sub: "user-2", name: "Siti Aminah", email: "siti@contoh.example" });
    const r = await gw.gql<{ reportIncident: { code: string; findAgainWith: string[] } }>(
      REPORT,
      { input: { reporterName: "Someone Else", reporterEmail: "else@contoh.example", description: "Printer lantai 2 macet" } },
      as(token),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.reportIncident.findAgainWith).toEqual(["SIGN_IN"]);
    const code = r.data!.reportIncident.code;
    const tracked = await gw.gql<{ trackTicket: { code: string; description: string } }>(TRACK, { code }, as(token));
    expect(tracked.errors).toBeUndefined();
    expect(tracked.data!.trackTicket).toMatchObject({ code, description: "Printer lantai 2 macet" });
    const rows: Array<{ reporter_name: string; reporter_email: string; reporter_subject: string }> = await gw.services.ds.query(
      "SELECT reporter_name, reporter_email, reporter_subject FROM ticket WHERE code = ?",
      [code],
    );
    expect(rows).toEqual([{ reporter_name: "Siti Aminah", reporter_email: "siti@contoh.example", reporter_subject: "user-2" }]);
    // Someone else's token does not open it by code alone.
    const other = await gw.gql(TRACK, { code }, as(await sign({ sub: "user-3" })));
    expect(codeOf(other)).toBe("NOT_FOUND");
    // Nor does no token at all.
    expect(codeOf(await gw.gql(TRACK, { code }))).toBe("BAD_USER_INPUT");

    // The reporter replies by code alone; someone else cannot.
    const REPLY_AS_REPORTER = `mutation($code: String!) { addReporterMessage(code: $code, input: { body: "Masih macet." }) { timeline { message } } }`;
    const replied = await gw.gql<{ addReporterMessage: { timeline: Array<{ message: string | null }> } }>(REPLY_AS_REPORTER, { code }, as(token));
    expect(replied.errors).toBeUndefined();
    expect(replied.data!.addReporterMessage.timeline.map((e) => e.message)).toContain("Masih macet.");
    expect(codeOf(await gw.gql(REPLY_AS_REPORTER, { code }, as(await sign({ sub: "user-3" }))))).toBe("NOT_FOUND");
  });

  it.each([
    ["an expired token", () => sign({ expIn: -60 }), "has expired"],
    ["a token for another site", () => sign({ aud: "pk_someone_else" }), "another site"],
    ["a token signed with another secret", () => sign({}, { alg: "HS256", secret: "not-the-site-secret-but-long-enough-anyway" }), "does not verify"],
    ["a token without exp", () => sign({ expIn: null }), "must carry sub"],
    ["garbage", async () => "not-a-jwt", "not a signed JWT"],
  ])("refuses %s with UNAUTHENTICATED, never anonymously", async (_name, make, words) => {
    const token = await make();
    for (const [query, variables] of [
      [REPORTER, {}],
      [REPORT, { input: { reporterName: "Budi", description: "Ipos tidak bisa login" } }],
    ] as const) {
      const r = await gw.gql(query, variables, as(token));
      expect(codeOf(r)).toBe("UNAUTHENTICATED");
      expect(r.errors![0]!.message).toContain(words);
    }
    // Even beside a good tracking token.
    const anon = await report(gw);
    const tracked = await gw.gql(TRACK, { code: anon.code, token: anon.trackingToken }, as(token));
    expect(codeOf(tracked)).toBe("UNAUTHENTICATED");
  });

  it("refuses any token on a site that accepts none", async () => {
    const r = await gw.gql(REPORTER, {}, as(await sign({ aud: bareSite.siteKey }), bareSite.siteKey));
    expect(codeOf(r)).toBe("UNAUTHENTICATED");
    expect(r.errors![0]!.message).toContain("site:identity");
  });

  it("refuses the subscription of a tracker with a bad token", async () => {
    const anon = await report(gw);
    const client = gw.ws({ siteKey: gw.siteKey, reporterToken: await sign({ expIn: -1 }) });
    const sub = collect(client, `subscription($code: String!, $token: String) { ticketUpdated(code: $code, token: $token) { code } }`, { code: anon.code, token: anon.trackingToken });
    await sub.until(() => sub.errors.length > 0 || sub.done);
    expect(JSON.stringify(sub.errors)).toContain("UNAUTHENTICATED");
    sub.dispose();
  });
});

describe("my tickets", () => {
  it("lists only this reporter's tickets on this site, newest first, paged, with unread desk replies", async () => {
    const me = await sign({ sub: "user-my", name: "Agus", email: "agus@contoh.example" });
    const codes: string[] = [];
    for (const d of ["Satu", "Dua", "Tiga"]) {
      const r = await gw.gql<{ reportIncident: { code: string } }>(REPORT, { input: { reporterName: "Agus", description: `Masalah ${d}` } }, as(me));
      codes.push(r.data!.reportIncident.code);
    }
    await gw.gql(REPORT, { input: { reporterName: "Lain", description: "Milik orang lain" } }, as(await sign({ sub: "user-other" })));
    await report(gw, { description: "Anonim" });

    const first = await gw.gql<{ myTickets: { items: Array<{ code: string; summary: string; unreadReplies: number }>; nextCursor: string | null } }>(MY, { first: 2 }, as(me));
    expect(first.errors).toBeUndefined();
    expect(first.data!.myTickets.items.map((t) => t.code)).toEqual([codes[2], codes[1]]);
    const rest = await gw.gql<{ myTickets: { items: Array<{ code: string }>; nextCursor: string | null } }>(MY, { first: 2, after: first.data!.myTickets.nextCursor }, as(me));
    expect(rest.data!.myTickets).toEqual({ items: [expect.objectContaining({ code: codes[0] })], nextCursor: null });

    const id = await idOf(codes[0]!);
    await desk(gw, agent, REPLY, { id });
    await desk(gw, agent, REPLY, { id });
    const unread = async () => (await gw.gql<{ myTickets: { items: Array<{ code: string; unreadReplies: number }> } }>(MY, {}, as(me))).data!.myTickets.items.find((t) => t.code === codes[0])!.unreadReplies;
    expect(await unread()).toBe(2);
    await gw.gql(TRACK, { code: codes[0] }, as(me));
    expect(await unread()).toBe(0);

    // The same subject on another site is another reporter.
    const elsewhere = await sign({ sub: "user-my", aud: jwksSite.siteKey }, { alg: "RS256", privateKey: rsa.privateKey, kid: rsa.kid });
    const there = await gw.gql<{ myTickets: { items: unknown[] } }>(MY, {}, as(elsewhere, jwksSite.siteKey));
    expect(there.errors).toBeUndefined();
    expect(there.data!.myTickets.items).toEqual([]);
  });

  it("rates a resolved ticket by code alone, once", async () => {
    const me = await sign({ sub: "user-rate", name: "Wati" });
    const r = await gw.gql<{ reportIncident: { code: string } }>(REPORT, { input: { reporterName: "Wati", description: "Monitor berkedip" } }, as(me));
    const code = r.data!.reportIncident.code;
    const id = await idOf(code);
    await desk(gw, agent, `mutation($id: ID!) { assignTicket(id: $id, input: { assigneeId: "me" }) { id } }`, { id });
    await desk(gw, agent, `mutation($id: ID!) { changeTicketStatus(id: $id, input: { status: IN_PROGRESS }) { id } }`, { id });
    await desk(gw, agent, `mutation($id: ID!) { resolveTicket(id: $id, input: { resolution: "Kabel diganti", closureCode: "FIXED" }) { id } }`, { id });
    const RATE = `mutation($code: String!) { submitFeedback(code: $code, input: { serviceRating: 5, restoredRating: 4, informationRating: 5 }) { feedbackOpen } }`;
    expect(codeOf(await gw.gql(RATE, { code }, as(await sign({ sub: "user-not-wati" }))))).toBe("NOT_FOUND");
    const rated = await gw.gql(RATE, { code }, as(me));
    expect(rated).toEqual({ data: { submitFeedback: { feedbackOpen: false } } });
    expect(codeOf(await gw.gql(RATE, { code }, as(me)))).toBe("CONFLICT");
  });

  it("needs a reporter token", async () => {
    const r = await gw.gql(MY);
    expect(codeOf(r)).toBe("UNAUTHENTICATED");
  });

  it("live: a desk reply on one of my tickets pushes my list again", async () => {
    const me = await sign({ sub: "user-live", name: "Rina" });
    const r = await gw.gql<{ reportIncident: { code: string } }>(REPORT, { input: { reporterName: "Rina", description: "Wifi putus" } }, as(me));
    const code = r.data!.reportIncident.code;
    const before = gw.services.live.active;
    const client = gw.ws({ siteKey: gw.siteKey, reporterToken: me });
    const sub = collect<{ myTicketsChanged: { items: Array<{ code: string; unreadReplies: number }> } }>(client, `subscription { myTicketsChanged { items { code unreadReplies } } }`, {});
    await waitForSubscribers(gw, before + 1);
    await desk(gw, agent, REPLY, { id: await idOf(code) });
    await sub.until(() => sub.events.length >= 1);
    expect(sub.errors).toEqual([]);
    expect(sub.events.at(-1)!.myTicketsChanged.items).toEqual([{ code, unreadReplies: 1 }]);
    // Someone else's ticket changing says nothing to this reporter.
    const other = await report(gw);
    await desk(gw, agent, REPLY, { id: await idOf(other.code) });
    await desk(gw, agent, REPLY, { id: await idOf(code) });
    await sub.until(() => sub.events.length >= 2);
    expect(sub.events.map((e) => e.myTicketsChanged.items[0]!.unreadReplies)).toEqual([1, 2]);
    sub.dispose();
  });
});

describe("identified reporters (JWKS)", () => {
  it.each([
    ["RS256", () => rsa],
    ["ES256", () => ec],
  ])("verify %s tokens against the site's JWKS", async (alg, key) => {
    const token = await sign({ sub: `jwks-${alg}`, name: "Joko", aud: jwksSite.siteKey }, { alg, privateKey: key().privateKey, kid: key().kid });
    const r = await gw.gql(REPORTER, {}, as(token, jwksSite.siteKey));
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ reporter: { subject: `jwks-${alg}`, name: "Joko", email: null } });
  });

  it("fetches the key set once and keeps it", async () => {
    const fetched = jwks.fetches;
    for (let i = 0; i < 3; i++) {
      const token = await sign({ aud: jwksSite.siteKey }, { alg: "RS256", privateKey: rsa.privateKey, kid: rsa.kid });
      expect((await gw.gql(REPORTER, {}, as(token, jwksSite.siteKey))).errors).toBeUndefined();
    }
    expect(jwks.fetches).toBe(fetched);
  });

  it("says the keys could not be read when the site's JWKS does not answer, without taking the reporter as anonymous", async () => {
    const down = await gw.services.sites.create({ name: "PT Mati", unitCode: "04", allowedOrigins: [gw.origin] }, TEST_ACTOR);
    await gw.services.sites.setIdentity(down.id, { secret: null, jwksUrl: "http://127.0.0.1:9/jwks.json" }, TEST_ACTOR);
    const token = await sign({ aud: down.siteKey }, { alg: "RS256", privateKey: rsa.privateKey, kid: rsa.kid });
    const r = await gw.gql(REPORT, { input: { reporterName: "Budi", description: "Ipos mati" } }, as(token, down.siteKey));
    expect(codeOf(r)).toBe("SERVICE_UNAVAILABLE");
    expect(r.errors![0]!.message).toContain("JWKS could not be fetched");
  });

  it.each([
    ["a key not in the JWKS", async () => sign({ aud: jwksSite.siteKey }, { alg: "RS256", privateKey: (await generateKeyPair("RS256")).privateKey, kid: rsa.kid })],
    ["an HS256 token (the site verifies with its JWKS only)", () => sign({ aud: jwksSite.siteKey })],
    ["a token for the HS256 site", () => sign({}, { alg: "RS256", privateKey: rsa.privateKey, kid: rsa.kid })],
  ])("refuse %s", async (_name, make) => {
    const r = await gw.gql(REPORTER, {}, as(await make(), jwksSite.siteKey));
    expect(codeOf(r)).toBe("UNAUTHENTICATED");
  });
});

describe("getting back in with a one-time link", () => {
  it("the receipt says what the tracker asks for", async () => {
    const withEmail = await gw.gql<{ reportIncident: { findAgainWith: string[] } }>(REPORT, { input: { reporterName: "Budi", reporterEmail: "budi@contoh.example", reporterPhone: "0812 3456 789", description: "Ipos mati" } });
    expect(withEmail.data!.reportIncident.findAgainWith).toEqual(["CODE", "EMAIL", "PHONE"]);
    const phoneOnly = await gw.gql<{ reportIncident: { findAgainWith: string[] } }>(REPORT, { input: { reporterName: "Budi", reporterPhone: "0812 3456 789", description: "Ipos mati" } });
    expect(phoneOnly.data!.reportIncident.findAgainWith).toEqual(["CODE", "TRACKING_TOKEN"]);
  });

  it("mails a link for the code and e-mail (or phone), opens the ticket once, and answers the same when nothing matched", async () => {
    const r = await report(gw, { reporterEmail: "dewi.s@contoh.example", reporterPhone: "0812-1111-2222", language: "en" });
    await gw.dispatch();
    const receipts = smtp.to("dewi.s@contoh.example").length;
    // The receipt says what the tracker will ask for.
    expect(smtp.to("dewi.s@contoh.example")[0]!.text).toContain(`the tracker asks for the ticket code ${r.code} and this e-mail address`);

    for (const [code, contact] of [
      [r.code, "someone@contoh.example"],
      [r.code, "0812 0000 0000"],
      ["01.01011999.999", "dewi.s@contoh.example"],
    ]) {
      const wrong = await gw.gql(REQUEST_LINK, { code, contact });
      expect(wrong).toEqual({ data: { requestTrackingLink: true } });
    }
    await gw.dispatch();
    expect(smtp.to("dewi.s@contoh.example")).toHaveLength(receipts);

    expect(await gw.gql(REQUEST_LINK, { code: r.code, contact: "+62 812 1111 2222" })).toEqual({ data: { requestTrackingLink: true } });
    await gw.dispatch();
    const mails = smtp.to("dewi.s@contoh.example").slice(receipts);
    expect(mails.map((m) => m.subject)).toEqual([`Your link to ticket ${r.code} · PT Contoh`]);
    const link = linkIn(mails[0]!, gw.url);
    expect(link.searchParams.get("code")).toBe(r.code);
    expect(link.searchParams.has("token")).toBe(false);

    const opened = await gw.gql<{ openTrackingLink: { code: string; trackingToken: string } }>(OPEN_LINK, { link: link.searchParams.get("link") });
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.openTrackingLink.code).toBe(r.code);
    const fresh = await gw.gql(TRACK, { code: r.code, token: opened.data!.openTrackingLink.trackingToken });
    expect(fresh.errors).toBeUndefined();
    expect(codeOf(await gw.gql(TRACK, { code: r.code, token: r.trackingToken }))).toBe("NOT_FOUND");
    // Single use.
    expect(codeOf(await gw.gql(OPEN_LINK, { link: link.searchParams.get("link") }))).toBe("NOT_FOUND");
    // Not on another site.
    expect(codeOf(await gw.gql(OPEN_LINK, { link: link.searchParams.get("link") }, { siteKey: jwksSite.siteKey }))).toBe("NOT_FOUND");
  });

  it("expires, and mails one ticket at most three links an hour", async () => {
    const r = await report(gw, { reporterEmail: "lina@contoh.example" });
    await gw.dispatch();
    const receipts = smtp.to("lina@contoh.example").length;
    for (let i = 0; i < 5; i++) await gw.gql(REQUEST_LINK, { code: r.code, contact: "lina@contoh.example" });
    await gw.dispatch();
    const links = smtp.to("lina@contoh.example").slice(receipts);
    expect(links).toHaveLength(3);
    gw.clock.advance(31 * 60_000);
    const stale = await gw.gql(OPEN_LINK, { link: linkIn(links[0]!, gw.url).searchParams.get("link") });
    expect(codeOf(stale)).toBe("NOT_FOUND");
    expect(stale.errors![0]!.message).toContain("expired");
  });
});

describe("the brute-force limit on link requests", () => {
  let limited: TestGateway;
  beforeAll(async () => {
    limited = await startTestGateway({ rateLimits: { trackingLinks: { perAddress: { points: 2, seconds: 3600 } } } });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it("refuses a third request from one address within the hour", async () => {
    const r = await report(limited);
    for (let i = 0; i < 2; i++) expect((await limited.gql(REQUEST_LINK, { code: r.code, contact: `guess${i}@contoh.example` })).errors).toBeUndefined();
    const third = await limited.gql(REQUEST_LINK, { code: r.code, contact: "guess3@contoh.example" });
    expect(codeOf(third)).toBe("RATE_LIMITED");
  });
});
