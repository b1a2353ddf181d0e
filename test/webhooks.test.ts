/**
 * Webhooks as an integrator's receiver sees them: a real HTTP server in this process, endpoints
 * managed over GraphQL, events raised through the notification backbone (`services.notifications`)
 * and delivered by its dispatcher as the test moves the clock.
 */
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Role, type DomainEvent, type DomainEventType, type OutboxDraft } from "@sigap/gateway";
import { codeOf, desk, report, startTestGateway, TEST_ACTOR, type TestGateway } from "./harness.js";
import { Receiver, type Received } from "./webhook-kit.js";

const ENDPOINT = "id url eventTypes enabled disabledReason failingSince previousSecretExpiresAt";
const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT} } } }`;
const DELIVERIES = `query($filter: WebhookDeliveryFilter) { webhookDeliveries(filter: $filter, first: 200) { id endpointId eventId eventType webhookId attempt replay ok statusCode latencyMs responseExcerpt error } }`;
type Endpoint = { id: string; url: string; eventTypes: string[]; enabled: boolean; disabledReason: string | null; failingSince: string | null; previousSecretExpiresAt: string | null };
type Delivery = { id: string; endpointId: string; eventId: string; eventType: string; webhookId: string; attempt: number; replay: boolean; ok: boolean; statusCode: number | null; latencyMs: number | null; responseExcerpt: string | null; error: string | null };

let gw: TestGateway;
let adminId: string;
const receivers: Receiver[] = [];
let raised = 0;

beforeAll(async () => {
  gw = await startTestGateway({ env: { WEBHOOK_ALLOW_PRIVATE: "1" } });
  adminId = gw.agentId(await gw.agentToken(Role.ADMIN, "Admin Sigap"));
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await gw?.close();
});
// Every endpoint of the site receives every event of its types: each test starts with none.
afterEach(async () => {
  for (const e of await gw.services.webhooks.list(gw.site.id)) await gw.services.webhooks.remove(gw.site.id, e.id, TEST_ACTOR);
});

/** A fresh token of the site's admin: tests move the clock by days, past any token's life. */
async function admin(): Promise<string> {
  const agent = (await gw.services.agents.list(gw.site.id)).find((a) => a.id === adminId)!;
  return gw.services.agents.mintToken(agent);
}

async function receiver(): Promise<Receiver> {
  const r = await Receiver.start();
  receivers.push(r);
  return r;
}

async function createEndpoint(url: string, eventTypes: string[]): Promise<{ secret: string; endpoint: Endpoint }> {
  const r = await desk<{ createWebhookEndpoint: { secret: string; endpoint: Endpoint } }>(gw, await admin(), CREATE, { input: { url, eventTypes, description: "test receiver" } });
  return r.createWebhookEndpoint;
}

/** Raises one event on a ticket through the backbone, as a desk change would; returns its id. */
async function raise(on: TestGateway, code: string, type: DomainEventType, detail: Record<string, unknown> = {}): Promise<string> {
  const id = `test-${++raised}-${type}`;
  await on.services.ds.transaction(async (em) => {
    const ticket = await em.getRepository<DomainEvent["ticket"]>("TicketEntity").findOneByOrFail({ code });
    const event: DomainEvent = { id, type, siteId: ticket.siteId, ticketId: ticket.id, at: on.clock.now(), ticket, entry: null, detail };
    await on.services.notifications.raise(em, [event]);
  });
  return id;
}

/** Dispatches until `done`, moving the clock by `stepMs` between passes; false if it never is. */
async function drain(on: TestGateway, done: () => boolean, stepMs: number, rounds = 40): Promise<boolean> {
  for (let i = 0; i < rounds; i++) {
    await on.services.notifications.dispatch();
    if (done()) return true;
    on.clock.advance(stepMs);
  }
  return done();
}

/** Whether `secret` signed this request, checked by the specification's reference package at the request's own timestamp. */
function signedWith(secret: string, r: Received): boolean {
  const id = String(r.headers["webhook-id"]);
  const at = new Date(Number(r.headers["webhook-timestamp"]) * 1000);
  const expected = new Webhook(secret).sign(id, at, r.body);
  return String(r.headers["webhook-signature"]).split(" ").includes(expected);
}

describe("webhooks", () => {
  it("signs to the Standard Webhooks specification: the reference package verifies every request", async () => {
    const rx = await receiver();
    const { secret, endpoint } = await createEndpoint(rx.url, ["TICKET_CREATED"]);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(endpoint).toMatchObject({ url: rx.url, eventTypes: ["TICKET_CREATED"], enabled: true });
    const t = await report(gw, { reporterPhone: "081234567890" });
    const id = await raise(gw, t.code, "ticket.created");
    expect(await drain(gw, () => rx.accepted().some((b) => b.id === id), 1000)).toBe(true);

    const request = rx.got.find((r) => JSON.parse(r.body).id === id)!;
    const verified = new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as { id: string };
    expect(verified.id).toBe(id);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(String(request.headers["webhook-id"])).toMatch(/^msg_/);
    expect(() => new Webhook(`whsec_${Buffer.from("another secret of enough length").toString("base64")}`).verify(request.body, request.headers as Record<string, string>)).toThrow();
  });

  it("carries what an SMS or WhatsApp gateway needs in ticket.created, and no tracking token (the README recipe)", async () => {
    const rx = await receiver();
    await createEndpoint(rx.url, ["TICKET_CREATED"]);
    const t = await report(gw, { reporterPhone: "081234567890", reporterName: "Siti Aminah", urgency: "HIGH" });
    const id = await raise(gw, t.code, "ticket.created");
    expect(await drain(gw, () => rx.accepted().some((b) => b.id === id), 1000)).toBe(true);
    const body = rx.accepted().find((b) => b.id === id)!;
    expect(body).toMatchObject({
      version: 1,
      type: "ticket.created",
      siteId: gw.site.id,
      data: {
        ticket: {
          code: t.code,
          status: "NEW",
          priority: t.priority,
          reporter: { name: "Siti Aminah", phone: "081234567890", email: "budi@contoh.example" },
          responseDueAt: t.responseDueAt,
          resolutionDueAt: t.resolutionDueAt,
        },
      },
    });
    expect(new Date(String(body["timestamp"])).toString()).not.toBe("Invalid Date");
    const raw = rx.got.find((r) => JSON.parse(r.body).id === id)!.body;
    expect(raw).not.toContain(t.trackingToken);
    expect(raw).not.toMatch(/trackingToken|idempotency|fingerprint/i);
  });

  it("gets every event once and in order per ticket from a receiver that fails and then recovers", async () => {
    const rx = await receiver();
    rx.answer = () => 500;
    const { endpoint } = await createEndpoint(rx.url, ["TICKET_STATUS_CHANGED", "TICKET_ASSIGNED"]);
    const a = await report(gw);
    const b = await report(gw);
    const sent = { [a.code]: [] as string[], [b.code]: [] as string[] };
    for (let i = 0; i < 3; i++) {
      sent[a.code]!.push(await raise(gw, a.code, "ticket.status_changed", { step: i }));
      if (i < 2) sent[b.code]!.push(await raise(gw, b.code, "ticket.assigned", { step: i }));
    }
    // Two rounds of failures: the heads of both tickets' lines are tried and refused.
    await gw.services.notifications.dispatch();
    gw.clock.advance(60_000);
    await gw.services.notifications.dispatch();
    expect(rx.got.length).toBeGreaterThanOrEqual(2);
    expect(rx.accepted()).toEqual([]);

    rx.answer = () => 204;
    const all = [...sent[a.code]!, ...sent[b.code]!];
    expect(await drain(gw, () => all.every((id) => rx.accepted().some((x) => x.id === id)), 30 * 60_000)).toBe(true);
    const accepted = rx.accepted();
    for (const code of [a.code, b.code]) {
      expect(accepted.filter((x) => x.data.ticket.code === code && x.id.startsWith("test-")).map((x) => x.id)).toEqual(sent[code]);
    }
    // Retries of one event carry the same webhook-id.
    const first = sent[a.code]![0]!;
    const ids = new Set(rx.got.filter((r) => JSON.parse(r.body).id === first).map((r) => r.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    const log = await desk<{ webhookDeliveries: Delivery[] }>(gw, await admin(), DELIVERIES, { filter: { endpointId: endpoint.id } });
    const attempts = log.webhookDeliveries.filter((d) => d.eventId === first).sort((x, y) => x.attempt - y.attempt);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts[0]).toMatchObject({ attempt: 1, ok: false, statusCode: 500, replay: false });
    expect(attempts[0]!.responseExcerpt!.length).toBe(500);
    expect(attempts.at(-1)).toMatchObject({ ok: true, statusCode: 204 });
    expect(attempts.every((d) => typeof d.latencyMs === "number")).toBe(true);
  });

  it("keeps its connection to a receiver open between deliveries, and delivers every event once after the receiver closed it", async () => {
    const rx = await receiver();
    const { endpoint } = await createEndpoint(rx.url, ["TICKET_STATUS_CHANGED"]);
    const t = await report(gw);
    const ids: string[] = [];
    const deliverNext = async (step: number) => {
      ids.push(await raise(gw, t.code, "ticket.status_changed", { step }));
      expect(await drain(gw, () => rx.got.length === ids.length, 1000)).toBe(true);
    };
    for (let i = 0; i < 3; i++) await deliverNext(i);
    expect(new Set(rx.got.map((r) => r.connection)).size).toBe(1);
    rx.closeIdle();
    for (let i = 3; i < 5; i++) await deliverNext(i);
    expect(rx.accepted().map((b) => b.id)).toEqual(ids);
    expect(rx.got.at(-1)!.connection).not.toBe(rx.got[0]!.connection);
    const log = await desk<{ webhookDeliveries: Delivery[] }>(gw, await admin(), DELIVERIES, { filter: { endpointId: endpoint.id } });
    expect(log.webhookDeliveries.map((d) => [d.attempt, d.ok]).sort()).toEqual(ids.map(() => [1, true]));
  });

  it("stops at once on 410 Gone: one request, the endpoint disabled, the admins told", async () => {
    const rx = await receiver();
    rx.answer = () => 410;
    const { endpoint } = await createEndpoint(rx.url, ["TICKET_RESOLVED"]);
    const notices = captureEnqueued(gw);
    const t = await report(gw);
    await raise(gw, t.code, "ticket.resolved");
    await raise(gw, t.code, "ticket.resolved", { again: true });
    await drain(gw, () => false, 3 * 3_600_000, 12);
    expect(rx.got).toHaveLength(1);
    const r = await desk<{ webhookEndpoints: Endpoint[] }>(gw, await admin(), `{ webhookEndpoints { ${ENDPOINT} } }`);
    const after = r.webhookEndpoints.find((e) => e.id === endpoint.id)!;
    expect(after.enabled).toBe(false);
    expect(after.disabledReason).toMatch(/410 Gone/);
    expect(notices.drafts.filter((d) => d.payload["template"] === "webhook-disabled" && (d.payload["vars"] as Record<string, unknown>)["endpointId"] === endpoint.id).length).toBeGreaterThan(0);
    notices.stop();
  });

  it("signs with both secrets while a rotation overlaps, then with the new one only", async () => {
    const rx = await receiver();
    const { secret: oldSecret, endpoint } = await createEndpoint(rx.url, ["TICKET_CLOSED"]);
    const rotated = await desk<{ rotateWebhookSecret: { secret: string; endpoint: Endpoint } }>(
      gw,
      await admin(),
      `mutation($id: ID!) { rotateWebhookSecret(id: $id, overlapHours: 24) { secret endpoint { ${ENDPOINT} } } }`,
      { id: endpoint.id },
    );
    const newSecret = rotated.rotateWebhookSecret.secret;
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.rotateWebhookSecret.endpoint.previousSecretExpiresAt).not.toBeNull();
    const t = await report(gw);
    const during = await raise(gw, t.code, "ticket.closed");
    expect(await drain(gw, () => rx.accepted().some((x) => x.id === during), 1000)).toBe(true);
    const overlap = rx.got.find((r) => JSON.parse(r.body).id === during)!;
    expect(String(overlap.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(signedWith(newSecret, overlap)).toBe(true);
    expect(signedWith(oldSecret, overlap)).toBe(true);

    gw.clock.advance(25 * 3_600_000);
    const afterwards = await raise(gw, t.code, "ticket.closed", { later: true });
    expect(await drain(gw, () => rx.accepted().some((x) => x.id === afterwards), 1000)).toBe(true);
    const late = rx.got.find((r) => JSON.parse(r.body).id === afterwards)!;
    expect(signedWith(newSecret, late)).toBe(true);
    expect(signedWith(oldSecret, late)).toBe(false);
  });

  it("replays a delivery: the same body and webhook-id again, logged as a new series", async () => {
    const rx = await receiver();
    const { endpoint } = await createEndpoint(rx.url, ["FEEDBACK_SUBMITTED"]);
    const t = await report(gw);
    const id = await raise(gw, t.code, "feedback.submitted", { serviceRating: 5 });
    expect(await drain(gw, () => rx.accepted().some((x) => x.id === id), 1000)).toBe(true);
    const log = await desk<{ webhookDeliveries: Delivery[] }>(gw, await admin(), DELIVERIES, { filter: { endpointId: endpoint.id, ok: true } });
    const original = log.webhookDeliveries.find((d) => d.eventId === id)!;
    const replayed = await desk<{ replayWebhookDelivery: string }>(gw, await admin(), `mutation($id: ID!) { replayWebhookDelivery(id: $id) }`, { id: original.id });
    expect(replayed.replayWebhookDelivery).toMatch(/^replay:/);
    expect(await drain(gw, () => rx.got.filter((r) => JSON.parse(r.body).id === id).length === 2, 1000)).toBe(true);
    const [first, second] = rx.got.filter((r) => JSON.parse(r.body).id === id);
    expect(second!.body).toBe(first!.body);
    expect(second!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
    const after = await desk<{ webhookDeliveries: Delivery[] }>(gw, await admin(), DELIVERIES, { filter: { endpointId: endpoint.id } });
    expect(after.webhookDeliveries.filter((d) => d.eventId === id).map((d) => [d.replay, d.attempt, d.ok])).toEqual([
      [true, 1, true],
      [false, 1, true],
    ]);
  });

  it("forgets an erased reporter: a waiting delivery and a replay of a sent one carry none of their details", async () => {
    const rx = await receiver();
    const { endpoint } = await createEndpoint(rx.url, ["TICKET_CREATED", "TICKET_STATUS_CHANGED"]);
    const t = await report(gw, { reporterName: "Wulan Sari", reporterEmail: "wulan@contoh.example", reporterPhone: "0813-5555-0101" });
    const personal = ["Wulan Sari", "wulan@contoh.example", "0813-5555-0101"];
    expect(await drain(gw, () => rx.accepted().some((x) => x.type === "ticket.created" && x.data.ticket.code === t.code), 1000)).toBe(true);
    const created = rx.got.find((r) => r.body.includes(t.code))!;
    expect(personal.every((p) => created.body.includes(p))).toBe(true);
    // One more event waits in the outbox while the reporter's data is erased.
    const waiting = await raise(gw, t.code, "ticket.status_changed", { from: "NEW", to: "IN_PROGRESS" });
    const erased = await desk<{ eraseReporterData: { tickets: string[] } }>(gw, await admin(), `mutation { eraseReporterData(email: "wulan@contoh.example", includeOpen: true) { tickets } }`);
    expect(erased.eraseReporterData.tickets).toEqual([t.code]);
    const log = await desk<{ webhookDeliveries: Delivery[] }>(gw, await admin(), DELIVERIES, { filter: { endpointId: endpoint.id, eventType: "TICKET_CREATED" } });
    await desk(gw, await admin(), `mutation($id: ID!) { replayWebhookDelivery(id: $id) }`, { id: log.webhookDeliveries[0]!.id });
    expect(await drain(gw, () => rx.got.some((r) => r.body.includes(waiting)) && rx.got.filter((r) => r.body.includes(t.code)).length === 3, 1000)).toBe(true);
    for (const r of rx.got.filter((x) => x.body.includes(t.code)).slice(1)) {
      expect(personal.filter((p) => r.body.includes(p))).toEqual([]);
      expect(JSON.parse(r.body).data.ticket.reporter).toEqual({ name: "[anonymized]", phone: null, email: null });
    }
  });

  it("disables an endpoint that has failed for five days and drafts the webhook-disabled mail to the admins", async () => {
    const rx = await receiver();
    rx.answer = () => 503;
    const { endpoint } = await createEndpoint(rx.url, ["SLA_BREACHED"]);
    const notices = captureEnqueued(gw);
    const t = await report(gw);
    let disabled = false;
    for (let day = 0; day < 8 && !disabled; day++) {
      await raise(gw, t.code, "sla.breached", { day });
      // Twelve-hour steps: longer than the schedule's longest delay, so every pass finds work.
      for (let half = 0; half < 2; half++) {
        await gw.services.notifications.dispatch();
        gw.clock.advance(12 * 3_600_000);
      }
      disabled = !(await gw.services.webhooks.get(gw.site.id, endpoint.id)).enabled;
    }
    expect(disabled).toBe(true);
    const after = await gw.services.webhooks.get(gw.site.id, endpoint.id);
    expect(after.disabledReason).toMatch(/failed for 5 days/);
    const mails = notices.drafts.filter((d) => d.channel === "EMAIL" && d.payload["template"] === "webhook-disabled");
    expect(mails.length).toBeGreaterThan(0);
    expect(mails[0]).toMatchObject({ siteId: gw.site.id, ticketId: null, payload: { language: "id", vars: { endpointId: endpoint.id, endpointUrl: rx.url, siteName: "PT Contoh" } } });
    expect(mails.every((m) => m.recipient === m.payload["to"])).toBe(true);
    const requests = rx.got.length;
    await raise(gw, t.code, "sla.breached", { afterDisabling: true });
    await drain(gw, () => false, 12 * 3_600_000, 3);
    expect(rx.got.length).toBe(requests);
    notices.stop();
  });

  it("is for admins only: an AGENT is FORBIDDEN", async () => {
    const agent = await gw.agentToken(Role.AGENT);
    const list = await gw.gql(`{ webhookEndpoints { id } }`, {}, { token: agent, siteKey: null });
    expect(codeOf(list)).toBe("FORBIDDEN");
    const create = await gw.gql(CREATE, { input: { url: "https://hooks.example.com/x", eventTypes: ["TICKET_CREATED"] } }, { token: agent, siteKey: null });
    expect(codeOf(create)).toBe("FORBIDDEN");
    expect(create.errors?.[0]?.message).toBe("An AGENT may not manage webhooks.");
  });

  it("refuses unknown event types and malformed URLs, naming the field", async () => {
    const r = await gw.gql(CREATE, { input: { url: "ftp://hooks.example.com/", eventTypes: [] } }, { token: await admin(), siteKey: null });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.extensions.fields?.map((f) => f.field).sort()).toEqual(["eventTypes", "url"]);
  });
});

describe("the SSRF guard (WEBHOOK_ALLOW_PRIVATE off)", () => {
  let guarded: TestGateway;
  let guardedAdmin: string;
  beforeAll(async () => {
    guarded = await startTestGateway();
    guardedAdmin = await guarded.agentToken(Role.ADMIN);
  });
  afterAll(() => guarded?.close());

  it.each([
    ["http://127.0.0.1:9/hooks", /loopback/],
    ["http://localhost:9/hooks", /loopback/],
    ["http://[::1]:9/hooks", /loopback/],
    ["http://[::ffff:127.0.0.1]:9/hooks", /loopback/],
    ["http://10.1.2.3/hooks", /private/],
    ["http://192.168.0.10/hooks", /private/],
    ["http://169.254.169.254/latest/meta-data", /link-local/],
    ["http://0.0.0.0:9/", /unspecified/],
  ])("refuses %s at creation", async (url, reason) => {
    const r = await guarded.gql(CREATE, { input: { url, eventTypes: ["TICKET_CREATED"] } }, { token: guardedAdmin, siteKey: null });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.extensions.fields?.[0]?.field).toBe("url");
    expect(r.errors?.[0]?.message).toMatch(reason);
  });

  it("refuses at delivery when the host now resolves to a private address, without sending", async () => {
    const rx = await receiver();
    // As if the host had resolved to a public address at creation and was pointed at loopback since (DNS rebinding).
    const now = guarded.clock.now();
    const endpointId = "00000000-0000-4000-8000-00000000feed";
    await guarded.services.ds.getRepository("WebhookEndpointEntity").insert({
      id: endpointId,
      siteId: guarded.site.id,
      url: rx.url.replace("127.0.0.1", "localhost"),
      description: "",
      eventTypes: ["ticket.created"],
      secret: `whsec_${Buffer.from("0123456789abcdef0123456789abcdef").toString("base64")}`,
      previousSecret: null,
      previousSecretExpiresAt: null,
      enabled: true,
      disabledReason: null,
      failingSince: null,
      createdAt: now,
      updatedAt: now,
    });
    guarded.services.webhooks.forget(guarded.site.id);
    const t = await report(guarded);
    const id = await raise(guarded, t.code, "ticket.created");
    const logged = async () => (await guarded.services.webhooks.deliveries(guarded.site.id, { endpointId })).filter((d) => d.eventId === id);
    for (let i = 0; i < 5 && !(await logged()).length; i++) await guarded.services.notifications.dispatch();
    const rows = await logged();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ok: false, statusCode: null });
    expect(rows[0]!.error).toMatch(/^refused: localhost \((127\.0\.0\.1|::1)\) is a loopback address/);
    // Refused for good: later passes do not try again.
    guarded.clock.advance(3 * 3_600_000);
    await guarded.services.notifications.dispatch();
    expect(await logged()).toHaveLength(1);
    expect(rx.got).toHaveLength(0);
  });
});

/** Records the drafts enqueued directly (the disabled-endpoint notice), passing them on unchanged. */
function captureEnqueued(on: TestGateway): { drafts: OutboxDraft[]; stop(): void } {
  const notifications = on.services.notifications;
  const original = notifications.enqueue;
  const drafts: OutboxDraft[] = [];
  notifications.enqueue = async function (this: typeof notifications, em, list) {
    drafts.push(...list);
    return original.call(this, em, list);
  };
  return { drafts, stop: () => void (notifications.enqueue = original) };
}
