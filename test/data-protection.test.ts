import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, desk, report, startTestGateway, type TestGateway } from "./harness.js";

/**
 * Data protection (UU PDP, issue 10 item 7): a site's retention anonymizes reporters' data on
 * tickets closed long enough ago, keeping the tickets for recaps; an admin exports or erases one
 * reporter's data on request, and nothing of another reporter is touched.
 */

let gw: TestGateway;
let admin: string;
let agent: string;

beforeAll(async () => {
  gw = await startTestGateway();
  admin = await gw.agentToken(Role.ADMIN, "Ayu Admin");
  agent = await gw.agentToken(Role.AGENT, "Siti Agen");
});
afterAll(() => gw?.close());

const DAY = 24 * 3600 * 1000;
/** A 1×1 transparent PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

interface DeskView {
  id: string;
  code: string;
  status: string;
  priority: string;
  reporterName: string;
  reporterEmail: string | null;
  closedAt: string | null;
  anonymizedAt: string | null;
}
const VIEW = `query($id: ID!) { ticket(id: $id) { id code status priority reporterName reporterEmail closedAt anonymizedAt } }`;
const deskView = async (code: string) => (await desk<{ ticket: DeskView }>(gw, admin, VIEW, { id: code })).ticket;
const track = (code: string, token: string) => gw.gql<{ trackTicket: { code: string; description: string } | null }>(`query($c: String!, $t: String!) { trackTicket(code: $c, token: $t) { code description } }`, { c: code, t: token });
const asAdmin = <T>(query: string, variables?: Record<string, unknown>, token = admin) => gw.gql<T>(query, variables, { token, siteKey: null });

async function upload(): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([PNG], { type: "image/png" }), "bukti.png");
  const res = await fetch(`${gw.url}/uploads`, { method: "POST", headers: { "x-sigap-site-key": gw.siteKey }, body: form });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
const blobPath = (id: string) => join(gw.dataDir, "uploads", id.slice(0, 2).toLowerCase(), id);

/** Takes a new ticket through assignment and work to RESOLVED and CLOSED, as the desk does. */
async function close(code: string): Promise<void> {
  const { id } = await deskView(code);
  await desk(gw, agent, `mutation($id: ID!) { assignTicket(id: $id, input: { assigneeId: "me" }) { id } }`, { id });
  await desk(gw, agent, `mutation($id: ID!) { changeTicketStatus(id: $id, input: { status: IN_PROGRESS }) { id } }`, { id });
  await desk(gw, agent, `mutation($id: ID!) { resolveTicket(id: $id, input: { resolution: "Dijalankan ulang", closureCode: "FIXED" }) { id } }`, { id });
  await desk(gw, agent, `mutation($id: ID!) { closeTicket(id: $id) { id } }`, { id });
}
async function cancel(code: string): Promise<void> {
  const { id } = await deskView(code);
  await desk(gw, agent, `mutation($id: ID!) { cancelTicket(id: $id, reason: "Laporan ganda") { id } }`, { id });
}
const auditLines = async (action: string) =>
  (await desk<{ auditLog: { entries: Array<{ action: string; actorKind: string; actorName: string; subjectId: string | null; afterJson: string | null }> } }>(
    gw,
    admin,
    `query($a: String!) { auditLog(filter: { action: $a }, first: 200) { entries { action actorKind actorName subjectId afterJson } } }`,
    { a: action },
  )).auditLog.entries;

