/**
 * E-mail out through a real SMTP server in the test process: the receipt and its tracking link,
 * the desk's and the reporter's mail in their languages, an SMTP outage during a burst of
 * reports, and a recipient refused for good.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { desk, report, startTestGateway, TEST_ACTOR, type TestGateway } from "./harness.js";
import { linkIn, startTestSmtp, type TestSmtp } from "./mail-kit.js";

const TRACK = `query($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { code status } }`;
const ID_OF = `query($id: ID!) { ticket(id: $id) { id } }`;
const HOUR = 3_600_000;

let smtp: TestSmtp;
let gw: TestGateway;
let agent: string;

beforeAll(async () => {
  smtp = await startTestSmtp((address) => address.startsWith("nobody@"));
  gw = await startTestGateway({ smtp: { url: smtp.url } });
  agent = await gw.agentToken(Role.AGENT, "Dewi Lestari");
});
afterAll(async () => {
  await gw?.close();
  await smtp?.close();
});

/** The outbox rows of one recipient, as stored. */
async function outboxOf(recipient: string): Promise<Array<{ status: string; attempts: number; last_error: string | null }>> {
  return gw.services.ds.query("SELECT status, attempts, last_error FROM outbox_message WHERE recipient = ? ORDER BY id", [recipient]);
}

const idOf = async (code: string) => (await desk<{ ticket: { id: string } }>(gw, agent, ID_OF, { id: code })).ticket.id;

describe("the reporter's receipt", () => {
  it("arrives in English with a tracking link that opens the ticket", async () => {
    const r = await report(gw, { reporterEmail: "Siti@Contoh.example", language: "en" });
    await gw.dispatch();

    const [mail, ...more] = smtp.to("siti@contoh.example");
    expect(more).toEqual([]);
    expect(mail!.subject).toBe(`We received your report: ${r.code} · PT Contoh`);
    expect(mail!.text).toContain(`Priority: ${r.priority}`);
    expect(mail!.html).toContain("PT Contoh");
    const link = linkIn(mail!, gw.url);
    expect(link.pathname).toBe("/demo/portal/track.html");
    const tracked = await gw.gql<{ trackTicket: { code: string; status: string } }>(TRACK, { code: link.searchParams.get("code"), token: link.searchParams.get("token") });
    expect(tracked.errors).toBeUndefined();
    expect(tracked.data!.trackTicket).toEqual({ code: r.code, status: "NEW" });
  });

  it("is written in the site's language, Indonesian, when the form names none", async () => {
    const r = await report(gw, { reporterEmail: "joko@contoh.example" });
    await gw.dispatch();
    expect(smtp.to("joko@contoh.example").map((m) => m.subject)).toEqual([`Laporan Anda diterima: ${r.code} · PT Contoh`]);
  });

  it("is not written when the reporter gave no e-mail address", async () => {
    const before = smtp.mails.length;
    await report(gw, { reporterEmail: null });
    expect(await gw.dispatch()).toBe(0);
    expect(smtp.mails.length).toBe(before);
  });
});

