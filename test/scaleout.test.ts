/**
 * Several gateways on one MariaDB database and one Redis, as behind a load balancer. Runs in the
 * MySQL pass when Redis answers (scripts/test.mjs gates it; CI requires both). Past 400 lines:
 * every behaviour that needs two gateways on one Redis is here, sharing their start-up.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import {
  collect,
  createTestDatabase,
  desk,
  eventually,
  GATEWAY_DIR,
  ManualClock,
  report,
  spawnGateway,
  startTcpProxy,
  startTestGateway,
  TEST_ACTOR,
  TEST_REDIS_URL,
  waitForSubscribers,
  type GatewayProcess,
  type TcpProxy,
  type TestDatabase,
  type TestGateway,
} from "./harness.js";
import { startTestSmtp } from "./mail-kit.js";
import { Receiver } from "./webhook-kit.js";

const SECRET = randomBytes(32).toString("base64url");
// Each run gets its own channel prefix, so concurrent runs on one Redis never hear each other.
const PREFIX = `sigap-test-${randomBytes(4).toString("hex")}`;
const MIN = 60_000;

let db: TestDatabase;
let clock: ManualClock;
let a: TestGateway;
let b: TestGateway;
let agentA: string;
let agentB: string;

beforeAll(async () => {
  db = await createTestDatabase();
  clock = new ManualClock();
  const shared = { database: db, redisUrl: TEST_REDIS_URL, redisPrefix: PREFIX, clock, secret: SECRET };
  a = await startTestGateway(shared);
  // The reports below state impact; the site must let reporters do so (before either gateway caches it).
  await a.services.sites.setSettings(a.site.id, { reporterSetsImpact: true });
  b = await startTestGateway({ ...shared, site: a.site });
  agentA = await a.agentToken(Role.AGENT);
  agentB = await b.agentToken(Role.AGENT);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await db?.drop();
});

const TICKET_UPDATED = `subscription($code: String!, $token: String!) { ticketUpdated(code: $code, token: $token) { code status timeline { kind } } }`;
type Update = { ticketUpdated: { code: string; status: string; timeline: Array<{ kind: string }> } };
const QUEUE_CHANGED = `subscription { queueChanged { kind ticket { code status } } }`;
type QueueUpdate = { queueChanged: { kind: string; ticket: { code: string; status: string } | null } };
const CHANGE_STATUS = `mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { id status } }`;

const idOf = async (gw: TestGateway, token: string, code: string) =>
  (await desk<{ ticket: { id: string } }>(gw, token, `query($id: ID!) { ticket(id: $id) { id } }`, { id: code })).ticket.id;

describe("two gateways on one database and one Redis", () => {
  it("shows a tracker on one gateway the status changes made through the other", async () => {
    const receipt = await report(a);
    const before = a.services.live.active;
    const sub = collect<Update>(a.ws({ siteKey: a.siteKey }), TICKET_UPDATED, { code: receipt.code, token: receipt.trackingToken });
    await waitForSubscribers(a, before + 1);

    const id = await idOf(b, agentB, receipt.code);
    await desk(b, agentB, CHANGE_STATUS, { id, input: { status: "IN_PROGRESS" } });
    await desk(b, agentB, CHANGE_STATUS, { id, input: { status: "PENDING", pendingReason: "REPORTER" } });
    await sub.until(() => sub.events.length >= 2);

    expect(sub.errors).toEqual([]);
    expect(sub.events.map((e) => e.ticketUpdated.status)).toEqual(["IN_PROGRESS", "PENDING"]);
    sub.dispose();
  });

  it("answers trackTicket on one gateway with the changes made through the other, though it had the view in hand", async () => {
    const receipt = await report(a);
    const TRACK = `query($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { status timeline { kind } } }`;
    type Tracked = { trackTicket: { status: string; timeline: Array<{ kind: string }> } };
    const track = async () => (await a.gql<Tracked>(TRACK, { code: receipt.code, token: receipt.trackingToken })).data!.trackTicket;
    // Twice, so the second answer is the one gateway A keeps for the next reader.
    expect((await track()).status).toBe("NEW");
    expect((await track()).status).toBe("NEW");

    const id = await idOf(b, agentB, receipt.code);
    await desk(b, agentB, CHANGE_STATUS, { id, input: { status: "IN_PROGRESS" } });
    // The change's event reaches A over Redis and drops A's copy; A keeps a view 15 s, longer than this waits.
    await eventually(async () => (await track()).status === "IN_PROGRESS", "gateway A answers with the new status");
    expect((await track()).timeline.map((e) => e.kind)).toContain("STATUS_CHANGED");
  });

  it("tells the desk on one gateway about reports taken by the other", async () => {
    const before = b.services.live.active;
    const sub = collect<QueueUpdate>(b.ws({ authorization: `Bearer ${agentB}` }), QUEUE_CHANGED, {});
    await waitForSubscribers(b, before + 1);
    const receipt = await report(a, { urgency: "HIGH" });
    await sub.until(() => sub.events.some((e) => e.queueChanged.ticket?.code === receipt.code));
    expect(sub.events.find((e) => e.queueChanged.ticket?.code === receipt.code)!.queueChanged).toEqual({
      kind: "CREATED",
      ticket: { code: receipt.code, status: "NEW" },
    });
    sub.dispose();
  });

  it("escalates each overdue ticket exactly once when both gateways sweep at the same time", async () => {
    const receipts = await Promise.all(Array.from({ length: 24 }, (_, i) => report(i % 2 ? a : b, { urgency: "HIGH", impact: "HIGH" })));
    clock.advance(11 * MIN);
    // Fresh tokens: the clock moved.
    agentA = await a.agentToken(Role.AGENT);
    agentB = await b.agentToken(Role.AGENT);
    const changed = await Promise.all([a.sweep(), b.sweep(), a.sweep(), b.sweep()]);

    expect(changed.reduce((x, y) => x + y, 0)).toBe(receipts.length);
    for (const r of receipts) {
      const t = await desk<{ ticket: { hierarchyLevel: number; timeline: Array<{ kind: string }> } }>(
        a,
        agentA,
        `query($id: ID!) { ticket(id: $id) { hierarchyLevel timeline { kind } } }`,
        { id: r.code },
      );
      expect(t.ticket.timeline.filter((e) => e.kind === "AUTO_ESCALATED")).toHaveLength(1);
      expect(t.ticket.hierarchyLevel).toBe(1);
    }
  });

  it("fires each SLA ladder step once when both gateways sweep at the same time", async () => {
    const sari = await a.services.agents.create({ siteId: a.site.id, name: "Sari Wulandari", email: `sari.${randomBytes(3).toString("hex")}@contoh.example`, role: Role.SUPERVISOR }, TEST_ACTOR);
    const receipts = await Promise.all(Array.from({ length: 12 }, (_, i) => report(i % 2 ? a : b, { urgency: "MEDIUM", impact: "MEDIUM" })));
    clock.advance(46 * MIN); // P3: the response ladder's 50 % and 75 % steps have come
    agentA = await a.agentToken(Role.AGENT);
    await Promise.all([a.sweep(), b.sweep(), a.sweep(), b.sweep()]);
    for (const r of receipts) {
      const t = await desk<{ ticket: { id: string; timeline: Array<{ kind: string; code: string | null }> } }>(a, agentA, `query($id: ID!) { ticket(id: $id) { id timeline { kind code } } }`, { id: r.code });
      expect(t.ticket.timeline.filter((e) => e.code?.startsWith("SLA_")).map((e) => e.code)).toEqual(["SLA_RESPONSE_50", "SLA_RESPONSE_75"]);
      const rows: Array<{ event_id: string; recipient: string }> = await a.services.ds.query("SELECT event_id, recipient FROM outbox_message WHERE ticket_id = ? AND event_id LIKE ?", [
        t.ticket.id,
        `${t.ticket.id}:sla:RESPONSE:2:%`,
      ]);
      expect(rows.map((row) => row.recipient)).toEqual([sari.email]);
    }
  });

  it("shows the public form on one gateway a setting an admin changed through the other, without waiting out its cache", async () => {
    const admin = await a.agentToken(Role.ADMIN);
    const form = async () => (await b.gql<{ site: { reporterSetsImpact: boolean } }>(`{ site { reporterSetsImpact } }`)).data!.site.reporterSetsImpact;
    const set = async (value: boolean) => {
      const r = await a.gql(`mutation($v: Boolean!) { updateSiteSettings(input: { reporterSetsImpact: $v }) { reporterSetsImpact } }`, { v: value }, { token: admin, siteKey: null });
      expect(r.errors).toBeUndefined();
    };
    // Gateway b caches the site for 30 seconds once read; the change must reach it through Redis well before.
    expect(await form()).toBe(true);
    await set(false);
    try {
      await eventually(async () => (await form()) === false, "gateway b to see the changed setting");
    } finally {
      await set(true);
    }
    await eventually(async () => (await form()) === true, "gateway b to see the setting back");
  });

  it("gives a report on one gateway the SLA policy an admin set through the other, without waiting out its cache", async () => {
    const admin = await a.agentToken(Role.ADMIN);
    const targets = (p3: [number, number]) =>
      [[10, 60], [30, 180], p3, [240, 720], [480, 1440]].map(([responseMinutes, resolutionMinutes], i) => ({ priority: `P${i + 1}`, responseMinutes, resolutionMinutes }));
    const setPolicy = async (p3: [number, number]) => {
      const r = await a.gql(`mutation($t: [SlaTargetInput!]!) { setSlaPolicy(targets: $t) { slaPolicy { priority } } }`, { t: targets(p3) }, { token: admin, siteKey: null });
      expect(r.errors).toBeUndefined();
    };
    const p3Response = async () => (await b.gql<{ site: { slaPolicy: Array<{ priority: string; responseMinutes: number }> } }>(`{ site { slaPolicy { priority responseMinutes } } }`)).data!.site.slaPolicy.find((t) => t.priority === "P3")!.responseMinutes;
    // Gateway b caches the site with its policy for 30 seconds once read.
    expect(await p3Response()).toBe(60);
    await setPolicy([45, 300]);
    try {
      await eventually(async () => (await p3Response()) === 45, "gateway b to see the new policy");
      const receipt = await report(b, { urgency: "MEDIUM", impact: "MEDIUM" });
      expect(receipt.priority).toBe("P3");
      expect((Date.parse(receipt.responseDueAt) - Date.parse(receipt.createdAt)) / MIN).toBe(45);
      expect((Date.parse(receipt.resolutionDueAt) - Date.parse(receipt.createdAt)) / MIN).toBe(300);
    } finally {
      await setPolicy([60, 480]);
    }
    await eventually(async () => (await p3Response()) === 60, "gateway b to see the policy back");
  });

  it("shows the public form a setting the CLI changed, when the CLI has the gateways' Redis", async () => {
    const form = async () => (await b.gql<{ site: { reporterSetsImpact: boolean } }>(`{ site { reporterSetsImpact } }`)).data!.site.reporterSetsImpact;
    const cli = (value: boolean) =>
      promisify(execFile)(join(GATEWAY_DIR, "node_modules/.bin/tsx"), ["src/cli.ts", "site:set", "--site", a.siteKey, "--reporter-sets-impact", String(value)], {
        cwd: GATEWAY_DIR,
        env: { PATH: process.env["PATH"]!, DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: PREFIX, SIGAP_SECRET: SECRET },
      });
    expect(await form()).toBe(true);
    await cli(false);
    try {
      // Gateway b keeps the site 30 seconds once read; the CLI's announcement drops it well before.
      await eventually(async () => (await form()) === false, "gateway b to see the setting the CLI changed");
    } finally {
      await cli(true);
    }
    await eventually(async () => (await form()) === true, "gateway b to see the setting back");
  }, 120_000);

  it("gives 200 concurrent reports split across both gateways 200 distinct codes", async () => {
    // A site of its own, so its sequence starts at 1.
    const site = await a.services.sites.create({ name: "PT Serentak", unitCode: "07", timeZone: "Asia/Jakarta" }, TEST_ACTOR);
    const input = (i: number) => ({ reporterName: `Pelapor ${i}`, description: `Gangguan ${i}` });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (i % 2 ? a : b).gql<{ reportIncident: { code: string } }>(
          `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code } }`,
          { input: input(i) },
          { siteKey: site.siteKey },
        ),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const codes = results.map((r) => r.data!.reportIncident.code);
    expect(new Set(codes).size).toBe(200);
    // Per day (the clock could cross midnight in Jakarta), the sequences are 1..n without a gap.
    const byDay = new Map<string, number[]>();
    for (const code of codes) {
      const [, day, seq] = code.split(".");
      byDay.set(day!, [...(byDay.get(day!) ?? []), Number(seq)]);
    }
    for (const seqs of byDay.values()) expect(seqs.sort((x, y) => x - y)).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });

  it("shows an agent on one gateway who is viewing and typing on a ticket through the other", async () => {
    const receipt = await report(a);
    const id = await idOf(a, agentA, receipt.code);
    const ANNOUNCE = `mutation($id: ID!, $typing: Boolean!) { announcePresence(ticketId: $id, typing: $typing) }`;
    const before = a.services.live.active;
    const sub = collect<{ ticketPresence: Array<{ agentId: string; typing: boolean }> }>(a.ws({ token: agentA }), `subscription($id: ID!) { ticketPresence(ticketId: $id) { agentId typing } }`, { id });
    await waitForSubscribers(a, before + 1);
    const latest = () => sub.events.at(-1)?.ticketPresence;
    await desk(b, agentB, ANNOUNCE, { id, typing: false });
    await sub.until(() => latest()?.length === 1);
    expect(latest()![0]!.agentId).toBe(b.agentId(agentB));
    await desk(b, agentB, ANNOUNCE, { id, typing: true });
    await sub.until(() => latest()?.[0]?.typing === true);
    await desk(b, agentB, `mutation($id: ID!) { leaveTicket(ticketId: $id) }`, { id });
    await sub.until(() => latest()?.length === 0);
    expect(sub.errors).toEqual([]);
    sub.dispose();
  });
});

describe("a gateway process of its own", () => {
  let child: GatewayProcess;
  beforeAll(async () => {
    child = await spawnGateway({ databaseUrl: db.url, redisUrl: TEST_REDIS_URL, redisPrefix: PREFIX, secret: SECRET, siteKey: a.siteKey });
  }, 90_000);
  afterAll(() => child?.close());

  it("shows a tracker on the in-process gateway a change made through the separate process", async () => {
    const receipt = await report(a);
    const before = a.services.live.active;
    const sub = collect<Update>(a.ws({ siteKey: a.siteKey }), TICKET_UPDATED, { code: receipt.code, token: receipt.trackingToken });
    await waitForSubscribers(a, before + 1);

    const token = await a.agentToken(Role.AGENT);
    const found = await child.gql<{ ticket: { id: string } }>(`query($id: ID!) { ticket(id: $id) { id } }`, { id: receipt.code }, { token, siteKey: null });
    expect(found.errors).toBeUndefined();
    const changed = await child.gql(CHANGE_STATUS, { id: found.data!.ticket.id, input: { status: "IN_PROGRESS", note: "dari proses lain" } }, { token, siteKey: null });
    expect(changed.errors).toBeUndefined();

    await sub.until(() => sub.events.length >= 1, 10_000);
    expect(sub.events.map((e) => e.ticketUpdated.status)).toEqual(["IN_PROGRESS"]);
    sub.dispose();
  });
});

describe("a gateway that loses Redis", () => {
  let proxy: TcpProxy;
  let cutOff: TestGateway;
  beforeAll(async () => {
    const target = new URL(TEST_REDIS_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    cutOff = await startTestGateway({ database: db, redisUrl: `redis://127.0.0.1:${proxy.port}`, redisPrefix: PREFIX, clock, secret: SECRET, site: a.site });
  });
  afterAll(async () => {
    await cutOff?.close();
    await proxy?.close();
  });

  it("keeps serving HTTP, reconnects by itself, and resyncs its subscribers", async () => {
    const agent = await cutOff.agentToken(Role.AGENT);
    const receipt = await report(cutOff);
    const before = cutOff.services.live.active;
    const tracker = collect<Update>(cutOff.ws({ siteKey: cutOff.siteKey }), TICKET_UPDATED, { code: receipt.code, token: receipt.trackingToken });
    const queue = collect<QueueUpdate>(cutOff.ws({ authorization: `Bearer ${agent}` }), QUEUE_CHANGED, {});
    await waitForSubscribers(cutOff, before + 2);
    expect(cutOff.services.bus.state).toBe("connected");

    await proxy.cut();
    await eventually(() => cutOff.services.bus.state === "lost", "the gateway to notice Redis is gone");

    // The other gateway changes the tracked ticket meanwhile; the cut-off one cannot hear it.
    const id = await idOf(b, agentB, receipt.code);
    await desk(b, agentB, CHANGE_STATUS, { id, input: { status: "IN_PROGRESS" } });

    // HTTP carries on: reports, queries and mutations, whose announcements must neither throw nor hang.
    const started = Date.now();
    const other = await report(cutOff);
    const tracked = await cutOff.gql<{ trackTicket: { status: string } }>(
      `query($c: String!, $t: String!) { trackTicket(code: $c, token: $t) { status } }`,
      { c: receipt.code, t: receipt.trackingToken },
    );
    expect(tracked.data?.trackTicket.status).toBe("IN_PROGRESS");
    await desk(cutOff, agent, CHANGE_STATUS, { id: await idOf(cutOff, agent, other.code), input: { status: "IN_PROGRESS" } });
    expect(Date.now() - started).toBeLessThan(5_000);
    const ready = await fetch(`${cutOff.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", events: "lost" });

    await proxy.restore();
    await eventually(() => cutOff.services.bus.state === "connected", "the gateway to reconnect to Redis");
    // The tracker is pushed the ticket as it is now, the change it missed included; the desk is told to refetch.
    await tracker.until(() => tracker.events.some((e) => e.ticketUpdated.status === "IN_PROGRESS"));
    await queue.until(() => queue.events.some((e) => e.queueChanged.kind === "RESYNC"));
    expect(queue.events.find((e) => e.queueChanged.kind === "RESYNC")!.queueChanged.ticket).toBeNull();

    // And later changes through the other gateway arrive again.
    const seen = tracker.events.length;
    await desk(b, agentB, CHANGE_STATUS, { id, input: { status: "PENDING", pendingReason: "REPORTER" } });
    await tracker.until(() => tracker.events.length > seen && tracker.events.at(-1)!.ticketUpdated.status === "PENDING");
    expect(tracker.errors).toEqual([]);
    expect(queue.errors).toEqual([]);
  });
});

describe("rate limits shared by two gateways on one Redis", () => {
  let c: TestGateway;
  let d: TestGateway;
  beforeAll(async () => {
    // Realistic budgets, a little smaller so the test is short; each gateway believes X-Forwarded-For from loopback.
    const limited = {
      database: db,
      redisUrl: TEST_REDIS_URL,
      redisPrefix: PREFIX,
      clock,
      secret: SECRET,
      site: a.site,
      rateLimits: { reports: { perAddress: { points: 4, seconds: 3600 } } },
      env: { TRUST_PROXY: "loopback" },
    };
    c = await startTestGateway(limited);
    d = await startTestGateway(limited);
  });
  afterAll(async () => {
    await c?.close();
    await d?.close();
  });

  const send = async (gw: TestGateway, ip: string, query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-sigap-site-key": gw.siteKey, "x-forwarded-for": ip },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as { errors?: Array<{ extensions: Record<string, unknown> }> } };
  };
  const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code trackingToken } }`;
  const input = { reporterName: "Budi", description: "Ipos mati" };

  it("counts one client's reports through both gateways against one budget", async () => {
    const ip = "203.0.113.7";
    for (const gw of [c, d, c, d]) expect((await send(gw, ip, REPORT, { input })).body.errors).toBeUndefined();
    for (const gw of [c, d]) {
      const refused = await send(gw, ip, REPORT, { input });
      expect(refused.status).toBe(429);
      expect(refused.body.errors![0]!.extensions).toMatchObject({ code: "RATE_LIMITED", limit: "reports" });
    }
  });

  it("counts failed token guesses through both gateways against one budget", async () => {
    const receipt = await report(c);
    const ip = "198.51.100.7";
    const track = `query($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { code } }`;
    for (let i = 0; i < 10; i++) {
      const r = await send(i % 2 ? c : d, ip, track, { code: receipt.code, token: `wrong-${i}` });
      expect(r.body.errors![0]!.extensions["code"]).toBe("NOT_FOUND");
    }
    for (const gw of [c, d]) {
      const refused = await send(gw, ip, track, { code: receipt.code, token: receipt.trackingToken });
      expect(refused.body.errors![0]!.extensions).toMatchObject({ code: "RATE_LIMITED", limit: "failedLookups" });
    }
  });
});

describe("two gateways dispatching one outbox", () => {
  it("send each mail exactly once", async () => {
    const smtp = await startTestSmtp();
    const mailDb = await createTestDatabase();
    const shared = { database: mailDb, redisUrl: TEST_REDIS_URL, redisPrefix: `${PREFIX}-mail`, clock: new ManualClock(), secret: SECRET, smtp: { url: smtp.url } };
    const one = await startTestGateway(shared);
    const two = await startTestGateway({ ...shared, site: one.site });
    try {
      const receipts = await Promise.all(Array.from({ length: 24 }, (_, i) => report(i % 2 ? one : two, { reporterEmail: `once${i}@contoh.example` })));
      // Both gateways, two passes each, all at once: claims must not overlap.
      const attempted = await Promise.all([one.dispatch(), two.dispatch(), one.dispatch(), two.dispatch()]);
      expect(attempted.reduce((x, y) => x + y, 0)).toBe(24);
      expect(smtp.mails.length).toBe(24);
      for (const [i, r] of receipts.entries()) expect(smtp.to(`once${i}@contoh.example`).map((m) => m.subject)).toEqual([`Laporan Anda diterima: ${r.code} · PT Contoh`]);
    } finally {
      await one.close();
      await two.close();
      await mailDb.drop();
      await smtp.close();
    }
  });

  it("deliver each webhook exactly once, in order per ticket, when both take turns and run at once", async () => {
    const hooks = await Receiver.start();
    // Each move to IN_PROGRESS is refused once (503): a pass stops every ticket's stream there, so the
    // passes below hand each stream from one gateway to the other at a known point.
    const refused = new Set<string>();
    hooks.answer = (body) => {
      const event = JSON.parse(body) as { id: string; data: { detail: Record<string, unknown> } };
      if (event.data.detail["to"] !== "IN_PROGRESS" || refused.has(event.id)) return 200;
      refused.add(event.id);
      return 503;
    };
    const hookDb = await createTestDatabase();
    const hookClock = new ManualClock();
    const shared = { database: hookDb, redisUrl: TEST_REDIS_URL, redisPrefix: `${PREFIX}-hooks`, clock: hookClock, secret: SECRET, env: { WEBHOOK_ALLOW_PRIVATE: "1" } };
    const one = await startTestGateway(shared);
    const two = await startTestGateway({ ...shared, site: one.site });
    try {
      // Before any event, so neither gateway has cached the site's endpoints as none.
      const created = await desk<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
        one,
        await one.agentToken(Role.ADMIN),
        `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`,
        { input: { url: hooks.url, eventTypes: ["TICKET_CREATED", "TICKET_STATUS_CHANGED", "TICKET_RESOLVED"], description: "scale-out receiver" } },
      );
      const endpointId = created.createWebhookEndpoint.endpoint.id;
      const tokens = new Map([[one, await one.agentToken(Role.AGENT)], [two, await two.agentToken(Role.AGENT)]]);
      const gateways = [one, two];
      const moves = [{ status: "IN_PROGRESS" }, { status: "PENDING", pendingReason: "REPORTER" }, { status: "IN_PROGRESS" }, { status: "RESOLVED", resolution: "Diganti", closureCode: "FIXED" }];
      const receipts = await Promise.all(Array.from({ length: 8 }, (_, i) => report(gateways[i % 2]!)));
      // Each ticket's changes alternate between the gateways; the tickets move side by side.
      const ids = await Promise.all(receipts.map((r) => idOf(one, tokens.get(one)!, r.code)));
      for (const [step, input] of moves.entries()) {
        await Promise.all(ids.map((id, i) => desk(gateways[(i + step) % 2]!, tokens.get(gateways[(i + step) % 2]!)!, CHANGE_STATUS, { id, input })));
      }

      const written: Array<{ event_id: string; ticket_id: string }> = await one.services.ds.query(
        "SELECT event_id, ticket_id FROM outbox_message WHERE channel = 'WEBHOOK' AND recipient = ? ORDER BY id",
        [endpointId],
      );
      expect(written).toHaveLength(8 * (1 + moves.length));
      const pending = async () => Number((await one.services.ds.query("SELECT COUNT(*) AS n FROM outbox_message WHERE channel = 'WEBHOOK' AND status <> 'SENT'"))[0].n);
      const attempts = new Map([[one, 0], [two, 0]]);
      // Counted after the pass: two passes of one gateway run at once below, and reading the count
      // before awaiting would let one overwrite the other's.
      const pass = async (gw: TestGateway) => {
        const n = await gw.dispatch();
        attempts.set(gw, attempts.get(gw)! + n);
      };
      // Turns: gateway one sends each ticket's created event and is refused its first IN_PROGRESS;
      await pass(one);
      expect(attempts.get(one)).toBe(16);
      // past the retry delay, gateway two sends that IN_PROGRESS and PENDING and is refused the second IN_PROGRESS;
      hookClock.advance(MIN);
      await pass(two);
      expect(attempts.get(two)).toBe(24);
      // then both at once, two passes each, finish the streams.
      for (let round = 0; round < 10 && (await pending()) > 0; round++) {
        hookClock.advance(MIN);
        await Promise.all([pass(one), pass(two), pass(one), pass(two)]);
      }
      expect(await pending()).toBe(0);
      // Every attempt either gateway made reached the receiver once: each event, and the 16 refusals.
      expect(attempts.get(one)! + attempts.get(two)!).toBe(hooks.got.length);
      expect(hooks.got.length).toBe(written.length + 16);

      const accepted = hooks.accepted();
      // Exactly once: every event written for the endpoint was accepted once, and nothing else was.
      expect(accepted.map((b) => b.id).sort()).toEqual(written.map((w) => w.event_id).sort());
      expect(new Set(hooks.got.filter((r) => r.answered < 300).map((r) => r.headers["webhook-id"])).size).toBe(written.length);
      // In order per ticket: the receiver accepted each ticket's events in the order they were written.
      for (const id of ids) {
        expect(accepted.filter((b) => b.data.ticket.id === id).map((b) => b.id)).toEqual(written.filter((w) => w.ticket_id === id).map((w) => w.event_id));
        expect(accepted.filter((b) => b.data.ticket.id === id).map((b) => `${b.type}:${String(b.data.detail["to"])}`)).toEqual([
          "ticket.created:NEW",
          "ticket.status_changed:IN_PROGRESS",
          "ticket.status_changed:PENDING",
          "ticket.status_changed:IN_PROGRESS",
          "ticket.resolved:RESOLVED",
        ]);
      }
    } finally {
      await one.close();
      await two.close();
      await hookDb.drop();
      await hooks.close();
    }
  });
});
