import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, collect, desk, report, startTestGateway, TEST_ACTOR, waitForSubscribers, type TestGateway } from "./harness.js";

let gw: TestGateway;
let sari: string;
let budi: string;
beforeAll(async () => {
  gw = await startTestGateway();
  sari = await gw.agentToken(Role.AGENT, "Sari");
  budi = await gw.agentToken(Role.AGENT, "Budi");
  // Reports come after the agents started: only what happens since is unread for them.
  gw.clock.advance(SECOND);
});
afterAll(() => gw?.close());

const SECOND = 1_000;
const UNREAD = `query($id: ID!) { ticket(id: $id) { id unread } }`;
const MARK = `mutation($id: ID!) { markTicketRead(id: $id) { id unread } }`;
const COUNT = `query { unreadCount }`;
const PRESENCE = `subscription($id: ID!) { ticketPresence(ticketId: $id) { agentId name typing since } }`;
const ANNOUNCE = `mutation($id: ID!, $typing: Boolean!) { announcePresence(ticketId: $id, typing: $typing) }`;
type Viewer = { agentId: string; name: string; typing: boolean; since: string };

async function unread(token: string, id: string): Promise<boolean> {
  return (await desk<{ ticket: { unread: boolean } }>(gw, token, UNREAD, { id })).ticket.unread;
}

async function reporterWrites(r: { code: string; trackingToken: string }, body = "Masih belum bisa login") {
  gw.clock.advance(SECOND);
  const res = await gw.gql(`mutation($code: String!, $token: String, $input: MessageInput!) { addReporterMessage(code: $code, token: $token, input: $input) { code } }`, {
    code: r.code,
    token: r.trackingToken,
    input: { body },
  });
  expect(res.errors).toBeUndefined();
}

async function ticketId(code: string): Promise<string> {
  return (await desk<{ ticket: { id: string } }>(gw, sari, `query($id: ID!) { ticket(id: $id) { id } }`, { id: code })).ticket.id;
}

