import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, TicketType } from "@sigap/gateway";
import { codeOf, createTestDatabase, desk, GATEWAY_DIR, report, startTestGateway, TEST_ACTOR, type GqlResult, type TestDatabase, type TestGateway } from "./harness.js";
import { statementsWith } from "./statement-kit.js";

/**
 * An admin's SLA policy, priority matrix and site basics over GraphQL (issue 10 item 4): changed
 * by an ADMIN only, every bad field named, audited, and followed by the next report at once while
 * open tickets keep what they were given. (The same on a second gateway: scaleout.test.ts.)
 * Past 400 lines: one gateway serves the policy, the matrix, the site basics and the per-type SLA
 * targets (issue 12), which build on each other's state; split, each file would start its own.
 */

let gw: TestGateway;
let admin: string;

beforeAll(async () => {
  gw = await startTestGateway();
  // The reports below state impact; the site must let reporters do so.
  await gw.services.sites.setSettings(gw.site.id, { reporterSetsImpact: true });
  admin = await gw.agentToken(Role.ADMIN, "Admin Satu");
});
afterAll(async () => {
  await gw?.close();
});

const MIN = 60_000;
const POLICY_FIELDS = `slaPolicy { priority responseMinutes resolutionMinutes }`;
const SET_POLICY = `mutation($targets: [SlaTargetInput!]!) { setSlaPolicy(targets: $targets) { ${POLICY_FIELDS} } }`;

type Target = { priority: string; responseMinutes: number; resolutionMinutes: number };
const DEFAULT_POLICY: Target[] = [
  { priority: "P1", responseMinutes: 10, resolutionMinutes: 60 },
  { priority: "P2", responseMinutes: 30, resolutionMinutes: 180 },
  { priority: "P3", responseMinutes: 60, resolutionMinutes: 480 },
  { priority: "P4", responseMinutes: 240, resolutionMinutes: 720 },
  { priority: "P5", responseMinutes: 480, resolutionMinutes: 1440 },
];
const withTarget = (priority: string, responseMinutes: number, resolutionMinutes: number): Target[] =>
  DEFAULT_POLICY.map((t) => (t.priority === priority ? { priority, responseMinutes, resolutionMinutes } : t));

const asAdmin = <T>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> => gw.gql<T>(query, variables, { token: admin, siteKey: null });
const fieldsOf = (r: GqlResult<unknown>) => r.errors![0]!.extensions.fields!.map((f) => f.field).sort();
const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / MIN;

/** The site's audit lines of one action, oldest first. */
async function auditLines(action: string): Promise<Array<{ actor_name: string; actor_kind: string; before: string | null; after: string | null }>> {
  return gw.services.ds.query("SELECT actor_name, actor_kind, `before`, `after` FROM audit_entry WHERE site_id = ? AND action = ? ORDER BY id", [gw.site.id, action]);
}

