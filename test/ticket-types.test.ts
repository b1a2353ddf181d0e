import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SLA_POLICY, Role, TicketType } from "@sigap/gateway";
import { collect, desk, report, startTestGateway, TEST_ACTOR, waitForSubscribers, type TestGateway } from "./harness.js";

/**
 * Issue 12's ticket types as the queue and the report form read them: each ticket's SLA windows
 * from its own type's policy (so a request is not coloured by incident targets), the types the
 * desk filters on (live and in saved views), and whether the site's form takes requests.
 */
let gw: TestGateway;
let agent: string;
let requestItem: string;

const MIN = 60_000;

beforeAll(async () => {
  gw = await startTestGateway();
  agent = await gw.agentToken(Role.AGENT);
  requestItem = (
    await gw.services.catalogAdmin.saveService(gw.site.id, { names: [{ language: "en", name: "New laptop" }, { language: "id", name: "Laptop baru" }], ticketType: TicketType.SERVICE_REQUEST }, TEST_ACTOR)
  ).id;
  // Requests get twice the incident's P3 response window (60 → 120 minutes).
  await gw.services.sites.setPolicy(gw.site.id, { ...DEFAULT_SLA_POLICY, P3: { responseMinutes: 120, resolutionMinutes: 600 } }, undefined, TicketType.SERVICE_REQUEST);
});
afterAll(() => gw?.close());

type Sla = { atRisk: boolean; responseWindowMs: number; resolutionWindowMs: number; responseRemainingMs: number | null };
const TICKET = `query($id: ID!) { ticket(id: $id) { code type typeLabel { en id } priority sla { atRisk responseWindowMs resolutionWindowMs responseRemainingMs } } }`;
const ticket = async (code: string) => (await desk<{ ticket: { code: string; type: string; typeLabel: { en: string; id: string }; priority: string; sla: Sla } }>(gw, agent, TICKET, { id: code })).ticket;
const TRACK = `query($code: String!, $token: String) { trackTicket(code: $code, token: $token) { type typeLabel { en id } sla { atRisk responseWindowMs resolutionWindowMs } } }`;
const track = async (code: string, token: string) => {
  const r = await gw.gql<{ trackTicket: { type: string; typeLabel: { en: string; id: string }; sla: Omit<Sla, "responseRemainingMs"> } }>(TRACK, { code, token });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.trackTicket;
};
const QUEUE = `query($f: QueueFilter) { queue(filter: $f, first: 100) { edges { node { code type } } } }`;
const queue = async (f: Record<string, unknown>) => (await desk<{ queue: { edges: Array<{ node: { code: string; type: string } }> } }>(gw, agent, QUEUE, { f })).queue.edges.map((e) => e.node.code).sort();

