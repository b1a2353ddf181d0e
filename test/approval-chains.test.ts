import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, TicketType } from "@sigap/gateway";
import { codeOf, desk, report, startTestGateway, TEST_ACTOR, type GqlResult, type TestGateway } from "./harness.js";
import { statementsWith } from "./statement-kit.js";

/**
 * The approval chain's loose ends (issue 12): a step's approvers are resolved when the step
 * starts and drop out when deactivated or moved before deciding; a step with nobody to ask falls
 * back to the site's managers (shown, audited, warned about when saved); a cancelled request's
 * chain reads WITHDRAWN; a request's response target is met as it goes to its approvers; intake
 * reads no approval configuration for a service that needs none.
 */

let gw: TestGateway;
let admin: string;
let manager: string;
let sup1: string;
let sup2: string;
let named1: string;
let named2: string;
let joiner: string;
let leaver: string;
let groupB: string;
let emptyGroup: string;
const svc: Record<string, string> = {};
const ids = new Map<string, string>();

const CHAIN = "approval { state currentStep documentUrl steps { position state approvers fallbackRole decisions { approverName decision } } }";
const TICKET = `query($id: ID!) { ticket(id: $id) { id code status ${CHAIN} } }`;
const TRACK = `query($code: String!, $token: String) { trackTicket(code: $code, token: $token) { status sla { paused responseBreached responseRemainingMs resolutionBreached } timeline { kind message systemNote { en id } } ${CHAIN} } }`;
const DECIDE = `mutation($id: ID!, $input: DecideApprovalInput!) { decideApproval(ticketId: $id, input: $input) { code status ${CHAIN} } }`;
const SET = "mutation($serviceId: ID!, $steps: [ApprovalStepInput!]!) { setServiceApproval(serviceId: $serviceId, steps: $steps) { steps { rule } warnings { field message } } }";

interface Chain {
  state: string;
  currentStep: number | null;
  documentUrl: string | null;
  steps: Array<{ position: number; state: string; approvers: string[]; fallbackRole: string | null; decisions: Array<{ approverName: string; decision: string }> }>;
}
interface Tracked {
  status: string;
  sla: { paused: boolean; responseBreached: boolean; responseRemainingMs: number | null; resolutionBreached: boolean };
  timeline: Array<{ kind: string; message: string | null; systemNote: { en: string; id: string } | null }>;
  approval: Chain;
}

