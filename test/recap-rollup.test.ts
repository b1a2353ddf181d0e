/**
 * The daily recap rollups (issue 13 item 2) against the live counter: a mixed fixture over three
 * local days (crossing a local midnight that is not UTC's), backfilled by the sweep; every recap
 * asked through GraphQL (counted from the rollups) equals the live count of the same request to
 * the digit: totals, previous period, breakdowns by every dimension, trend, scoped recaps. Then
 * changes the rollups must follow — a reopening, feedback days after the resolution, a
 * reassignment, due times passing with no update, a new business calendar — and, on MariaDB, two
 * gateways catching up at once without counting anything twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Priority, Role } from "@sigap/gateway";
import { createTestDatabase, desk, report, startTestGateway, TEST_ACTOR, TEST_DB, type TestDatabase, type TestGateway } from "./harness.js";

const H = 3_600_000;
const FIGURES = `ticketsIn resolved closed cancelled reopened backlog backlogAgeMedianHours backlogAgeP90Hours
  responseTargets responseTargetsKept responseKeptPercent resolutionTargets resolutionTargetsKept resolutionKeptPercent
  firstResponseMedianHours firstResponseP90Hours resolutionMedianHours resolutionP90Hours firstContactResolved firstContactPercent
  escalationsFunctional escalationsHierarchical satisfaction { question mean distribution responses } satisfactionResponseRate suggestions`;
const RECAP = `query($input: RecapInput!) { recap(input: $input) { from to totals { ${FIGURES} } previous { ${FIGURES} }
  breakdowns { dimension rows { key label figures { ${FIGURES} } } } trend { start figures { ${FIGURES} } } } }`;
const DIMENSIONS = ["SERVICE", "CATEGORY", "GROUP", "AGENT", "PRIORITY", "CHANNEL", "LOCATION", "TYPE"];
const P3 = { urgency: "MEDIUM", impact: "MEDIUM" };
const P2 = { urgency: "HIGH", impact: "MEDIUM" };
const RESOLVE = `mutation($id: ID!) { resolveTicket(id: $id, input: { resolution: "Dijalankan ulang", closureCode: "FIXED" }) { id } }`;
const REOPEN = `mutation($id: ID!) { reopenTicket(id: $id, reason: "Masih gagal") { id } }`;

type Json = Record<string, unknown>;

/** A desk with its agents' long-lived tokens, and the recap compared both ways. */
interface Desk {
  gw: TestGateway;
  manager: { id: string; token: string };
  agents: Array<{ id: string; token: string }>;
  groupId: string;
  services: string[];
  /** Local midnight (Asia/Jakarta) of the fixture's first day. */
  D0: number;
}

async function openDesk(gw: TestGateway): Promise<Desk> {
  await gw.services.sites.setSettings(gw.site.id, { reporterSetsImpact: true });
  const longLived = async (role: Role) => {
    const id = gw.agentId(await gw.agentToken(role));
    const entity = (await gw.services.agents.list(gw.site.id)).find((x) => x.id === id)!;
    return { id, token: await gw.services.agents.mintToken(entity, 5 * 86_400) };
  };
  const group = await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Jaringan", level: 2 }, TEST_ACTOR);
  const services = [];
  for (const name of ["Email", "Printer"]) services.push((await gw.services.catalogAdmin.saveService(gw.site.id, { names: [{ language: "en", name }, { language: "id", name }] }, TEST_ACTOR)).id);
  const now = gw.clock.now().getTime();
  // The local midnight in Jakarta (UTC+7) after tomorrow's, so the evening before it is still ahead:
  // 17:00 UTC, so local days are not UTC days.
  const D0 = Math.floor((now + 7 * H) / (24 * H)) * 24 * H + 48 * H - 7 * H;
  return { gw, manager: await longLived(Role.MANAGER), agents: [await longLived(Role.AGENT), await longLived(Role.AGENT)], groupId: group.id, services, D0 };
}