describe("ticket types in the queue", () => {
  let incident: { code: string; trackingToken: string };
  let request: { code: string; trackingToken: string };

  beforeAll(async () => {
    await gw.services.sites.setSettings(gw.site.id, { offersRequests: true });
    // Both P3 (the reports' default urgency and impact), logged at the same instant.
    incident = await report(gw);
    request = await report(gw, { serviceId: requestItem });
  });

  it("gives each ticket the SLA windows of its own type's policy", async () => {
    expect(await ticket(incident.code)).toMatchObject({ type: "INCIDENT", priority: "P3", sla: { responseWindowMs: 60 * MIN, resolutionWindowMs: 480 * MIN } });
    expect(await ticket(request.code)).toMatchObject({
      type: "SERVICE_REQUEST",
      typeLabel: { en: "Service request", id: "Permintaan layanan" },
      priority: "P3",
      sla: { responseWindowMs: 120 * MIN, resolutionWindowMs: 600 * MIN },
    });
  });

  it("reads a request with a longer window as fine where an incident of the same priority and age is at risk", async () => {
    // 50 minutes on: the incident has 10 of its 60 minutes left (under a quarter), the request 70 of its 120.
    gw.clock.advance(50 * MIN);
    const [i, r] = [await ticket(incident.code), await ticket(request.code)];
    expect(i.sla).toMatchObject({ atRisk: true, responseRemainingMs: 10 * MIN });
    expect(r.sla).toMatchObject({ atRisk: false, responseRemainingMs: 70 * MIN });
    // What a widget colours by: time left against a quarter of the ticket's own window.
    expect(i.sla.responseRemainingMs! < i.sla.responseWindowMs / 4).toBe(true);
    expect(r.sla.responseRemainingMs! < r.sla.responseWindowMs / 4).toBe(false);
    // The reporter's tracker reads the same windows, and the type in words.
    expect(await track(incident.code, incident.trackingToken)).toEqual({ type: "INCIDENT", typeLabel: { en: "Incident", id: "Insiden" }, sla: { atRisk: true, responseWindowMs: 60 * MIN, resolutionWindowMs: 480 * MIN } });
    expect(await track(request.code, request.trackingToken)).toEqual({ type: "SERVICE_REQUEST", typeLabel: { en: "Service request", id: "Permintaan layanan" }, sla: { atRisk: false, responseWindowMs: 120 * MIN, resolutionWindowMs: 600 * MIN } });
    // The AT_RISK view agrees.
    expect(await queue({ view: "AT_RISK" })).toEqual([incident.code]);
  });

  it("lists the types the catalogue opens, labelled, and filters the queue by them", async () => {
    const dir = await desk<{ deskDirectory: { ticketTypes: Array<{ type: string; label: { en: string; id: string } }> } }>(gw, agent, "{ deskDirectory { ticketTypes { type label { en id } } } }");
    expect(dir.deskDirectory.ticketTypes).toEqual([
      { type: "INCIDENT", label: { en: "Incident", id: "Insiden" } },
      { type: "SERVICE_REQUEST", label: { en: "Service request", id: "Permintaan layanan" } },
    ]);
    expect(await queue({ types: ["SERVICE_REQUEST"] })).toEqual([request.code]);
    expect(await queue({ types: ["INCIDENT"] })).toEqual([incident.code]);
    expect(await queue({ types: ["WORK_ORDER"] })).toEqual([]);
  });

  it("keeps a type filter in a saved view", async () => {
    const SAVE = `mutation($input: SaveQueueViewInput!) { saveQueueView(input: $input) { id filter { types priorities } } }`;
    const saved = (await desk<{ saveQueueView: { id: string; filter: { types: string[] | null } } }>(gw, agent, SAVE, { input: { name: "Requests", filter: { types: ["SERVICE_REQUEST"] } } })).saveQueueView;
    expect(saved.filter).toEqual({ types: ["SERVICE_REQUEST"], priorities: null });
    const views = await desk<{ savedQueueViews: Array<{ id: string; filter: { types: string[] | null } }> }>(gw, agent, "{ savedQueueViews { id filter { types } } }");
    expect(views.savedQueueViews.find((v) => v.id === saved.id)?.filter.types).toEqual(["SERVICE_REQUEST"]);
  });

  it("pushes the type's words and windows live, to the desk's queue and the reporter's tracker", async () => {
    type Pushed = { kind: string; ticket: { code: string; type: string; typeLabel: { en: string }; sla: { responseWindowMs: number } } };
    const before = gw.services.live.active;
    const queueFeed = collect<{ queueChanged: Pushed }>(
      gw.ws({ authorization: `Bearer ${agent}` }),
      `subscription { queueChanged { kind ticket { code type typeLabel { en } sla { responseWindowMs } } } }`,
      {},
    );
    const tracked = collect<{ ticketUpdated: { type: string; typeLabel: { id: string }; sla: { responseWindowMs: number } } }>(
      gw.ws({ siteKey: gw.siteKey }),
      `subscription($code: String!, $token: String!) { ticketUpdated(code: $code, token: $token) { type typeLabel { id } sla { responseWindowMs } } }`,
      { code: request.code, token: request.trackingToken },
    );
    await waitForSubscribers(gw, before + 2);
    const fresh = await report(gw, { serviceId: requestItem });
    const { id } = await desk<{ ticket: { id: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { id } }`, { id: request.code }).then((r) => r.ticket);
    await desk(gw, agent, `mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { id } }`, { id, input: { status: "IN_PROGRESS" } });
    await queueFeed.until(() => queueFeed.events.length >= 2);
    await tracked.until(() => tracked.events.length >= 1);
    expect(queueFeed.errors).toEqual([]);
    expect(queueFeed.events.map((e) => [e.queueChanged.kind, e.queueChanged.ticket])).toEqual([
      ["CREATED", { code: fresh.code, type: "SERVICE_REQUEST", typeLabel: { en: "Service request" }, sla: { responseWindowMs: 120 * MIN } }],
      ["UPDATED", { code: request.code, type: "SERVICE_REQUEST", typeLabel: { en: "Service request" }, sla: { responseWindowMs: 120 * MIN } }],
    ]);
    expect(tracked.events[0]!.ticketUpdated).toEqual({ type: "SERVICE_REQUEST", typeLabel: { id: "Permintaan layanan" }, sla: { responseWindowMs: 120 * MIN } });
    queueFeed.dispose();
    tracked.dispose();
  });
});

describe("the report form's site", () => {
  const SITE = `{ site { offersRequests services { id ticketType } } }`;
  const site = async () => {
    const r = await gw.gql<{ site: { offersRequests: boolean; services: Array<{ id: string; ticketType: string }> } }>(SITE);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.site;
  };

  it("says whether the form takes requests, and offers request items only then", async () => {
    await gw.services.sites.setSettings(gw.site.id, { offersRequests: false });
    const without = await site();
    expect(without.offersRequests).toBe(false);
    expect(without.services.some((s) => s.id === requestItem)).toBe(false);
    expect(without.services.every((s) => s.ticketType !== "SERVICE_REQUEST")).toBe(true);

    await gw.services.sites.setSettings(gw.site.id, { offersRequests: true });
    const withRequests = await site();
    expect(withRequests.offersRequests).toBe(true);
    expect(withRequests.services.find((s) => s.id === requestItem)).toEqual({ id: requestItem, ticketType: "SERVICE_REQUEST" });
  });
});
