import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, desk, DESK_TICKET, report, startTestGateway, TICKET_VIEW, type TestGateway, TEST_ACTOR } from "./harness.js";

let gw: TestGateway;
let agent: string;
let specialist: string;
let supervisor: string;
let level2: { id: string };
beforeAll(async () => {
  gw = await startTestGateway();
  agent = await gw.agentToken(Role.AGENT, "Dewi Lestari");
  specialist = await gw.agentToken(Role.SPECIALIST, "Andi Wijaya");
  supervisor = await gw.agentToken(Role.SUPERVISOR, "Kepala SOLTEK");
  level2 = await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "SOLTEK Technical Support", level: 2 }, TEST_ACTOR);
});
afterAll(() => gw?.close());

interface DeskTicket {
  id: string;
  status: string;
  priority: string;
  supportLevel: number;
  hierarchyLevel: number;
  groupId: string | null;
  assigneeId: string | null;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  isOpen: boolean;
  timeline: Array<{ kind: string; visibility: string; actorName: string | null; fromStatus: string | null; toStatus: string | null; message: string | null; supportLevel: number | null; hierarchyLevel: number | null; groupName: string | null }>;
}

async function open(code: string): Promise<DeskTicket> {
  return (await desk<{ ticket: DeskTicket }>(gw, agent, `query($id: ID!) { ticket(id: $id) { ${DESK_TICKET} } }`, { id: code })).ticket;
}

function act(token: string, mutation: string, vars: Record<string, unknown>) {
  return desk<Record<string, DeskTicket>>(gw, token, `mutation($id: ID!, $input: ${mutation.split(":")[1]}) { ${mutation.split(":")[0]}(id: $id, input: $input) { ${DESK_TICKET} } }`, vars);
}

async function setStatus(token: string, id: string, input: Record<string, unknown>) {
  return gw.gql<{ changeTicketStatus: DeskTicket }>(`mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { ${DESK_TICKET} } }`, { id, input }, { token, siteKey: null });
}