const at = (d: Desk, h: number) => d.gw.clock.advance(d.D0 + h * H - d.gw.clock.now().getTime());
const idOf = async (d: Desk, code: string) => (await desk<{ ticket: { id: string } }>(d.gw, d.manager.token, `query($id: ID!) { ticket(id: $id) { id } }`, { id: code })).ticket.id;
const act = (d: Desk, token: string, query: string, id: string, vars: Json = {}) => desk(d.gw, token, query, { id, ...vars });
/** Assigned to the agent, in progress and answered, at one instant. */
async function work(d: Desk, token: string, id: string): Promise<void> {
  await act(d, token, `mutation($id: ID!) { assignTicket(id: $id, input: { assigneeId: "me" }) { id } }`, id);
  await act(d, token, `mutation($id: ID!) { changeTicketStatus(id: $id, input: { status: IN_PROGRESS }) { id } }`, id);
  await act(d, token, `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Kami periksa, ya." }) { id } }`, id);
}
const feedback = (d: Desk, t: { code: string; trackingToken: string }, r: [number, number, number], suggestion?: string) =>
  d.gw.gql(`mutation($code: String!, $token: String, $input: FeedbackInput!) { submitFeedback(code: $code, token: $token, input: $input) { feedbackOpen } }`, {
    code: t.code,
    token: t.trackingToken,
    input: { serviceRating: r[0], restoredRating: r[1], informationRating: r[2], suggestion },
  });
const localDate = (d: Desk, h: number) => new Date(d.D0 + h * H + 7 * H).toISOString().slice(0, 10);

/** The requests every comparison asks: several periods, every dimension, a trend, and the narrowed scopes. */
function requests(d: Desk): Array<{ token: string; asker: string; input: Json }> {
  const m = { token: d.manager.token, asker: d.manager.id };
  return [
    { ...m, input: { period: "CUSTOM", day: localDate(d, -24), lastDay: localDate(d, 48), groupBy: DIMENSIONS, trend: "DAY" } },
    { ...m, input: { period: "DAY", day: localDate(d, 0), groupBy: ["SERVICE", "PRIORITY"] } },
    { ...m, input: { period: "DAY", day: localDate(d, 24), groupBy: ["AGENT", "GROUP"] } },
    { ...m, input: { period: "DAY", day: localDate(d, 48) } },
    { ...m, input: { period: "MONTH", day: localDate(d, 0), groupBy: ["SERVICE"], trend: "WEEK" } },
    { ...m, input: { period: "CUSTOM", day: localDate(d, -24), lastDay: localDate(d, 48), groupId: d.groupId, groupBy: ["AGENT"] } },
    { ...m, input: { period: "CUSTOM", day: localDate(d, -24), lastDay: localDate(d, 48), agentId: d.agents[0]!.id, groupBy: ["SERVICE"], trend: "DAY" } },
    { token: d.agents[1]!.token, asker: d.agents[1]!.id, input: { period: "CUSTOM", day: localDate(d, -24), lastDay: localDate(d, 48) } },
  ];
}

/** The recap counted live by the service, shaped as the GraphQL answer (instants as ISO text). */
async function liveRecap(gw: TestGateway, asker: string, input: Json): Promise<Json> {
  const agent = (await gw.services.agents.list(gw.site.id)).find((a) => a.id === asker)!;
  const r = JSON.parse(JSON.stringify(await gw.services.recaps.recap(agent, input as never, "live"))) as Json & { breakdowns: Json[]; trend: Json[] };
  return { from: r["from"], to: r["to"], totals: r["totals"], previous: r["previous"], breakdowns: r.breakdowns, trend: r.trend };
}

/** Every request's GraphQL recap (from the rollups) equals the live count. */
async function expectRollupsEqualLive(d: Desk, gw = d.gw): Promise<void> {
  for (const { token, asker, input } of requests(d)) {
    const live = await liveRecap(gw, asker, input);
    const rolled = (await desk<{ recap: Json }>(gw, token, RECAP, { input })).recap;
    expect(rolled, JSON.stringify(input)).toEqual(live);
  }
}

const rollupRows = async (gw: TestGateway) => Number(((await gw.services.ds.query("SELECT COUNT(*) AS n FROM recap_day WHERE site_id = ?", [gw.site.id])) as Array<{ n: number }>)[0]!.n);
const backfilled = async (gw: TestGateway) => ((await gw.services.ds.query("SELECT backfill_done AS done FROM recap_cursor WHERE site_id = ?", [gw.site.id])) as Array<{ done: number }>).map((r) => Number(r.done));

