import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, desk, report, startTestGateway, TEST_ACTOR, type TestGateway } from "./harness.js";

let gw: TestGateway;
let agent: string;
let otherAgent: string;
/** Mints a token for the other site's agent (tokens expire when the clock moves on). */
let mintOther: () => Promise<string>;
const MIN = 60_000;
const t: Record<string, { code: string; trackingToken: string; id: string }> = {};

const SEARCH = `query($filter: QueueFilter, $first: Int, $after: String) {
  queue(filter: $filter, first: $first, after: $after) { edges { cursor node { id code status priority } } pageInfo { hasNextPage endCursor } }
}`;
type Search = { queue: { edges: Array<{ cursor: string; node: { id: string; code: string; status: string; priority: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

/** The codes a search finds for the agent, newest first. */
async function found(search: string, filter: Record<string, unknown> = {}, token = agent): Promise<string[]> {
  const r = await desk<Search>(gw, token, SEARCH, { filter: { search, ...filter }, first: 200 });
  return r.queue.edges.map((e) => e.node.code);
}

async function make(key: string, input: Record<string, unknown>) {
  gw.clock.advance(MIN);
  const receipt = await report(gw, input);
  const { ticket } = await desk<{ ticket: { id: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { id } }`, { id: receipt.code });
  t[key] = { ...receipt, id: ticket.id };
}

beforeAll(async () => {
  gw = await startTestGateway();
  await gw.services.sites.setSettings(gw.site.id, { reporterSetsImpact: true });
  agent = await gw.agentToken(Role.AGENT);
  await make("budi", { reporterName: "Budi Santoso", reporterEmail: "budi@contoh.example", reporterPhone: "0812-3456-7890", description: "Printer di loket dua macet kertas", urgency: "HIGH", impact: "HIGH" });
  await make("siti", { reporterName: "Siti Rahmawati", reporterEmail: "Siti.R@Contoh.Example", description: "Aplikasi antrean tidak bisa dibuka", urgency: "LOW", impact: "LOW" });
  await make("budi2", { reporterName: "Budi Hartono", reporterEmail: "hartono@contoh.example", description: "Jaringan lambat di ruang arsip", urgency: "LOW", impact: "LOW" });
  await make("agus", { reporterName: "Agus Salim", reporterEmail: null, reporterPhone: "+62 821 1111 2222", description: "Monitor berkedip terus", urgency: "MEDIUM", impact: "MEDIUM" });
  // The conversation: a public reply, a reporter message and an internal note, each findable.
  await desk(gw, agent, `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Kabel jaringan sudah kami ganti" }) { id } }`, { id: t["budi2"]!.id });
  const msg = await gw.gql(`mutation($code: String!, $token: String!) { addReporterMessage(code: $code, token: $token, input: { body: "Sudah saya restart modemnya" }) { code } }`, {
    code: t["siti"]!.code,
    token: t["siti"]!.trackingToken,
  });
  expect(msg.errors).toBeUndefined();
  await desk(gw, agent, `mutation($id: ID!) { addInternalNote(id: $id, input: { body: "Vendor dihubungi, garansi masih berlaku" }) { id } }`, { id: t["agus"]!.id });
  await desk(gw, agent, `mutation($id: ID!) { cancelTicket(id: $id, reason: "Dilaporkan dua kali") { id } }`, { id: t["budi2"]!.id });

  // Another site with a reporter of the same name, phone and words.
  const other = await gw.services.sites.create({ name: "Other", unitCode: "07", allowedOrigins: [gw.origin] }, TEST_ACTOR);
  const elsewhere = await gw.gql(`mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code } }`, {
    input: { reporterName: "Budi Santoso", reporterEmail: "budi@contoh.example", reporterPhone: "0812-3456-7890", description: "Printer macet, modem mati, vendor dihubungi" },
  }, { siteKey: other.siteKey });
  expect(elsewhere.errors).toBeUndefined();
  t["elsewhere"] = { code: (elsewhere.data as { reportIncident: { code: string } }).reportIncident.code, trackingToken: "", id: "" };
  const stranger = await gw.services.agents.create({ siteId: other.id, name: "Stranger", email: "s@other.example", role: Role.AGENT }, TEST_ACTOR);
  mintOther = () => gw.services.agents.mintToken(stranger);
  otherAgent = await mintOther();
});
afterAll(() => gw?.close());

const code = (key: string) => t[key]!.code;

describe("desk search", () => {
  it("finds a ticket by its whole code, typed with dashes or in lower case", async () => {
    expect(await found(code("siti"))).toEqual([code("siti")]);
    expect(await found(code("siti").replaceAll(".", "-").toLowerCase())).toEqual([code("siti")]);
  });

  it("finds a ticket by an ending of its code: the sequence, or the year and sequence", async () => {
    const seq = code("agus").split(".")[2]!;
    expect(await found(seq)).toEqual([code("agus")]);
    const yearAndSeq = `${code("agus").slice(-8, -4)}-${seq}`;
    expect(await found(yearAndSeq)).toEqual([code("agus")]);
  });

  it("finds a reporter by a word prefix of their name", async () => {
    expect(await found("rahma")).toEqual([code("siti")]);
    expect(await found("Budi")).toEqual([code("budi2"), code("budi")]);
    expect(await found("budi sant")).toEqual([code("budi")]);
  });

  it("finds a reporter by phone whatever way the prefix is written", async () => {
    expect(await found("+62 812 3456 7890")).toEqual([code("budi")]);
    expect(await found("081234567890")).toEqual([code("budi")]);
    expect(await found("0821-1111-2222")).toEqual([code("agus")]);
  });

  it("finds a reporter by e-mail, in any case", async () => {
    expect(await found("siti.r@contoh.example")).toEqual([code("siti")]);
    expect(await found("BUDI@CONTOH.EXAMPLE")).toEqual([code("budi")]);
    expect(await found("nobody@contoh.example")).toEqual([]);
  });

  it("finds words of the description, every word required", async () => {
    expect(await found("printer")).toEqual([code("budi")]);
    expect(await found("antrean dibuka")).toEqual([code("siti")]);
    expect(await found("printer dibuka")).toEqual([]);
  });

  it("finds words of public replies, reporter messages and internal notes", async () => {
    expect(await found("kabel")).toEqual([code("budi2")]);
    expect(await found("modem")).toEqual([code("siti")]);
    expect(await found("garansi")).toEqual([code("agus")]);
  });

  it("spans closed and cancelled tickets unless statuses are given", async () => {
    expect(await found("hartono")).toEqual([code("budi2")]);
    expect(await found("hartono", { statuses: ["NEW"] })).toEqual([]);
    expect(await found("hartono", { statuses: ["CANCELLED"] })).toEqual([code("budi2")]);
  });

  it("combines with the other filters", async () => {
    expect(await found("budi", { priorities: ["P1"] })).toEqual([code("budi")]);
    expect(await found("budi", { priorities: ["P5"] })).toEqual([code("budi2")]);
    expect(await found("budi", { breached: false, statuses: ["NEW"] })).toEqual([code("budi")]);
    await desk(gw, agent, `mutation($id: ID!) { assignTicket(id: $id, input: { assigneeId: "me" }) { id } }`, { id: t["siti"]!.id });
    expect(await found("contoh.example", { assigneeId: "me" })).toEqual([]);
    expect(await found("siti.r@contoh.example", { assigneeId: "me" })).toEqual([code("siti")]);
    expect(await found("printer", { assigneeId: "me" })).toEqual([]);
  });

  it("pages newest first with its own cursor", async () => {
    const first = await desk<Search>(gw, agent, SEARCH, { filter: { search: "budi" }, first: 1 });
    expect(first.queue.edges.map((e) => e.node.code)).toEqual([code("budi2")]);
    expect(first.queue.pageInfo.hasNextPage).toBe(true);
    const second = await desk<Search>(gw, agent, SEARCH, { filter: { search: "budi" }, first: 1, after: first.queue.pageInfo.endCursor });
    expect(second.queue.edges.map((e) => e.node.code)).toEqual([code("budi")]);
    expect(second.queue.pageInfo.hasNextPage).toBe(false);
    // A queue cursor is not a search cursor, and the other way round.
    const queue = await desk<Search>(gw, agent, SEARCH, { first: 1 });
    const mixed = await gw.gql(SEARCH, { filter: { search: "budi" }, first: 1, after: queue.queue.pageInfo.endCursor }, { token: agent, siteKey: null });
    expect(codeOf(mixed)).toBe("BAD_USER_INPUT");
    const back = await gw.gql(SEARCH, { first: 1, after: first.queue.pageInfo.endCursor }, { token: agent, siteKey: null });
    expect(codeOf(back)).toBe("BAD_USER_INPUT");
  });

  it("never finds another site's tickets, and another site's agent never finds this site's", async () => {
    for (const term of ["budi santoso", "budi@contoh.example", "081234567890", "printer", "modem", "vendor"]) {
      expect(await found(term)).not.toContain(code("elsewhere"));
      expect(await found(term, {}, otherAgent)).not.toContain(code("budi"));
    }
    expect(await found(code("elsewhere"))).toEqual([]);
    expect(await found("modem", {}, otherAgent)).toEqual([code("elsewhere")]);
  });

  it("finds nothing, without an error, for a term of short words and punctuation", async () => {
    expect(await found("di")).toEqual([]);
    expect(await found("?!")).toEqual([]);
  });

  it.each([
    ["", "search must not be blank"],
    ["   ", "search must not be blank"],
    ["x".repeat(201), "search is too long: at most 200 characters"],
  ])("refuses the term %j with a typed error naming the field", async (search, message) => {
    const r = await gw.gql(SEARCH, { filter: { search } }, { token: agent, siteKey: null });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(r.errors![0]!.extensions.fields).toEqual([{ field: "search", message }]);
  });

  it("is the desk's: a reporter cannot search", async () => {
    const r = await gw.gql(SEARCH, { filter: { search: "budi" } });
    expect(codeOf(r)).toBe("UNAUTHENTICATED");
  });
});

// Last in the file: it moves the clock a day on, which would make the tickets above breach their targets.
describe("desk search by the middle of a code", () => {
  it("finds a day's tickets by the day alone, by the unit and day, and by the day with the start of a sequence, on this site only", async () => {
    const [unit = "", day = ""] = code("budi").split(".");
    const firstDay = [code("agus"), code("budi2"), code("siti"), code("budi")];
    gw.clock.advance(24 * 60 * MIN);
    agent = await gw.agentToken(Role.AGENT);
    otherAgent = await mintOther();
    await make("nextDay", { reporterName: "Rina Wati", description: "Pemindai di loket tiga mati", urgency: "LOW", impact: "LOW" });
    const [, nextDay = "", nextSequence = ""] = code("nextDay").split(".");
    expect(nextDay).not.toBe(day);

    expect(await found(day)).toEqual(firstDay);
    expect(await found(`${day.slice(0, 2)}.${day.slice(2, 4)}.${day.slice(4)}`)).toEqual(firstDay);
    expect(await found(`${unit}-${day}`.toLowerCase())).toEqual(firstDay);
    expect(await found(`${unit}.${day}.00`)).toEqual(firstDay);
    expect(await found(nextDay)).toEqual([code("nextDay")]);
    expect(await found(`${nextDay}.${nextSequence.slice(0, 2)}`)).toEqual([code("nextDay")]);
    // Another site's ticket of the same day is not this desk's, nor is another unit.
    expect(await found(day, {}, otherAgent)).toEqual([code("elsewhere")]);
    expect(await found(`Z${unit}.${day}`)).toEqual([]);
  });
});

describe("codes past the third digit", () => {
  it("gives a day's thousandth report a four-digit sequence, stored as it was answered and found by it", async () => {
    const site = await gw.services.sites.create({ name: "Busy", unitCode: "08", allowedOrigins: [gw.origin] }, TEST_ACTOR);
    const busy = (input: Record<string, unknown>) =>
      gw.gql<{ reportIncident: { code: string; trackingToken: string } }>(`mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code trackingToken } }`, { input }, { siteKey: site.siteKey });
    const first = await busy({ reporterName: "Dewi", description: "Antrean macet di loket satu" });
    expect(first.errors).toBeUndefined();
    // 997 reports later the same day (the sequence row is the site's counter of the day).
    await gw.services.ds.query("UPDATE ticket_sequence SET last = 998 WHERE site_id = ?", [site.id]);
    const receipts = [];
    for (const description of ["Printer loket dua mati", "Layar antrean berkedip"]) {
      const r = await busy({ reporterName: "Dewi", description });
      expect(r.errors).toBeUndefined();
      receipts.push(r.data!.reportIncident);
    }
    const prefix = first.data!.reportIncident.code.slice(0, -3);
    expect(receipts.map((r) => r.code)).toEqual([`${prefix}999`, `${prefix}1000`]);
    const staff = await gw.services.agents.create({ siteId: site.id, name: "Busy Agent", email: "agent@busy.example", role: Role.AGENT }, TEST_ACTOR);
    const token = await gw.services.agents.mintToken(staff);
    for (const r of receipts) {
      // The code the reporter was told is the one stored: the tracker opens it, the desk finds it by its end.
      const tracked = await gw.gql<{ trackTicket: { code: string } }>(`query($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { code } }`, { code: r.code, token: r.trackingToken }, { siteKey: site.siteKey });
      expect(tracked.errors).toBeUndefined();
      expect(tracked.data?.trackTicket.code).toBe(r.code);
      expect(await found(r.code.split(".")[2]!, {}, token)).toEqual([r.code]);
    }
  });
});
