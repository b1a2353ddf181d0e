/**
 * Requests and work orders as an integrator and an auditor see them (issue 12): a real webhook
 * receiver gets `ticket.approval_*` and `work_order.*` signed to the Standard Webhooks
 * specification, and the reporter's own actions (a cost decision, the closure check, feedback)
 * are lines of the audit trail the desk reads, naming the ticket and no person.
 */
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, TicketType } from "@sigap/gateway";
import { desk, report, startTestGateway, TEST_ACTOR, type TestGateway } from "./harness.js";
import { Receiver } from "./webhook-kit.js";

let gw: TestGateway;
let admin: string;
let approver: string;
let rx: Receiver;
let secret: string;
let access: string;
let repair: string;

const TICKET_ID = "query($id: ID!) { ticket(id: $id) { id } }";
const DECIDE_COST = "mutation($code: String!, $token: String, $accept: Boolean!) { decideCost(code: $code, token: $token, accept: $accept) { status } }";
const AUDIT = "query($f: AuditFilter) { auditLog(filter: $f) { entries { action actorKind actorId actorName ip subjectType subjectId } } }";

interface AuditLine {
  action: string;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  ip: string | null;
  subjectType: string;
  subjectId: string;
}

const idOf = async (code: string) => (await desk<{ ticket: { id: string } }>(gw, admin, TICKET_ID, { id: code })).ticket.id;
const reporterLines = async (code: string) =>
  (await desk<{ auditLog: { entries: AuditLine[] } }>(gw, admin, AUDIT, { f: { subjectType: "ticket", subjectId: code } })).auditLog.entries.filter((e) => e.actorKind === "REPORTER").reverse();
/** A work order waiting on the customer's decision on a cost the desk proposed. */
async function costProposed(): Promise<{ code: string; trackingToken: string }> {
  const receipt = await report(gw, { serviceId: repair, reporterEmail: "rina@contoh.example", description: "AC tidak dingin" });
  const id = await idOf(receipt.code);
  await desk(gw, admin, "mutation($id: ID!) { changeTicketStatus(id: $id, input: { status: IN_PROGRESS }) { status } }", { id });
  await desk(gw, admin, "mutation($id: ID!, $input: ProposeCostInput!) { proposeCost(id: $id, input: $input) { status } }", {
    id,
    input: { findings: "Kompresor mati", lines: [{ description: "Kompresor AC 1 PK", quantity: 1, unitAmount: 1_250_000 }] },
  });
  return receipt;
}
/** The events the receiver accepted for a ticket, each verified against the endpoint's secret by the specification's reference package. */
function verified(code: string): Array<{ type: string; detail: Record<string, unknown>; entry: { kind: string } | null }> {
  return rx.got
    .filter((r) => r.answered < 300)
    .map((r) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as { type: string; data: { ticket: { code: string }; detail: Record<string, unknown>; entry: { kind: string } | null } })
    .filter((b) => b.data.ticket.code === code)
    .map((b) => ({ type: b.type, detail: b.data.detail, entry: b.data.entry }));
}

beforeAll(async () => {
  gw = await startTestGateway({ env: { WEBHOOK_ALLOW_PRIVATE: "1" } });
  rx = await Receiver.start();
  admin = await gw.agentToken(Role.ADMIN, "Admin Kalapa");
  approver = await gw.agentToken(Role.SUPERVISOR, "Sari Supervisor");
  await gw.services.sites.setSettings(gw.site.id, { offersRequests: true });
  access = (await gw.services.catalogAdmin.saveService(gw.site.id, { names: [{ language: "en", name: "Data centre access" }], ticketType: TicketType.SERVICE_REQUEST }, TEST_ACTOR)).id;
  repair = (await gw.services.catalogAdmin.saveService(gw.site.id, { names: [{ language: "id", name: "Servis AC" }], ticketType: TicketType.WORK_ORDER }, TEST_ACTOR)).id;
  await desk(gw, admin, "mutation($serviceId: ID!) { setServiceApproval(serviceId: $serviceId, steps: [{ rule: ANY_OF, role: SUPERVISOR }]) { serviceId } }", { serviceId: access });
  const hook = await desk<{ createWebhookEndpoint: { secret: string } }>(gw, admin, "mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }", {
    input: {
      url: rx.url,
      eventTypes: ["TICKET_APPROVAL_REQUESTED", "TICKET_APPROVED", "TICKET_REJECTED", "WORK_ORDER_COST_PROPOSED", "WORK_ORDER_COST_ACCEPTED", "WORK_ORDER_COST_DECLINED", "WORK_ORDER_PAYMENT_RECORDED"],
      description: "the client's CRM",
    },
  });
  secret = hook.createWebhookEndpoint.secret;
});
afterAll(async () => {
  await gw?.close();
  await rx?.close();
});