describe("the SLA policy per priority", () => {
  it("shows an admin the seed's policy until the site sets its own", async () => {
    const r = await desk<{ siteSettings: { slaPolicy: Target[] } }>(gw, admin, `{ siteSettings { ${POLICY_FIELDS} } }`);
    expect(r.siteSettings.slaPolicy).toEqual(DEFAULT_POLICY);
  });

  it("gives a new report the new targets at once, while an open ticket keeps the due times it was given", async () => {
    // Read the public site first, so the gateway's cache holds the old policy.
    await gw.gql(`{ site { name } }`);
    const before = await report(gw, { urgency: "MEDIUM", impact: "MEDIUM" });
    expect(before.priority).toBe("P3");
    expect(minutesBetween(before.createdAt, before.responseDueAt)).toBe(60);

    const policy = withTarget("P3", 45, 300);
    const r = await asAdmin<{ setSlaPolicy: { slaPolicy: Target[] } }>(SET_POLICY, { targets: [...policy].reverse() });
    expect(r.errors).toBeUndefined();
    expect(r.data!.setSlaPolicy.slaPolicy).toEqual(policy);

    const after = await report(gw, { urgency: "MEDIUM", impact: "MEDIUM" });
    expect(minutesBetween(after.createdAt, after.responseDueAt)).toBe(45);
    expect(minutesBetween(after.createdAt, after.resolutionDueAt)).toBe(300);
    // The public site shows the new targets too (its cached copy was dropped).
    const site = await gw.gql<{ site: { slaPolicy: Array<{ priority: string; responseMinutes: number }> } }>(`{ site { slaPolicy { priority responseMinutes } } }`);
    expect(site.data!.site.slaPolicy.find((t) => t.priority === "P3")!.responseMinutes).toBe(45);

    const old = await gw.gql<{ trackTicket: { responseDueAt: string; resolutionDueAt: string } }>(`query($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { responseDueAt resolutionDueAt } }`, {
      code: before.code,
      token: before.trackingToken,
    });
    expect(old.data!.trackTicket).toEqual({ responseDueAt: before.responseDueAt, resolutionDueAt: before.resolutionDueAt });
  });

  it("records who changed the policy, and only the priorities that changed", async () => {
    const lines = await auditLines("site.sla_policy");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actor_name: "Admin Satu", actor_kind: "AGENT" });
    expect(JSON.parse(lines[0]!.before!)).toEqual({ P3: { responseMinutes: 60, resolutionMinutes: 480 } });
    expect(JSON.parse(lines[0]!.after!)).toEqual({ P3: { responseMinutes: 45, resolutionMinutes: 300 } });
  });

  it.each<[string, Target[], string[]]>([
    ["a zero response", withTarget("P1", 0, 60), ["targets.P1.responseMinutes"]],
    ["a response longer than its resolution", withTarget("P2", 200, 180), ["targets.P2.responseMinutes", "targets.P3.responseMinutes"]],
    ["a resolution over 365 days", withTarget("P5", 480, 525_601), ["targets.P5.resolutionMinutes"]],
    ["a less urgent priority with a tighter target", withTarget("P4", 20, 720), ["targets.P4.responseMinutes"]],
    ["a priority left out", DEFAULT_POLICY.slice(0, 4), ["targets.P5"]],
    ["a priority given twice", [...DEFAULT_POLICY, { priority: "P1", responseMinutes: 5, resolutionMinutes: 30 }], ["targets.P1"]],
  ])("refuses %s (BAD_USER_INPUT naming the field) and keeps the policy", async (_, targets, fields) => {
    const r = await asAdmin(SET_POLICY, { targets });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(fieldsOf(r)).toEqual(fields);
    const now = await desk<{ siteSettings: { slaPolicy: Target[] } }>(gw, admin, `{ siteSettings { ${POLICY_FIELDS} } }`);
    expect(now.siteSettings.slaPolicy).toEqual(withTarget("P3", 45, 300));
  });

  it.each([Role.AGENT, Role.SPECIALIST, Role.SUPERVISOR, Role.MANAGER])("refuses the role %s (FORBIDDEN)", async (role) => {
    const token = await gw.agentToken(role);
    const r = await gw.gql(SET_POLICY, { targets: DEFAULT_POLICY }, { token, siteKey: null });
    expect(codeOf(r)).toBe("FORBIDDEN");
    expect((await auditLines("site.sla_policy")).length).toBe(1);
  });
});

/** A service request's own targets, P1 first: [response, resolution] minutes. */
const REQUEST_POLICY: Target[] = [
  [60, 480],
  [120, 960],
  [240, 2880],
  [480, 4320],
  [960, 7200],
].map(([responseMinutes, resolutionMinutes], i) => ({ priority: `P${i + 1}`, responseMinutes: responseMinutes!, resolutionMinutes: resolutionMinutes! }));
const TYPED_POLICY = `slaPolicyTypes incident: slaPolicy { priority responseMinutes resolutionMinutes } request: slaPolicy(ticketType: SERVICE_REQUEST) { priority responseMinutes resolutionMinutes } workOrder: slaPolicy(ticketType: WORK_ORDER) { priority responseMinutes resolutionMinutes }`;
type TypedPolicy = { slaPolicyTypes: string[]; incident: Target[]; request: Target[]; workOrder: Target[] };
const SET_TYPED = `mutation($targets: [SlaTargetInput!]!, $ticketType: TicketType!) { setSlaPolicy(targets: $targets, ticketType: $ticketType) { ${TYPED_POLICY} } }`;
const CLEAR_TYPED = `mutation($ticketType: TicketType!) { clearSlaPolicy(ticketType: $ticketType) { ${TYPED_POLICY} } }`;

