import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, TicketType } from "@sigap/gateway";
import { codeOf, createTestDatabase, desk, ManualClock, report, startTestGateway, TEST_ACTOR, type GqlResult, type TestDatabase, type TestGateway } from "./harness.js";
import { startTestSmtp, type TestSmtp } from "./mail-kit.js";
import { pdfText } from "./pdf-kit.js";

/**
 * Seed 003's post-sale repair work orders (issue 12, item 3): a failure report routed by region to
 * a technician group and handed round-robin to its technicians (fair across two gateways on one
 * database), the technician's findings and extra cost, the customer's decision in the tracker
 * with the resolution clock paused meanwhile, the desk's record of payment, and no closure of an
 * accepted cost before it is paid.
 */

const HOUR = 3_600_000;
let db: TestDatabase;
let smtp: TestSmtp;
let clock: ManualClock;
let gw: TestGateway;
let gw2: TestGateway;
let admin: string;
let desker: string;
let repair: string;
let south: string;
const techs = new Map<string, string>(); // agent id → token
let north: string; // a technician of the group who works elsewhere

const WORK_ORDER = `workOrder { findings awaitingDecision paymentDue proposal { total status decisionNote lines { description quantity unitAmount amount } } payment { status method amount } }`;
const TRACK = `query($code: String!, $token: String) { trackTicket(code: $code, token: $token) { code status pendingReason type sla { paused resolutionRemainingMs } timeline { kind actorKind message } ${WORK_ORDER} } }`;
const DESK = `query($id: ID!) { ticket(id: $id) { id code type status pendingReason groupId assigneeId allowedActions nextStatuses resolutionDueAt timeline { kind actorKind assigneeName } ${WORK_ORDER} } }`;
const PROPOSE = `mutation($id: ID!, $input: ProposeCostInput!) { proposeCost(id: $id, input: $input) { status pendingReason } }`;
const DECIDE = `mutation($code: String!, $token: String, $accept: Boolean!, $note: String) { decideCost(code: $code, token: $token, accept: $accept, note: $note) { status ${WORK_ORDER} } }`;
const PAY = `mutation($id: ID!, $input: RecordPaymentInput!) { recordPayment(id: $id, input: $input) { status workOrder { paymentDue payment { status method amount } } } }`;
const STATUS = `mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { status } }`;

interface DeskTicket {
  id: string;
  code: string;
  type: string;
  status: string;
  pendingReason: string | null;
  groupId: string | null;
  assigneeId: string | null;
  allowedActions: string[];
  nextStatuses: string[];
  resolutionDueAt: string;
  timeline: Array<{ kind: string; actorKind: string; assigneeName: string | null }>;
  workOrder: { paymentDue: boolean; awaitingDecision: boolean; proposal: { total: number; status: string } | null } | null;
}

const as = <T>(token: string, query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> => gw.gql<T>(query, variables, { token, siteKey: null });
const ticket = async (code: string) => (await desk<{ ticket: DeskTicket }>(gw, desker, DESK, { id: code })).ticket;
const track = async (code: string, token: string) => (await gw.gql<{ trackTicket: Record<string, unknown> & { sla: { paused: boolean; resolutionRemainingMs: number } } }>(TRACK, { code, token })).data!.trackTicket;
const repairJob = (on: TestGateway = gw, extra: Record<string, unknown> = {}) =>
  report(on, { serviceId: repair, kecamatan: "Balikpapan Selatan", reporterEmail: "rina@contoh.example", description: "AC tidak dingin, keluar air", ...extra });
const tokenOf = (t: DeskTicket) => techs.get(t.assigneeId!)!;
const LINES = [
  { description: "Kompresor AC 1 PK", quantity: 1, unitAmount: 1_250_000 },
  { description: "Freon R32 (kg)", quantity: 2, unitAmount: 175_000 },
];

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startTestSmtp();
  clock = new ManualClock();
  gw = await startTestGateway({ database: db, clock, smtp: { url: smtp.url, publicUrl: "https://desk.contoh.example" } });
  gw2 = await startTestGateway({ database: db, clock, site: gw.site });
  admin = await gw.agentToken(Role.ADMIN, "Admin Servis");
  desker = await gw.agentToken(Role.AGENT, "Meja Layanan");
  repair = (await gw.services.catalogAdmin.saveService(gw.site.id, { names: [{ language: "id", name: "Servis AC" }], ticketType: TicketType.WORK_ORDER }, TEST_ACTOR)).id;
  south = (await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Teknisi AC", level: 2 }, TEST_ACTOR)).id;
  const technician = async (name: string, regions: string[]) => {
    const agent = await gw.services.agents.create({ siteId: gw.site.id, name, email: `${name.toLowerCase().replace(/ /g, ".")}@contoh.example`, role: Role.AGENT, groupId: south }, TEST_ACTOR);
    await desk(gw, admin, `mutation($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { id } }`, { id: agent.id, input: { regions } });
    techs.set(agent.id, await gw.services.agents.mintToken(agent));
    return agent.id;
  };
  await technician("Teknisi Satu", ["Balikpapan Selatan"]);
  await technician("Teknisi Dua", ["balikpapan selatan", "Balikpapan Kota"]);
  north = await technician("Teknisi Utara", ["Balikpapan Utara"]);
  await desk(gw, admin, `mutation($rules: [RoutingRuleInput!]!) { setRoutingRules(rules: $rules) { id } }`, {
    rules: [{ region: "Balikpapan Selatan", serviceId: repair, skill: null, groupId: south }],
  });
});
afterAll(async () => {
  await gw2?.close();
  await gw?.close();
  await smtp?.close();
  await db?.drop();
});

