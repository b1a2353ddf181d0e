import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, TicketType } from "@sigap/gateway";
import { parseCsv } from "./csv-kit.js";
import { desk, startTestGateway, report, TEST_ACTOR, type TestGateway } from "./harness.js";

/**
 * The recap's work-order part (issue 13; seed 003): work orders in and completed, extra costs
 * proposed / accepted / declined / awaiting, payments by method and unpaid completed jobs, by
 * kecamatan and by technician group, in the asker's scope, compared with figures computed by hand.
 */

let gw: TestGateway;
let manager: string;
let desker: string;
let south: string;
let north: string;
let D0: number; // local midnight (Asia/Jakarta) of the fixture's day
const H = 3_600_000;
const techs = new Map<string, string>(); // agent id → token

const CA = "count amount";
const WO = `workOrdersIn completed unpaidCompleted unpaidCompletedPaymentDue costsProposed { ${CA} } costsAccepted { ${CA} } costsDeclined { ${CA} } costsAwaiting { ${CA} }
  payments { method ${CA} } paid { ${CA} } refunded { ${CA} }`;
const RECAP = `query($input: RecapInput!) { recap(input: $input) { totals { ticketsIn } workOrders { totals { ${WO} } breakdowns { dimension rows { key label figures { ${WO} } } } } } }`;

type Figures = Record<string, unknown>;
type WorkOrders = { totals: Figures; breakdowns: Array<{ dimension: string; rows: Array<{ key: string | null; label: string; figures: Figures }> }> } | null;
type RecapResult = { recap: { totals: { ticketsIn: number }; workOrders: WorkOrders } };

const ca = (count: number, amount: number) => ({ count, amount });
const pays = (transfer: [number, number], eWallet: [number, number], cod: [number, number]) => [
  { method: "TRANSFER", count: transfer[0], amount: transfer[1] },
  { method: "E_WALLET", count: eWallet[0], amount: eWallet[1] },
  { method: "CASH_ON_DELIVERY", count: cod[0], amount: cod[1] },
];
const NONE = ca(0, 0);

/**
 * The fixture, hours from local midnight of day D (routing sends Balikpapan Selatan to the south
 * group, Balikpapan Utara to the north group, each with one technician):
 * W0 south, D-1 19:00 in, 20:00 cost 500,000 proposed; D 03:00 declined (the job is cancelled).
 * W1 south, 01:00 in, 02:00 cost 1,600,000 proposed, 02:30 accepted, 04:00 resolved, 05:00 paid 1,600,000 by TRANSFER.
 * W2 north, 02:00 in, 06:00 resolved without extra cost, 12:00 paid 250,000 by E_WALLET.
 * W3 north, 03:00 in, 07:00 cost 300,000 proposed; D+1 02:00 accepted (after the day: awaiting at its end).
 * W4 south, 08:00 in, 09:00 cost 200,000 proposed, 10:00 accepted, 11:00 resolved, never paid.
 * An incident at 05:00 (not a work order).
 */
const DAY: Figures = {
  workOrdersIn: 4,
  completed: 3,
  unpaidCompleted: 1,
  unpaidCompletedPaymentDue: 1,
  costsProposed: ca(3, 2_100_000),
  costsAccepted: ca(2, 1_800_000),
  costsDeclined: ca(1, 500_000),
  costsAwaiting: ca(1, 300_000),
  payments: pays([1, 1_600_000], [1, 250_000], [0, 0]),
  paid: ca(2, 1_850_000),
  refunded: NONE,
};
const SOUTH: Figures = {
  workOrdersIn: 2,
  completed: 2,
  unpaidCompleted: 1,
  unpaidCompletedPaymentDue: 1,
  costsProposed: ca(2, 1_800_000),
  costsAccepted: ca(2, 1_800_000),
  costsDeclined: ca(1, 500_000),
  costsAwaiting: NONE,
  payments: pays([1, 1_600_000], [0, 0], [0, 0]),
  paid: ca(1, 1_600_000),
  refunded: NONE,
};
const NORTH: Figures = {
  workOrdersIn: 2,
  completed: 1,
  unpaidCompleted: 0,
  unpaidCompletedPaymentDue: 0,
  costsProposed: ca(1, 300_000),
  costsAccepted: NONE,
  costsDeclined: NONE,
  costsAwaiting: ca(1, 300_000),
  payments: pays([0, 0], [1, 250_000], [0, 0]),
  paid: ca(1, 250_000),
  refunded: NONE,
};