describe("the incident lifecycle", () => {
  it("runs from report to CLOSED, leaving an entry for every step in the timeline", async () => {
    const receipt = await report(gw, { urgency: "MEDIUM" });
    const t0 = await open(receipt.code);
    const id = t0.id;
    const me = gw.agentId(agent);

    await act(agent, "classifyTicket:ClassifyTicketInput!", { id, input: { urgency: "HIGH", impact: "MEDIUM", note: "affects one counter" } });
    await act(agent, "assignTicket:AssignTicketInput!", { id, input: { assigneeId: "me" } });
    await setStatus(agent, id, { status: "IN_PROGRESS" });
    await setStatus(agent, id, { status: "PENDING", pendingReason: "REPORTER", note: "Which counter is affected?" });
    const replied = await gw.gql(`mutation($c: String!, $t: String!) { addReporterMessage(code: $c, token: $t, input: { body: "Loket 3" }) { status } }`, { c: receipt.code, t: receipt.trackingToken });
    expect(replied.data).toEqual({ addReporterMessage: { status: "IN_PROGRESS" } });
    await act(agent, "replyToReporter:MessageInput!", { id, input: { body: "Kami sedang memeriksa server Ipos." } });
    await act(agent, "escalateTicket:EscalateTicketInput!", { id, input: { kind: "FUNCTIONAL", notes: "needs server access", groupId: level2.id, agentId: gw.agentId(specialist) } });
    await setStatus(specialist, id, { status: "IN_PROGRESS" });
    await act(specialist, "escalateTicket:EscalateTicketInput!", { id, input: { kind: "HIERARCHICAL", notes: "vendor contract needed", agentId: gw.agentId(supervisor) } });
    const resolved = await desk<{ resolveTicket: DeskTicket }>(gw, specialist, `mutation($id: ID!) { resolveTicket(id: $id, input: { resolution: "Restarted the Ipos service and cleared the session table", closureCode: "FIXED", addToKnowledgeBase: true }) { ${DESK_TICKET} } }`, { id });
    expect(resolved.resolveTicket.status).toBe("RESOLVED");
    const fb = await gw.gql<{ submitFeedback: { feedbackOpen: boolean; feedback: { serviceRating: number } } }>(
      `mutation($c: String!, $t: String!) { submitFeedback(code: $c, token: $t, input: { serviceRating: 5, restoredRating: 4, informationRating: 5, suggestion: "Waktu penanganan bisa lebih ditingkatkan" }) { feedbackOpen feedback { serviceRating } } }`,
      { c: receipt.code, t: receipt.trackingToken },
    );
    expect(fb.data!.submitFeedback).toEqual({ feedbackOpen: false, feedback: { serviceRating: 5 } });
    const closed = await desk<{ closeTicket: DeskTicket }>(gw, agent, `mutation($id: ID!) { closeTicket(id: $id, note: "Confirmed with the reporter by phone") { ${DESK_TICKET} } }`, { id });

    const t = closed.closeTicket;
    expect(t).toMatchObject({ status: "CLOSED", isOpen: false, priority: "P2", supportLevel: 2, hierarchyLevel: 1, groupId: level2.id, assigneeId: gw.agentId(specialist) });
    expect(t.firstRespondedAt).not.toBeNull();
    expect(t.resolvedAt).not.toBeNull();
    expect(t.closedAt).not.toBeNull();
    expect(t.timeline.map((e) => [e.kind, e.toStatus])).toEqual([
      ["REPORTED", "NEW"],
      ["CLASSIFIED", null],
      ["ASSIGNED", null],
      ["STATUS_CHANGED", "ASSIGNED"],
      ["STATUS_CHANGED", "IN_PROGRESS"],
      ["STATUS_CHANGED", "PENDING"],
      ["REPORTER_MESSAGE", null],
      ["STATUS_CHANGED", "IN_PROGRESS"],
      ["AGENT_REPLY", null],
      ["ESCALATED", null],
      ["STATUS_CHANGED", "ASSIGNED"],
      ["STATUS_CHANGED", "IN_PROGRESS"],
      ["ESCALATED", null],
      ["RESOLVED", "RESOLVED"],
      ["FEEDBACK", null],
      ["CLOSED", "CLOSED"],
    ]);
    const escalation = t.timeline.find((e) => e.kind === "ESCALATED")!;
    expect(escalation).toMatchObject({ supportLevel: 2, groupName: "SOLTEK Technical Support", message: "needs server access", actorName: "Dewi Lestari" });
    expect(t.timeline[0]!.actorName).toBe("Budi Santoso");
    void me;

    const view = await gw.gql<{ trackTicket: { status: string; resolution: string; timeline: Array<{ kind: string; message: string | null; actorName: string | null; supportLevel: number | null }> } }>(
      `query($c: String!, $t: String!) { trackTicket(code: $c, token: $t) { ${TICKET_VIEW} } }`,
      { c: receipt.code, t: receipt.trackingToken },
    );
    const pub = view.data!.trackTicket;
    expect(pub.status).toBe("CLOSED");
    expect(pub.resolution).toMatch(/Restarted/);
    expect(pub.timeline).toHaveLength(16);
    const pubEscalation = pub.timeline.find((e) => e.kind === "ESCALATED")!;
    expect(pubEscalation).toMatchObject({ message: null, actorName: null, supportLevel: 2 });
  });

  it("reopens a resolved ticket, clearing the resolution", async () => {
    const receipt = await report(gw);
    const { id } = await open(receipt.code);
    await setStatus(agent, id, { status: "IN_PROGRESS" });
    await setStatus(agent, id, { status: "RESOLVED", resolution: "Reset password", closureCode: "FIXED" });
    const r = await desk<{ reopenTicket: DeskTicket & { resolution: string | null } }>(gw, agent, `mutation($id: ID!) { reopenTicket(id: $id, reason: "Still cannot log in") { ${DESK_TICKET} } }`, { id });
    expect(r.reopenTicket).toMatchObject({ status: "IN_PROGRESS", resolvedAt: null, resolution: null });
    expect(r.reopenTicket.timeline.at(-1)).toMatchObject({ kind: "REOPENED", fromStatus: "RESOLVED", toStatus: "IN_PROGRESS", message: "Still cannot log in" });
  });

  it("asks for what a status needs: a pending reason, a resolution and closure code", async () => {
    const { id } = await open((await report(gw)).code);
    await setStatus(agent, id, { status: "IN_PROGRESS" });
    const pending = await setStatus(agent, id, { status: "PENDING" });
    expect(codeOf(pending)).toBe("BAD_USER_INPUT");
    expect(pending.errors![0]!.extensions.fields).toEqual([{ field: "pendingReason", message: expect.stringContaining("pendingReason") }]);
    const resolved = await setStatus(agent, id, { status: "RESOLVED" });
    expect(resolved.errors![0]!.extensions.fields!.map((f) => f.field)).toEqual(["resolution", "closureCode"]);
  });

  it("does not escalate functionally past level 3, nor hierarchically past the manager", async () => {
    const { id } = await open((await report(gw)).code);
    const esc = (input: Record<string, unknown>) =>
      gw.gql(`mutation($id: ID!, $input: EscalateTicketInput!) { escalateTicket(id: $id, input: $input) { supportLevel hierarchyLevel } }`, { id, input }, { token: supervisor, siteKey: null });
    expect((await esc({ kind: "FUNCTIONAL", level: 3, notes: "straight to specialists" })).data).toEqual({ escalateTicket: { supportLevel: 3, hierarchyLevel: 0 } });
    expect(codeOf(await esc({ kind: "FUNCTIONAL", notes: "more" }))).toBe("CONFLICT");
    expect((await esc({ kind: "HIERARCHICAL", level: 2, notes: "manager" })).data).toEqual({ escalateTicket: { supportLevel: 3, hierarchyLevel: 2 } });
    expect(codeOf(await esc({ kind: "HIERARCHICAL", notes: "higher" }))).toBe("CONFLICT");
    const bad = await esc({ kind: "HIERARCHICAL", notes: "x", level: 7 });
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
  });
});

