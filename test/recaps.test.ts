import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { parseCsv } from "./csv-kit.js";
import { codeOf, desk, report, startTestGateway, TEST_ACTOR, type GqlError, type TestGateway } from "./harness.js";

let gw: TestGateway;
let agent: string;
let manager: string;
let agentIdOf: string;
let level2Id: string;
let codes: string[];
let D0: number; // local midnight (Asia/Jakarta) of the fixture's day
const H = 3_600_000;
const MIN = 60_000;

const FIGURES = `ticketsIn resolved closed cancelled reopened backlog backlogAgeMedianHours backlogAgeP90Hours
  responseTargets responseTargetsKept responseKeptPercent resolutionTargets resolutionTargetsKept resolutionKeptPercent
  firstResponseMedianHours firstResponseP90Hours resolutionMedianHours resolutionP90Hours firstContactResolved firstContactPercent
  escalationsFunctional escalationsHierarchical satisfaction { question mean distribution responses } satisfactionResponseRate suggestions`;
const RECAP = `query($input: RecapInput!) { recap(input: $input) { from to timeZone totals { ${FIGURES} } previous { ${FIGURES} }
  breakdowns { dimension rows { key label figures { ${FIGURES} } } } trend { start figures { ${FIGURES} } } } }`;

type Figures = Record<string, unknown>;
type RecapResult = { recap: { from: string; to: string; timeZone: string; totals: Figures; previous: Figures; breakdowns: Array<{ dimension: string; rows: Array<{ key: string | null; label: string; figures: Figures }> }>; trend: Array<{ start: string; figures: Figures }> } };

const EMPTY: Figures = {
  ticketsIn: 0, resolved: 0, closed: 0, cancelled: 0, reopened: 0, backlog: 0, backlogAgeMedianHours: null, backlogAgeP90Hours: null,
  responseTargets: 0, responseTargetsKept: 0, responseKeptPercent: null, resolutionTargets: 0, resolutionTargetsKept: 0, resolutionKeptPercent: null,
  firstResponseMedianHours: null, firstResponseP90Hours: null, resolutionMedianHours: null, resolutionP90Hours: null, firstContactResolved: 0, firstContactPercent: null,
  escalationsFunctional: 0, escalationsHierarchical: 0,
  satisfaction: [
    { question: "SERVICE", mean: null, distribution: [0, 0, 0, 0, 0], responses: 0 },
    { question: "RESTORED", mean: null, distribution: [0, 0, 0, 0, 0], responses: 0 },
    { question: "INFORMATION", mean: null, distribution: [0, 0, 0, 0, 0], responses: 0 },
  ],
  satisfactionResponseRate: null, suggestions: 0,
};

/**
 * The fixture's day, computed by hand (hours from local midnight; every ticket P3: response 1 h, resolution 8 h, 24×7):
 * A 01:00 in, 01:30 reply, 03:00 resolved, 03:10 feedback 5/4/3 + suggestion, 08:00 closed.
 * B 02:00 in, 02:30 functional escalation, 03:30 reply (due 03:00: missed), 06:00 resolved, 06:10 feedback 4/4/4.
 * C 02:00 in, 02:15 cancelled.
 * D 05:00 in, 07:00 hierarchical escalation, never answered (response due 06:00, resolution due 13:00: both missed); open.
 * E 01:00 in, 01:15 reply, 02:00 resolved, 04:00 reopened, 07:00 resolved again.
 */