describe("webhooks of requests and work orders at a real receiver", () => {
  it("deliver an approval's request and outcome, signed", async () => {
    const approved = await report(gw, { serviceId: access, reporterEmail: "ops@klien.example", description: "Visit to rack B12" });
    const rejected = await report(gw, { serviceId: access, reporterEmail: "ops@klien.example", description: "Visit on Sunday" });
    const decide = (code: string, decision: string, reason: string | null) =>
      idOf(code).then((id) => desk(gw, approver, "mutation($id: ID!, $input: DecideApprovalInput!) { decideApproval(ticketId: $id, input: $input) { status } }", { id, input: { decision, reason } }));
    await decide(approved.code, "APPROVE", "Escort at the lobby");
    await decide(rejected.code, "REJECT", "Closed on Sundays");
    await gw.dispatch();
    expect(verified(approved.code).map((e) => [e.type, e.entry?.kind])).toEqual([
      ["ticket.approval_requested", "APPROVAL_REQUESTED"],
      ["ticket.approved", "APPROVED"],
    ]);
    expect(verified(rejected.code).map((e) => [e.type, e.entry?.kind])).toEqual([
      ["ticket.approval_requested", "APPROVAL_REQUESTED"],
      ["ticket.rejected", "REJECTED"],
    ]);
  });

  it("deliver a work order's cost proposal, the customer's decision and the payment, signed", async () => {
    const accepted = await costProposed();
    const declined = await costProposed();
    await gw.gql(DECIDE_COST, { code: accepted.code, token: accepted.trackingToken, accept: true });
    await gw.gql(DECIDE_COST, { code: declined.code, token: declined.trackingToken, accept: false });
    await desk(gw, admin, "mutation($id: ID!, $input: RecordPaymentInput!) { recordPayment(id: $id, input: $input) { status } }", {
      id: await idOf(accepted.code),
      input: { status: "PAID", method: "TRANSFER", amount: 1_250_000 },
    });
    await gw.dispatch();
    expect(verified(accepted.code).map((e) => [e.type, e.entry?.kind])).toEqual([
      ["work_order.cost_proposed", "COST_PROPOSED"],
      ["work_order.cost_accepted", "COST_ACCEPTED"],
      ["work_order.payment_recorded", "PAYMENT_RECORDED"],
    ]);
    expect(verified(declined.code).map((e) => [e.type, e.entry?.kind])).toEqual([
      ["work_order.cost_proposed", "COST_PROPOSED"],
      ["work_order.cost_declined", "COST_DECLINED"],
    ]);
    // A receiver holding another secret cannot take them for the site's.
    const other = new Webhook(`whsec_${Buffer.from("another secret of enough length").toString("base64")}`);
    for (const r of rx.got) expect(() => other.verify(r.body, r.headers as Record<string, string>)).toThrow();
  });
});