describe("mail about desk events", () => {
  it("tells the group, then the agent, the reporter in their language, and the supervisors, each what concerns them", async () => {
    const group = await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Layanan Aplikasi", level: 1 }, TEST_ACTOR);
    const member = (name: string, email: string) => gw.services.agents.create({ siteId: gw.site.id, name, email, role: Role.AGENT, groupId: group.id }, TEST_ACTOR);
    const rina = await member("Rina", "rina@contoh.example");
    await member("Agus", "agus@contoh.example");
    const supervisor = await gw.services.agents.create({ siteId: gw.site.id, name: "Sri", email: "sri@contoh.example", role: Role.SUPERVISOR }, TEST_ACTOR);
    const manager = await gw.services.agents.create({ siteId: gw.site.id, name: "Bambang", email: "bambang@contoh.example", role: Role.MANAGER }, TEST_ACTOR);

    const idTicket = await report(gw, { reporterEmail: "ani@contoh.example", language: "id" });
    const enTicket = await report(gw, { reporterEmail: "ben@contoh.example", language: "en" });
    const a = await idOf(idTicket.code);
    const b = await idOf(enTicket.code);

    await desk(gw, agent, `mutation($id: ID!, $g: ID!) { assignTicket(id: $id, input: { groupId: $g }) { id } }`, { id: a, g: group.id });
    await desk(gw, agent, `mutation($id: ID!, $p: ID!) { assignTicket(id: $id, input: { assigneeId: $p }) { id } }`, { id: a, p: rina.id });
    await desk(gw, agent, `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Sedang kami periksa." }) { id } }`, { id: a });
    await desk(gw, agent, `mutation($id: ID!) { addInternalNote(id: $id, input: { body: "server lama" }) { id } }`, { id: a });
    const reporterMessage = await gw.gql(`mutation($c: String!, $t: String!) { addReporterMessage(code: $c, token: $t, input: { body: "Masih belum bisa" }) { status } }`, {
      c: idTicket.code,
      t: idTicket.trackingToken,
    });
    expect(reporterMessage.errors).toBeUndefined();
    await desk(gw, agent, `mutation($id: ID!) { escalateTicket(id: $id, input: { kind: HIERARCHICAL, level: 1, notes: "Pelapor penting" }) { id } }`, { id: a });

    const status = `mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { id } }`;
    await desk(gw, agent, status, { id: b, input: { status: "IN_PROGRESS" } });
    await desk(gw, agent, status, { id: b, input: { status: "RESOLVED", resolution: "Password reset", closureCode: "FIXED" } });
    await desk(gw, agent, status, { id: b, input: { status: "CLOSED" } });
    await gw.dispatch();

    const subjects = (address: string) => smtp.to(address).map((m) => m.subject.replace(" · PT Contoh", ""));
    expect(subjects("agus@contoh.example")).toEqual([`[${idTicket.code}] Ditugaskan kepada Layanan Aplikasi`]);
    expect(subjects("rina@contoh.example")).toEqual([
      `[${idTicket.code}] Ditugaskan kepada Layanan Aplikasi`,
      `[${idTicket.code}] Ditugaskan kepada Rina`,
      `[${idTicket.code}] Pesan baru dari pelapor`,
    ]);
    expect(smtp.to("rina@contoh.example")[2]!.text).toContain("Masih belum bisa");
    expect(subjects("sri@contoh.example")).toEqual([`[${idTicket.code}] Eskalasi: Supervisor`]);
    expect(subjects(manager.email)).toEqual([]);
    expect(supervisor.email).toBe("sri@contoh.example");
    expect(subjects("ani@contoh.example")).toEqual([
      `Laporan Anda diterima: ${idTicket.code}`,
      `Tiket ${idTicket.code}: Ditugaskan`,
      `Balasan untuk tiket ${idTicket.code}`,
    ]);
    expect(smtp.to("ani@contoh.example")[2]!.text).toContain("Sedang kami periksa.");
    expect(smtp.mails.some((m) => m.text.includes("server lama"))).toBe(false);
    expect(subjects("ben@contoh.example")).toEqual([
      `We received your report: ${enTicket.code}`,
      `Ticket ${enTicket.code}: In progress`,
      `Ticket ${enTicket.code} is resolved`,
      `Ticket ${enTicket.code} is closed`,
    ]);
    const resolved = smtp.to("ben@contoh.example")[2]!;
    expect(resolved.text).toContain("Password reset");
    // Its link opens the closure check of this resolution (tickets/confirm-link.ts), signed.
    expect(linkIn(resolved, gw.url).pathname).toMatch(/^\/confirm\/[0-9a-f-]{36}$/);
    expect(linkIn(resolved, gw.url).searchParams.get("sig")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("writes each desk member's mail in their own language: an Indonesian agent on an English site gets Indonesian", async () => {
    await gw.services.ds.query("UPDATE site SET language = 'en' WHERE id = ?", [gw.site.id]);
    try {
      const group = await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Field Support", level: 1 }, TEST_ACTOR);
      const dewi = await gw.services.agents.create({ siteId: gw.site.id, name: "Dewi", email: "dewi@contoh.example", role: Role.AGENT, groupId: group.id, language: "id" }, TEST_ACTOR);
      const emma = await gw.services.agents.create({ siteId: gw.site.id, name: "Emma", email: "emma@contoh.example", role: Role.AGENT, groupId: group.id }, TEST_ACTOR);
      expect([dewi.language, emma.language]).toEqual(["id", "en"]); // Emma takes the site's language
      // The desk sees it too, beside each person it may escalate to or assign.
      const { deskDirectory } = await desk<{ deskDirectory: { agents: Array<{ name: string; language: string }> } }>(gw, agent, `{ deskDirectory { agents { name language } } }`);
      expect(deskDirectory.agents.filter((a) => a.name === "Dewi" || a.name === "Emma")).toEqual([
        { name: "Dewi", language: "id" },
        { name: "Emma", language: "en" },
      ]);
      const r = await report(gw, { reporterEmail: "fajar@contoh.example", language: "en" });
      const id = await idOf(r.code);
      await desk(gw, agent, `mutation($id: ID!, $g: ID!) { assignTicket(id: $id, input: { groupId: $g }) { id } }`, { id, g: group.id });
      await desk(gw, agent, `mutation($id: ID!, $p: ID!) { assignTicket(id: $id, input: { assigneeId: $p }) { id } }`, { id, p: dewi.id });
      await gw.dispatch();
      const dewiMail = smtp.to(dewi.email);
      expect(dewiMail.map((m) => m.subject)).toEqual([`[${r.code}] Ditugaskan kepada Field Support · PT Contoh`, `[${r.code}] Ditugaskan kepada Dewi · PT Contoh`]);
      expect(dewiMail[1]!.text).toContain(`Tiket ${r.code} (${r.priority}) ditugaskan kepada Dewi.`);
      expect(smtp.to(emma.email).map((m) => m.subject)).toEqual([`[${r.code}] Assigned to Field Support · PT Contoh`]);
    } finally {
      await gw.services.ds.query("UPDATE site SET language = 'id' WHERE id = ?", [gw.site.id]);
    }
  });

  it("mails the reporter only the status events the site chose", async () => {
    await gw.services.ds.query("UPDATE site SET reporter_mail_events = ? WHERE id = ?", [JSON.stringify(["closed"]), gw.site.id]);
    try {
      const r = await report(gw, { reporterEmail: "citra@contoh.example", language: "en" });
      const id = await idOf(r.code);
      const status = `mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { id } }`;
      await desk(gw, agent, status, { id, input: { status: "IN_PROGRESS" } });
      await desk(gw, agent, status, { id, input: { status: "RESOLVED", resolution: "done", closureCode: "FIXED" } });
      await desk(gw, agent, status, { id, input: { status: "CLOSED" } });
      await gw.dispatch();
      expect(smtp.to("citra@contoh.example").map((m) => m.subject)).toEqual([`We received your report: ${r.code} · PT Contoh`, `Ticket ${r.code} is closed · PT Contoh`]);
    } finally {
      await gw.services.ds.query("UPDATE site SET reporter_mail_events = NULL WHERE id = ?", [gw.site.id]);
    }
  });
});

describe("when the mail server fails", () => {
  it("loses no report during an outage and sends every mail once it is back", async () => {
    await smtp.stop();
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => report(gw, { reporterEmail: `burst${i}@contoh.example`, description: `Laporan ${i}` })));
    expect(new Set(burst.map((r) => r.code)).size).toBe(12);
    expect(await gw.dispatch()).toBe(12);
    for (let i = 0; i < 12; i++) {
      expect(await outboxOf(`burst${i}@contoh.example`)).toEqual([expect.objectContaining({ status: "PENDING", attempts: 1 })]);
      expect((await outboxOf(`burst${i}@contoh.example`))[0]!.last_error).toMatch(/ECONNREFUSED|ECONNECTION|connect/i);
    }
    // Not due yet: nothing is tried before its backoff.
    expect(await gw.dispatch()).toBe(0);

    await smtp.start();
    gw.clock.advance(HOUR);
    expect(await gw.dispatch()).toBe(12);
    for (let i = 0; i < 12; i++) {
      expect(smtp.to(`burst${i}@contoh.example`).map((m) => m.subject)).toEqual([`Laporan Anda diterima: ${burst[i]!.code} · PT Contoh`]);
      expect(await outboxOf(`burst${i}@contoh.example`)).toEqual([expect.objectContaining({ status: "SENT", attempts: 2, last_error: null })]);
    }
  });

  it("takes over a message whose claim a dead gateway left behind, once the claim expires", async () => {
    const r = await report(gw, { reporterEmail: "eka@contoh.example" });
    // As if another gateway had claimed it and died before recording the attempt.
    const until = new Date(gw.clock.now().getTime() + 5 * 60_000);
    await gw.services.ds.query("UPDATE outbox_message SET claimed_until = ? WHERE recipient = ?", [
      gw.services.ds.options.type === "mysql" ? until : until.toISOString().replace("T", " ").replace("Z", ""),
      "eka@contoh.example",
    ]);
    expect(await gw.dispatch()).toBe(0);
    gw.clock.advance(5 * 60_000 + 1000);
    expect(await gw.dispatch()).toBe(1);
    expect(smtp.to("eka@contoh.example").map((m) => m.subject)).toEqual([`Laporan Anda diterima: ${r.code} · PT Contoh`]);
  });

  it("gives up at once on a recipient refused for good (550)", async () => {
    await report(gw, { reporterEmail: "nobody@contoh.example" });
    expect(await gw.dispatch()).toBe(1);
    const [row] = await outboxOf("nobody@contoh.example");
    expect(row).toMatchObject({ status: "DEAD", attempts: 1 });
    expect(row!.last_error).toMatch(/550|No such user/);
    gw.clock.advance(48 * HOUR);
    expect(await gw.dispatch()).toBe(0);
    expect(smtp.to("nobody@contoh.example")).toEqual([]);
  });
});

describe("without SMTP_URL, in demo mode", () => {
  it("keeps mail in the outbox and shows it at /demo/mail", async () => {
    const demo = await startTestGateway({ env: { SIGAP_DEMO: "1" } });
    try {
      const r = await report(demo, { reporterEmail: "dina@contoh.example", language: "en" });
      expect(await demo.dispatch()).toBe(0);
      const res = await fetch(`${demo.url}/demo/mail`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      const page = await res.text();
      expect(page).toContain(`We received your report: ${r.code} · PT Contoh`);
      expect(page).toContain("dina@contoh.example");
      expect(page).toContain("kept (no SMTP_URL)");
      const [row] = await demo.services.ds.query("SELECT status, attempts FROM outbox_message WHERE recipient = ?", ["dina@contoh.example"]);
      expect(row).toMatchObject({ status: "PENDING", attempts: 0 });
    } finally {
      await demo.close();
    }
  });
});