const DAY_FIGURES: Figures = {
  ticketsIn: 5, resolved: 3, closed: 1, cancelled: 1, reopened: 1,
  backlog: 1, backlogAgeMedianHours: 19, backlogAgeP90Hours: 19,
  // Response: A, E kept; B, D missed; C cancelled. Resolution: A, B, E kept; D missed.
  responseTargets: 4, responseTargetsKept: 2, responseKeptPercent: 50, resolutionTargets: 4, resolutionTargetsKept: 3, resolutionKeptPercent: 75,
  // First responses 0.25 (E), 0.5 (A), 1.5 (B): nearest rank p50 = 2nd, p90 = 3rd. Resolutions 2 (A), 4 (B), 6 (E).
  firstResponseMedianHours: 0.5, firstResponseP90Hours: 1.5, resolutionMedianHours: 4, resolutionP90Hours: 6,
  // A and E at first contact; B was escalated.
  firstContactResolved: 2, firstContactPercent: 66.7,
  escalationsFunctional: 1, escalationsHierarchical: 1,
  satisfaction: [
    { question: "SERVICE", mean: 4.5, distribution: [0, 0, 0, 1, 1], responses: 2 },
    { question: "RESTORED", mean: 4, distribution: [0, 0, 0, 2, 0], responses: 2 },
    { question: "INFORMATION", mean: 3.5, distribution: [0, 0, 1, 1, 0], responses: 2 },
  ],
  satisfactionResponseRate: 66.7, suggestions: 1,
};

