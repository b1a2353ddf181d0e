import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, TicketType } from "@sigap/gateway";
import { pdfText } from "./pdf-kit.js";
import { Receiver } from "./webhook-kit.js";
import { codeOf, desk, report, startTestGateway, TEST_ACTOR, type GqlResult, type TestGateway } from "./harness.js";

/**
 * Approvals (issue 12, seed 004): a client's data-centre access request waits PENDING for its
 * supervisor with the resolution clock paused; nobody resumes it by hand; the supervisor approves
 * (the document follows) or rejects with a reason; nobody approves their own request; a chain of
 * two steps, the second ALL_OF, needs every named approver.
 */

let gw: TestGateway;
let admin: string;
let supervisor: string;
let supervisor2: string;
let manager: string;
let agent: string;
let access: string;
let twoStep: string;
let hooks: Receiver;

const CHAIN = "approval { state currentStep validUntil documentUrl steps { position rule label { en id } state approvers decisions { approverName decision reason at } } }";
const TRACK = `query($code: String!, $token: String) { trackTicket(code: $code, token: $token) { code status pendingReason resolutionDueAt sla { paused } timeline { kind message fromStatus toStatus } ${CHAIN} } }`;
const TICKET = `query($id: ID!) { ticket(id: $id) { id code status pendingReason resolutionDueAt nextStatuses ${CHAIN} } }`;
const DECIDE = `mutation($id: ID!, $input: DecideApprovalInput!) { decideApproval(ticketId: $id, input: $input) { code status ${CHAIN} } }`;
const SET = "mutation($serviceId: ID!, $steps: [ApprovalStepInput!]!, $validDays: Int) { setServiceApproval(serviceId: $serviceId, steps: $steps, validDays: $validDays) { serviceId validDays steps { rule role groupId agentIds } } }";

interface Chain {
  state: string;
  currentStep: number | null;
  validUntil: string | null;
  documentUrl: string | null;
  steps: Array<{ position: number; state: string; approvers: string[]; decisions: Array<{ approverName: string; decision: string; reason: string | null }> }>;
}
interface Tracked {
  code: string;
  status: string;
  pendingReason: string | null;
  resolutionDueAt: string;
  sla: { paused: boolean };
  timeline: Array<{ kind: string; message: string | null; fromStatus: string | null; toStatus: string | null }>;
  approval: Chain | null;
}