describe("the reporter's actions in the audit trail", () => {
  it("records a cost accepted or declined as the reporter's, on the ticket, naming no person", async () => {
    const accepted = await costProposed();
    const declined = await costProposed();
    await gw.gql(DECIDE_COST, { code: accepted.code, token: accepted.trackingToken, accept: true });
    await gw.gql(DECIDE_COST, { code: declined.code, token: declined.trackingToken, accept: false });
    const line = { actorKind: "REPORTER", actorId: null, actorName: "reporter", ip: null, subjectType: "ticket" };
    expect(await reporterLines(accepted.code)).toEqual([{ ...line, action: "ticket.reporter_accept_cost", subjectId: accepted.code }]);
    expect(await reporterLines(declined.code)).toEqual([{ ...line, action: "ticket.reporter_decline_cost", subjectId: declined.code }]);
  });

  it("records the closure check's answers and feedback", async () => {
    const resolved = async () => {
      const receipt = await report(gw, { description: "Printer lantai 2 macet" });
      const id = await idOf(receipt.code);
      await desk(gw, admin, "mutation($id: ID!) { changeTicketStatus(id: $id, input: { status: IN_PROGRESS }) { status } }", { id });
      await desk(gw, admin, 'mutation($id: ID!) { resolveTicket(id: $id, input: { resolution: "Roller diganti", closureCode: "FIXED" }) { status } }', { id });
      return receipt;
    };
    const CONFIRM = "mutation($code: String!, $token: String, $input: ConfirmResolutionInput!) { confirmResolution(code: $code, token: $token, input: $input) { status } }";
    const fixed = await resolved();
    const notFixed = await resolved();
    await gw.gql(CONFIRM, { code: notFixed.code, token: notFixed.trackingToken, input: { answer: "NOT_FIXED", words: "Masih macet" } });
    await gw.gql(CONFIRM, { code: fixed.code, token: fixed.trackingToken, input: { answer: "FIXED" } });
    const feedback = await gw.gql(
      "mutation($code: String!, $token: String, $input: FeedbackInput!) { submitFeedback(code: $code, token: $token, input: $input) { status } }",
      { code: fixed.code, token: fixed.trackingToken, input: { serviceRating: 5, restoredRating: 5, informationRating: 4 } },
    );
    expect(feedback.errors).toBeUndefined();
    expect((await reporterLines(fixed.code)).map((e) => e.action)).toEqual(["ticket.reporter_confirm", "ticket.reporter_feedback"]);
    expect((await reporterLines(notFixed.code)).map((e) => e.action)).toEqual(["ticket.reporter_not_fixed"]);
  });

  it("records a withdrawal: the request ends CANCELLED with their words, and its approval reads WITHDRAWN", async () => {
    const WITHDRAW = "mutation($code: String!, $token: String, $input: WithdrawTicketInput!) { withdrawTicket(code: $code, token: $token, input: $input) { status withdrawOpen approval { state steps { state } } timeline { kind message systemNote { en id } } } }";
    const { code, trackingToken } = await report(gw, { serviceId: access, reporterEmail: "ops@klien.example", description: "Visit next week" });
    // The tracker offers the withdrawal only while the gateway's rule allows it.
    const before = await gw.gql<{ trackTicket: { status: string; withdrawOpen: boolean } }>("query($c: String!, $t: String) { trackTicket(code: $c, token: $t) { status withdrawOpen } }", { c: code, t: trackingToken });
    expect(before.data!.trackTicket).toEqual({ status: "PENDING", withdrawOpen: true });
    const r = await gw.gql<{ withdrawTicket: { status: string; withdrawOpen: boolean; approval: unknown; timeline: Array<{ kind: string; message: string | null; systemNote: { en: string; id: string } | null }> } }>(WITHDRAW, { code, token: trackingToken, input: { words: "The visit was moved" } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.withdrawTicket).toMatchObject({ status: "CANCELLED", withdrawOpen: false, approval: { state: "WITHDRAWN", steps: [{ state: "WITHDRAWN" }] } });
    expect(r.data!.withdrawTicket.timeline.at(-1)).toEqual({ kind: "CANCELLED", message: "The visit was moved", systemNote: { en: "Withdrawn by the reporter.", id: "Ditarik kembali oleh pelapor." } });
    expect((await reporterLines(code)).map((e) => [e.action, e.actorName])).toEqual([["ticket.reporter_withdraw", "reporter"]]);
    const again = await gw.gql(WITHDRAW, { code, token: trackingToken, input: {} });
    expect(again.errors?.[0]?.extensions.code).toBe("CONFLICT");
    const wrongToken = await gw.gql(WITHDRAW, { code, token: "wrong", input: {} });
    expect(wrongToken.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
  });
});