const at = (h: number) => {
  const target = D0 + h * H;
  gw.clock.advance(target - gw.clock.now().getTime());
};
const idOf = async (code: string) => (await desk<{ ticket: { id: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { id } }`, { id: code })).ticket.id;
const act = (query: string, id: string) => desk(gw, agent, query, { id });
const REPLY = `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Kami periksa, ya." }) { id } }`;
/** Takes a ticket on at one instant: assigned to the agent, in progress, and answered. */
const work = async (id: string) => {
  await act(`mutation($id: ID!) { assignTicket(id: $id, input: { assigneeId: "me" }) { id } }`, id);
  await act(`mutation($id: ID!) { changeTicketStatus(id: $id, input: { status: IN_PROGRESS }) { id } }`, id);
  await act(REPLY, id);
};
const RESOLVE = `mutation($id: ID!) { resolveTicket(id: $id, input: { resolution: "Dijalankan ulang", closureCode: "FIXED" }) { id } }`;
const feedback = (code: string, token: string, r: [number, number, number], suggestion?: string) =>
  gw.gql(`mutation($code: String!, $token: String, $input: FeedbackInput!) { submitFeedback(code: $code, token: $token, input: $input) { feedbackOpen } }`, {
    code,
    token,
    input: { serviceRating: r[0], restoredRating: r[1], informationRating: r[2], suggestion },
  });

beforeAll(async () => {
  gw = await startTestGateway();
  await gw.services.sites.setSettings(gw.site.id, { reporterSetsImpact: true });
  const level2 = await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Dukungan Teknis", level: 2 }, TEST_ACTOR);
  level2Id = level2.id;
  // The fixture spans two days: tokens that outlive the default twelve hours.
  const longLived = async (role: Role) => {
    const id = gw.agentId(await gw.agentToken(role));
    const entity = (await gw.services.agents.list(gw.site.id)).find((x) => x.id === id)!;
    return { id, token: await gw.services.agents.mintToken(entity, 3 * 86_400) };
  };
  const mine = await longLived(Role.AGENT);
  agent = mine.token;
  agentIdOf = mine.id;
  manager = (await longLived(Role.MANAGER)).token;
  // Tomorrow's local midnight in Jakarta (UTC+7, no DST).
  const now = gw.clock.now().getTime();
  D0 = Math.floor((now + 7 * H) / (24 * H)) * 24 * H + 24 * H - 7 * H;
  const P3 = { urgency: "MEDIUM", impact: "MEDIUM" };
  at(1);
  const A = await report(gw, { ...P3, description: 'Printer lantai 2, "macet", lagi\nmohon dicek' });
  const E = await report(gw, P3);
  const [a, e] = [await idOf(A.code), await idOf(E.code)];
  at(1.25);
  await work(e);
  at(1.5);
  await work(a);
  at(2);
  const B = await report(gw, P3);
  const C = await report(gw, P3);
  const [b, c] = [await idOf(B.code), await idOf(C.code)];
  await act(RESOLVE, e);
  at(2.25);
  await act(`mutation($id: ID!) { cancelTicket(id: $id, reason: "Laporan ganda") { id } }`, c);
  at(2.5);
  await desk(gw, agent, `mutation($id: ID!, $g: ID!) { escalateTicket(id: $id, input: { kind: FUNCTIONAL, notes: "Perlu akses server", groupId: $g }) { id } }`, { id: b, g: level2.id });
  at(3);
  await act(RESOLVE, a);
  at(3 + 10 / 60);
  expect((await feedback(A.code, A.trackingToken, [5, 4, 3], "Lebih cepat, ya")).errors).toBeUndefined();
  at(3.5);
  await work(b);
  at(4);
  await act(`mutation($id: ID!) { reopenTicket(id: $id, reason: "Masih gagal") { id } }`, e);
  at(5);
  const Dr = await report(gw, P3);
  const d = await idOf(Dr.code);
  codes = [A.code, B.code, C.code, Dr.code, E.code];
  at(6);
  await act(RESOLVE, b);
  at(6 + 10 / 60);
  expect((await feedback(B.code, B.trackingToken, [4, 4, 4])).errors).toBeUndefined();
  at(7);
  await desk(gw, agent, `mutation($id: ID!) { escalateTicket(id: $id, input: { kind: HIERARCHICAL, notes: "Butuh persetujuan" }) { id } }`, { id: d });
  await act(RESOLVE, e);
  at(8);
  await act(`mutation($id: ID!) { closeTicket(id: $id) { id } }`, a);
  // Read the recap the next morning, when the day is over.
  at(24 + 9);
});
afterAll(() => gw?.close());

const day = (h = 0) => new Date(D0 + h * H).toISOString();

describe("Query.recap", () => {
  it("counts a day's figures as computed by hand, against an empty previous day", async () => {
    const r = await desk<RecapResult>(gw, manager, RECAP, { input: { period: "DAY", from: day() } });
    expect(r.recap).toMatchObject({ from: day(), to: day(24), timeZone: "Asia/Jakarta", breakdowns: [], trend: [] });
    expect(r.recap.totals).toEqual(DAY_FIGURES);
    expect(r.recap.previous).toEqual(EMPTY);
  });

  it("breaks the day down by priority and channel with labels, and trends a custom period by day", async () => {
    const r = await desk<RecapResult>(gw, manager, RECAP, { input: { period: "CUSTOM", from: day(), to: day(48), groupBy: ["PRIORITY", "CHANNEL"], trend: "DAY" } });
    expect(r.recap.breakdowns.map((b) => [b.dimension, b.rows.map((row) => [row.key, row.label])])).toEqual([
      ["PRIORITY", [["P3", expect.stringMatching(/^P3 (Medium|Sedang)$/)]]],
      ["CHANNEL", [["WEB", "Web"]]],
    ]);
    // Every ticket of the fixture is an incident (no service carries another type).
    const byType = await desk<RecapResult>(gw, manager, RECAP, { input: { period: "DAY", from: day(), groupBy: ["TYPE"], language: "id" } });
    expect(byType.recap.breakdowns[0]!.rows.map((row) => [row.key, row.label, row.figures.ticketsIn])).toEqual([["INCIDENT", "Insiden", DAY_FIGURES.ticketsIn]]);
    for (const [language, label] of [["en", "P3 Medium"], ["id", "P3 Sedang"]]) {
      const worded = await desk<RecapResult>(gw, manager, RECAP, { input: { period: "DAY", from: day(), groupBy: ["PRIORITY"], language } });
      expect(worded.recap.breakdowns[0]!.rows[0]!.label).toBe(label);
    }
    expect(r.recap.trend.map((p) => p.start)).toEqual([day(), day(24)]);
    expect(r.recap.trend[0]!.figures).toEqual(DAY_FIGURES);
    // The second day: nothing happened, D is still open and a day older.
    expect(r.recap.trend[1]!.figures).toEqual({ ...EMPTY, backlog: 1, backlogAgeMedianHours: 43, backlogAgeP90Hours: 43 });
    // The two-day totals: D's backlog age at the period's end.
    expect(r.recap.totals).toEqual({ ...DAY_FIGURES, backlogAgeMedianHours: 43, backlogAgeP90Hours: 43 });
    expect(r.recap.breakdowns[0]!.rows[0]!.figures).toEqual(r.recap.totals);
  });

  it("scopes by role: an agent sees their own tickets, a supervisor without a group and another agent's figures are FORBIDDEN", async () => {
    const other = await gw.agentToken(Role.AGENT, "Rina");
    const own = await desk<RecapResult>(gw, other, RECAP, { input: { period: "DAY", from: day() } });
    expect(own.recap.totals).toEqual(EMPTY);
    const mine = await desk<RecapResult>(gw, agent, RECAP, { input: { period: "DAY", from: day() } });
    // The agent took A, B and E on; C was cancelled and D never assigned.
    expect(mine.recap.totals).toEqual({
      ...DAY_FIGURES,
      ticketsIn: 3, cancelled: 0, backlog: 0, backlogAgeMedianHours: null, backlogAgeP90Hours: null,
      responseTargets: 3, responseTargetsKept: 2, responseKeptPercent: 66.7, resolutionTargets: 3, resolutionTargetsKept: 3, resolutionKeptPercent: 100,
      escalationsHierarchical: 0,
    });
    expect(codeOf(await gw.gql(RECAP, { input: { period: "DAY", from: day(), agentId: agentIdOf } }, { token: other, siteKey: null }))).toBe("FORBIDDEN");
    const supervisor = await gw.agentToken(Role.SUPERVISOR, "Sari");
    expect(codeOf(await gw.gql(RECAP, { input: { period: "DAY", from: day() } }, { token: supervisor, siteKey: null }))).toBe("FORBIDDEN");
    const asked = await desk<RecapResult>(gw, manager, RECAP, { input: { period: "DAY", from: day(), agentId: gw.agentId(other) } });
    expect(asked.recap.totals).toEqual(EMPTY);
    expect(codeOf(await gw.gql(RECAP, { input: { period: "DAY", from: day() } }, { siteKey: null }))).toBe("UNAUTHENTICATED");
  });

  it("gives a supervisor their group's figures, the same a manager narrowed to that group sees", async () => {
    const sup = await gw.services.agents.create({ siteId: gw.site.id, name: "Sari", email: "sari.recap@contoh.example", role: Role.SUPERVISOR, groupId: level2Id }, TEST_ACTOR);
    const token = await gw.services.agents.mintToken(sup);
    const groups = await Promise.all(codes.map(async (code) => (await desk<{ ticket: { groupId: string | null } }>(gw, manager, `query($id: ID!) { ticket(id: $id) { groupId } }`, { id: code })).ticket.groupId));
    expect(groups).toContain(level2Id); // B, escalated to it
    const theirs = await desk<RecapResult>(gw, token, RECAP, { input: { period: "DAY", from: day() } });
    expect(theirs.recap.totals["ticketsIn"]).toBe(groups.filter((g) => g === level2Id).length);
    const narrowed = await desk<RecapResult>(gw, manager, RECAP, { input: { period: "DAY", from: day(), groupId: level2Id } });
    expect(narrowed.recap.totals).toEqual(theirs.recap.totals);
    expect(codeOf(await gw.gql(RECAP, { input: { period: "DAY", from: day(), groupId: "another-group" } }, { token, siteKey: null }))).toBe("FORBIDDEN");
  });

  it("takes the period as a date in the site's zone and answers its first and last days", async () => {
    const DAYS = `query($input: RecapInput!) { recap(input: $input) { from to firstDay lastDay totals { ticketsIn } } }`;
    const local = new Date(D0 + 7 * H).toISOString().slice(0, 10);
    const r = await desk<{ recap: { from: string; to: string; firstDay: string; lastDay: string; totals: { ticketsIn: number } } }>(gw, manager, DAYS, { input: { period: "DAY", day: local } });
    expect(r.recap).toEqual({ from: day(), to: day(24), firstDay: local, lastDay: local, totals: { ticketsIn: 5 } });
    const custom = await desk<typeof r>(gw, manager, DAYS, { input: { period: "CUSTOM", day: local, lastDay: new Date(D0 + 31 * H).toISOString().slice(0, 10) } });
    expect(custom.recap).toMatchObject({ from: day(), to: day(48), firstDay: local });
    const both = await gw.gql(DAYS, { input: { period: "DAY", day: local, from: day() } }, { token: manager, siteKey: null });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "day" }] });
    const neither = await gw.gql(DAYS, { input: { period: "DAY" } }, { token: manager, siteKey: null });
    expect(neither.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "from" }] });
  });

  it("refuses a period that does not start where it should, naming the field", async () => {
    const bad = await gw.gql(RECAP, { input: { period: "DAY", from: day(1) } }, { token: manager, siteKey: null });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "from" }] });
    const noTo = await gw.gql(RECAP, { input: { period: "CUSTOM", from: day() } }, { token: manager, siteKey: null });
    expect(noTo.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "to" }] });
    const twice = await gw.gql(RECAP, { input: { period: "DAY", from: day(), groupBy: ["AGENT", "AGENT"] } }, { token: manager, siteKey: null });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "groupBy" }] });
    void MIN;
  });


  const TICKETS = `query($input: RecapInput!, $figure: RecapFigure!, $dimension: RecapDimension, $key: String, $first: Int, $after: String) {
    recapTickets(input: $input, figure: $figure, dimension: $dimension, key: $key, first: $first, after: $after) { totalCount nodes { code status priority summary } pageInfo { hasNextPage endCursor } } }`;
  type Page = { recapTickets: { totalCount: number; nodes: Array<{ code: string; status: string; priority: string; summary: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  const listed = async (figure: string, token = manager, extra: Record<string, unknown> = {}) =>
    (await desk<Page>(gw, token, TICKETS, { input: { period: "DAY", from: day() }, figure, first: 100, ...extra })).recapTickets;
  const code = (i: number) => () => codes[i]!;
  const [A, B, C, D, E] = [code(0), code(1), code(2), code(3), code(4)];

  it("lists the tickets behind each figure: as many as the figure counts, the ones computed by hand", async () => {
    const expected: Array<[string, string, () => string[]]> = [
      ["TICKETS_IN", "ticketsIn", () => [A(), B(), C(), D(), E()]],
      ["RESOLVED", "resolved", () => [A(), B(), E()]],
      ["CLOSED", "closed", () => [A()]],
      ["CANCELLED", "cancelled", () => [C()]],
      ["REOPENED", "reopened", () => [E()]],
      ["BACKLOG", "backlog", () => [D()]],
      ["RESPONSE_KEPT", "responseTargetsKept", () => [A(), E()]],
      ["RESOLUTION_KEPT", "resolutionTargetsKept", () => [A(), B(), E()]],
      ["FIRST_CONTACT", "firstContactResolved", () => [A(), E()]],
    ];
    for (const [figure, field, codesOf] of expected) {
      const page = await listed(figure);
      expect(page.nodes.map((n) => n.code).sort(), figure).toEqual(codesOf().sort());
      expect(page.totalCount, figure).toBe(DAY_FIGURES[field]);
    }
    expect((await listed("RESPONSE_MISSED")).nodes.map((n) => n.code).sort()).toEqual([B(), D()].sort());
    expect((await listed("RESOLUTION_MISSED")).nodes.map((n) => n.code)).toEqual([D()]);
    expect((await listed("ESCALATED")).nodes.map((n) => n.code).sort()).toEqual([B(), D()].sort());
    expect((await listed("TICKETS_IN")).nodes.find((n) => n.code === A())).toMatchObject({ status: "CLOSED", priority: "P3", summary: 'Printer lantai 2, "macet", lagi' });
  });

  it("pages newest first, narrows to a breakdown row, keeps the asker's scope and refuses bad asks", async () => {
    const first = await listed("TICKETS_IN", manager, { first: 2 });
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await listed("TICKETS_IN", manager, { first: 10, after: first.pageInfo.endCursor });
    expect(rest.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
    expect([...first.nodes, ...rest.nodes].map((n) => n.code).sort()).toEqual([...codes].sort());
    expect((await listed("TICKETS_IN", manager, { dimension: "PRIORITY", key: "P3" })).totalCount).toBe(5);
    expect((await listed("TICKETS_IN", manager, { dimension: "PRIORITY", key: "P1" })).totalCount).toBe(0);
    // The agent's own scope: A, B and E only; C was cancelled unassigned and D never assigned.
    expect((await listed("TICKETS_IN", agent)).nodes.map((n) => n.code).sort()).toEqual([A(), B(), E()].sort());
    expect((await listed("BACKLOG", manager, { dimension: "AGENT" })).nodes.map((n) => n.code)).toEqual([D()]);
    const other = await gw.agentToken(Role.AGENT, "Rina");
    expect(codeOf(await gw.gql(TICKETS, { input: { period: "DAY", from: day(), agentId: agentIdOf }, figure: "RESOLVED" }, { token: other, siteKey: null }))).toBe("FORBIDDEN");
    for (const [vars, field] of [
      [{ first: 0 }, "first"],
      [{ after: "not-a-cursor" }, "after"],
      [{ key: "P3" }, "key"],
      [{ input: { period: "DAY", from: day(1) } }, "from"],
    ] as const) {
      const bad = await gw.gql(TICKETS, { input: { period: "DAY", from: day() }, figure: "RESOLVED", ...vars }, { token: manager, siteKey: null });
      expect(bad.errors?.[0]?.extensions, field).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field }] });
    }
  });
});


