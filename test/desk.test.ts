import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, desk, report, startTestGateway, TEST_ACTOR, type TestGateway } from "./harness.js";

let gw: TestGateway;
let agent: string;
beforeAll(async () => {
  gw = await startTestGateway();
  // These tests state urgency and impact from the report; impact is the desk's call unless the site lets reporters state it.
  await gw.services.sites.setSettings(gw.site.id, { reporterSetsImpact: true });
  agent = await gw.agentToken(Role.AGENT);
});
afterAll(() => gw?.close());

const MIN = 60_000;
const QUEUE = `query($filter: QueueFilter, $first: Int, $after: String) {
  queue(filter: $filter, first: $first, after: $after) { edges { cursor node { id code priority status assigneeId } } pageInfo { hasNextPage endCursor } }
}`;
type Queue = { queue: { edges: Array<{ node: { id: string; code: string; priority: string; status: string; assigneeId: string | null } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

describe("the desk queue", () => {
  it("orders open tickets by priority, then SLA due time, then arrival, and pages with a cursor", async () => {
    const made: Array<{ code: string; priority: string }> = [];
    const at = async (urgency: string, impact: string) => {
      gw.clock.advance(MIN);
      made.push(await report(gw, { urgency, impact }));
    };
    await at("LOW", "LOW"); // P5
    await at("MEDIUM", "MEDIUM"); // P3, first of its priority
    await at("HIGH", "HIGH"); // P1
    await at("MEDIUM", "MEDIUM"); // P3, second: FIFO
    await at("HIGH", "LOW"); // P3, third
    await at("HIGH", "MEDIUM"); // P2
    await at("LOW", "MEDIUM"); // P4

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const r: Queue = await desk<Queue>(gw, agent, QUEUE, { first: 3, after });
      seen.push(...r.queue.edges.map((e) => e.node.code));
      after = r.queue.pageInfo.hasNextPage ? r.queue.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    const byCode = new Map(made.map((m) => [m.code, m.priority]));
    expect(seen.map((c) => byCode.get(c))).toEqual(["P1", "P2", "P3", "P3", "P3", "P4", "P5"]);
    const p3 = made.filter((m) => m.priority === "P3").map((m) => m.code);
    expect(seen.filter((c) => byCode.get(c) === "P3")).toEqual(p3);
  });

  it("puts a ticket whose response is overdue ahead of a newer one of the same priority once it has been answered", async () => {
    const older = await report(gw, { urgency: "HIGH", impact: "HIGH" });
    gw.clock.advance(MIN);
    const newer = await report(gw, { urgency: "HIGH", impact: "HIGH" });
    const r = await desk<Queue>(gw, agent, QUEUE, { first: 50, filter: { priorities: ["P1"] } });
    const codes = r.queue.edges.map((e) => e.node.code);
    expect(codes.indexOf(older.code)).toBeLessThan(codes.indexOf(newer.code));
  });

  it("filters by status, priority, assignee and breach", async () => {
    const mine = await report(gw, { urgency: "LOW", impact: "LOW" });
    const { ticket } = await desk<{ ticket: { id: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { id } }`, { id: mine.code });
    await desk(gw, agent, `mutation($id: ID!) { assignTicket(id: $id, input: { assigneeId: "me" }) { id } }`, { id: ticket.id });
    const assigned = await desk<Queue>(gw, agent, QUEUE, { filter: { assigneeId: "me" } });
    expect(assigned.queue.edges.map((e) => e.node.code)).toEqual([mine.code]);
    const byStatus = await desk<Queue>(gw, agent, QUEUE, { filter: { statuses: ["ASSIGNED"] } });
    expect(byStatus.queue.edges.every((e) => e.node.status === "ASSIGNED")).toBe(true);
    const p5 = await desk<Queue>(gw, agent, QUEUE, { filter: { priorities: ["P5"] } });
    expect(p5.queue.edges.every((e) => e.node.priority === "P5")).toBe(true);

    gw.clock.advance(30 * MIN);
    const breached = await desk<Queue>(gw, agent, QUEUE, { filter: { breached: true }, first: 200 });
    const healthy = await desk<Queue>(gw, agent, QUEUE, { filter: { breached: false }, first: 200 });
    const all = await desk<Queue>(gw, agent, QUEUE, { first: 200 });
    expect(breached.queue.edges.length).toBeGreaterThan(0);
    expect(breached.queue.edges.every((e) => ["P1", "P2"].includes(e.node.priority))).toBe(true);
    expect(breached.queue.edges.length + healthy.queue.edges.length).toBe(all.queue.edges.length);
  });

  it("refuses a cursor it did not give out and a page size out of range", async () => {
    expect(codeOf(await gw.gql(QUEUE, { after: "garbage" }, { token: agent, siteKey: null }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await gw.gql(QUEUE, { first: 1000 }, { token: agent, siteKey: null }))).toBe("BAD_USER_INPUT");
  });

  it("leaves closed and cancelled tickets out unless asked for", async () => {
    const r = await report(gw);
    const { ticket } = await desk<{ ticket: { id: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { id } }`, { id: r.code });
    await desk(gw, agent, `mutation($id: ID!) { cancelTicket(id: $id, reason: "duplicate of another report") { id } }`, { id: ticket.id });
    const open = await desk<Queue>(gw, agent, QUEUE, { first: 200 });
    expect(open.queue.edges.map((e) => e.node.code)).not.toContain(r.code);
    const cancelled = await desk<Queue>(gw, agent, QUEUE, { filter: { statuses: ["CANCELLED"] } });
    expect(cancelled.queue.edges.map((e) => e.node.code)).toContain(r.code);
  });
});

describe("roles", () => {
  const REPLY = `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "hi" }) { id } }`;
  const CANCEL = `mutation($id: ID!) { cancelTicket(id: $id, reason: "x") { id } }`;
  const CLASSIFY = `mutation($id: ID!) { classifyTicket(id: $id, input: { impact: HIGH }) { id } }`;
  const NOTE = `mutation($id: ID!) { addInternalNote(id: $id, input: { body: "watching this one" }) { id } }`;

  it.each([
    [Role.MANAGER, "reply to the reporter", REPLY, "FORBIDDEN"],
    [Role.MANAGER, "cancel", CANCEL, "FORBIDDEN"],
    [Role.MANAGER, "add an internal note", NOTE, null],
    [Role.SPECIALIST, "cancel", CANCEL, "FORBIDDEN"],
    [Role.SPECIALIST, "classify", CLASSIFY, "FORBIDDEN"],
    [Role.SPECIALIST, "reply to the reporter", REPLY, null],
    [Role.AGENT, "classify", CLASSIFY, null],
    [Role.SUPERVISOR, "cancel", CANCEL, null],
  ])("%s trying to %s gets %s (null: allowed)", async (role, _what, mutation, expected) => {
    const token = await gw.agentToken(role);
    const r = await report(gw);
    const { ticket } = await desk<{ ticket: { id: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { id } }`, { id: r.code });
    const res = await gw.gql(mutation, { id: ticket.id }, { token, siteKey: null });
    expect(codeOf(res) ?? null).toBe(expected);
    if (expected) expect(res.errors![0]!.message).toMatch(new RegExp(role));
  });

  it("refuses the desk without a token or with a bad one (UNAUTHENTICATED)", async () => {
    expect(codeOf(await gw.gql(QUEUE, {}, { siteKey: null }))).toBe("UNAUTHENTICATED");
    expect(codeOf(await gw.gql(QUEUE, {}, { token: "abc.def.ghi", siteKey: null }))).toBe("UNAUTHENTICATED");
    const forged = agent.slice(0, -4) + (agent.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(codeOf(await gw.gql(QUEUE, {}, { token: forged, siteKey: null }))).toBe("UNAUTHENTICATED");
  });

  it("stops a deactivated agent at once", async () => {
    const token = await gw.agentToken(Role.AGENT);
    await gw.services.ds.getRepository("AgentEntity").update({ id: gw.agentId(token) }, { active: false });
    const r = await gw.gql(QUEUE, {}, { token, siteKey: null });
    expect(codeOf(r)).toBe("UNAUTHENTICATED");
    expect(r.errors![0]!.message).toMatch(/deactivated/);
  });

  it("keeps another site's agents away from this site's tickets", async () => {
    const r = await report(gw);
    const other = await gw.services.sites.create({ name: "Other", unitCode: "07" }, TEST_ACTOR);
    const stranger = await gw.services.agents.create({ siteId: other.id, name: "Stranger", email: "s@other.example", role: Role.ADMIN }, TEST_ACTOR);
    const token = await gw.services.agents.mintToken(stranger);
    const res = await gw.gql(`query($id: ID!) { ticket(id: $id) { id } }`, { id: r.code }, { token, siteKey: null });
    expect(codeOf(res)).toBe("NOT_FOUND");
    const q = await desk<Queue>(gw, token, QUEUE, { first: 200 });
    expect(q.queue.edges).toEqual([]);
  });
});