describe("unread tickets", () => {
  it("are unread for every agent until each opens them, and again after the reporter writes", async () => {
    const r = await report(gw);
    const id = await ticketId(r.code);
    expect(await unread(sari, id)).toBe(true);
    expect(await unread(budi, id)).toBe(true);

    gw.clock.advance(SECOND);
    const marked = await desk<{ markTicketRead: { id: string; unread: boolean } }>(gw, sari, MARK, { id });
    expect(marked.markTicketRead).toEqual({ id, unread: false });
    expect(await unread(sari, id)).toBe(false);
    expect(await unread(budi, id)).toBe(true);

    // Idempotent: marking again changes nothing and writes no timeline entry.
    const timeline = async () => (await desk<{ ticket: { timeline: unknown[] } }>(gw, sari, `query($id: ID!) { ticket(id: $id) { timeline { id } } }`, { id })).ticket.timeline.length;
    const entries = await timeline();
    await desk(gw, sari, MARK, { id });
    expect(await unread(sari, id)).toBe(false);
    expect(await timeline()).toBe(entries);

    await reporterWrites(r);
    expect(await unread(sari, id)).toBe(true);
    expect(await unread(budi, id)).toBe(true);
  });

  it("are not made unread by the agent's own reply or note", async () => {
    const r = await report(gw);
    const id = await ticketId(r.code);
    gw.clock.advance(SECOND);
    await desk(gw, sari, MARK, { id });
    gw.clock.advance(SECOND);
    await desk(gw, sari, `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Sedang kami periksa" }) { id } }`, { id });
    await desk(gw, sari, `mutation($id: ID!) { addInternalNote(id: $id, input: { body: "Cek akun di AD" }) { id } }`, { id });
    expect(await unread(sari, id)).toBe(false);
  });

  it("come with the queue page, each for the asking agent", async () => {
    const r = await report(gw);
    const id = await ticketId(r.code);
    gw.clock.advance(SECOND);
    await desk(gw, budi, MARK, { id });
    const QUEUE = `query { queue(first: 200) { edges { node { id unread } } } }`;
    type Q = { queue: { edges: Array<{ node: { id: string; unread: boolean } }> } };
    const row = async (token: string) => (await desk<Q>(gw, token, QUEUE)).queue.edges.find((e) => e.node.id === id)!.node.unread;
    expect(await row(sari)).toBe(true);
    expect(await row(budi)).toBe(false);
  });

  it("are pushed as unread in the queue subscription when the reporter writes", async () => {
    const r = await report(gw);
    const id = await ticketId(r.code);
    gw.clock.advance(SECOND);
    await desk(gw, sari, MARK, { id });
    type Event = { queueChanged: { kind: string; ticket: { id: string; unread: boolean } | null } };
    const before = gw.services.live.active;
    const sub = collect<Event>(gw.ws({ token: sari }), `subscription { queueChanged { kind ticket { id unread } } }`, {});
    await waitForSubscribers(gw, before + 1);
    await reporterWrites(r);
    await sub.until(() => sub.events.some((e) => e.queueChanged.ticket?.id === id && e.queueChanged.ticket.unread));
    expect(sub.errors).toEqual([]);
    sub.dispose();
  });

  it("are counted for the agent's own and group's open tickets", async () => {
    const group = await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Layanan Desk", level: 1 }, TEST_ACTOR);
    const dewiAgent = await gw.services.agents.create({ siteId: gw.site.id, name: "Dewi", email: "dewi@contoh.example", role: Role.AGENT, groupId: group.id }, TEST_ACTOR);
    const dewi = await gw.services.agents.mintToken(dewiAgent);
    const count = async () => (await desk<{ unreadCount: number }>(gw, dewi, COUNT)).unreadCount;
    // Every ticket reported before Dewi started (the other tests' too) is history, not unread.
    expect(await count()).toBe(0);
    gw.clock.advance(SECOND);

    const mine = await report(gw);
    const mineId = await ticketId(mine.code);
    await desk(gw, sari, `mutation($id: ID!, $a: ID!) { assignTicket(id: $id, input: { assigneeId: $a }) { id } }`, { id: mineId, a: dewiAgent.id });
    const ofGroup = await report(gw);
    const groupId = await ticketId(ofGroup.code);
    await desk(gw, sari, `mutation($id: ID!, $g: ID!) { assignTicket(id: $id, input: { groupId: $g }) { id } }`, { id: groupId, g: group.id });
    const nobodys = await ticketId((await report(gw)).code);
    const sarisId = await ticketId((await report(gw)).code);
    await desk(gw, sari, `mutation($id: ID!, $a: ID!) { assignTicket(id: $id, input: { assigneeId: $a }) { id } }`, { id: sarisId, a: gw.agentId(sari) });
    // Hers, her group's and the unassigned one; not Sari's.
    expect(await count()).toBe(3);

    gw.clock.advance(SECOND);
    await desk(gw, dewi, MARK, { id: mineId });
    await desk(gw, dewi, MARK, { id: groupId });
    await desk(gw, dewi, MARK, { id: nobodys });
    expect(await count()).toBe(0);
    await reporterWrites(ofGroup);
    expect(await count()).toBe(1);
    // Someone else's reading changes nothing of Dewi's count.
    await desk(gw, sari, MARK, { id: groupId });
    expect(await count()).toBe(1);
  });
});

describe("unread for a new agent", () => {
  it("leaves the desk's history read, and marks an old ticket unread once its reporter writes after the agent started", async () => {
    const old = await report(gw);
    const oldId = await ticketId(old.code);
    gw.clock.advance(SECOND);
    const rina = await gw.agentToken(Role.AGENT, "Rina");
    const count = async () => (await desk<{ unreadCount: number }>(gw, rina, COUNT)).unreadCount;
    expect(await unread(rina, oldId)).toBe(false);
    expect(await count()).toBe(0);
    // The queue page says the same, row by row.
    const page = await desk<{ queue: { edges: Array<{ node: { unread: boolean } }> } }>(gw, rina, `{ queue(first: 200) { edges { node { unread } } } }`);
    expect(page.queue.edges.length).toBeGreaterThan(0);
    expect(page.queue.edges.filter((e) => e.node.unread)).toEqual([]);

    await reporterWrites(old, "Ada kabar?");
    expect(await unread(rina, oldId)).toBe(true);
    expect(await count()).toBe(1);
    gw.clock.advance(SECOND);
    await desk(gw, rina, MARK, { id: oldId });
    expect(await count()).toBe(0);

    // A new report after Rina started is unread for her at once.
    gw.clock.advance(SECOND);
    const fresh = await report(gw);
    expect(await unread(rina, await ticketId(fresh.code))).toBe(true);
    expect(await count()).toBe(1);
  });
});