const at = (h: number) => gw.clock.advance(D0 + h * H - gw.clock.now().getTime());
const day = (h = 0) => new Date(D0 + h * H).toISOString();
const recap = (token: string, input: Record<string, unknown>) => desk<RecapResult>(gw, token, RECAP, { input });

let repair: string;
/** A repair job in a kecamatan: its code, tracking token, id and the technician's token. */
async function job(kecamatan: string) {
  const r = await report(gw, { serviceId: repair, kecamatan, description: "AC tidak dingin" });
  const t = (await desk<{ ticket: { id: string; assigneeId: string } }>(gw, desker, `query($id: ID!) { ticket(id: $id) { id assigneeId } }`, { id: r.code })).ticket;
  const tech = techs.get(t.assigneeId)!;
  await desk(gw, tech, `mutation($id: ID!) { changeTicketStatus(id: $id, input: { status: IN_PROGRESS }) { id } }`, { id: t.id });
  return { code: r.code, token: r.trackingToken, id: t.id, tech };
}
type Job = Awaited<ReturnType<typeof job>>;
const propose = (j: Job, amount: number) =>
  desk(gw, j.tech, `mutation($id: ID!, $input: ProposeCostInput!) { proposeCost(id: $id, input: $input) { id } }`, { id: j.id, input: { findings: "Perlu suku cadang", lines: [{ description: "Suku cadang", quantity: 1, unitAmount: amount }] } });
const decide = async (j: Job, accept: boolean) => {
  const r = await gw.gql(`mutation($code: String!, $token: String, $accept: Boolean!) { decideCost(code: $code, token: $token, accept: $accept) { status } }`, { code: j.code, token: j.token, accept });
  expect(r.errors).toBeUndefined();
};
const resolve = (j: Job) => desk(gw, j.tech, `mutation($id: ID!) { resolveTicket(id: $id, input: { resolution: "AC dingin lagi", closureCode: "FIXED" }) { id } }`, { id: j.id });
const pay = (j: Job, method: string, amount: number) =>
  desk(gw, desker, `mutation($id: ID!, $input: RecordPaymentInput!) { recordPayment(id: $id, input: $input) { id } }`, { id: j.id, input: { status: "PAID", method, amount } });