describe("the status graph", () => {
  const ALLOWED: Record<string, string[]> = {
    NEW: ["ASSIGNED", "IN_PROGRESS", "CANCELLED"],
    ASSIGNED: ["ASSIGNED", "IN_PROGRESS", "CANCELLED"],
    IN_PROGRESS: ["ASSIGNED", "PENDING", "RESOLVED", "CANCELLED"],
    PENDING: ["IN_PROGRESS", "CANCELLED"],
    RESOLVED: ["IN_PROGRESS", "CLOSED"],
    CLOSED: [],
    CANCELLED: [],
  };
  const STATUSES = Object.keys(ALLOWED);
  /** How to bring a fresh ticket to each status through the API. */
  const PATH: Record<string, Array<Record<string, unknown>>> = {
    NEW: [],
    ASSIGNED: [{ status: "ASSIGNED" }],
    IN_PROGRESS: [{ status: "IN_PROGRESS" }],
    PENDING: [{ status: "IN_PROGRESS" }, { status: "PENDING", pendingReason: "THIRD_PARTY" }],
    RESOLVED: [{ status: "IN_PROGRESS" }, { status: "RESOLVED", resolution: "done", closureCode: "FIXED" }],
    CLOSED: [{ status: "IN_PROGRESS" }, { status: "RESOLVED", resolution: "done", closureCode: "FIXED" }, { status: "CLOSED" }],
    CANCELLED: [{ status: "CANCELLED", note: "duplicate" }],
  };
  const forbidden = STATUSES.flatMap((from) => STATUSES.filter((to) => !ALLOWED[from]!.includes(to)).map((to) => [from, to] as const));

  it.each(forbidden)("refuses %s → %s with CONFLICT and leaves the ticket as it was", async (from, to) => {
    const { id } = await open((await report(gw)).code);
    for (const step of PATH[from]!) {
      const r = await setStatus(supervisor, id, step);
      expect(r.errors).toBeUndefined();
    }
    const r = await setStatus(supervisor, id, { status: to, pendingReason: "REPORTER", resolution: "x", closureCode: "X" });
    expect(codeOf(r)).toBe("CONFLICT");
    expect(r.errors![0]!.message).toContain(from);
    expect((await open(id)).status).toBe(from);
  });

  it.each(STATUSES)("tells the desk which statuses a %s ticket may move to", async (from) => {
    const { id } = await open((await report(gw)).code);
    for (const step of PATH[from]!) await setStatus(supervisor, id, step);
    const r = await desk<{ ticket: { nextStatuses: string[] } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { nextStatuses } }`, { id });
    expect([...r.ticket.nextStatuses].sort()).toEqual([...ALLOWED[from]!].sort());
  });

  it.each(STATUSES.flatMap((from) => ALLOWED[from]!.map((to) => [from, to] as const)))("allows %s → %s", async (from, to) => {
    const { id } = await open((await report(gw)).code);
    for (const step of PATH[from]!) await setStatus(supervisor, id, step);
    const r = await setStatus(supervisor, id, { status: to, pendingReason: "REPORTER", resolution: "done", closureCode: "FIXED" });
    expect(r.errors).toBeUndefined();
    expect(r.data!.changeTicketStatus.status).toBe(to);
  });
});

describe("feedback", () => {
  const SUBMIT = `mutation($c: String!, $t: String!, $i: FeedbackInput!) { submitFeedback(code: $c, token: $t, input: $i) { feedbackOpen feedback { serviceRating restoredRating informationRating suggestion } } }`;
  const STARS = { serviceRating: 4, restoredRating: 5, informationRating: 3, suggestion: "Cepat" };

  it("is refused before the ticket is resolved", async () => {
    const receipt = await report(gw);
    const r = await gw.gql(SUBMIT, { c: receipt.code, t: receipt.trackingToken, i: STARS });
    expect(codeOf(r)).toBe("CONFLICT");
    expect(r.errors![0]!.message).toMatch(/resolved/);
  });

  it("is taken once after resolution and refused the second time", async () => {
    const receipt = await report(gw);
    const { id } = await open(receipt.code);
    await setStatus(agent, id, { status: "IN_PROGRESS" });
    await setStatus(agent, id, { status: "RESOLVED", resolution: "ok", closureCode: "FIXED" });
    const track = await gw.gql<{ trackTicket: { feedbackOpen: boolean } }>(`query($c: String!, $t: String!) { trackTicket(code: $c, token: $t) { feedbackOpen } }`, { c: receipt.code, t: receipt.trackingToken });
    expect(track.data!.trackTicket.feedbackOpen).toBe(true);
    const first = await gw.gql(SUBMIT, { c: receipt.code, t: receipt.trackingToken, i: STARS });
    expect(first.data).toEqual({ submitFeedback: { feedbackOpen: false, feedback: STARS } });
    const second = await gw.gql(SUBMIT, { c: receipt.code, t: receipt.trackingToken, i: { ...STARS, serviceRating: 1 } });
    expect(codeOf(second)).toBe("CONFLICT");
  });

  it("refuses stars outside 1–5 naming the question", async () => {
    const receipt = await report(gw);
    const r = await gw.gql(SUBMIT, { c: receipt.code, t: receipt.trackingToken, i: { ...STARS, restoredRating: 6 } });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(r.errors![0]!.extensions.fields![0]!.field).toBe("restoredRating");
  });

  it("is refused with a wrong token", async () => {
    const receipt = await report(gw);
    expect(codeOf(await gw.gql(SUBMIT, { c: receipt.code, t: "wrong-token-wrong-token", i: STARS }))).toBe("NOT_FOUND");
  });
});