describe("retention", () => {
  it("is set per site over GraphQL, from 1 to 120 months or null, every bad value named", async () => {
    for (const bad of [0, 121]) {
      const r = await asAdmin(`mutation($m: Int) { updateSiteSettings(input: { retentionMonths: $m }) { retentionMonths } }`, { m: bad });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "retentionMonths" }] });
    }
    const set = await desk<{ updateSiteSettings: { retentionMonths: number } }>(gw, admin, `mutation { updateSiteSettings(input: { retentionMonths: 6 }) { retentionMonths } }`);
    expect(set.updateSiteSettings.retentionMonths).toBe(6);
    expect((await desk<{ siteSettings: { retentionMonths: number } }>(gw, admin, `{ siteSettings { retentionMonths } }`)).siteSettings.retentionMonths).toBe(6);
    expect(codeOf(await asAdmin(`mutation { updateSiteSettings(input: { retentionMonths: 3 }) { retentionMonths } }`, {}, agent))).toBe("FORBIDDEN");
  });

  it("anonymizes reporters' data on tickets closed or cancelled longer ago, once, and keeps the tickets, their figures and everything else", async () => {
    const file = await upload();
    const oldClosed = await report(gw, { reporterName: "Rina Wati", reporterEmail: "rina@contoh.example", reporterPhone: "0812 1111 2222", attachmentIds: [file] });
    const oldCancelled = await report(gw, { reporterName: "Joko", reporterEmail: "joko@contoh.example" });
    const stillOpen = await report(gw, { reporterName: "Rina Wati", reporterEmail: "rina@contoh.example" });
    await close(oldClosed.code);
    await cancel(oldCancelled.code);
    const before = await deskView(oldClosed.code);
    expect(existsSync(blobPath(file))).toBe(true);

    gw.clock.advance(200 * DAY);
    // Tokens minted before the jump have expired meanwhile.
    admin = await gw.agentToken(Role.ADMIN, "Ayu Admin");
    agent = await gw.agentToken(Role.AGENT, "Siti Agen");
    const recent = await report(gw, { reporterName: "Dewi", reporterEmail: "dewi@contoh.example" });
    await close(recent.code);
    await gw.sweep();

    for (const code of [oldClosed.code, oldCancelled.code]) {
      const t = await deskView(code);
      expect(t).toMatchObject({ reporterName: "[anonymized]", reporterEmail: null });
      expect(codeOf(await track(code, code === oldClosed.code ? oldClosed.trackingToken : oldCancelled.trackingToken))).toBe("NOT_FOUND");
    }
    const after = await deskView(oldClosed.code);
    expect(before.anonymizedAt).toBeNull();
    expect(after.anonymizedAt).toBe(gw.clock.now().toISOString());
    expect({ ...after, reporterName: before.reporterName, reporterEmail: before.reporterEmail, anonymizedAt: null }).toEqual(before);
    expect(existsSync(blobPath(file))).toBe(false);
    // An open ticket of the same reporter and a recently closed one keep everything.
    expect(await deskView(stillOpen.code)).toMatchObject({ reporterName: "Rina Wati", reporterEmail: "rina@contoh.example", anonymizedAt: null });
    expect(await deskView(recent.code)).toMatchObject({ reporterName: "Dewi", reporterEmail: "dewi@contoh.example" });
    expect((await track(recent.code, recent.trackingToken)).data?.trackTicket?.code).toBe(recent.code);

    const lines = await auditLines("ticket.anonymize");
    expect(lines.map((l) => l.subjectId).sort()).toEqual([oldClosed.code, oldCancelled.code].sort());
    expect(lines.every((l) => l.actorKind === "SYSTEM" && l.actorName === "retention")).toBe(true);
    await gw.sweep();
    expect(await auditLines("ticket.anonymize")).toHaveLength(2);
  });
});

