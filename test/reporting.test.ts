import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, desk, report, startTestGateway, TICKET_VIEW, type TestGateway, TEST_ACTOR } from "./harness.js";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw?.close());

const TRACK = `query($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { ${TICKET_VIEW} } }`;

describe("reportIncident", () => {
  it("logs a report and answers with a receipt: a readable code, a secret token, status, priority and SLA due times", async () => {
    const receipt = await report(gw, { channel: "PHONE", kelurahan: "Karang Joang", kecamatan: "Balikpapan Utara", occurredAt: new Date(gw.clock.now().getTime() - 3600_000).toISOString() });
    expect(receipt.code).toMatch(/^01\.\d{8}\.\d{3,}$/);
    expect(receipt.trackingToken.length).toBeGreaterThanOrEqual(20);
    expect(receipt.status).toBe("NEW");
    expect(receipt.priority).toBe("P3");
    const created = Date.parse(receipt.createdAt);
    expect(Date.parse(receipt.responseDueAt) - created).toBe(60 * 60_000);
    expect(Date.parse(receipt.resolutionDueAt) - created).toBe(8 * 3600_000);
  });

  it("numbers the day's tickets in sequence and keeps codes unique under concurrent reports", async () => {
    const receipts = await Promise.all(Array.from({ length: 25 }, (_, i) => report(gw, { description: `Printer ${i} macet` })));
    const codes = receipts.map((r) => r.code);
    expect(new Set(codes).size).toBe(25);
    const sequences = codes.map((c) => Number(c.split(".")[2])).sort((a, b) => a - b);
    expect(sequences.at(-1)! - sequences[0]!).toBe(24);
  });

  it("returns the same receipt for a retry with the same idempotency key, and makes one ticket", async () => {
    const input = { idempotencyKey: "retry-key-0001", description: "Server down di kantor cabang" };
    const [a, b] = await Promise.all([report(gw, input), report(gw, input)]);
    const c = await report(gw, input);
    expect(b.code).toBe(a.code);
    expect(c.code).toBe(a.code);
    expect(c.trackingToken).toBe(a.trackingToken);
    const token = await gw.agentToken(Role.AGENT);
    const queue = await desk<{ queue: { edges: Array<{ node: { code: string } }> } }>(gw, token, `{ queue(first: 200) { edges { node { code } } } }`);
    expect(queue.queue.edges.filter((e) => e.node.code === a.code)).toHaveLength(1);
  });

  it("undoes all of a retry that lost the race only at its commit: one timeline entry, and no gap in the day's codes", async () => {
    // On MySQL the losers' event and ticket rows travel with their COMMIT (db/pipeline.ts), where
    // the idempotency key clashes: everything they wrote, their sequence number too, rolls back.
    const input = { idempotencyKey: "race-key-0003", description: "Jaringan putus di lantai dua" };
    const receipts = await Promise.all(Array.from({ length: 4 }, () => report(gw, input)));
    expect(new Set(receipts.map((r) => r.code)).size).toBe(1);
    const next = await report(gw, { description: "Laporan berikutnya" });
    const sequence = (code: string) => Number(code.split(".")[2]);
    expect(sequence(next.code)).toBe(sequence(receipts[0]!.code) + 1);
    const tracked = await gw.gql<{ trackTicket: { timeline: Array<{ kind: string }> } }>(`query($c: String!, $t: String!) { trackTicket(code: $c, token: $t) { timeline { kind } } }`, {
      c: receipts[0]!.code,
      t: receipts[0]!.trackingToken,
    });
    expect(tracked.data!.trackTicket.timeline.map((e) => e.kind)).toEqual(["REPORTED"]);
  });

  it("refuses an idempotency key reused for a different report with CONFLICT", async () => {
    await report(gw, { idempotencyKey: "reused-key-0002", description: "first" });
    const r = await gw.gql(`mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { code } }`, {
      i: { idempotencyKey: "reused-key-0002", reporterName: "Budi", description: "something else" },
    });
    expect(codeOf(r)).toBe("CONFLICT");
    expect(r.errors![0]!.message).toMatch(/already used/);
  });

  it("refuses bad input with BAD_USER_INPUT naming each field, and stores nothing", async () => {
    const r = await gw.gql(`mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { code } }`, {
      i: { reporterName: "", reporterEmail: "not-an-email", description: "x".repeat(5001), reporterPhone: "call me" },
    });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    const fields = r.errors![0]!.extensions.fields!.map((f) => f.field).sort();
    expect(fields).toEqual(["description", "reporterEmail", "reporterName", "reporterPhone"]);
    expect(JSON.stringify(r)).not.toMatch(/at .*\.ts:\d+/);
  });

  it("refuses an IT service of another site and a time in the future", async () => {
    const r = await gw.gql(`mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { code } }`, {
      i: { reporterName: "Budi", description: "x", serviceId: "00000000-0000-0000-0000-000000000000", occurredAt: new Date(gw.clock.now().getTime() + 86400_000).toISOString() },
    });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(r.errors![0]!.extensions.fields!.map((f) => f.field).sort()).toEqual(["occurredAt", "serviceId"]);
  });

  it("refuses a report without a site key, with an unknown key, or from an origin the site does not allow", async () => {
    const q = `mutation { reportIncident(input: { reporterName: "A", description: "B" }) { code } }`;
    expect(codeOf(await gw.gql(q, {}, { siteKey: null }))).toBe("UNAUTHENTICATED");
    expect(codeOf(await gw.gql(q, {}, { siteKey: "pk_nope" }))).toBe("UNAUTHENTICATED");
    const foreign = await gw.gql(q, {}, { origin: "https://evil.example" });
    expect(codeOf(foreign)).toBe("FORBIDDEN");
    expect(foreign.errors![0]!.message).toContain("https://evil.example");
    // A browser sends the form token it loaded the form with, and not sooner than the minimum fill time.
    const form = await gw.gql<{ site: { formToken: string } }>(`{ site { formToken } }`, {}, { origin: gw.origin });
    gw.clock.advance(3000);
    const withToken = `mutation($t: String) { reportIncident(input: { reporterName: "A", description: "B", formToken: $t }) { code } }`;
    const allowed = await gw.gql<{ reportIncident: { code: string } }>(withToken, { t: form.data!.site.formToken }, { origin: gw.origin });
    expect(allowed.data?.reportIncident.code).toMatch(/^01\./);
  });

  it("answers malformed requests with a typed error, not a 500", async () => {
    const res = await fetch(`${gw.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe("BAD_REQUEST");
    const unknownField = await gw.gql(`{ trackTicket(code: "x", token: "y") { nope } }`);
    expect(codeOf(unknownField)).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("serves the site's catalogue and the seed's urgency and impact help to the form", async () => {
    await gw.services.catalogAdmin.saveService(gw.site.id, { names: [{ language: "id", name: "Ipos" }] }, TEST_ACTOR);
    const r = await gw.gql<{ site: { name: string; services: Array<{ name: string }>; urgencyHelp: Array<{ level: string; en: string[]; id: string[] }>; slaPolicy: Array<{ priority: string; responseMinutes: number; resolutionMinutes: number }> } }>(
      `{ site { name services { name } urgencyHelp { level en id } slaPolicy { priority responseMinutes resolutionMinutes } } }`,
    );
    expect(r.data!.site.services.map((s) => s.name)).toContain("Ipos");
    expect(r.data!.site.urgencyHelp.map((h) => h.level)).toEqual(["HIGH", "MEDIUM", "LOW"]);
    expect(r.data!.site.urgencyHelp[0]!.id.length).toBeGreaterThan(0);
    expect(r.data!.site.slaPolicy.find((p) => p.priority === "P1")).toMatchObject({ responseMinutes: 10, resolutionMinutes: 60 });
  });
});

describe("trackTicket", () => {
  it("shows the ticket to the holder of its code and token", async () => {
    const receipt = await report(gw);
    const r = await gw.gql<{ trackTicket: { code: string; status: string; timeline: Array<{ kind: string }>; feedbackOpen: boolean } }>(TRACK, { code: receipt.code, token: receipt.trackingToken });
    expect(r.data!.trackTicket.code).toBe(receipt.code);
    expect(r.data!.trackTicket.status).toBe("NEW");
    expect(r.data!.trackTicket.timeline.map((e) => e.kind)).toEqual(["REPORTED"]);
    expect(r.data!.trackTicket.feedbackOpen).toBe(false);
  });

  it("accepts the code as read aloud, with dashes or spaces", async () => {
    const receipt = await report(gw);
    const spoken = receipt.code.replaceAll(".", " - ");
    const r = await gw.gql<{ trackTicket: { code: string } }>(TRACK, { code: spoken, token: receipt.trackingToken });
    expect(r.data?.trackTicket.code).toBe(receipt.code);
  });

  it("gives the same NOT_FOUND for a wrong token and a wrong code, so codes cannot be probed", async () => {
    const receipt = await report(gw);
    const wrongToken = await gw.gql(TRACK, { code: receipt.code, token: "x".repeat(24) });
    const wrongCode = await gw.gql(TRACK, { code: "01.01011999.999", token: receipt.trackingToken });
    expect(codeOf(wrongToken)).toBe("NOT_FOUND");
    expect(codeOf(wrongCode)).toBe("NOT_FOUND");
    expect(wrongToken.errors![0]!.message).toBe(wrongCode.errors![0]!.message);
    expect(wrongToken.data?.trackTicket ?? null).toBeNull();
  });

  it("never shows internal notes or escalation detail to the reporter", async () => {
    const receipt = await report(gw);
    const token = await gw.agentToken(Role.AGENT, "Dewi");
    const { ticket } = await desk<{ ticket: { id: string } }>(gw, token, `query($id: ID!) { ticket(id: $id) { id } }`, { id: receipt.code });
    await desk(gw, token, `mutation($id: ID!) { addInternalNote(id: $id, input: { body: "reporter sounds like the branch head; rude" }) { id } }`, { id: ticket.id });
    await desk(gw, token, `mutation($id: ID!) { escalateTicket(id: $id, input: { kind: HIERARCHICAL, notes: "secret handling notes" }) { id } }`, { id: ticket.id });
    const r = await gw.gql(TRACK, { code: receipt.code, token: receipt.trackingToken });
    const text = JSON.stringify(r.data);
    expect(text).not.toContain("rude");
    expect(text).not.toContain("secret handling notes");
    expect(text).not.toContain("INTERNAL_NOTE");
    expect(text).toContain("ESCALATED");
  });

  it("keeps a site's tickets away from another site's key", async () => {
    const receipt = await report(gw);
    const other = await gw.services.sites.create({ name: "Other", unitCode: "02" }, TEST_ACTOR);
    const r = await gw.gql(TRACK, { code: receipt.code, token: receipt.trackingToken }, { siteKey: other.siteKey });
    expect(codeOf(r)).toBe("NOT_FOUND");
  });
});