describe("recap rollups", () => {
  let d: Desk;
  const t: Record<string, { code: string; trackingToken: string; id: string }> = {};
  const take = async (name: string, input: Json) => {
    const r = await report(d.gw, input);
    t[name] = { ...r, id: await idOf(d, r.code) };
    return t[name]!.id;
  };

  beforeAll(async () => {
    d = await openDesk(await startTestGateway());
    const [a1, a2] = [d.agents[0]!.token, d.agents[1]!.token];
    const [svc1, svc2] = d.services;
    // The evening before: F comes at 22:00, is answered at 22:30 and resolved after midnight.
    at(d, -2);
    const F = await take("F", { ...P2, serviceId: svc1 });
    at(d, -1.5);
    await work(d, a1, F);
    at(d, 0.5);
    await act(d, a1, RESOLVE, F);
    // Day 0.
    at(d, 1);
    const A = await take("A", { ...P3, serviceId: svc1 });
    const B = await take("B", { ...P2, serviceId: svc2 });
    const C = await take("C", P3);
    at(d, 1.5);
    await work(d, a1, A);
    await work(d, a2, B);
    at(d, 2);
    await act(d, a1, `mutation($id: ID!) { cancelTicket(id: $id, reason: "Laporan ganda") { id } }`, C);
    at(d, 2.5);
    await act(d, a2, `mutation($id: ID!, $g: ID!) { escalateTicket(id: $id, input: { kind: FUNCTIONAL, notes: "Perlu akses server", groupId: $g }) { id } }`, B, { g: d.groupId });
    at(d, 3);
    await act(d, a1, RESOLVE, A);
    at(d, 3.2);
    expect((await feedback(d, t["A"]!, [5, 4, 3], "Lebih cepat, ya")).errors).toBeUndefined();
    at(d, 3.5);
    await work(d, a2, B);
    at(d, 4);
    await act(d, a2, RESOLVE, B);
    at(d, 5);
    const G = await take("G", { ...P3, serviceId: svc2 });
    at(d, 6);
    await act(d, a1, `mutation($id: ID!) { closeTicket(id: $id) { id } }`, A);
    // 23:30 local, resolved at 00:30: one local day to the next within one UTC day.
    at(d, 23.5);
    const K = await take("K", P2);
    at(d, 24.5);
    await work(d, a2, K);
    await act(d, a2, RESOLVE, K);
    // Day 1: B reopened and resolved again; G escalated up, never answered.
    at(d, 26);
    await act(d, a2, REOPEN, B);
    at(d, 27);
    await act(d, a2, RESOLVE, B);
    at(d, 28);
    await act(d, a1, `mutation($id: ID!) { escalateTicket(id: $id, input: { kind: HIERARCHICAL, notes: "Butuh persetujuan" }) { id } }`, G);
    at(d, 48.5);
  });
  afterAll(() => d?.gw.close());

  it("are filled by the sweep, and every recap from them equals the live count to the digit", async () => {
    expect(await backfilled(d.gw)).toEqual([]);
    await d.gw.sweep();
    expect(await backfilled(d.gw)).toEqual([1]);
    expect(await rollupRows(d.gw)).toBeGreaterThan(0);
    await expectRollupsEqualLive(d);
    // The fixture as counted: F, A, B, C, G, K in; A closed, C cancelled; G open in the backlog.
    // (Escalations also count the SLA ladder's automatic ones on G, unanswered past its target.)
    const total = (await desk<{ recap: { totals: Json } }>(d.gw, d.manager.token, RECAP, { input: requests(d)[0]!.input })).recap.totals;
    expect(total).toMatchObject({ ticketsIn: 6, resolved: 4, closed: 1, cancelled: 1, reopened: 1, backlog: 1, suggestions: 1 });
  });

  it("follow a reopening, feedback given days after the resolution, a reassignment and due times passing with no update", async () => {
    const [a1, a2] = [d.agents[0]!.token, d.agents[1]!.token];
    at(d, 49);
    await act(d, a2, REOPEN, t["K"]!.id);
    expect((await feedback(d, t["F"]!, [2, 3, 4])).errors).toBeUndefined();
    await work(d, a1, t["G"]!.id);
    await act(d, a2, `mutation($id: ID!) { assignTicket(id: $id, input: { assigneeId: "me" }) { id } }`, t["G"]!.id);
    at(d, 50);
    await act(d, a2, RESOLVE, t["G"]!.id);
    // L comes at 51:00 and nobody touches it: its response (52:00) and resolution (59:00) pass.
    at(d, 51);
    await take("L", { ...P3, serviceId: d.services[0] });
    at(d, 60);
    // A recap right after the changes catches up before counting.
    await expectRollupsEqualLive(d);
    const day2 = (await desk<{ recap: { totals: Json } }>(d.gw, d.manager.token, RECAP, { input: { period: "DAY", day: localDate(d, 48) } })).recap.totals;
    // L in, with both its targets missed by their due times alone; K reopened; G resolved (its targets were decided on day 0).
    expect(day2).toMatchObject({ ticketsIn: 1, reopened: 1, resolved: 1, responseTargets: 1, responseTargetsKept: 0, resolutionTargets: 1, resolutionTargetsKept: 0, firstContactResolved: 0 });
    // And the sweep's catch-up after them changes nothing more.
    await d.gw.sweep();
    await expectRollupsEqualLive(d);
  });

  it("are rebuilt when the site's business calendar changes (durations move to business time)", async () => {
    const before = (await desk<{ recap: { totals: Json } }>(d.gw, d.manager.token, RECAP, { input: requests(d)[0]!.input })).recap.totals;
    await d.gw.services.hours.setHours(d.gw.site.id, "MON-FRI 08:00-17:00", [Priority.P1], TEST_ACTOR);
    await expectRollupsEqualLive(d);
    const after = (await desk<{ recap: { totals: Json } }>(d.gw, d.manager.token, RECAP, { input: requests(d)[0]!.input })).recap.totals;
    expect(after["resolutionP90Hours"]).not.toEqual(before["resolutionP90Hours"]);
  });
});

