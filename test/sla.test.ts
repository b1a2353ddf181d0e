import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { desk, DESK_TICKET, report, startTestGateway, type TestGateway } from "./harness.js";

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
const HOUR = 60 * MIN;

interface DeskTicket {
  id: string;
  status: string;
  priority: string;
  supportLevel: number;
  hierarchyLevel: number;
  responseDueAt: string;
  resolutionDueAt: string;
  sla: { responseBreached: boolean; resolutionBreached: boolean; paused: boolean; atRisk: boolean };
  timeline: Array<{ kind: string; actorKind: string; message: string | null; supportLevel: number | null; hierarchyLevel: number | null; systemNote: { en: string; id: string } | null }>;
}

const get = async (id: string) => (await desk<{ ticket: DeskTicket }>(gw, agent, `query($id: ID!) { ticket(id: $id) { ${DESK_TICKET} timeline { systemNote { en id } } } }`, { id })).ticket;
const status = (id: string, input: Record<string, unknown>) =>
  desk(gw, agent, `mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { id } }`, { id, input });

describe("priority = urgency × impact (seed 002, table 5) with the SLA targets of table 6", () => {
  const TARGETS: Record<string, [number, number]> = { P1: [10, 60], P2: [30, 180], P3: [60, 480], P4: [240, 720], P5: [480, 1440] };
  it.each([
    ["HIGH", "HIGH", "P1"],
    ["HIGH", "MEDIUM", "P2"],
    ["HIGH", "LOW", "P3"],
    ["MEDIUM", "HIGH", "P2"],
    ["MEDIUM", "MEDIUM", "P3"],
    ["MEDIUM", "LOW", "P4"],
    ["LOW", "HIGH", "P3"],
    ["LOW", "MEDIUM", "P4"],
    ["LOW", "LOW", "P5"],
  ])("urgency %s and impact %s give %s and its response and resolution targets", async (urgency, impact, priority) => {
    const receipt = await report(gw, { urgency, impact });
    expect(receipt.priority).toBe(priority);
    const [response, resolution] = TARGETS[priority]!;
    const created = Date.parse(receipt.createdAt);
    expect((Date.parse(receipt.responseDueAt) - created) / MIN).toBe(response);
    expect((Date.parse(receipt.resolutionDueAt) - created) / MIN).toBe(resolution);
  });

  it("recomputes priority and due times from the logging time when the desk reclassifies", async () => {
    const receipt = await report(gw, { urgency: "LOW", impact: "LOW" });
    const { id } = await get(receipt.code);
    gw.clock.advance(5 * MIN);
    const r = await desk<{ classifyTicket: DeskTicket }>(gw, agent, `mutation($id: ID!) { classifyTicket(id: $id, input: { urgency: HIGH, impact: HIGH }) { ${DESK_TICKET} } }`, { id });
    const t = r.classifyTicket;
    expect(t.priority).toBe("P1");
    expect(Date.parse(t.responseDueAt) - Date.parse(receipt.createdAt)).toBe(10 * MIN);
    expect(Date.parse(t.resolutionDueAt) - Date.parse(receipt.createdAt)).toBe(HOUR);
    expect(t.timeline.at(-1)).toMatchObject({ kind: "CLASSIFIED" });
  });

  it("follows a site's own policy, which is data", async () => {
    await gw.services.sites.setPolicy(gw.site.id, { ...Object.fromEntries(Object.entries(TARGETS).map(([p, [a, b]]) => [p, { responseMinutes: a, resolutionMinutes: b }])), P3: { responseMinutes: 45, resolutionMinutes: 300 } } as never);
    const receipt = await report(gw, { urgency: "MEDIUM", impact: "MEDIUM" });
    expect(Date.parse(receipt.responseDueAt) - Date.parse(receipt.createdAt)).toBe(45 * MIN);
    expect(Date.parse(receipt.resolutionDueAt) - Date.parse(receipt.createdAt)).toBe(5 * HOUR);
    await gw.services.sites.setPolicy(gw.site.id, Object.fromEntries(Object.entries(TARGETS).map(([p, [a, b]]) => [p, { responseMinutes: a, resolutionMinutes: b }])) as never);
  });
});