describe("presence on a ticket", () => {
  it("shows another agent viewing and typing, and drops them after their heartbeats stop", async () => {
    const r = await report(gw);
    const id = await ticketId(r.code);
    const before = gw.services.live.active;
    const sub = collect<{ ticketPresence: Viewer[] }>(gw.ws({ token: sari }), PRESENCE, { id });
    await waitForSubscribers(gw, before + 1);
    const latest = () => sub.events.at(-1)?.ticketPresence;

    // Sari's own heartbeat never lists herself.
    expect((await desk<{ announcePresence: boolean }>(gw, sari, ANNOUNCE, { id, typing: false })).announcePresence).toBe(true);
    await desk(gw, budi, ANNOUNCE, { id, typing: false });
    await sub.until(() => latest()?.length === 1);
    expect(latest()!.map((v) => [v.agentId, v.name, v.typing])).toEqual([[gw.agentId(budi), "Budi", false]]);

    await desk(gw, budi, ANNOUNCE, { id, typing: true });
    await sub.until(() => latest()?.[0]?.typing === true);
    await desk(gw, budi, ANNOUNCE, { id, typing: false });
    await sub.until(() => latest()?.[0]?.typing === false);

    // No heartbeat for longer than the 30 s the board keeps an entry: Budi is gone.
    gw.clock.advance(31 * SECOND);
    await sub.until(() => latest()?.length === 0);
    expect(sub.errors).toEqual([]);
    sub.dispose();
  });

  it("shows a new subscriber who is already there, without waiting for a change", async () => {
    const r = await report(gw);
    const id = await ticketId(r.code);
    await desk(gw, budi, ANNOUNCE, { id, typing: true });
    const sub = collect<{ ticketPresence: Viewer[] }>(gw.ws({ token: sari }), PRESENCE, { id });
    await sub.until(() => sub.events.length > 0);
    expect(sub.events[0]!.ticketPresence.map((v) => [v.name, v.typing])).toEqual([["Budi", true]]);
    sub.dispose();
  });

  it("drops an agent at once when they leave the ticket", async () => {
    const r = await report(gw);
    const id = await ticketId(r.code);
    const before = gw.services.live.active;
    const sub = collect<{ ticketPresence: Viewer[] }>(gw.ws({ token: budi }), PRESENCE, { id: r.code });
    await waitForSubscribers(gw, before + 1);
    const latest = () => sub.events.at(-1)?.ticketPresence;
    await desk(gw, sari, ANNOUNCE, { id, typing: false });
    await sub.until(() => latest()?.[0]?.name === "Sari");
    await desk(gw, sari, `mutation($id: ID!) { leaveTicket(ticketId: $id) }`, { id });
    await sub.until(() => latest()?.length === 0);
    sub.dispose();
  });

  it("refuses another site's agents and reporters", async () => {
    const r = await report(gw);
    const id = await ticketId(r.code);
    const other = await gw.services.sites.create({ name: "Other", unitCode: "07" }, TEST_ACTOR);
    const strangerAgent = await gw.services.agents.create({ siteId: other.id, name: "Stranger", email: "s@other.example", role: Role.AGENT }, TEST_ACTOR);
    const stranger = await gw.services.agents.mintToken(strangerAgent);
    expect(codeOf(await gw.gql(ANNOUNCE, { id, typing: false }, { token: stranger, siteKey: null }))).toBe("NOT_FOUND");
    expect(codeOf(await gw.gql(MARK, { id }, { token: stranger, siteKey: null }))).toBe("NOT_FOUND");

    const sub = collect<{ ticketPresence: Viewer[] }>(gw.ws({ token: stranger }), PRESENCE, { id });
    await sub.until(() => sub.errors.length > 0 || sub.done);
    expect(JSON.stringify(sub.errors)).toContain("NOT_FOUND");
    expect(sub.events).toEqual([]);

    const asReporter = collect<{ ticketPresence: Viewer[] }>(gw.ws({ siteKey: gw.siteKey }), PRESENCE, { id });
    await asReporter.until(() => asReporter.errors.length > 0 || asReporter.done);
    expect(JSON.stringify(asReporter.errors)).toContain("UNAUTHENTICATED");
  });
});