const as = <T>(token: string, query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> => gw.gql<T>(query, variables, { token, siteKey: null });
const ticket = async (code: string) => (await desk<{ ticket: { id: string; code: string; status: string; approval: Chain } }>(gw, admin, TICKET, { id: code })).ticket;
const track = async (code: string, token: string) => (await gw.gql<{ trackTicket: Tracked }>(TRACK, { code, token })).data!.trackTicket;
const decide = (token: string, id: string, decision = "APPROVE") => as<{ decideApproval: { status: string; approval: Chain } }>(token, DECIDE, { id, input: { decision, reason: decision === "REJECT" ? "No" : null } });
const inbox = async (token: string) => (await desk<{ myApprovals: Array<{ code: string }> }>(gw, token, "{ myApprovals { code } }")).myApprovals.map((t) => t.code);
const request = (service: string, description = "Access to hall 2") => report(gw, { serviceId: svc[service], reporterEmail: "ops@klien.example", description });
const member = async (name: string, role: Role, groupId: string | null = null) => {
  const created = await gw.services.agents.create({ siteId: gw.site.id, name, email: `${name.toLowerCase().replace(/ /g, ".")}@kalapa.example`, role, groupId }, TEST_ACTOR);
  const token = await gw.services.agents.mintToken(created);
  ids.set(token, created.id);
  return token;
};
const updateAgent = (token: string, input: Record<string, unknown>) =>
  desk(gw, admin, "mutation($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { id } }", { id: ids.get(token), input });
const deactivate = (token: string) => desk(gw, admin, "mutation($id: ID!) { setAgentActive(id: $id, active: false) { id } }", { id: ids.get(token) });
const setSteps = async (service: string, steps: Array<Record<string, unknown>>) => {
  const r = await as<{ setServiceApproval: { warnings: Array<{ field: string; message: string }> } }>(admin, SET, { serviceId: svc[service], steps });
  expect(r.errors).toBeUndefined();
  return r.data!.setServiceApproval.warnings;
};

beforeAll(async () => {
  gw = await startTestGateway();
  await gw.services.sites.setSettings(gw.site.id, { offersRequests: true });
  groupB = (await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Keamanan Gedung", level: 1 }, TEST_ACTOR)).id;
  emptyGroup = (await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Fasilitas", level: 1 }, TEST_ACTOR)).id;
  admin = await member("Admin Kalapa", Role.ADMIN);
  manager = await member("Mira Manajer", Role.MANAGER);
  sup1 = await member("Sari Supervisor", Role.SUPERVISOR);
  sup2 = await member("Bayu Supervisor", Role.SUPERVISOR);
  named1 = await member("Nanda Satu", Role.SPECIALIST);
  named2 = await member("Nuri Dua", Role.SPECIALIST);
  leaver = await member("Lina Keamanan", Role.SPECIALIST, groupB);
  joiner = await member("Joko Baru", Role.SPECIALIST);
  for (const name of ["rolling", "allOf", "supervisors", "empty", "plain"]) {
    svc[name] = (await gw.services.catalogAdmin.saveService(gw.site.id, { names: [{ language: "en", name }], ticketType: TicketType.SERVICE_REQUEST }, TEST_ACTOR)).id;
  }
  await setSteps("rolling", [
    { rule: "ANY_OF", agentIds: [ids.get(manager)] },
    { rule: "ANY_OF", groupId: groupB },
  ]);
  await setSteps("allOf", [{ rule: "ALL_OF", agentIds: [ids.get(named1), ids.get(named2)] }]);
  await setSteps("supervisors", [{ rule: "ANY_OF", role: "SUPERVISOR" }]);
});
afterAll(async () => {
  await gw?.close();
});

describe("a step's approvers", () => {
  it("are resolved when the step starts: someone who joined the group since is asked, someone deactivated is not", async () => {
    const { code } = await request("rolling");
    const before = await ticket(code);
    expect(before.approval.steps.map((s) => s.approvers)).toEqual([["Mira Manajer"], []]);
    await updateAgent(joiner, { groupId: groupB });
    await deactivate(leaver);
    const r = await decide(manager, before.id);
    expect(r.errors).toBeUndefined();
    expect(r.data!.decideApproval.approval).toMatchObject({ state: "PENDING", currentStep: 2, steps: [{ state: "APPROVED" }, { state: "PENDING", approvers: ["Joko Baru"], fallbackRole: null }] });
    expect(await inbox(joiner)).toEqual([code]);
    expect((await decide(joiner, before.id)).data!.decideApproval.status).toBe("NEW");
  });

  it("of an ALL_OF step: one deactivated before deciding no longer counts, so the remaining approval decides it", async () => {
    const { code, trackingToken } = await request("allOf");
    const id = (await ticket(code)).id;
    expect((await decide(named1, id)).data!.decideApproval).toMatchObject({ status: "PENDING", approval: { state: "PENDING" } });
    await deactivate(named2);
    const after = await ticket(code);
    expect(after).toMatchObject({ status: "NEW", approval: { state: "APPROVED", steps: [{ state: "APPROVED", approvers: ["Nanda Satu"] }] } });
    expect((await track(code, trackingToken)).timeline.map((e) => e.kind)).toEqual(["REPORTED", "APPROVAL_REQUESTED", "APPROVAL_GIVEN", "APPROVED"]);
  });

  it("of an ANY_OF step: one moved to another role before deciding is neither asked nor allowed; the other decides", async () => {
    const { code } = await request("supervisors");
    const id = (await ticket(code)).id;
    expect((await ticket(code)).approval.steps[0]!.approvers).toEqual(["Bayu Supervisor", "Sari Supervisor"]);
    await updateAgent(sup1, { role: "SPECIALIST" });
    expect((await ticket(code)).approval.steps[0]!.approvers).toEqual(["Bayu Supervisor"]);
    expect(await inbox(sup1)).toEqual([]);
    expect(codeOf(await decide(sup1, id))).toBe("FORBIDDEN");
    expect((await decide(sup2, id)).data!.decideApproval.status).toBe("NEW");
    await updateAgent(sup1, { role: "SUPERVISOR" });
  });
});

describe("a step with nobody to ask", () => {
  it("is saved with a warning, and goes to the site's managers, shown on the chain and the timeline and audited", async () => {
    const warnings = await setSteps("empty", [{ rule: "ALL_OF", groupId: emptyGroup }]);
    expect(warnings).toEqual([{ field: "steps.0", message: expect.stringMatching(/no active member in its group today: until someone is, the site's managers \(then its administrators\) are asked instead/) }]);
    const { code, trackingToken } = await request("empty");
    const t = await ticket(code);
    expect(t.approval.steps[0]).toMatchObject({ state: "PENDING", approvers: ["Mira Manajer"], fallbackRole: "MANAGER" });
    const view = await track(code, trackingToken);
    expect(view.approval.steps[0]).toMatchObject({ approvers: [], fallbackRole: "MANAGER" });
    expect(view.timeline.find((e) => e.kind === "APPROVAL_REQUESTED")).toMatchObject({
      message: null,
      systemNote: { en: "Nobody step 1 names can decide it now, so the site's managers are asked instead.", id: "Tidak ada yang ditunjuk langkah 1 yang dapat memutuskan saat ini, jadi manajer situs yang diminta." },
    });
    const { auditLog } = await desk<{ auditLog: { entries: Array<{ action: string; actorKind: string; afterJson: string }> } }>(
      gw,
      admin,
      "query($f: AuditFilter) { auditLog(filter: $f) { entries { action actorKind afterJson } } }",
      { f: { subjectType: "ticket", subjectId: code } },
    );
    expect(auditLog.entries).toEqual([{ action: "ticket.approval_fallback", actorKind: "SYSTEM", afterJson: JSON.stringify({ step: 1, role: "MANAGER", approvers: ["Mira Manajer"] }) }]);
    expect(await inbox(manager)).toContain(code);
    expect((await decide(manager, t.id)).data!.decideApproval.status).toBe("NEW");
  });

  it("once its last approver leaves before deciding, goes to the managers too", async () => {
    const { code } = await request("rolling");
    const id = (await ticket(code)).id;
    await decide(manager, id);
    expect((await ticket(code)).approval.steps[1]!.approvers).toEqual(["Joko Baru"]);
    await updateAgent(joiner, { groupId: null });
    expect((await ticket(code)).approval).toMatchObject({ state: "PENDING", currentStep: 2, steps: [{ state: "APPROVED" }, { approvers: ["Mira Manajer"], fallbackRole: "MANAGER" }] });
    expect(await inbox(manager)).toEqual([code]);
  });
});

describe("a request cancelled while it waits", () => {
  it("reads WITHDRAWN at the desk and in the tracker, leaves every inbox, and has no document", async () => {
    const { code, trackingToken } = await request("supervisors");
    const id = (await ticket(code)).id;
    expect(await inbox(sup2)).toContain(code);
    await desk(gw, admin, 'mutation($id: ID!) { cancelTicket(id: $id, reason: "The client withdrew the visit") { status } }', { id });
    const withdrawn = { state: "WITHDRAWN", currentStep: null, documentUrl: null, steps: [{ state: "WITHDRAWN", decisions: [] }] };
    expect((await ticket(code)).approval).toMatchObject(withdrawn);
    expect((await track(code, trackingToken)).approval).toMatchObject(withdrawn);
    expect(await inbox(sup2)).not.toContain(code);
    expect(codeOf(await decide(sup2, id))).toBe("CONFLICT");
    const doc = await fetch(`${gw.url}/documents/approval/${encodeURIComponent(code)}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(doc.status).toBe(404);
  });
});

describe("a request's response target", () => {
  it("is met as it goes to its approvers: a long approval breaches nothing, and the resolution clock waits", async () => {
    const { code, trackingToken } = await request("supervisors");
    gw.clock.advance(10 * 3_600_000);
    expect((await track(code, trackingToken)).sla).toEqual({ paused: true, responseBreached: false, responseRemainingMs: null, resolutionBreached: false });
    const queue = await desk<{ queue: { edges: Array<{ node: { code: string; sla: { responseBreached: boolean; responseRemainingMs: number | null } } }> } }>(
      gw,
      admin,
      "query($f: QueueFilter) { queue(filter: $f, first: 20) { edges { node { code sla { responseBreached responseRemainingMs } } } } }",
      { f: { types: ["SERVICE_REQUEST"] } },
    );
    expect(queue.queue.edges.find((e) => e.node.code === code)!.node.sla).toEqual({ responseBreached: false, responseRemainingMs: null });
  });
});

describe("intake of a service", () => {
  const approvalReads = (run: () => Promise<unknown>) => statementsWith(gw, "service_approval", run);
  const flag = async (service: string) => {
    const rows: Array<{ needs_approval: number | boolean }> = await gw.services.ds.query("SELECT needs_approval FROM it_service WHERE id = ?", [svc[service]]);
    return Number(rows[0]!.needs_approval);
  };

  it("reads no approval configuration for a service that needs none; the flag follows the steps", async () => {
    expect(await flag("plain")).toBe(0);
    expect(await approvalReads(async () => expect((await request("plain")).status).toBe("NEW"))).toBe(0);
    await setSteps("plain", [{ rule: "ANY_OF", role: "MANAGER" }]);
    expect(await flag("plain")).toBe(1);
    expect(await approvalReads(async () => expect((await request("plain")).status).toBe("PENDING"))).toBe(1);
    await setSteps("plain", []);
    expect(await flag("plain")).toBe(0);
    expect(await approvalReads(async () => expect((await request("plain")).status).toBe("NEW"))).toBe(0);
  });
});