describe("the SLA clock", () => {
  it("pauses the resolution clock while PENDING and moves the due time by the pause", async () => {
    const receipt = await report(gw, { urgency: "HIGH", impact: "HIGH" });
    const { id, resolutionDueAt } = await get(receipt.code);
    await status(id, { status: "IN_PROGRESS" });
    gw.clock.advance(20 * MIN);
    await status(id, { status: "PENDING", pendingReason: "THIRD_PARTY" });
    gw.clock.advance(3 * HOUR);
    const paused = await get(id);
    expect(paused.sla).toMatchObject({ paused: true, resolutionBreached: false });
    await gw.sweep();
    expect((await get(id)).timeline.map((e) => e.kind)).not.toContain("AUTO_ESCALATED");
    await status(id, { status: "IN_PROGRESS" });
    const resumed = await get(id);
    expect(Date.parse(resumed.resolutionDueAt) - Date.parse(resolutionDueAt)).toBe(3 * HOUR);
    expect(resumed.sla).toMatchObject({ paused: false, resolutionBreached: false });
    gw.clock.advance(41 * MIN);
    expect((await get(id)).sla.resolutionBreached).toBe(true);
  });

  it("flags a response breach when nobody handles a ticket in time", async () => {
    const receipt = await report(gw, { urgency: "HIGH", impact: "HIGH" });
    gw.clock.advance(9 * MIN);
    expect((await get(receipt.code)).sla).toMatchObject({ responseBreached: false, atRisk: true });
    gw.clock.advance(2 * MIN);
    expect((await get(receipt.code)).sla.responseBreached).toBe(true);
  });
});

describe("long-overdue tickets", () => {
  it("still report how late they are a month past their targets", async () => {
    const receipt = await report(gw, { urgency: "LOW", impact: "LOW" });
    gw.clock.advance(31 * 24 * HOUR);
    agent = await gw.agentToken(Role.AGENT); // tokens last 12 hours
    const r = await desk<{ ticket: { sla: { responseRemainingMs: number; resolutionRemainingMs: number; responseBreached: boolean } } }>(
      gw,
      agent,
      `query($id: ID!) { ticket(id: $id) { sla { responseRemainingMs resolutionRemainingMs responseBreached } } }`,
      { id: receipt.code },
    );
    expect(r.ticket.sla.responseBreached).toBe(true);
    expect(r.ticket.sla.responseRemainingMs).toBeLessThan(-30 * 24 * HOUR);
    expect(r.ticket.sla.resolutionRemainingMs).toBeLessThan(-29 * 24 * HOUR);
  });
});

describe("automatic escalation", () => {
  it("escalates an overdue ticket one level by itself, once per missed target, and says why", async () => {
    const receipt = await report(gw, { urgency: "HIGH", impact: "HIGH" });
    gw.clock.advance(11 * MIN);
    expect(await gw.sweep()).toBeGreaterThanOrEqual(1);
    let t = await get(receipt.code);
    expect(t.hierarchyLevel).toBe(1);
    expect(t.timeline.at(-1)).toMatchObject({ kind: "AUTO_ESCALATED", actorKind: "SYSTEM", hierarchyLevel: 1 });
    expect(t.timeline.at(-1)!.systemNote).toEqual({ en: "The response target passed without a response.", id: "Batas waktu tanggapan terlewati tanpa tanggapan." });

    await gw.sweep();
    t = await get(receipt.code);
    expect(t.timeline.filter((e) => e.kind === "AUTO_ESCALATED")).toHaveLength(1);

    await status(t.id, { status: "IN_PROGRESS" });
    gw.clock.advance(HOUR);
    await gw.sweep();
    t = await get(receipt.code);
    expect(t.supportLevel).toBe(2);
    expect(t.timeline.filter((e) => e.kind === "AUTO_ESCALATED").map((e) => e.supportLevel)).toEqual([null, 2]);
    expect(t.timeline.at(-1)!.systemNote?.en).toBe("The resolution target passed.");
  });

  it("escalates each overdue ticket exactly once when sweeps overlap", async () => {
    const receipts = await Promise.all(Array.from({ length: 6 }, () => report(gw, { urgency: "HIGH", impact: "HIGH" })));
    gw.clock.advance(11 * MIN);
    await Promise.all([gw.sweep(), gw.sweep(), gw.sweep()]);
    for (const r of receipts) {
      const t = await get(r.code);
      expect(t.timeline.filter((e) => e.kind === "AUTO_ESCALATED")).toHaveLength(1);
    }
  });

  it("closes a resolved ticket by itself after the site's quiet period", async () => {
    const receipt = await report(gw);
    const { id } = await get(receipt.code);
    await status(id, { status: "IN_PROGRESS" });
    await status(id, { status: "RESOLVED", resolution: "Cable replaced", closureCode: "FIXED" });
    gw.clock.advance(71 * HOUR);
    agent = await gw.agentToken(Role.AGENT); // the old token has expired meanwhile
    await gw.sweep();
    expect((await get(id)).status).toBe("RESOLVED");
    gw.clock.advance(2 * HOUR);
    agent = await gw.agentToken(Role.AGENT);
    await gw.sweep();
    const t = await get(id);
    expect(t.status).toBe("CLOSED");
    expect(t.timeline.at(-1)).toMatchObject({ kind: "CLOSED", actorKind: "SYSTEM" });
  });
});