describe("one reporter's data on request", () => {
  it("exports everything about one reporter as JSON, and nothing of anyone else", async () => {
    const first = await report(gw, { reporterName: "Bambang", reporterEmail: "bambang@contoh.example", reporterPhone: "0813-5555-6666", description: "Printer lantai 2 macet" });
    const second = await report(gw, { reporterName: "Bambang", reporterPhone: "+62 813 5555 6666", description: "Wifi ruang rapat putus" });
    const other = await report(gw, { reporterName: "Sri", reporterEmail: "sri@contoh.example" });
    const { id } = await deskView(first.code);
    await desk(gw, agent, `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Teknisi menuju lantai 2." }) { id } }`, { id });

    const r = await desk<{ exportReporterData: string }>(gw, admin, `query($p: String) { exportReporterData(phone: $p) }`, { p: "081355556666" });
    const doc = JSON.parse(r.exportReporterData) as { tickets: Array<{ code: string; description: string; reporterName: string; messages: Array<{ from: string; body: string }>; files: unknown[]; feedback: unknown }> };
    expect(doc.tickets.map((t) => t.code)).toEqual([first.code, second.code]);
    expect(doc.tickets[0]).toMatchObject({ reporterName: "Bambang", description: "Printer lantai 2 macet", files: [], feedback: null });
    expect(doc.tickets[0]!.messages).toContainEqual(expect.objectContaining({ from: "DESK", body: "Teknisi menuju lantai 2." }));
    expect(r.exportReporterData).not.toContain(other.code);
    expect(r.exportReporterData).not.toContain("sri@contoh.example");

    const [line] = await auditLines("reporter.export");
    expect(line).toMatchObject({ actorKind: "AGENT", actorName: "Ayu Admin", subjectId: null });
    expect(JSON.parse(line!.afterJson!)).toEqual({ tickets: [first.code, second.code] });
    expect(line!.afterJson).not.toContain("bambang");
  });

  it("refuses to erase while the reporter has open tickets, listing them; erases with includeOpen, leaving other reporters alone", async () => {
    const open = await report(gw, { reporterName: "Ani", reporterEmail: "ani@contoh.example" });
    const closed = await report(gw, { reporterName: "Ani", reporterEmail: "Ani@Contoh.example" });
    await close(closed.code);
    const other = await report(gw, { reporterName: "Tono", reporterEmail: "tono@contoh.example" });

    const refused = await asAdmin(`mutation { eraseReporterData(email: "ani@contoh.example") { tickets files } }`);
    expect(refused.errors?.[0]?.extensions.code).toBe("CONFLICT");
    expect(refused.errors?.[0]?.message).toContain(open.code);
    expect(await deskView(closed.code)).toMatchObject({ reporterName: "Ani" });

    const erased = await desk<{ eraseReporterData: { tickets: string[]; files: number } }>(gw, admin, `mutation { eraseReporterData(email: "ANI@contoh.example", includeOpen: true) { tickets files } }`);
    expect(erased.eraseReporterData).toEqual({ tickets: [open.code, closed.code], files: 0 });
    for (const t of [open, closed]) {
      expect(await deskView(t.code)).toMatchObject({ reporterName: "[anonymized]", reporterEmail: null });
      // The receipt's tracker link stops working.
      expect(codeOf(await track(t.code, t.trackingToken))).toBe("NOT_FOUND");
    }
    expect((await deskView(open.code)).status).toBe("NEW");
    expect(await deskView(other.code)).toMatchObject({ reporterName: "Tono", reporterEmail: "tono@contoh.example" });
    expect((await track(other.code, other.trackingToken)).data?.trackTicket?.code).toBe(other.code);

    const [line] = await auditLines("reporter.erase");
    expect(JSON.parse(line!.afterJson!)).toEqual({ tickets: [open.code, closed.code], files: 0, includeOpen: true });
    // Nothing is left to erase a second time.
    expect((await desk<{ eraseReporterData: { tickets: string[] } }>(gw, admin, `mutation { eraseReporterData(email: "ani@contoh.example") { tickets } }`)).eraseReporterData.tickets).toEqual([]);
  });

  it("names a request that names no one (BAD_USER_INPUT) and refuses lower roles (FORBIDDEN)", async () => {
    const none = await asAdmin(`mutation { eraseReporterData { tickets } }`);
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "email" }] });
    const supervisor = await gw.agentToken(Role.SUPERVISOR);
    expect(codeOf(await asAdmin(`mutation { eraseReporterData(email: "x@contoh.example") { tickets } }`, {}, supervisor))).toBe("FORBIDDEN");
    expect(codeOf(await asAdmin(`{ exportReporterData(email: "x@contoh.example") }`, {}, supervisor))).toBe("FORBIDDEN");
  });
});