describe("a repair job (seed 003)", () => {
  it("routes the failure report by region, waits on the customer's decision with the clock paused, and closes only once paid", async () => {
    const receipt = await repairJob();
    expect(receipt.status).toBe("ASSIGNED");
    let t = await ticket(receipt.code);
    expect(t).toMatchObject({ type: "WORK_ORDER", status: "ASSIGNED", groupId: south });
    expect([...techs.keys()].filter((id) => id !== north)).toContain(t.assigneeId);
    expect(t.timeline.map((e) => [e.kind, e.actorKind])).toEqual([["REPORTED", "REPORTER"], ["ASSIGNED", "SYSTEM"], ["STATUS_CHANGED", "SYSTEM"]]);
    const tech = tokenOf(t);

    // An incident of the same site is not routed: only work orders are, unless the site opts in.
    expect((await report(gw, { kecamatan: "Balikpapan Selatan" })).status).toBe("NEW");

    await desk(gw, tech, STATUS, { id: t.id, input: { status: "IN_PROGRESS" } });
    const proposed = await desk<{ proposeCost: { status: string; pendingReason: string } }>(gw, tech, PROPOSE, {
      id: t.id,
      input: { findings: "Kompresor mati, freon habis", lines: LINES },
    });
    expect(proposed.proposeCost).toEqual({ status: "PENDING", pendingReason: "COST_DECISION" });

    // The customer is mailed the amounts and the tracker link.
    await gw.dispatch();
    const mail = smtp.to("rina@contoh.example").find((m) => m.subject.includes("biaya tambahan"));
    expect(mail?.text).toContain("Rp\u00a01.600.000");
    expect(mail?.text).toContain("Kompresor AC 1 PK: 1 × Rp\u00a01.250.000");
    expect(mail?.text).toContain("https://desk.contoh.example");

    // The resolution clock stands still while the customer decides.
    const waiting = await track(receipt.code, receipt.trackingToken);
    expect(waiting).toMatchObject({
      status: "PENDING",
      pendingReason: "COST_DECISION",
      sla: { paused: true },
      workOrder: { findings: "Kompresor mati, freon habis", awaitingDecision: true, paymentDue: false, proposal: { total: 1_600_000, status: "AWAITING" } },
    });
    const dueBefore = Date.parse((await ticket(receipt.code)).resolutionDueAt);
    clock.advance(5 * HOUR);
    expect((await track(receipt.code, receipt.trackingToken)).sla.resolutionRemainingMs).toBe(waiting.sla.resolutionRemainingMs);

    const decided = await gw.gql<{ decideCost: { status: string; workOrder: { paymentDue: boolean; proposal: { status: string; decisionNote: string } } } }>(DECIDE, {
      code: receipt.code,
      token: receipt.trackingToken,
      accept: true,
      note: "Silakan lanjut",
    });
    expect(decided.data!.decideCost).toMatchObject({ status: "IN_PROGRESS", workOrder: { paymentDue: true, proposal: { status: "ACCEPTED", decisionNote: "Silakan lanjut" } } });
    expect(codeOf(await gw.gql(DECIDE, { code: receipt.code, token: receipt.trackingToken, accept: false }))).toBe("CONFLICT");
    t = await ticket(receipt.code);
    expect(Date.parse(t.resolutionDueAt) - dueBefore).toBe(5 * HOUR);
    expect(t.timeline.filter((e) => e.kind.startsWith("COST_")).map((e) => [e.kind, e.actorKind])).toEqual([["COST_PROPOSED", "AGENT"], ["COST_ACCEPTED", "REPORTER"]]);

    // Repaired; it may not close before the accepted cost is paid.
    await desk(gw, tech, `mutation($id: ID!) { resolveTicket(id: $id, input: { resolution: "Kompresor diganti, freon diisi", closureCode: "FIXED" }) { id } }`, { id: t.id });
    t = await ticket(receipt.code);
    expect(t.allowedActions).not.toContain("CLOSE");
    expect(t.nextStatuses).not.toContain("CLOSED");
    const refused = await as(desker, `mutation($id: ID!) { closeTicket(id: $id) { status } }`, { id: t.id });
    expect(codeOf(refused)).toBe("CONFLICT");
    expect(refused.errors![0]!.message).toContain("record the payment");

    const paid = await desk<{ recordPayment: { workOrder: { paymentDue: boolean; payment: unknown } } }>(gw, desker, PAY, { id: t.id, input: { status: "PAID", method: "TRANSFER", amount: 1_600_000 } });
    expect(paid.recordPayment.workOrder).toEqual({ paymentDue: false, payment: { status: "PAID", method: "TRANSFER", amount: 1_600_000 } });
    await desk(gw, desker, `mutation($id: ID!) { closeTicket(id: $id) { status } }`, { id: t.id });
    const closed = await track(receipt.code, receipt.trackingToken);
    expect(closed).toMatchObject({ status: "CLOSED", workOrder: { payment: { status: "PAID", method: "TRANSFER", amount: 1_600_000 } } });
    expect((closed["timeline"] as Array<{ kind: string }>).map((e) => e.kind)).toEqual(
      expect.arrayContaining(["COST_PROPOSED", "COST_ACCEPTED", "RESOLVED", "PAYMENT_RECORDED", "CLOSED"]),
    );

    // The printable work order: the job, the cost lines and the payment, in the agent's language.
    const res = await fetch(`${gw.url}/work-orders/${receipt.code}.pdf?lang=id`, { headers: { authorization: `Bearer ${desker}` } });
    expect([res.status, res.headers.get("content-type")]).toEqual([200, "application/pdf"]);
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    for (const words of [receipt.code, "Kompresor AC 1 PK", "1.600.000", "Lunas", "Transfer bank", "Kompresor mati, freon habis"]) expect(text).toContain(words);
    expect((await fetch(`${gw.url}/work-orders/${receipt.code}.pdf`)).status).toBe(401);

    const audit = await desk<{ auditLog: { entries: Array<{ action: string }> } }>(gw, admin, `query { auditLog(first: 50) { entries { action } } }`);
    expect(audit.auditLog.entries.map((e) => e.action)).toEqual(expect.arrayContaining(["routing.set", "ticket.propose_cost", "ticket.record_payment"]));
  });

  it("ends the job when the customer declines, or carries on without the extra work where the site says so", async () => {
    const decline = async () => {
      const receipt = await repairJob();
      const t = await ticket(receipt.code);
      await desk(gw, tokenOf(t), STATUS, { id: t.id, input: { status: "IN_PROGRESS" } });
      await desk(gw, tokenOf(t), PROPOSE, { id: t.id, input: { lines: [{ description: "Ganti PCB", quantity: 1, unitAmount: 900_000 }] } });
      const r = await gw.gql<{ decideCost: { status: string; workOrder: { paymentDue: boolean; proposal: { status: string } } } }>(DECIDE, {
        code: receipt.code,
        token: receipt.trackingToken,
        accept: false,
        note: "Terlalu mahal",
      });
      return r.data!.decideCost;
    };
    expect(await decline()).toMatchObject({ status: "CANCELLED", workOrder: { paymentDue: false, proposal: { status: "DECLINED" } } });

    await desk(gw, admin, `mutation { setDispatchSettings(input: { declinedCost: CONTINUE_WITHOUT }) { declinedCost } }`);
    expect(await decline()).toMatchObject({ status: "IN_PROGRESS", workOrder: { paymentDue: false, proposal: { status: "DECLINED" } } });
  });

  it("refuses bad lines, costs on other tickets, a wrong token and a desk hold on COST_DECISION", async () => {
    const receipt = await repairJob();
    const t = await ticket(receipt.code);
    const tech = tokenOf(t);
    expect(codeOf(await as(tech, PROPOSE, { id: t.id, input: { lines: LINES } }))).toBe("CONFLICT"); // not IN_PROGRESS yet
    await desk(gw, tech, STATUS, { id: t.id, input: { status: "IN_PROGRESS" } });
    const bad = await as(tech, PROPOSE, { id: t.id, input: { lines: [{ description: " ", quantity: 0, unitAmount: -1 }] } });
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
    expect((bad.errors![0]!.extensions["fields"] as Array<{ field: string }>).map((f) => f.field)).toEqual(["lines.0.description", "lines.0.quantity", "lines.0.unitAmount"]);
    const hold = await as(tech, STATUS, { id: t.id, input: { status: "PENDING", pendingReason: "COST_DECISION" } });
    expect(codeOf(hold)).toBe("BAD_USER_INPUT");

    const incident = await report(gw);
    const incidentId = (await ticket(incident.code)).id;
    await desk(gw, desker, STATUS, { id: incidentId, input: { status: "IN_PROGRESS" } });
    expect(codeOf(await as(desker, PROPOSE, { id: incidentId, input: { lines: LINES } }))).toBe("CONFLICT");
    expect((await track(incident.code, incident.trackingToken))["workOrder"]).toBeNull();

    await desk(gw, tech, PROPOSE, { id: t.id, input: { lines: LINES } });
    expect(codeOf(await gw.gql(DECIDE, { code: receipt.code, token: "wrong-token", accept: true }))).toBe("NOT_FOUND");
  });
});