/** The lines of the audit trail about one ticket type's policy (subject `sla_policy`), oldest first, before and after parsed. */
async function policyLines(ticketType: string): Promise<Array<{ before: unknown; after: unknown }>> {
  const rows: Array<{ before: string; after: string }> = await gw.services.ds.query(
    "SELECT `before`, `after` FROM audit_entry WHERE site_id = ? AND action = 'site.sla_policy' AND subject_type = 'sla_policy' AND subject_id = ? ORDER BY id",
    [gw.site.id, ticketType],
  );
  return rows.map((r) => ({ before: JSON.parse(r.before), after: JSON.parse(r.after) }));
}

/** How many statements reading the SLA policy the gateway sends while `run` runs. */
const policyReads = (run: () => Promise<unknown>) => statementsWith(gw, "sla_policy", run);

describe("the SLA policy per ticket type (a type without its own follows the incident policy)", () => {
  const services: Record<string, string> = {};
  beforeAll(async () => {
    await gw.services.sites.setSettings(gw.site.id, { offersRequests: true });
    for (const ticketType of [TicketType.SERVICE_REQUEST, TicketType.WORK_ORDER]) {
      services[ticketType] = (await gw.services.catalogAdmin.saveService(gw.site.id, { names: [{ language: "en", name: `A ${ticketType}` }], ticketType }, TEST_ACTOR)).id;
    }
  });
  const incidentP3 = { responseMinutes: 45, resolutionMinutes: 300 };
  const dueMinutes = (r: { createdAt: string; responseDueAt: string; resolutionDueAt: string }) => ({
    responseMinutes: minutesBetween(r.createdAt, r.responseDueAt),
    resolutionMinutes: minutesBetween(r.createdAt, r.resolutionDueAt),
  });

  it("gives a service request its type's targets, and a work order without its own the incident ones", async () => {
    // The public site read first: the cached policies must be dropped by the change.
    await gw.gql(`{ site { name } }`);
    const r = await asAdmin<{ setSlaPolicy: TypedPolicy }>(SET_TYPED, { targets: REQUEST_POLICY, ticketType: "SERVICE_REQUEST" });
    expect(r.errors).toBeUndefined();
    expect(r.data!.setSlaPolicy).toEqual({ slaPolicyTypes: ["SERVICE_REQUEST"], incident: withTarget("P3", 45, 300), request: REQUEST_POLICY, workOrder: withTarget("P3", 45, 300) });

    let request: Awaited<ReturnType<typeof report>> | undefined;
    // The first report after the change reads every type's policy once, with the site.
    expect(await policyReads(async () => (request = await report(gw, { serviceId: services.SERVICE_REQUEST, urgency: "MEDIUM", impact: "MEDIUM" })))).toBe(1);
    expect(request!.priority).toBe("P3");
    expect(dueMinutes(request!)).toEqual({ responseMinutes: 240, resolutionMinutes: 2880 });
    // Once the site is cached, a report of any type reads no policy: the cache holds every type's.
    const reads = await policyReads(async () => {
      expect(dueMinutes(await report(gw, { serviceId: services.WORK_ORDER, urgency: "MEDIUM", impact: "MEDIUM" }))).toEqual(incidentP3);
      expect(dueMinutes(await report(gw, { urgency: "MEDIUM", impact: "MEDIUM" }))).toEqual(incidentP3);
    });
    expect(reads).toBe(0);
  });

  it("reclassifies a request by the request policy, and its SLA state reads that policy's window", async () => {
    const receipt = await report(gw, { serviceId: services.SERVICE_REQUEST, urgency: "LOW", impact: "LOW" });
    expect(dueMinutes(receipt)).toEqual({ responseMinutes: 960, resolutionMinutes: 7200 });
    const supervisor = await gw.agentToken(Role.SUPERVISOR);
    const { ticket } = await desk<{ ticket: { id: string } }>(gw, supervisor, `query($id: ID!) { ticket(id: $id) { id } }`, { id: receipt.code });
    const r = await desk<{ classifyTicket: { priority: string; type: string; createdAt: string; responseDueAt: string; resolutionDueAt: string } }>(
      gw,
      supervisor,
      `mutation($id: ID!) { classifyTicket(id: $id, input: { urgency: HIGH, impact: MEDIUM }) { priority type createdAt responseDueAt resolutionDueAt } }`,
      { id: ticket.id },
    );
    expect(r.classifyTicket).toMatchObject({ priority: "P2", type: "SERVICE_REQUEST" });
    expect(dueMinutes(r.classifyTicket)).toEqual({ responseMinutes: 120, resolutionMinutes: 960 });
  });

  it("records the change under the type: the incident targets it followed, then its own", async () => {
    const [line] = await policyLines("SERVICE_REQUEST");
    expect(line!.before).toEqual({ ownTargets: false, ...Object.fromEntries(withTarget("P3", 45, 300).map(({ priority, ...t }) => [priority, t])) });
    expect(line!.after).toEqual({ ownTargets: true, ...Object.fromEntries(REQUEST_POLICY.map(({ priority, ...t }) => [priority, t])) });
  });

  it("clears a type's own targets, so its next tickets follow the incident policy again; refuses INCIDENT and a type with none", async () => {
    const cleared = await asAdmin<{ clearSlaPolicy: TypedPolicy }>(CLEAR_TYPED, { ticketType: "SERVICE_REQUEST" });
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data!.clearSlaPolicy).toMatchObject({ slaPolicyTypes: [], request: withTarget("P3", 45, 300) });
    expect(dueMinutes(await report(gw, { serviceId: services.SERVICE_REQUEST, urgency: "MEDIUM", impact: "MEDIUM" }))).toEqual(incidentP3);
    expect((await policyLines("SERVICE_REQUEST")).at(-1)!.after).toMatchObject({ ownTargets: false, P3: incidentP3 });

    const incident = await asAdmin(CLEAR_TYPED, { ticketType: "INCIDENT" });
    expect(codeOf(incident)).toBe("BAD_USER_INPUT");
    expect(fieldsOf(incident)).toEqual(["ticketType"]);
    expect(codeOf(await asAdmin(CLEAR_TYPED, { ticketType: "WORK_ORDER" }))).toBe("NOT_FOUND");
    const agent = await gw.agentToken(Role.SUPERVISOR);
    expect(codeOf(await gw.gql(SET_TYPED, { targets: REQUEST_POLICY, ticketType: "WORK_ORDER" }, { token: agent, siteKey: null }))).toBe("FORBIDDEN");
    expect(await policyLines("WORK_ORDER")).toEqual([]);
  });
});

