/**
 * Desk-side logging (issue 11; seed 002, figure 13): an agent logs a phone, e-mail or walk-in
 * report for the caller through `logTicket`, over real HTTP; the caller's receipt arrives at a
 * real SMTP server and its link opens the ticket in the tracker.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, desk, startTestGateway, TEST_ACTOR, type GqlResult, type TestGateway } from "./harness.js";
import { linkIn, startTestSmtp, type TestSmtp } from "./mail-kit.js";

const LOGGED = `ticket { id code status channel customerId priority urgency impact categoryId serviceId groupId assigneeId reporterName reporterPhone reporterEmail
  firstRespondedAt responseDueAt resolutionDueAt sla { responseBreached } allowedActions
  timeline { kind actorKind actorName channel toStatus groupName assigneeName } } trackingLink`;
const LOG = `mutation($input: LogTicketInput!) { logTicket(input: $input) { ${LOGGED} } }`;
const TRACK = `query($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { code status channel timeline { kind actorName } } }`;

type Logged = {
  ticket: {
    id: string;
    code: string;
    status: string;
    channel: string;
    customerId: string | null;
    priority: string;
    urgency: string;
    impact: string;
    categoryId: string | null;
    serviceId: string | null;
    groupId: string | null;
    assigneeId: string | null;
    reporterName: string;
    reporterPhone: string | null;
    reporterEmail: string | null;
    firstRespondedAt: string | null;
    responseDueAt: string;
    resolutionDueAt: string;
    sla: { responseBreached: boolean };
    allowedActions: string[];
    timeline: Array<{ kind: string; actorKind: string; actorName: string | null; channel: string | null; toStatus: string | null; groupName: string | null; assigneeName: string | null }>;
  };
  trackingLink: string | null;
};

let smtp: TestSmtp;
let gw: TestGateway;
let agent: string;
let category: string;
let service: string;
let group: string;

beforeAll(async () => {
  smtp = await startTestSmtp();
  gw = await startTestGateway({ smtp: { url: smtp.url } });
  agent = await gw.agentToken(Role.AGENT, "Dewi Lestari");
  category = (await gw.services.catalogAdmin.saveCategory(gw.site.id, { names: [{ language: "id", name: "Jaringan" }] }, TEST_ACTOR)).id;
  service = (await gw.services.catalogAdmin.saveService(gw.site.id, { names: [{ language: "id", name: "IPOS" }] }, TEST_ACTOR)).id;
  group = (await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Service Desk", level: 1 }, TEST_ACTOR)).id;
  // The site's own matrix: HIGH urgency × MEDIUM impact is P1 here (seed 002's table says P2).
  const admin = await gw.agentToken(Role.ADMIN);
  const levels = ["HIGH", "MEDIUM", "LOW"];
  const cells = ["P1,P1,P2", "P2,P3,P4", "P3,P4,P5"].flatMap((row, u) => row.split(",").map((priority, i) => ({ urgency: levels[u], impact: levels[i], priority })));
  await desk(gw, admin, `mutation($cells: [PriorityCellInput!]) { setPriorityMatrix(cells: $cells) { priorityMatrix { priority } } }`, { cells });
});
afterAll(async () => {
  await gw?.close();
  await smtp?.close();
});

const CALL = { channel: "PHONE", reporterName: "Pak Rahmat", reporterPhone: "0812 5555 0101", description: "Printer loket 2 tidak mencetak resi" };

function log(token: string, input: Record<string, unknown>): Promise<GqlResult<{ logTicket: Logged }>> {
  return gw.gql<{ logTicket: Logged }>(LOG, { input }, { token, siteKey: null });
}

async function logged(input: Record<string, unknown>, token = agent): Promise<Logged> {
  const r = await log(token, input);
  if (r.errors) throw new Error(`logTicket failed: ${JSON.stringify(r.errors)}`);
  return r.data!.logTicket;
}

describe("logTicket", () => {
  it("logs a phone call with the caller's customer id, the priority of the site's matrix, the category and service", async () => {
    const r = await logged({ ...CALL, customerId: " PLG-0042-77 ", urgency: "HIGH", impact: "MEDIUM", categoryId: category, serviceId: service });
    const t = r.ticket;
    expect(t.code).toMatch(/^01\.\d{8}\.\d{3}$/);
    expect(t).toMatchObject({ status: "NEW", channel: "PHONE", customerId: "PLG-0042-77", priority: "P1", urgency: "HIGH", impact: "MEDIUM", categoryId: category, serviceId: service });
    expect(t).toMatchObject({ reporterName: "Pak Rahmat", reporterPhone: "0812 5555 0101", reporterEmail: null, groupId: null, assigneeId: null });
    // The desk answered the caller while logging: the response target is met at once.
    expect(t.firstRespondedAt).not.toBeNull();
    expect(t.sla.responseBreached).toBe(false);
    expect(t.timeline).toEqual([{ kind: "REPORTED", actorKind: "AGENT", actorName: "Dewi Lestari", channel: "PHONE", toStatus: "NEW", groupName: null, assigneeName: null }]);
    expect(t.allowedActions).toContain("ASSIGN");

    // Read back: stored, not only echoed.
    const again = await desk<{ ticket: { channel: string; customerId: string; priority: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { channel customerId priority } }`, { id: t.code });
    expect(again.ticket).toEqual({ channel: "PHONE", customerId: "PLG-0042-77", priority: "P1" });
  });

  it("keeps the response met even once the response target has passed", async () => {
    const r = await logged({ ...CALL, channel: "WALK_IN", urgency: "HIGH", impact: "HIGH" });
    gw.clock.advance(6 * 3_600_000);
    const later = await desk<{ ticket: { sla: { responseBreached: boolean; responseRemainingMs: number | null } } }>(
      gw,
      agent,
      `query($id: ID!) { ticket(id: $id) { sla { responseBreached responseRemainingMs } } }`,
      { id: r.ticket.id },
    );
    expect(later.ticket.sla).toEqual({ responseBreached: false, responseRemainingMs: null });
  });

  it("allocates to a group and to the agent who logs it ('me'), moving the ticket to ASSIGNED", async () => {
    const r = await logged({ ...CALL, groupId: group, assigneeId: "me" });
    expect(r.ticket).toMatchObject({ status: "ASSIGNED", groupId: group, assigneeId: gw.agentId(agent) });
    expect(r.ticket.timeline.map((e) => [e.kind, e.toStatus])).toEqual([
      ["REPORTED", "NEW"],
      ["ASSIGNED", null],
      ["STATUS_CHANGED", "ASSIGNED"],
    ]);
    expect(r.ticket.timeline[1]).toMatchObject({ groupName: "Service Desk", assigneeName: "Dewi Lestari" });
  });

  it("mails the caller's receipt when an e-mail is given, and its link and the returned link open the ticket in the tracker", async () => {
    const r = await logged({ ...CALL, channel: "EMAIL", reporterEmail: "Rahmat@Contoh.example", language: "en" });
    expect(r.ticket.reporterEmail).toBe("rahmat@contoh.example");
    // The desk reads the caller's language (the canned picker offers replies in it).
    const lang = await desk<{ ticket: { reporterLanguage: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { reporterLanguage } }`, { id: r.ticket.id });
    expect(lang.ticket.reporterLanguage).toBe("en");
    await gw.dispatch();
    const [mail, ...more] = smtp.to("rahmat@contoh.example");
    expect(more).toEqual([]);
    expect(mail!.subject).toBe(`We received your report: ${r.ticket.code} · PT Contoh`);

    for (const link of [linkIn(mail!, gw.url), new URL(r.trackingLink!)]) {
      const tracked = await gw.gql<{ trackTicket: { code: string; status: string; channel: string; timeline: Array<{ kind: string }> } }>(TRACK, {
        code: link.searchParams.get("code"),
        token: link.searchParams.get("token"),
      });
      expect(tracked.errors).toBeUndefined();
      expect(tracked.data!.trackTicket).toMatchObject({ code: r.ticket.code, status: "NEW", channel: "EMAIL" });
      expect(tracked.data!.trackTicket.timeline.map((e) => e.kind)).toEqual(["REPORTED"]);
    }
  });

  it("mails nothing when the caller gave no e-mail address", async () => {
    const before = smtp.mails.length;
    await logged(CALL);
    await gw.dispatch();
    expect(smtp.mails.length).toBe(before);
  });

  it("writes an audit line for the agent who logged it", async () => {
    const r = await logged({ ...CALL, customerId: "AUD-1" });
    const rows: Array<{ actor_name: string; after: string }> = await gw.services.ds.query("SELECT actor_name, after FROM audit_entry WHERE action = ? AND subject_id = ?", ["ticket.log", r.ticket.code]);
    expect(rows.map((x) => x.actor_name)).toEqual(["Dewi Lestari"]);
    expect(JSON.parse(rows[0]!.after)).toMatchObject({ channel: "PHONE", customerId: "AUD-1" });
  });

  it.each([Role.SPECIALIST, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN])("lets a %s log a call", async (role) => {
    const r = await logged(CALL, await gw.agentToken(role));
    expect(r.ticket.channel).toBe("PHONE");
  });

  it("refuses a WEB channel: that is the reporter's own form", async () => {
    const r = await log(agent, { ...CALL, channel: "WEB" });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(r.errors![0]!.extensions["fields"]).toEqual([expect.objectContaining({ field: "channel" })]);
  });

  it("names every bad field at once", async () => {
    const r = await log(agent, {
      channel: "PHONE",
      reporterName: " ",
      description: "",
      customerId: "x".repeat(65),
      categoryId: "00000000-0000-0000-0000-000000000000",
      groupId: "00000000-0000-0000-0000-000000000001",
      assigneeId: "00000000-0000-0000-0000-000000000002",
    });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    const fields = (r.errors![0]!.extensions["fields"] as Array<{ field: string }>).map((f) => f.field);
    // Input rules answer first (lengths, required text); the database checks wait for input that passes them.
    expect(fields.sort()).toEqual(["customerId", "description", "reporterName"]);

    const deeper = await log(agent, {
      ...CALL,
      categoryId: "00000000-0000-0000-0000-000000000000",
      groupId: "00000000-0000-0000-0000-000000000001",
      assigneeId: "00000000-0000-0000-0000-000000000002",
      serviceId: "00000000-0000-0000-0000-000000000003",
    });
    expect(codeOf(deeper)).toBe("BAD_USER_INPUT");
    expect((deeper.errors![0]!.extensions["fields"] as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(
      ["assigneeId", "categoryId", "groupId", "serviceId"],
    );
  });

  it("counts the customer id's length as the databases do (64 characters, not bytes)", async () => {
    const r = await logged({ ...CALL, customerId: "ü".repeat(64) });
    expect(r.ticket.customerId).toBe("ü".repeat(64));
  });

  it("is refused to a reporter (no agent token), with or without the site key", async () => {
    const withKey = await gw.gql(LOG, { input: CALL });
    expect(codeOf(withKey)).toBe("UNAUTHENTICATED");
    const without = await gw.gql(LOG, { input: CALL }, { siteKey: null });
    expect(codeOf(without)).toBe("UNAUTHENTICATED");
  });

  it("makes one ticket of a double click: the same key and input answer the same ticket and link, other input is CONFLICT", async () => {
    const input = { ...CALL, idempotencyKey: "dialog-0001-abcdef" };
    const [a, b] = await Promise.all([logged(input), logged(input)]);
    expect(b.ticket.code).toBe(a.ticket.code);
    expect(b.trackingLink).toBe(a.trackingLink);
    const rows: Array<{ n: number | string }> = await gw.services.ds.query("SELECT COUNT(*) AS n FROM ticket WHERE idempotency_key = ?", [input.idempotencyKey]);
    expect(Number(rows[0]!.n)).toBe(1);
    const other = await log(agent, { ...input, description: "Another call entirely" });
    expect(codeOf(other)).toBe("CONFLICT");
    // A reporter's form sending the desk's key does not get the desk's ticket back.
    const asReporter = await gw.gql(`mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code } }`, {
      input: { reporterName: CALL.reporterName, description: CALL.description, idempotencyKey: input.idempotencyKey },
    });
    expect(codeOf(asReporter)).toBe("CONFLICT");
    const bad = await log(agent, { ...CALL, idempotencyKey: "short" });
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
  });

  it("links the files the agent uploaded for the caller, which the caller's tracker shows", async () => {
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
    const form = new FormData();
    form.append("file", new Blob([png], { type: "image/png" }), "resi.png");
    const res = await fetch(`${gw.url}/uploads`, { method: "POST", headers: { authorization: `Bearer ${agent}` }, body: form });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const r = await logged({ ...CALL, attachmentIds: [id] });
    const link = new URL(r.trackingLink!);
    const tracked = await gw.gql<{ trackTicket: { attachments: Array<{ id: string; filename: string; contentType: string }> } }>(
      `query($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { attachments { id filename contentType } } }`,
      { code: link.searchParams.get("code"), token: link.searchParams.get("token") },
    );
    expect(tracked.data!.trackTicket.attachments).toEqual([{ id, filename: "resi.png", contentType: "image/png" }]);
  });
});

describe("logTicket on a site with custom fields", () => {
  const SAVE = `mutation($input: CustomFieldInput!) { saveCustomField(input: $input) { id } }`;
  const RETIRE = `mutation($id: ID!) { setCustomFieldRetired(id: $id, retired: true) { id } }`;
  let fieldId: string;
  beforeAll(async () => {
    const admin = await gw.agentToken(Role.ADMIN);
    fieldId = (await desk<{ saveCustomField: { id: string } }>(gw, admin, SAVE, { input: { key: "counter", type: "TEXT", labelId: "Loket", labelEn: "Counter", required: true, maxLength: 10 } })).saveCustomField.id;
    return async () => void (await desk(gw, admin, RETIRE, { id: fieldId }));
  });

  it("names a required field left out, and stores the values given", async () => {
    const missing = await log(agent, CALL);
    expect(codeOf(missing)).toBe("BAD_USER_INPUT");
    expect(missing.errors![0]!.extensions["fields"]).toEqual([expect.objectContaining({ field: "fields.counter" })]);
    const r = await logged({ ...CALL, fields: [{ key: "counter", value: "Loket 2" }] });
    const back = await desk<{ ticket: { fields: Array<{ key: string; values: string[] }> } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { fields { key values } } }`, { id: r.ticket.id });
    expect(back.ticket.fields).toEqual([{ key: "counter", values: ["Loket 2"] }]);
  });
});