describe("automatic assignment", () => {
  it("shares 100 repair jobs reported through two gateways 50 and 50 between the region's technicians", async () => {
    const codes: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const receipts = await Promise.all(Array.from({ length: 10 }, (_, i) => repairJob(i % 2 ? gw2 : gw, { reporterEmail: null })));
      codes.push(...receipts.map((r) => r.code));
    }
    const counts = new Map<string, number>();
    for (const code of codes) {
      const { assigneeId } = await ticket(code);
      counts.set(assigneeId!, (counts.get(assigneeId!) ?? 0) + 1);
    }
    expect(counts.has(north)).toBe(false);
    expect([...counts.values()].sort()).toEqual([50, 50]);
  });

  it("routes incidents too where the site opts in, to the least loaded technician when it chooses so", async () => {
    await desk(gw, admin, `mutation($rules: [RoutingRuleInput!]!) { setRoutingRules(rules: $rules) { id } }`, {
      rules: [{ region: "Balikpapan Selatan", serviceId: repair, groupId: south }, { region: "balikpapan selatan", groupId: south }],
    });
    expect((await report(gw, { kecamatan: "Balikpapan Selatan" })).status).toBe("NEW");
    const settings = await desk<{ setDispatchSettings: unknown }>(gw, admin, `mutation { setDispatchSettings(input: { routeIncidents: true, assignment: LEAST_LOADED }) { assignment routeIncidents declinedCost } }`);
    expect(settings.setDispatchSettings).toEqual({ assignment: "LEAST_LOADED", routeIncidents: true, declinedCost: "CONTINUE_WITHOUT" });
    // Each incident goes to the region's technician with the fewest open tickets (the desk's queue counts them).
    const south2 = [...techs.keys()].filter((id) => id !== north);
    const openLoad = async (assigneeId: string) => {
      let n = 0;
      let after: string | null = null;
      do {
        const page: { queue: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await desk(
          gw,
          desker,
          `query($f: QueueFilter, $after: String) { queue(filter: $f, first: 100, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } }`,
          { f: { assigneeId }, after },
        );
        n += page.queue.edges.length;
        after = page.queue.pageInfo.hasNextPage ? page.queue.pageInfo.endCursor : null;
      } while (after);
      return n;
    };
    for (let i = 0; i < 2; i++) {
      const loads = await Promise.all(south2.map(openLoad));
      const t = await ticket((await report(gw, { kecamatan: "Balikpapan Selatan" })).code);
      expect(t).toMatchObject({ type: "INCIDENT", status: "ASSIGNED", groupId: south });
      expect(loads[south2.indexOf(t.assigneeId!)]).toBe(Math.min(...loads));
    }
    expect(codeOf(await as(admin, `mutation { setRoutingRules(rules: [{ groupId: "nope", skill: "${"x".repeat(61)}" }]) { id } }`))).toBe("BAD_USER_INPUT");
  });
});