describe("CSV exports", () => {
  const get = (path: string, token: string | null = manager) => fetch(new URL(path, gw.url), { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("exports the tickets with a BOM, RFC 4180 quoting and Indonesian headers, the same count as the recap", async () => {
    const res = await get(`/exports/tickets.csv?from=${encodeURIComponent(day())}&to=${encodeURIComponent(day(24))}&lang=id`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1));
    expect(rows[0]).toEqual(["Kode", "Dibuat", "Status", "Prioritas", "Saluran", "Kecamatan", "Deskripsi", "Diselesaikan", "Ditutup"]);
    const recap = await desk<RecapResult>(gw, manager, RECAP, { input: { period: "DAY", from: day() } });
    expect(rows.length - 1).toBe(recap.recap.totals["ticketsIn"]);
    expect(rows.slice(1).map((r) => r[6])).toContain('Printer lantai 2, "macet", lagi\nmohon dicek');
    expect(rows.slice(1).map((r) => r[2]).sort()).toEqual(["CANCELLED", "CLOSED", "NEW", "RESOLVED", "RESOLVED"]);
  });

  it("exports a recap breakdown in English with the GraphQL figures", async () => {
    const res = await get(`/exports/recap.csv?period=DAY&from=${encodeURIComponent(day())}&groupBy=PRIORITY&lang=en`);
    expect(res.status).toBe(200);
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
    expect(rows[0]!.slice(0, 4)).toEqual(["Key", "Name", "Tickets in", "Resolved"]);
    expect(rows.slice(1).map((r) => r.slice(0, 8))).toEqual([["P3", "P3 Medium", "5", "3", "1", "1", "1", "1"]]);
  });

  it("answers bad parameters, no token and another scope with typed JSON errors", async () => {
    const bad = await get(`/exports/recap.csv?period=YEAR&from=nope`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: GqlError[] }).errors[0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "period" }, { field: "from" }] });
    const noToken = await get(`/exports/tickets.csv?from=${encodeURIComponent(day())}&to=${encodeURIComponent(day(24))}`, null);
    expect(noToken.status).toBe(401);
    expect(((await noToken.json()) as { errors: GqlError[] }).errors[0]!.extensions.code).toBe("UNAUTHENTICATED");
    const other = await get(`/exports/tickets.csv?from=${encodeURIComponent(day())}&to=${encodeURIComponent(day(24))}&agentId=someone-else`, agent);
    expect(other.status).toBe(403);
    const backwards = await get(`/exports/tickets.csv?from=${encodeURIComponent(day(24))}&to=${encodeURIComponent(day())}`);
    expect(backwards.status).toBe(400);
  });
});