const as = <T>(token: string, query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> => gw.gql<T>(query, variables, { token, siteKey: null });
const track = async (code: string, token: string) => (await gw.gql<{ trackTicket: Tracked }>(TRACK, { code, token })).data!.trackTicket;
const ticket = async (code: string) => (await desk<{ ticket: Tracked & { id: string; nextStatuses: string[] } }>(gw, admin, TICKET, { id: code })).ticket;
const decide = (token: string, id: string, decision: string, reason?: string) => as<{ decideApproval: Tracked }>(token, DECIDE, { id, input: { decision, reason } });
const inbox = async (token: string) => (await desk<{ myApprovals: Array<{ code: string }> }>(gw, token, "{ myApprovals { code } }")).myApprovals.map((t) => t.code);
const ids = new Map<string, string>();
const member = async (name: string, role: Role, groupId: string | null = null) => {
  const created = await gw.services.agents.create({ siteId: gw.site.id, name, email: `${name.toLowerCase().replace(/ /g, ".")}@kalapa.example`, role, groupId }, TEST_ACTOR);
  const token = await gw.services.agents.mintToken(created);
  ids.set(token, created.id);
  return token;
};
const service = async (en: string, id: string) =>
  (await gw.services.catalogAdmin.saveService(gw.site.id, { names: [{ language: "en", name: en }, { language: "id", name: id }], ticketType: TicketType.SERVICE_REQUEST }, TEST_ACTOR)).id;

beforeAll(async () => {
  gw = await startTestGateway({ env: { WEBHOOK_ALLOW_PRIVATE: "1" } });
  hooks = await Receiver.start();
  admin = await member("Admin Kalapa", Role.ADMIN);
  supervisor = await member("Sari Supervisor", Role.SUPERVISOR);
  supervisor2 = await member("Bayu Supervisor", Role.SUPERVISOR);
  manager = await member("Mira Manajer", Role.MANAGER);
  agent = await member("Citra CS", Role.AGENT);
  access = await service("Data centre access (work permit)", "Akses data center (izin kerja)");
  twoStep = await service("Rack installation", "Pemasangan rak");
  const hook = await as(admin, "mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }", {
    input: { url: hooks.url, eventTypes: ["TICKET_APPROVAL_REQUESTED", "TICKET_APPROVED", "TICKET_REJECTED"], description: "the client's CRM" },
  });
  expect(hook.errors).toBeUndefined();
  // Until the site takes requests on its form, its request items are neither offered nor taken there.
  const offered = async () => (await gw.gql<{ site: { services: Array<{ id: string }> } }>("{ site { services { id } } }")).data!.site.services.map((s) => s.id);
  expect(await offered()).not.toContain(access);
  expect((await gw.gql("mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code } }", { input: { reporterName: "A", description: "B", serviceId: access } })).errors?.[0]?.extensions.fields).toEqual([
    expect.objectContaining({ field: "serviceId" }),
  ]);
  await desk(gw, admin, "mutation { updateSiteSettings(input: { offersRequests: true }) { offersRequests } }");
  expect(await offered()).toEqual(expect.arrayContaining([access, twoStep]));
  const one = await as<{ setServiceApproval: { validDays: number } }>(admin, SET, { serviceId: access, steps: [{ rule: "ANY_OF", role: "SUPERVISOR" }], validDays: 3 });
  expect(one.errors).toBeUndefined();
  const two = await as(admin, SET, {
    serviceId: twoStep,
    steps: [
      { rule: "ANY_OF", role: "SUPERVISOR" },
      { rule: "ALL_OF", agentIds: [ids.get(manager), ids.get(admin)] },
    ],
  });
  expect(two.errors).toBeUndefined();
});
afterAll(async () => {
  await gw?.close();
  await hooks?.close();
});

describe("configuring a request item's approval", () => {
  it("names every bad step, and only an ADMIN may set it (audited)", async () => {
    const bad = await as(admin, SET, { serviceId: access, steps: [{ rule: "ANY_OF" }, { rule: "ALL_OF", role: "SUPERVISOR", agentIds: ["nobody"] }], validDays: 0 });
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
    expect(bad.errors![0]!.extensions.fields!.map((f) => f.field)).toEqual(["steps.0", "steps.1", "validDays", "steps.1.agentIds"]);
    expect(codeOf(await as(supervisor, SET, { serviceId: access, steps: [] }))).toBe("FORBIDDEN");
    const { auditLog } = await desk<{ auditLog: { entries: Array<{ action: string }> } }>(gw, admin, "query($f: AuditFilter) { auditLog(filter: $f) { entries { action } } }", {
      f: { subjectType: "service", subjectId: access },
    });
    expect(auditLog.entries.map((e) => e.action)).toContain("service.approval");
  });
});

describe("seed 004: a client's work permit", () => {
  let code: string;
  let token: string;

  it("waits PENDING for approval with the resolution clock paused, and the supervisors are asked", async () => {
    const receipt = await report(gw, { serviceId: access, reporterName: "PT Klien", reporterEmail: "ops@klien.example", description: "Visit to rack B12 at Cibitung, 2 engineers" });
    ({ code, trackingToken: token } = receipt);
    expect(receipt.status).toBe("PENDING");
    const view = await track(code, token);
    expect(view).toMatchObject({ status: "PENDING", pendingReason: "APPROVAL", sla: { paused: true } });
    expect(view.timeline.map((e) => e.kind)).toEqual(["REPORTED", "APPROVAL_REQUESTED"]);
    expect(view.approval).toMatchObject({ state: "PENDING", currentStep: 1, documentUrl: null, steps: [{ position: 1, state: "PENDING", approvers: [], decisions: [] }] });
    expect((await ticket(code)).approval!.steps[0]!.approvers).toEqual(["Bayu Supervisor", "Sari Supervisor"]);
    expect(await inbox(supervisor)).toEqual([code]);
    expect(await inbox(agent)).toEqual([]);
    const queue = async (types: string[]) =>
      (await desk<{ queue: { edges: Array<{ node: { code: string; type: string } }> } }>(gw, agent, "query($f: QueueFilter) { queue(filter: $f, first: 50) { edges { node { code type } } } }", { f: { types } })).queue.edges.map((e) => e.node);
    expect(await queue(["SERVICE_REQUEST"])).toEqual([{ code, type: "SERVICE_REQUEST" }]);
    expect(await queue(["INCIDENT"])).toEqual([]);
    const mails: Array<{ recipient: string }> = await gw.services.ds.query("SELECT recipient FROM outbox_message WHERE ticket_id = ? AND payload LIKE ? ORDER BY recipient", [
      (await ticket(code)).id,
      "%approval-requested%",
    ]);
    expect(mails.map((m) => m.recipient)).toEqual(["bayu.supervisor@kalapa.example", "sari.supervisor@kalapa.example"]);
  });

  it("cannot be resumed by the desk while undecided (CONFLICT, and not among nextStatuses)", async () => {
    const t = await ticket(code);
    expect(t.nextStatuses).toEqual(["CANCELLED"]);
    const r = await as(agent, "mutation($id: ID!) { changeTicketStatus(id: $id, input: { status: IN_PROGRESS }) { status } }", { id: t.id });
    expect(codeOf(r)).toBe("CONFLICT");
    expect(r.errors![0]!.message).toMatch(/waits for its approvers/);
    expect(codeOf(await decide(agent, t.id, "APPROVE"))).toBe("FORBIDDEN");
  });

  it("goes back to the desk when the supervisor approves, its due time pushed by the wait", async () => {
    const before = await track(code, token);
    gw.clock.advance(2 * 3_600_000);
    const r = await decide(supervisor, (await ticket(code)).id, "APPROVE", "Escort from security at the lobby");
    expect(r.errors).toBeUndefined();
    expect(r.data!.decideApproval.status).toBe("NEW");
    const view = await track(code, token);
    expect(new Date(view.resolutionDueAt).getTime() - new Date(before.resolutionDueAt).getTime()).toBe(2 * 3_600_000);
    expect(view.sla.paused).toBe(false);
    expect(view.timeline.map((e) => e.kind)).toEqual(["REPORTED", "APPROVAL_REQUESTED", "APPROVAL_GIVEN", "APPROVED"]);
    expect(view.approval).toMatchObject({
      state: "APPROVED",
      currentStep: null,
      documentUrl: `/documents/approval/${encodeURIComponent(code)}`,
      steps: [{ state: "APPROVED", decisions: [{ approverName: "Sari Supervisor", decision: "APPROVE", reason: "Escort from security at the lobby" }] }],
    });
    expect(new Date(view.approval!.validUntil!).getTime() - gw.clock.now().getTime()).toBe(3 * 86_400_000);
    expect(await inbox(supervisor2)).toEqual([]);
    expect(codeOf(await decide(supervisor2, (await ticket(code)).id, "APPROVE"))).toBe("CONFLICT");
    await gw.dispatch();
    expect(hooks.accepted().filter((h) => h.data.ticket.code === code).map((h) => h.type)).toEqual(["ticket.approval_requested", "ticket.approved"]);
  });

  it("has an approval document the requester and the desk download, naming the ticket and its approver; nobody else", async () => {
    const path = `/documents/approval/${encodeURIComponent(code)}`;
    const mine = await fetch(`${gw.url}${path}?siteKey=${gw.siteKey}&token=${token}&lang=en`, { headers: { origin: gw.origin } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("application/pdf");
    expect(mine.headers.get("content-disposition")).toMatch(/attachment; filename="approval-.*\.pdf"/);
    const text = await pdfText(new Uint8Array(await mine.arrayBuffer()));
    expect(text).toContain(code);
    expect(text).toContain("Sari Supervisor");
    expect(text).toContain("Data centre access (work permit)");
    expect(text).toContain("Valid until");
    const theDesk = await fetch(`${gw.url}${path}`, { headers: { authorization: `Bearer ${agent}` } });
    expect(theDesk.status).toBe(200);
    expect(await pdfText(new Uint8Array(await theDesk.arrayBuffer()))).toContain("Berlaku sampai");
    for (const url of [`${gw.url}${path}?siteKey=${gw.siteKey}&token=wrong`, `${gw.url}${path}`, `${gw.url}/documents/approval/nope`]) {
      const r = await fetch(url, { headers: { origin: gw.origin } });
      expect([url, r.status]).toEqual([url, 404]);
      expect(((await r.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe("NOT_FOUND");
    }
  });

  it("is fulfilled and closed like any ticket", async () => {
    const id = (await ticket(code)).id;
    await desk(gw, agent, "mutation($id: ID!) { changeTicketStatus(id: $id, input: { status: IN_PROGRESS }) { status } }", { id });
    await desk(gw, agent, 'mutation($id: ID!) { resolveTicket(id: $id, input: { resolution: "Visit done, rack B12", closureCode: "FIXED" }) { status } }', { id });
    await desk(gw, agent, "mutation($id: ID!) { closeTicket(id: $id) { status } }", { id });
    expect((await track(code, token)).status).toBe("CLOSED");
  });
});

describe("a rejection", () => {
  it("needs a reason, and ends the request CANCELLED with it on the public timeline", async () => {
    const { code, trackingToken } = await report(gw, { serviceId: access, reporterEmail: "ops@klien.example", description: "Visit on Sunday night" });
    const id = (await ticket(code)).id;
    const noReason = await decide(supervisor2, id, "REJECT", "  ");
    expect(codeOf(noReason)).toBe("BAD_USER_INPUT");
    expect(noReason.errors![0]!.extensions.fields).toEqual([expect.objectContaining({ field: "reason" })]);
    const r = await decide(supervisor2, id, "REJECT", "The site is closed to visitors on Sundays");
    const doc = await fetch(`${gw.url}/documents/approval/${encodeURIComponent(code)}?siteKey=${gw.siteKey}&token=${trackingToken}`, { headers: { origin: gw.origin } });
    expect(doc.status).toBe(404);
    expect(r.data!.decideApproval).toMatchObject({ status: "CANCELLED", approval: { state: "REJECTED", documentUrl: null } });
    const view = await track(code, trackingToken);
    expect(view.timeline.at(-1)).toMatchObject({ kind: "REJECTED", fromStatus: "PENDING", toStatus: "CANCELLED", message: "The site is closed to visitors on Sundays" });
    expect(await inbox(supervisor)).not.toContain(code);
    await gw.dispatch();
    expect(hooks.accepted().filter((h) => h.data.ticket.code === code).map((h) => h.type)).toEqual(["ticket.approval_requested", "ticket.rejected"]);
  });
});

describe("a request cancelled while it waits", () => {
  it("leaves the approvers' inbox, and nobody can decide on it any more", async () => {
    const { code } = await report(gw, { serviceId: access, reporterEmail: "ops@klien.example", description: "Visit no longer needed" });
    const id = (await ticket(code)).id;
    expect(await inbox(supervisor)).toContain(code);
    await desk(gw, agent, 'mutation($id: ID!) { cancelTicket(id: $id, reason: "The client withdrew the visit") { status } }', { id });
    expect(await inbox(supervisor)).not.toContain(code);
    const late = await decide(supervisor, id, "APPROVE");
    expect(codeOf(late)).toBe("CONFLICT");
    expect(late.errors![0]!.message).toMatch(/no longer waits for approval: it is CANCELLED/);
  });
});

describe("self-approval", () => {
  it("is refused: a supervisor who asked is neither asked nor allowed, another supervisor decides", async () => {
    const { code } = await report(gw, { serviceId: access, reporterName: "Sari", reporterEmail: "Sari.Supervisor@kalapa.example", description: "My own visit" });
    const t = await ticket(code);
    expect(t.approval!.steps[0]!.approvers).toEqual(["Bayu Supervisor"]);
    expect(await inbox(supervisor)).not.toContain(code);
    const own = await decide(supervisor, t.id, "APPROVE");
    expect(codeOf(own)).toBe("FORBIDDEN");
    expect(own.errors![0]!.message).toMatch(/Nobody approves their own request/);
    expect((await decide(supervisor2, t.id, "APPROVE")).data!.decideApproval.status).toBe("NEW");
  });
});

describe("two steps, the second ALL_OF", () => {
  it("needs the supervisor, then every named approver", async () => {
    const { code } = await report(gw, { serviceId: twoStep, reporterEmail: "ops@klien.example", description: "Install a 42U rack in hall 2" });
    const id = (await ticket(code)).id;
    expect(codeOf(await decide(manager, id, "APPROVE"))).toBe("FORBIDDEN");
    expect((await decide(supervisor, id, "APPROVE")).data!.decideApproval.approval).toMatchObject({ state: "PENDING", currentStep: 2 });
    expect(await inbox(manager)).toEqual([code]);
    expect((await decide(manager, id, "APPROVE")).data!.decideApproval).toMatchObject({ status: "PENDING", approval: { state: "PENDING", currentStep: 2 } });
    expect(codeOf(await decide(manager, id, "APPROVE"))).toBe("CONFLICT");
    expect(await inbox(manager)).toEqual([]);
    expect(await inbox(admin)).toEqual([code]);
    const done = (await decide(admin, id, "APPROVE")).data!.decideApproval;
    expect(done).toMatchObject({ status: "NEW", approval: { state: "APPROVED", steps: [{ state: "APPROVED" }, { state: "APPROVED" }] } });
    expect(done.approval!.steps[1]!.decisions.map((d) => d.approverName)).toEqual(["Mira Manajer", "Admin Kalapa"]);
  });
});