beforeAll(async () => {
  gw = await startTestGateway();
  const longLived = async (role: Role, name: string, groupId: string | null = null, regions: string[] | null = null) => {
    const agent = await gw.services.agents.create({ siteId: gw.site.id, name, email: `${name.toLowerCase().replace(/ /g, ".")}@contoh.example`, role, groupId }, TEST_ACTOR);
    const token = await gw.services.agents.mintToken(agent, 4 * 86_400);
    if (regions) await desk(gw, manager, `mutation($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { id } }`, { id: agent.id, input: { regions } });
    return { id: agent.id, token };
  };
  manager = (await longLived(Role.ADMIN, "Admin Servis")).token;
  desker = (await longLived(Role.AGENT, "Meja Layanan")).token;
  repair = (await gw.services.catalogAdmin.saveService(gw.site.id, { names: [{ language: "id", name: "Servis AC" }], ticketType: TicketType.WORK_ORDER }, TEST_ACTOR)).id;
  south = (await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Teknisi Selatan", level: 2 }, TEST_ACTOR)).id;
  north = (await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Teknisi Utara", level: 2 }, TEST_ACTOR)).id;
  for (const [name, group, region] of [["Teknisi Satu", south, "Balikpapan Selatan"], ["Teknisi Dua", north, "Balikpapan Utara"]] as const) {
    const t = await longLived(Role.AGENT, name, group, [region]);
    techs.set(t.id, t.token);
  }
  await desk(gw, manager, `mutation($rules: [RoutingRuleInput!]!) { setRoutingRules(rules: $rules) { id } }`, {
    rules: [
      { region: "Balikpapan Selatan", serviceId: repair, skill: null, groupId: south },
      { region: "Balikpapan Utara", serviceId: repair, skill: null, groupId: north },
    ],
  });
  // Tomorrow's local midnight in Jakarta (UTC+7, no DST).
  const now = gw.clock.now().getTime();
  D0 = Math.floor((now + 7 * H) / (24 * H)) * 24 * H + 24 * H - 7 * H;

  at(-5);
  const w0 = await job("Balikpapan Selatan");
  at(-4);
  await propose(w0, 500_000);
  at(1);
  const w1 = await job("Balikpapan Selatan");
  at(2);
  const w2 = await job("Balikpapan Utara");
  await propose(w1, 1_600_000);
  at(2.5);
  await decide(w1, true);
  at(3);
  await decide(w0, false);
  const w3 = await job("Balikpapan Utara");
  at(4);
  await resolve(w1);
  at(5);
  await pay(w1, "TRANSFER", 1_600_000);
  await report(gw, { kecamatan: "Balikpapan Selatan" });
  at(6);
  await resolve(w2);
  at(7);
  await propose(w3, 300_000);
  at(8);
  const w4 = await job("Balikpapan Selatan");
  at(9);
  await propose(w4, 200_000);
  at(10);
  await decide(w4, true);
  at(11);
  await resolve(w4);
  at(12);
  await pay(w2, "E_WALLET", 250_000);
  at(24 + 2);
  await decide(w3, true);
  at(24 + 9);
});
afterAll(() => gw?.close());

describe("Recap.workOrders", () => {
  it("counts a day's work orders, costs and payments as computed by hand, by kecamatan and by group", async () => {
    const r = await recap(manager, { period: "DAY", from: day(), groupBy: ["LOCATION", "PRIORITY", "GROUP", "TYPE"], language: "id" });
    expect(r.recap.totals.ticketsIn).toBe(5);
    expect(r.recap.workOrders!.totals).toEqual(DAY);
    // TYPE and PRIORITY have no work-order breakdown (every row would be a work order; priority says little about money).
    expect(r.recap.workOrders!.breakdowns.map((b) => b.dimension)).toEqual(["LOCATION", "GROUP"]);
    expect(r.recap.workOrders!.breakdowns[0]!.rows).toEqual([
      { key: "Balikpapan Selatan", label: "Balikpapan Selatan", figures: SOUTH },
      { key: "Balikpapan Utara", label: "Balikpapan Utara", figures: NORTH },
    ]);
    expect(r.recap.workOrders!.breakdowns[1]!.rows).toEqual([
      { key: south, label: "Teknisi Selatan", figures: SOUTH },
      { key: north, label: "Teknisi Utara", figures: NORTH },
    ]);
  });

  it("judges period edges: the day before holds W0's proposal still awaiting, the day after W3's acceptance, two days before nothing (null)", async () => {
    const before = await recap(manager, { period: "DAY", from: day(-24) });
    expect(before.recap.workOrders).toEqual({
      totals: { ...DAY, workOrdersIn: 1, completed: 0, unpaidCompleted: 0, unpaidCompletedPaymentDue: 0, costsProposed: ca(1, 500_000), costsAccepted: NONE, costsDeclined: NONE, costsAwaiting: ca(1, 500_000), payments: pays([0, 0], [0, 0], [0, 0]), paid: NONE },
      breakdowns: [],
    });
    const after = await recap(manager, { period: "DAY", from: day(24) });
    expect(after.recap.workOrders!.totals).toMatchObject({ workOrdersIn: 0, completed: 0, costsProposed: NONE, costsAccepted: ca(1, 300_000), costsAwaiting: NONE, paid: NONE });
    expect((await recap(manager, { period: "DAY", from: day(-48) })).recap.workOrders).toBeNull();
    // Both days together: W3's cost is decided within the period, so nothing awaits at its end.
    const both = await recap(manager, { period: "CUSTOM", from: day(), to: day(48) });
    expect(both.recap.workOrders!.totals).toEqual({ ...DAY, costsAccepted: ca(3, 2_100_000), costsAwaiting: NONE });
  });

  it("keeps to the asker's scope: a supervisor sees their group's work orders, an agent without any sees none", async () => {
    const sup = await gw.services.agents.create({ siteId: gw.site.id, name: "Sari Utara", email: "sari.utara@contoh.example", role: Role.SUPERVISOR, groupId: north }, TEST_ACTOR);
    const supervisor = await gw.services.agents.mintToken(sup);
    const mine = await recap(supervisor, { period: "DAY", from: day(), groupBy: ["GROUP"] });
    expect(mine.recap.workOrders).toEqual({ totals: NORTH, breakdowns: [{ dimension: "GROUP", rows: [{ key: north, label: "Teknisi Utara", figures: NORTH }] }] });
    expect((await recap(manager, { period: "DAY", from: day(), groupId: north })).recap.workOrders!.totals).toEqual(NORTH);
    expect((await recap(desker, { period: "DAY", from: day() })).recap.workOrders).toBeNull();
  });

  it("exports the work-order figures as CSV, totals or one breakdown, in the reader's language", async () => {
    const get = async (query: string, token: string | null = manager) => {
      const res = await fetch(`${gw.url}/exports/work-orders.csv?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      // Decoded with its byte-order mark kept, to see that it is there.
      return { status: res.status, type: res.headers.get("content-type"), text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer()) };
    };
    const from = encodeURIComponent(day());
    const byPlace = await get(`period=DAY&from=${from}&groupBy=LOCATION&lang=en`);
    expect([byPlace.status, byPlace.type]).toEqual([200, "text/csv; charset=utf-8"]);
    expect(byPlace.text.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(byPlace.text.slice(1));
    expect(rows[0]!.slice(0, 8)).toEqual(["Key", "Name", "Work orders in", "Completed", "Completed, unpaid", "Unpaid with an accepted extra cost", "Extra costs proposed (n)", "Extra costs proposed (Rp)"]);
    expect(rows[0]!.length).toBe(2 + 4 + 9 * 2);
    expect(rows.slice(1).map((r) => r.slice(0, 8))).toEqual([
      ["Balikpapan Selatan", "Balikpapan Selatan", "2", "2", "1", "1", "2", "1800000"],
      ["Balikpapan Utara", "Balikpapan Utara", "2", "1", "0", "0", "1", "300000"],
    ]);
    const totals = parseCsv((await get(`period=DAY&from=${from}&lang=id`)).text.slice(1));
    const column = (name: string) => totals[1]![totals[0]!.indexOf(name)];
    expect([totals[1]![1], column("Work order masuk"), column("Dibayar via transfer bank (Rp)"), column("Dibayar, semua metode (jml)"), column("Biaya tambahan ditolak (Rp)")]).toEqual(["Total", "4", "1600000", "2", "500000"]);
    // A day without work orders: the headers alone.
    expect(parseCsv((await get(`period=DAY&from=${encodeURIComponent(day(-48))}`)).text.slice(1)).length).toBe(1);
    const bad = await get(`period=DAY&from=${from}&groupBy=PRIORITY`);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "groupBy" }] });
    expect((await get(`period=DAY&from=${from}`, null)).status).toBe(401);
  });
});