if (TEST_DB === "mysql")
  describe("recap rollups with two gateways (MariaDB)", () => {
    let db: TestDatabase;
    let d: Desk;
    let other: TestGateway;
    const worked: Array<{ id: string; token: string }> = [];

    beforeAll(async () => {
      db = await createTestDatabase();
      const secret = "recap-rollup-two-gateways-shared-secret-0123456789";
      const gw = await startTestGateway({ database: db, secret });
      other = await startTestGateway({ database: db, site: gw.site, clock: gw.clock, secret });
      d = await openDesk(gw);
      at(d, 1);
      for (let i = 0; i < 6; i++) {
        const r = await report(gw, { ...(i % 2 ? P2 : P3), serviceId: d.services[i % 2] });
        const token = d.agents[i % 2]!.token;
        if (i % 3) {
          const id = await idOf(d, r.code);
          await work(d, token, id);
          worked.push({ id, token });
        }
      }
      await Promise.all([gw.sweep(), other.sweep()]);
    });
    afterAll(async () => {
      await other?.close();
      await d?.gw.close();
      await db?.drop();
    });

    it("catch up at once without counting a change twice", async () => {
      at(d, 3);
      for (const { id, token } of worked.slice(0, 3)) await act(d, token, RESOLVE, id);
      at(d, 30);
      // Both gateways' sweeps and recaps race for the same catch-up.
      const recap = (gw: TestGateway) => desk<{ recap: Json }>(gw, d.manager.token, RECAP, { input: requests(d)[0]!.input });
      await Promise.all([d.gw.sweep(), other.sweep(), recap(d.gw), recap(other), d.gw.sweep(), other.sweep()]);
      await expectRollupsEqualLive(d);
      await expectRollupsEqualLive(d, other);
      const totals = (await recap(other)).recap["totals"] as Json;
      expect(totals).toMatchObject({ ticketsIn: 6, resolved: 3 });
    });
  });
