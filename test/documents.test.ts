/**
 * The reporter's closure check, the ticket report PDF, the closed-incidents report and the
 * scheduled recap mail. One gateway does the work; a second on the same database (and clock)
 * only races the first's sweep, to show the recap mail leaves once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import {
  codeOf,
  collect,
  createTestDatabase,
  desk,
  ManualClock,
  report,
  startTestGateway,
  TEST_ACTOR,
  TICKET_VIEW,
  waitForSubscribers,
  type TestDatabase,
  type TestGateway,
} from "./harness.js";
import { linkIn, startTestSmtp, type TestSmtp } from "./mail-kit.js";
import { pdfText } from "./pdf-kit.js";

const SECRET = "documents-test-secret-0123456789abcdef";
let db: TestDatabase;
let smtp: TestSmtp;
let gw: TestGateway;
let other: TestGateway;
let agent: string;
beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startTestSmtp();
  const shared = { database: db, clock: new ManualClock(), secret: SECRET, smtp: { url: smtp.url } };
  gw = await startTestGateway(shared);
  other = await startTestGateway({ ...shared, site: gw.site });
  agent = await gw.agentToken(Role.AGENT, "Dewi Lestari");
});
afterAll(async () => {
  await other?.close();
  await gw?.close();
  await smtp?.close();
  await db?.drop();
});

interface Receipt {
  code: string;
  trackingToken: string;
}

/** A reported ticket the desk has worked and resolved, with a public reply and an internal note. */
async function resolvedTicket(input: Record<string, unknown> = {}): Promise<Receipt & { id: string }> {
  // No reporter e-mail: the recap test's dispatch then carries only the recap mail.
  const receipt = await report(gw, { reporterEmail: null, reporterPhone: "0812 5555 0101", ...input });
  const { ticket } = await desk<{ ticket: { id: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { id } }`, { id: receipt.code });
  const id = ticket.id;
  await desk(gw, agent, `mutation($id: ID!) { assignTicket(id: $id, input: { assigneeId: "me" }) { id } }`, { id });
  await desk(gw, agent, `mutation($id: ID!) { changeTicketStatus(id: $id, input: { status: IN_PROGRESS }) { id } }`, { id });
  await desk(gw, agent, `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Kami sudah mengganti kabel jaringan loket 3." }) { id } }`, { id });
  await desk(gw, agent, `mutation($id: ID!) { addInternalNote(id: $id, input: { body: "Vendor password is hunter2" }) { id } }`, { id });
  await desk(gw, agent, `mutation($id: ID!) { resolveTicket(id: $id, input: { resolution: "Replaced the network cable", closureCode: "FIXED" }) { id } }`, { id });
  return { ...receipt, id };
}

const CONFIRM = `mutation($c: String!, $t: String, $input: ConfirmResolutionInput!) { confirmResolution(code: $c, token: $t, input: $input) { ${TICKET_VIEW} confirmationOpen } }`;
interface View {
  status: string;
  confirmationOpen: boolean;
  timeline: Array<{ kind: string; actorKind: string; message: string | null; toStatus: string | null }>;
}

describe("the reporter's closure check", () => {
  it("closes the ticket when the reporter confirms the fix, as confirmed by them, and the tracker sees it live", async () => {
    const t = await resolvedTicket();
    const before = await gw.gql<{ trackTicket: View }>(`query($c: String!, $t: String) { trackTicket(code: $c, token: $t) { status confirmationOpen } }`, { c: t.code, t: t.trackingToken });
    expect(before.data!.trackTicket).toEqual({ status: "RESOLVED", confirmationOpen: true });
    const client = gw.ws({ siteKey: gw.siteKey });
    const live = collect<{ ticketUpdated: View }>(client, `subscription($c: String!, $t: String) { ticketUpdated(code: $c, token: $t) { status confirmationOpen } }`, { c: t.code, t: t.trackingToken });
    await waitForSubscribers(gw, 1);

    const r = await gw.gql<{ confirmResolution: View }>(CONFIRM, { c: t.code, t: t.trackingToken, input: { answer: "FIXED" } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.confirmResolution).toMatchObject({ status: "CLOSED", confirmationOpen: false });
    const closed = r.data!.confirmResolution.timeline.at(-1)!;
    expect(closed).toMatchObject({ kind: "CLOSED", actorKind: "REPORTER", message: "The reporter confirmed that the problem is solved." });
    await live.until(() => live.events.some((e) => e.ticketUpdated.status === "CLOSED"));
    live.dispose();
    await client.dispose();

    const again = await gw.gql(CONFIRM, { c: t.code, t: t.trackingToken, input: { answer: "NOT_FIXED", words: "broken again" } });
    expect(codeOf(again)).toBe("CONFLICT");
  });

  it("reopens the ticket with the reporter's words on the public timeline when it is not fixed", async () => {
    const t = await resolvedTicket();
    const client = gw.ws({ siteKey: gw.siteKey });
    const live = collect<{ ticketUpdated: View }>(client, `subscription($c: String!, $t: String) { ticketUpdated(code: $c, token: $t) { status timeline { kind message } } }`, { c: t.code, t: t.trackingToken });
    await waitForSubscribers(gw, 1);

    const blank = await gw.gql<unknown>(CONFIRM, { c: t.code, t: t.trackingToken, input: { answer: "NOT_FIXED", words: "  " } });
    expect(codeOf(blank)).toBe("BAD_USER_INPUT");
    expect(blank.errors![0]!.extensions["fields"]).toEqual([expect.objectContaining({ field: "words" })]);

    const r = await gw.gql<{ confirmResolution: View }>(CONFIRM, { c: t.code, t: t.trackingToken, input: { answer: "NOT_FIXED", words: "Loket 3 masih tidak bisa login" } });
    expect(r.data!.confirmResolution.status).toBe("IN_PROGRESS");
    expect(r.data!.confirmResolution.timeline.slice(-2).map((e) => [e.kind, e.message])).toEqual([
      ["REPORTER_MESSAGE", "Loket 3 masih tidak bisa login"],
      ["REOPENED", "The reporter says the problem is not solved, so the ticket is back in progress."],
    ]);
    await live.until(() => live.events.some((e) => e.ticketUpdated.status === "IN_PROGRESS" && e.ticketUpdated.timeline.some((x) => x.message === "Loket 3 masih tidak bisa login")));
    live.dispose();
    await client.dispose();

    const wrongToken = await gw.gql(CONFIRM, { c: t.code, t: "not-the-token", input: { answer: "FIXED" } });
    expect(codeOf(wrongToken)).toBe("NOT_FOUND");
  });
});

/** A PDF's text with its line breaks (table cells wrap) as single spaces. */
const flat = (text: string): string => text.replace(/\s+/g, " ");

async function download(path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string | null; body: Buffer; csp: string | null }> {
  const res = await fetch(`${gw.url}${path}`, { headers });
  return { status: res.status, type: res.headers.get("content-type"), body: Buffer.from(await res.arrayBuffer()), csp: res.headers.get("content-security-policy") };
}

describe("the closure check from the resolution mail", () => {
  it("opens a signed page that reopens the ticket with the reporter's words, once", async () => {
    const t = await resolvedTicket({ reporterEmail: "sri@contoh.example", language: "en" });
    await gw.dispatch();
    const resolvedMail = smtp.to("sri@contoh.example").find((m) => m.subject.includes("is resolved"))!;
    const link = linkIn(resolvedMail, `${gw.url}/confirm/`);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toMatch(/^default-src 'none'; style-src 'nonce-/);
    expect(await page.text()).toContain("Is the problem solved?");

    const post = (form: Record<string, string>) =>
      fetch(link, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ sig: link.searchParams.get("sig")!, ...form }) });
    const empty = await post({ answer: "NOT_FIXED", words: " " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('role="alert"');
    const done = await post({ answer: "NOT_FIXED", words: "Still broken at counter 3" });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("is back with the service desk");
    const view = await gw.gql<{ trackTicket: View }>(`query($c: String!, $t: String) { trackTicket(code: $c, token: $t) { status timeline { kind message } } }`, { c: t.code, t: t.trackingToken });
    expect(view.data!.trackTicket.status).toBe("IN_PROGRESS");
    expect(view.data!.trackTicket.timeline.map((e) => e.message)).toContain("Still broken at counter 3");

    // Reopened: this resolution's link opens nothing any more.
    expect((await fetch(link)).status).toBe(404);
    expect((await post({ answer: "FIXED" })).status).toBe(404);
  });
});

describe("the ticket report PDF", () => {
  it("gives the reporter the public record without the internal note, and the desk everything", async () => {
    const t = await resolvedTicket({ location: "Loket 3, lantai 2" });
    const reporterCopy = await download(`/documents/ticket/${t.code}?token=${t.trackingToken}&siteKey=${gw.siteKey}`);
    expect([reporterCopy.status, reporterCopy.type]).toEqual([200, "application/pdf"]);
    const mine = flat(await pdfText(reporterCopy.body));
    expect(mine).toContain(t.code);
    expect(mine).toContain("Kami sudah mengganti kabel jaringan loket 3.");
    expect(mine).toContain("Loket 3, lantai 2");
    expect(mine).not.toContain("hunter2");

    const deskCopy = await download(`/documents/ticket/${t.code}?lang=en`, { authorization: `Bearer ${agent}` });
    expect(deskCopy.status).toBe(200);
    const theirs = flat(await pdfText(deskCopy.body));
    expect(theirs).toContain(t.code);
    expect(theirs).toContain("Vendor password is hunter2");
    expect(theirs).toContain("Desk copy");

    expect((await download(`/documents/ticket/${t.code}?token=wrong&siteKey=${gw.siteKey}`)).status).toBe(404);
    expect((await download(`/documents/ticket/${t.code}?token=${t.trackingToken}`)).status).toBe(404);
  });
});

describe("the closed-incidents report", () => {
  it("lists the period's closed incidents only, in the asker's scope", async () => {
    const closed = await resolvedTicket();
    await gw.gql(CONFIRM, { c: closed.code, t: closed.trackingToken, input: { answer: "FIXED" } });
    const open = await resolvedTicket();
    const manager = await gw.agentToken(Role.MANAGER, "Ibu Manajer");
    const now = gw.clock.now().getTime();
    const period = (from: number, to: number) => `from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`;

    const pdf = await download(`/exports/closed-incidents.pdf?${period(now - 3_600_000, now + 3_600_000)}&lang=en`, { authorization: `Bearer ${manager}` });
    expect([pdf.status, pdf.type]).toEqual([200, "application/pdf"]);
    const text = flat(await pdfText(pdf.body));
    expect(text).toContain(closed.code);
    expect(text).toContain("confirmed by the reporter");
    expect(text).not.toContain(open.code);

    const before = await pdfText((await download(`/exports/closed-incidents.pdf?${period(now - 7_200_000, now - 3_600_000)}`, { authorization: `Bearer ${manager}` })).body);
    expect(before).not.toContain(closed.code);

    const html = await download(`/exports/closed-incidents.html?${period(now - 3_600_000, now + 3_600_000)}&lang=id`, { authorization: `Bearer ${manager}` });
    expect(html.type).toBe("text/html; charset=utf-8");
    expect(html.csp).toMatch(/^default-src 'none'; style-src 'nonce-/);
    expect(html.body.toString()).toContain(`<td>${closed.code}</td>`);
    expect(html.body.toString()).toContain("dikonfirmasi pelapor");

    // A supervisor sees their group's closed incidents: these were never in a group.
    const group = await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Jaringan", level: 1 }, TEST_ACTOR);
    const supervisor = await gw.services.agents.create({ siteId: gw.site.id, name: "Pak Supervisor", email: "spv.report@contoh.example", role: Role.SUPERVISOR, groupId: group.id }, TEST_ACTOR);
    const theirs = await pdfText((await download(`/exports/closed-incidents.pdf?${period(now - 3_600_000, now + 3_600_000)}`, { authorization: `Bearer ${await gw.services.agents.mintToken(supervisor)}` })).body);
    expect(theirs).not.toContain(closed.code);
    expect(theirs).toContain("Jaringan");

    const refused = await download(`/exports/closed-incidents.pdf?${period(now - 3_600_000, now + 3_600_000)}`, { authorization: `Bearer ${agent}` });
    expect(refused.status).toBe(403);
    const bad = await download(`/exports/closed-incidents.pdf?from=yesterday&to=${new Date(now).toISOString()}`, { authorization: `Bearer ${manager}` });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString()).errors[0].extensions.fields).toEqual([expect.objectContaining({ field: "from" })]);
  });
});

describe("the closed-incidents report's durations", () => {
  it("measures them in business hours where the site keeps them, as the recap does", async () => {
    const clock = new ManualClock();
    const office = await startTestGateway({ database: db, clock, secret: SECRET });
    try {
      const long = async (role: Role, name: string) => {
        const a = await office.services.agents.create({ siteId: office.site.id, name, email: `${name.toLowerCase().replace(/ /g, ".")}@kantor.example`, role }, TEST_ACTOR);
        return office.services.agents.mintToken(a, 7 * 86_400);
      };
      const [admin, worker] = [await long(Role.ADMIN, "Admin Kantor"), await long(Role.AGENT, "Agen Kantor")];
      await desk(office, admin, `mutation { setBusinessHours(input: { hours: "MON-FRI 08:00-17:00" }) { hours } }`);
      // The next Friday, 16:00 in Jakarta (UTC+7): an hour before closing.
      const H = 3_600_000;
      const day = Math.floor((clock.now().getTime() + 7 * H) / (24 * H));
      const friday = day + (((4 - ((day + 3) % 7) + 7) % 7) || 7);
      const at = (dayNumber: number, hour: number) => clock.advance(dayNumber * 24 * H - 7 * H + hour * H - clock.now().getTime());
      at(friday, 16);
      const r = await report(office, { reporterEmail: null, reporterPhone: "0812 5555 0202" });
      const { ticket } = await desk<{ ticket: { id: string; priority: string } }>(office, worker, `query($id: ID!) { ticket(id: $id) { id priority } }`, { id: r.code });
      const id = ticket.id;
      // Monday 08:30: answered (1 h on Friday + 30 min on Monday); 09:00 resolved (2 h); the reporter confirms.
      at(friday + 3, 8.5);
      await desk(office, worker, `mutation($id: ID!) { assignTicket(id: $id, input: { assigneeId: "me" }) { id } }`, { id });
      await desk(office, worker, `mutation($id: ID!) { changeTicketStatus(id: $id, input: { status: IN_PROGRESS }) { id } }`, { id });
      await desk(office, worker, `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Kami cek sekarang." }) { id } }`, { id });
      at(friday + 3, 9);
      await desk(office, worker, `mutation($id: ID!) { resolveTicket(id: $id, input: { resolution: "Kabel diganti", closureCode: "FIXED" }) { id } }`, { id });
      expect((await office.gql(CONFIRM, { c: r.code, t: r.trackingToken, input: { answer: "FIXED" } })).errors).toBeUndefined();
      const manager = await long(Role.MANAGER, "Manajer Kantor");
      const now = clock.now().getTime();
      const query = `from=${new Date(now - 3_600_000).toISOString()}&to=${new Date(now + 3_600_000).toISOString()}&lang=en`;
      const got = async (path: string) => {
        const res = await fetch(`${office.url}${path}`, { headers: { authorization: `Bearer ${manager}` } });
        return Buffer.from(await res.arrayBuffer());
      };
      const text = flat(await pdfText(await got(`/exports/closed-incidents.pdf?${query}`)));
      expect(text).toContain(r.code);
      // Wall-clock, these would be 2 d 16 h 30 min and 2 d 17 h.
      expect(text).toMatch(/Time to respond\s*1 h 30 min/);
      expect(text).toMatch(/Time to resolve\s*2 h/);
      expect(text).toContain("durations in business hours where the site keeps them");
      const html = (await got(`/exports/closed-incidents.html?${query}`)).toString();
      expect(html).toContain("<td>1 h 30 min</td><td>2 h</td></tr>");
    } finally {
      await office.close();
    }
  });
});

describe("the scheduled recap mail", () => {
  it("mails the last week's recap with its PDF to managers and supervisors once, though two gateways sweep", async () => {
    const group = await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Aplikasi", level: 1 }, TEST_ACTOR);
    const manager = await gw.services.agents.create({ siteId: gw.site.id, name: "Ms Manager", email: "manager.recap@contoh.example", role: Role.MANAGER, language: "en" }, TEST_ACTOR);
    await gw.services.agents.create({ siteId: gw.site.id, name: "Bu Supervisor", email: "spv.recap@contoh.example", role: Role.SUPERVISOR, groupId: group.id, language: "id" }, TEST_ACTOR);
    await gw.services.agents.create({ siteId: gw.site.id, name: "Admin", email: "admin.recap@contoh.example", role: Role.ADMIN }, TEST_ACTOR);
    // Into the week after this one: the week the tickets above were reported in is now the last whole one.
    gw.clock.advance(8 * 86_400_000);
    await Promise.all([gw.sweep(), other.sweep()]);
    await Promise.all([gw.sweep(), other.sweep()]);
    await gw.dispatch();
    await other.dispatch();

    const weekly = (to: string) => smtp.to(to).filter((m) => /^(Weekly recap|Rekap mingguan)/.test(m.subject));
    expect(weekly("manager.recap@contoh.example").length).toBe(1);
    expect(weekly("spv.recap@contoh.example").length).toBe(1);
    expect(weekly("admin.recap@contoh.example").length).toBe(0);

    const mail = weekly("manager.recap@contoh.example")[0]!;
    expect(mail.text).toContain("The whole site");
    expect(mail.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
    const { from } = await lastWeek(manager.id);
    const figures = await gw.services.recaps.recap(manager, { period: "WEEK" as never, from });
    expect(figures.totals.ticketsIn).toBeGreaterThan(0);
    expect(mail.text).toContain(`Tickets in ${figures.totals.ticketsIn} · resolved ${figures.totals.resolved} · closed ${figures.totals.closed}`);
    const pdf = await pdfText(mail.attachments[0]!.content);
    expect(pdf).toContain("Weekly recap");
    expect(pdf).toMatch(new RegExp(`Tickets in\\s+${figures.totals.ticketsIn}\\b`));

    const spv = weekly("spv.recap@contoh.example")[0]!;
    expect(spv.text).toContain("Grup: Aplikasi");
    expect(await pdfText(spv.attachments[0]!.content)).toContain("Rekap mingguan");
  });
});

/** The start of the last whole week, as the outbox recorded it for this agent's recap mail. */
async function lastWeek(agentId: string): Promise<{ from: Date }> {
  const rows = await gw.services.ds.query("SELECT payload FROM outbox_message WHERE event_id LIKE 'recap:WEEK:%'");
  const payloads = (rows as Array<{ payload: string }>).map((r) => JSON.parse(r.payload) as { vars: { agentId: string; from: string } });
  return { from: new Date(payloads.find((p) => p.vars.agentId === agentId)!.vars.from) };
}