const MATRIX_FIELDS = `priorityMatrix { urgency impact priority }`;
const SET_MATRIX = `mutation($cells: [PriorityCellInput!]) { setPriorityMatrix(cells: $cells) { ${MATRIX_FIELDS} } }`;
type Cell = { urgency: string; impact: string; priority: string };

/** Nine cells from rows of urgency HIGH, MEDIUM, LOW, each the priorities of impact HIGH, MEDIUM, LOW. */
function cells(rows: [string, string, string]): Cell[] {
  const levels = ["HIGH", "MEDIUM", "LOW"];
  return rows.flatMap((row, u) => row.split(",").map((priority, i) => ({ urgency: levels[u]!, impact: levels[i]!, priority })));
}
const SEED_MATRIX = cells(["P1,P2,P3", "P2,P3,P4", "P3,P4,P5"]);
const OWN_MATRIX = cells(["P1,P1,P2", "P2,P3,P4", "P3,P4,P5"]);

describe("the priority matrix per site", () => {
  it("gives a new report of the same urgency and impact the new priority, and the desk sees the new matrix", async () => {
    await gw.gql(`{ site { name } }`);
    expect((await report(gw, { urgency: "HIGH", impact: "MEDIUM" })).priority).toBe("P2");

    const r = await asAdmin<{ setPriorityMatrix: { priorityMatrix: Cell[] } }>(SET_MATRIX, { cells: [...OWN_MATRIX].reverse() });
    expect(r.errors).toBeUndefined();
    expect(r.data!.setPriorityMatrix.priorityMatrix).toEqual(OWN_MATRIX);

    expect((await report(gw, { urgency: "HIGH", impact: "MEDIUM" })).priority).toBe("P1");
    const agent = await gw.agentToken(Role.AGENT);
    const dir = await desk<{ deskDirectory: { priorityMatrix: Cell[] } }>(gw, agent, `{ deskDirectory { ${MATRIX_FIELDS} } }`);
    expect(dir.deskDirectory.priorityMatrix).toEqual(OWN_MATRIX);
  });

  it("reclassifies by the site's matrix", async () => {
    const receipt = await report(gw, { urgency: "LOW", impact: "LOW" });
    expect(receipt.priority).toBe("P5");
    const supervisor = await gw.agentToken(Role.SUPERVISOR);
    const { ticket } = await desk<{ ticket: { id: string } }>(gw, supervisor, `query($id: ID!) { ticket(id: $id) { id } }`, { id: receipt.code });
    const r = await desk<{ classifyTicket: { priority: string } }>(gw, supervisor, `mutation($id: ID!) { classifyTicket(id: $id, input: { urgency: HIGH, impact: MEDIUM }) { priority } }`, { id: ticket.id });
    expect(r.classifyTicket.priority).toBe("P1");
  });

  it.each<[string, Cell[], string[]]>([
    ["a higher urgency with a lower priority", cells(["P1,P2,P4", "P2,P3,P3", "P3,P4,P5"]), ["cells.HIGH.LOW"]],
    ["a higher impact with a lower priority", cells(["P1,P2,P3", "P2,P3,P4", "P5,P4,P5"]), ["cells.LOW.HIGH"]],
    ["a cell left out", OWN_MATRIX.slice(1), ["cells.HIGH.HIGH"]],
    ["a cell given twice", [...OWN_MATRIX, { urgency: "LOW", impact: "LOW", priority: "P4" }], ["cells.LOW.LOW"]],
  ])("refuses %s (BAD_USER_INPUT naming the cells) and keeps the matrix", async (_, given, fields) => {
    const r = await asAdmin(SET_MATRIX, { cells: given });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(fieldsOf(r)).toEqual(fields);
    expect((await desk<{ siteSettings: { priorityMatrix: Cell[] } }>(gw, admin, `{ siteSettings { ${MATRIX_FIELDS} } }`)).siteSettings.priorityMatrix).toEqual(OWN_MATRIX);
  });

  it.each([Role.AGENT, Role.SUPERVISOR])("refuses the role %s (FORBIDDEN)", async (role) => {
    const token = await gw.agentToken(role);
    expect(codeOf(await gw.gql(SET_MATRIX, { cells: SEED_MATRIX }, { token, siteKey: null }))).toBe("FORBIDDEN");
  });

  it("goes back to seed 002's matrix with null, and records each change", async () => {
    const r = await asAdmin<{ setPriorityMatrix: { priorityMatrix: Cell[] } }>(`mutation { setPriorityMatrix { ${MATRIX_FIELDS} } }`);
    expect(r.data!.setPriorityMatrix.priorityMatrix).toEqual(SEED_MATRIX);
    expect((await report(gw, { urgency: "HIGH", impact: "MEDIUM" })).priority).toBe("P2");
    const lines = await auditLines("site.priority_matrix");
    expect(lines.map((l) => [JSON.parse(l.before!), JSON.parse(l.after!)])).toEqual([
      [{ priorityMatrix: null }, { priorityMatrix: { HIGH: { HIGH: "P1", MEDIUM: "P1", LOW: "P2" }, MEDIUM: { HIGH: "P2", MEDIUM: "P3", LOW: "P4" }, LOW: { HIGH: "P3", MEDIUM: "P4", LOW: "P5" } } }],
      [{ priorityMatrix: expect.objectContaining({ HIGH: { HIGH: "P1", MEDIUM: "P1", LOW: "P2" } }) }, { priorityMatrix: null }],
    ]);
  });
});

const BASICS = `name unitCode timeZone languages language`;
const UPDATE = `mutation($input: UpdateSiteSettingsInput!) { updateSiteSettings(input: $input) { ${BASICS} } }`;
type Basics = { name: string; unitCode: string; timeZone: string; languages: string[]; language: string };

/** DDMMYYYY of the gateway clock's day in a zone, as ticket codes write it. */
function dayIn(timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(gw.clock.now());
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("day")}${part("month")}${part("year")}`;
}

describe("the site's basics", () => {
  it("shows an admin the name, unit code, time zone and languages a site starts with", async () => {
    const r = await desk<{ siteSettings: Basics }>(gw, admin, `{ siteSettings { ${BASICS} } }`);
    expect(r.siteSettings).toEqual({ name: "PT Contoh", unitCode: "01", timeZone: "Asia/Jakarta", languages: ["id", "en"], language: "id" });
  });

  it("names every bad field at once (BAD_USER_INPUT) and changes nothing", async () => {
    const r = await asAdmin(UPDATE, { input: { name: " ", unitCode: "ab", timeZone: "Asia/Balikpapan", languages: ["id", "fr"], queueOrder: "ARRIVAL" } });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(fieldsOf(r)).toEqual(["languages", "name", "timeZone", "unitCode"]);
    expect(codeOf(await asAdmin(UPDATE, { input: { name: "x".repeat(121) } }))).toBe("BAD_USER_INPUT");
    const noDefault = await asAdmin(UPDATE, { input: { languages: ["en"] } });
    expect(fieldsOf(noDefault)).toEqual(["languages"]);
    expect(noDefault.errors![0]!.message).toMatch(/default language "id"/);
    expect((await desk<{ siteSettings: Basics & { queueOrder: string } }>(gw, admin, `{ siteSettings { ${BASICS} queueOrder } }`)).siteSettings).toMatchObject({ name: "PT Contoh", unitCode: "01", languages: ["id", "en"], queueOrder: "DUE_TIME" });
  });

  it("gives the next ticket the new unit code and the new zone's day; a code already given keeps working", async () => {
    const old = await report(gw);
    expect(old.code.startsWith(`01.${dayIn("Asia/Jakarta")}.`)).toBe(true);
    // Kiritimati and Pago Pago are 25 hours apart: their dates always differ.
    for (const [unitCode, timeZone] of [["KPB2", "Pacific/Kiritimati"], ["KPB3", "Pacific/Pago_Pago"]] as const) {
      const r = await asAdmin<{ updateSiteSettings: Basics }>(UPDATE, { input: { unitCode, timeZone } });
      expect(r.errors).toBeUndefined();
      expect(r.data!.updateSiteSettings).toMatchObject({ unitCode, timeZone });
      const next = await report(gw);
      expect(next.code).toMatch(new RegExp(`^${unitCode}\\.${dayIn(timeZone)}\\.\\d{3}$`));
    }
    const tracked = await gw.gql<{ trackTicket: { code: string } }>(`query($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { code } }`, { code: old.code, token: old.trackingToken });
    expect(tracked.data!.trackTicket.code).toBe(old.code);
  });

  it("renames the site and narrows its languages together with its default language, for the public form at once", async () => {
    await gw.gql(`{ site { name } }`);
    const r = await asAdmin<{ updateSiteSettings: Basics }>(UPDATE, { input: { name: "  Kantor Pos Balikpapan  ", languages: ["en"], language: "en", timeZone: "asia/makassar" } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateSiteSettings).toMatchObject({ name: "Kantor Pos Balikpapan", languages: ["en"], language: "en", timeZone: "Asia/Makassar" });
    const site = await gw.gql<{ site: { name: string; languages: string[]; timeZone: string } }>(`{ site { name languages timeZone } }`);
    expect(site.data!.site).toEqual({ name: "Kantor Pos Balikpapan", languages: ["en"], timeZone: "Asia/Makassar" });
    // Back to both: the default stays English.
    const both = await asAdmin<{ updateSiteSettings: Basics }>(UPDATE, { input: { languages: ["id", "en"] } });
    expect(both.data!.updateSiteSettings).toMatchObject({ languages: ["id", "en"], language: "en" });
  });

  it("records each change with its actor, the fields before and after", async () => {
    const lines = await auditLines("site.update");
    expect(lines[0]).toMatchObject({ actor_name: "Admin Satu", actor_kind: "AGENT" });
    expect(lines.map((l) => [JSON.parse(l.before!), JSON.parse(l.after!)])).toEqual([
      [{ unitCode: "01", timeZone: "Asia/Jakarta" }, { unitCode: "KPB2", timeZone: "Pacific/Kiritimati" }],
      [{ unitCode: "KPB2", timeZone: "Pacific/Kiritimati" }, { unitCode: "KPB3", timeZone: "Pacific/Pago_Pago" }],
      [
        { name: "PT Contoh", languages: ["id", "en"], language: "id", timeZone: "Pacific/Pago_Pago" },
        { name: "Kantor Pos Balikpapan", languages: ["en"], language: "en", timeZone: "Asia/Makassar" },
      ],
      [{ languages: ["en"] }, { languages: ["id", "en"] }],
    ]);
  });

  it.each([Role.AGENT, Role.SUPERVISOR])("refuses the role %s (FORBIDDEN) and changes nothing", async (role) => {
    const token = await gw.agentToken(role);
    expect(codeOf(await gw.gql(UPDATE, { input: { name: "Diambil alih" } }, { token, siteKey: null }))).toBe("FORBIDDEN");
    expect((await desk<{ siteSettings: Basics }>(gw, admin, `{ siteSettings { ${BASICS} } }`)).siteSettings.name).toBe("Kantor Pos Balikpapan");
  });
});

describe("the CLI on the same service methods", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  const sigap = (...args: string[]) => {
    const r = spawnSync(join(GATEWAY_DIR, "node_modules/.bin/tsx"), ["src/cli.ts", ...args], { cwd: GATEWAY_DIR, env: { PATH: process.env["PATH"]!, DATABASE_URL: db.url }, encoding: "utf8" });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  // Each CLI run starts tsx afresh (seconds on a busy machine): a limit for the test, not a speed assertion.
  it("sets the SLA policy, the matrix and the basics as the README's examples do, and names bad values", () => {
    const created = sigap("site:create", "--name", "Kantor Pos Samarinda", "--unit", "02", "--json");
    expect(created.err).toBe("");
    const key = (JSON.parse(created.out) as { siteKey: string }).siteKey;

    const sla = sigap("site:sla", "--site", key, "P1=15/240", "P2=30/480", "P3=1h/1d", "P4=4h/2d", "P5=8h/5d", "--json");
    expect(sla.err).toBe("");
    expect((JSON.parse(sla.out) as { slaPolicy: Target[] }).slaPolicy).toEqual([
      { priority: "P1", responseMinutes: 15, resolutionMinutes: 240 },
      { priority: "P2", responseMinutes: 30, resolutionMinutes: 480 },
      { priority: "P3", responseMinutes: 60, resolutionMinutes: 1440 },
      { priority: "P4", responseMinutes: 240, resolutionMinutes: 2880 },
      { priority: "P5", responseMinutes: 480, resolutionMinutes: 7200 },
    ]);
    const workOrders = sigap("site:sla", "--site", key, "--type", "work-order", "P1=1h/1d", "P2=2h/2d", "P3=4h/3d", "P4=8h/5d", "P5=1d/10d", "--json");
    expect(workOrders.err).toBe("");
    expect(JSON.parse(workOrders.out)).toMatchObject({ ticketType: "WORK_ORDER", followsIncident: false, slaPolicy: [{ priority: "P1", responseMinutes: 60, resolutionMinutes: 1440 }, {}, {}, {}, { priority: "P5", responseMinutes: 1440, resolutionMinutes: 14400 }] });
    const badSla = sigap("site:sla", "--site", key, "P1=15/240", "P2=10/480", "P3=1h/1d", "P4=4h/2d", "P5=8h/5d", "--json");
    expect(badSla.code).toBe(1);
    expect(JSON.parse(badSla.err)).toMatchObject({ error: { code: "BAD_USER_INPUT", fields: [{ field: "targets.P2.responseMinutes" }] } });

    const matrix = sigap("site:matrix", "--site", key, "HIGH=P1,P1,P2", "MEDIUM=P2,P3,P4", "LOW=P3,P4,P5", "--json");
    expect(matrix.err).toBe("");
    expect((JSON.parse(matrix.out) as { rows: unknown[] }).rows).toEqual([
      { urgency: "HIGH", impactHighMediumLow: "P1,P1,P2" },
      { urgency: "MEDIUM", impactHighMediumLow: "P2,P3,P4" },
      { urgency: "LOW", impactHighMediumLow: "P3,P4,P5" },
    ]);
    const badMatrix = sigap("site:matrix", "--site", key, "HIGH=P1,P2,P5", "MEDIUM=P2,P3,P4", "LOW=P3,P4,P5");
    expect(badMatrix.code).toBe(1);
    expect(badMatrix.err).toMatch(/^error: urgency HIGH × impact LOW \(P5\) is less urgent than urgency MEDIUM × impact LOW \(P4\)/);

    const set = sigap("site:set", "--site", key, "--name", "Kantor Pos Samarinda Kota", "--unit-code", "SMD", "--time-zone", "Asia/Makassar", "--json");
    expect(set.err).toBe("");
    expect(JSON.parse(set.out)).toMatchObject({ basics: { name: "Kantor Pos Samarinda Kota", unitCode: "SMD", timeZone: "Asia/Makassar", languages: ["id", "en"] } });
    const badSet = sigap("site:set", "--site", key, "--unit-code", "smd", "--time-zone", "WITA", "--json");
    expect(badSet.code).toBe(1);
    expect((JSON.parse(badSet.err) as { error: { fields: Array<{ field: string }> } }).error.fields.map((f) => f.field).sort()).toEqual(["timeZone", "unitCode"]);
  }, 240_000);
});
