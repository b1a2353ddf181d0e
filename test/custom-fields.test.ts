import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, collect, desk, report, startTestGateway, TEST_ACTOR, waitForSubscribers, type GqlResult, type TestGateway } from "./harness.js";

/**
 * Custom fields per site (issue 10, item 6): an ADMIN defines typed fields, the report form learns
 * them from `site.customFields`, the gateway validates a report's values (type, limits, required,
 * scope) and stores them with the ticket, and both the desk and the reporter see them with labels;
 * every desk member reads the active definitions in `deskDirectory` and filters the queue on a
 * value, and a retired field is no longer asked while old values still show.
 */

let gw: TestGateway;
let admin: string;
let agent: string;
let ipos: string;
let giro: string;

const DEFINITION = "id key type label { id en } help { id en } helpId helpEn required choices { value label { id en } } maxLength min max minDate maxDate serviceIds position retired";
const SAVE = `mutation($input: CustomFieldInput!) { saveCustomField(input: $input) { ${DEFINITION} } }`;
const LIST = `{ customFields { ${DEFINITION} } }`;
const VALUES = "fields { key type label { id en } values display { id en } text { id en } }";

interface Definition {
  id: string;
  key: string;
  type: string;
  label: { id: string; en: string };
  required: boolean;
  choices: Array<{ value: string; label: { id: string; en: string } }>;
  maxLength: number | null;
  serviceIds: string[] | null;
  position: number;
  retired: boolean;
}
interface FieldValue {
  key: string;
  type: string;
  label: { id: string; en: string };
  values: string[];
  display: Array<{ id: string; en: string }>;
  text: { id: string; en: string };
}

const asAdmin = <T>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> => gw.gql<T>(query, variables, { token: admin, siteKey: null });
const save = async (input: Record<string, unknown>) => (await desk<{ saveCustomField: Definition }>(gw, admin, SAVE, { input })).saveCustomField;
const badFields = (r: GqlResult<unknown>) => (r.errors?.[0]?.extensions["fields"] as Array<{ field: string }> | undefined)?.map((f) => f.field);
const reportWith = (input: Record<string, unknown>) =>
  gw.gql<{ reportIncident: { code: string; trackingToken: string } }>(`mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code trackingToken } }`, {
    input: { reporterName: "Sari", description: "Printer loket macet", ...input },
  });
const publicFields = async () => (await gw.gql<{ site: { customFields: Definition[] } }>(`{ site { customFields { ${DEFINITION} } } }`)).data!.site.customFields;
const tracked = async (code: string, token: string) =>
  (await gw.gql<{ trackTicket: { description: string; fields: FieldValue[] } }>(`query($code: String!, $token: String) { trackTicket(code: $code, token: $token) { description ${VALUES} } }`, { code, token })).data!
    .trackTicket;
const deskFields = async (code: string) => (await desk<{ ticket: { fields: FieldValue[] } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { ${VALUES} } }`, { id: code })).ticket.fields;
const deskDirectoryFields = async (token: string) =>
  (await desk<{ deskDirectory: { customFields: Definition[] } }>(gw, token, `{ deskDirectory { customFields { ${DEFINITION} } } }`)).deskDirectory.customFields;
const queueCodes = async (fieldKey: string, fieldValue: string) =>
  (
    await desk<{ queue: { edges: Array<{ node: { code: string } }> } }>(gw, agent, `query($filter: QueueFilter) { queue(filter: $filter, first: 200) { edges { node { code } } } }`, {
      filter: { fieldKey, fieldValue },
    })
  ).queue.edges.map((e) => e.node.code);

beforeAll(async () => {
  gw = await startTestGateway();
  admin = await gw.agentToken(Role.ADMIN);
  agent = await gw.agentToken(Role.AGENT);
  ipos = (await gw.services.catalogAdmin.saveService(gw.site.id, { names: [{ language: "id", name: "IPOS" }] }, TEST_ACTOR)).id;
  giro = (await gw.services.catalogAdmin.saveService(gw.site.id, { names: [{ language: "id", name: "Giro Pos" }] }, TEST_ACTOR)).id;
});
afterAll(async () => {
  await gw?.close();
});

describe("custom field definitions", () => {
  it("starts with none, and a report without fields goes through as before", async () => {
    expect((await desk<{ customFields: Definition[] }>(gw, admin, LIST)).customFields).toEqual([]);
    expect(await publicFields()).toEqual([]);
    expect((await report(gw)).code).toBeTruthy();
  });

  it("creates fields of every type, in order, and audits each", async () => {
    await save({ key: "floor", type: "TEXT", labelId: "Lantai", labelEn: "Floor", helpId: "Lantai gedung", maxLength: 5 });
    await save({ key: "count", type: "NUMBER", labelId: "Jumlah loket", labelEn: "Counters affected", min: 1, max: 20 });
    await save({ key: "since", type: "DATE", labelId: "Sejak", labelEn: "Since", minDate: "2020-01-01" });
    await save({
      key: "place",
      type: "CHOICE",
      labelId: "Tempat",
      labelEn: "Place",
      choices: [
        { value: "loket", labelId: "Loket", labelEn: "Counter" },
        { value: "gudang", labelId: "Gudang", labelEn: "Warehouse" },
      ],
    });
    await save({
      key: "devices",
      type: "MULTI_CHOICE",
      labelId: "Perangkat",
      labelEn: "Devices",
      choices: [
        { value: "printer", labelId: "Printer", labelEn: "Printer" },
        { value: "scanner", labelId: "Pemindai", labelEn: "Scanner" },
        { value: "pc", labelId: "Komputer", labelEn: "Computer" },
      ],
    });
    await save({ key: "urgent", type: "YES_NO", labelId: "Mendesak?", labelEn: "Urgent?", required: true });
    await save({ key: "asset", type: "TEXT", labelId: "Nomor aset", labelEn: "Asset tag", required: true, serviceIds: [ipos] });
    const list = (await desk<{ customFields: Definition[] }>(gw, admin, LIST)).customFields;
    expect(list.map((f) => [f.key, f.type, f.position])).toEqual([
      ["floor", "TEXT", 0],
      ["count", "NUMBER", 1],
      ["since", "DATE", 2],
      ["place", "CHOICE", 3],
      ["devices", "MULTI_CHOICE", 4],
      ["urgent", "YES_NO", 5],
      ["asset", "TEXT", 6],
    ]);
    expect(list[0]).toMatchObject({ label: { id: "Lantai", en: "Floor" }, maxLength: 5, required: false, serviceIds: null, retired: false });
    // help falls back to the other language; helpId/helpEn say what was saved, for the admin's edit form.
    expect(list[0]).toMatchObject({ help: { id: "Lantai gedung", en: "Lantai gedung" }, helpId: "Lantai gedung", helpEn: null });
    expect(list[6]!.maxLength).toBe(255);
    const audit: Array<{ action: string; actor_name: string }> = await gw.services.ds.query("SELECT action, actor_name FROM audit_entry WHERE subject_type = 'custom_field' ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(Array(7).fill("custom_field.create"));
  });

  it("shows the report form the active fields with both languages' labels, limits and scope", async () => {
    const fields = await publicFields();
    expect(fields.map((f) => f.key)).toEqual(["floor", "count", "since", "place", "devices", "urgent", "asset"]);
    expect(fields.find((f) => f.key === "place")!.choices).toEqual([
      { value: "loket", label: { id: "Loket", en: "Counter" } },
      { value: "gudang", label: { id: "Gudang", en: "Warehouse" } },
    ]);
    expect(fields.find((f) => f.key === "asset")!.serviceIds).toEqual([ipos]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["a bad key and no labels", { key: "Floor No", type: "TEXT", labelId: "", labelEn: " " }, ["key", "labelId", "labelEn"]],
    ["a key the site has", { key: "floor", type: "TEXT", labelId: "L", labelEn: "F" }, ["key"]],
    ["text over 1000", { key: "note", type: "TEXT", labelId: "C", labelEn: "N", maxLength: 1001 }, ["maxLength"]],
    ["a choice field without choices", { key: "kind", type: "CHOICE", labelId: "J", labelEn: "K" }, ["choices"]],
    ["a duplicate choice", { key: "kind", type: "CHOICE", labelId: "J", labelEn: "K", choices: [{ value: "a", labelId: "A", labelEn: "A" }, { value: "a", labelId: "B", labelEn: "B" }] }, ["choices.1.value"]],
    ["min above max", { key: "n", type: "NUMBER", labelId: "N", labelEn: "N", min: 5, max: 1 }, ["max"]],
    ["a date bound on text", { key: "t", type: "TEXT", labelId: "T", labelEn: "T", minDate: "2020-01-01" }, ["minDate"]],
    ["a service of no site", { key: "s", type: "TEXT", labelId: "S", labelEn: "S", serviceIds: ["00000000-0000-4000-8000-000000000000"] }, ["serviceIds"]],
  ])("refuses %s, naming every bad field (BAD_USER_INPUT)", async (_what, input, fields) => {
    const r = await asAdmin(SAVE, { input });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(badFields(r)).toEqual(fields);
  });

  it("changes labels but never a field's key or type", async () => {
    const [floor] = (await desk<{ customFields: Definition[] }>(gw, admin, LIST)).customFields;
    const changed = await save({ id: floor!.id, key: "floor", type: "TEXT", labelId: "Lantai gedung", labelEn: "Building floor", maxLength: 5 });
    expect(changed.label).toEqual({ id: "Lantai gedung", en: "Building floor" });
    const r = await asAdmin(SAVE, { input: { id: floor!.id, key: "storey", type: "NUMBER", labelId: "L", labelEn: "F" } });
    expect(badFields(r)).toEqual(["key", "type"]);
    expect((await publicFields())[0]!.label.en).toBe("Building floor");
  });

  it.each([Role.AGENT, Role.SPECIALIST, Role.SUPERVISOR, Role.MANAGER])("refuses %s every admin operation (FORBIDDEN)", async (role) => {
    const token = await gw.agentToken(role);
    const [first] = (await desk<{ customFields: Definition[] }>(gw, admin, LIST)).customFields;
    for (const [query, variables] of [
      [LIST, undefined],
      [SAVE, { input: { key: "x", type: "TEXT", labelId: "X", labelEn: "X" } }],
      [`mutation($id: ID!) { setCustomFieldRetired(id: $id, retired: true) { id } }`, { id: first!.id }],
      [`mutation($ids: [ID!]!) { reorderCustomFields(ids: $ids) { id } }`, { ids: [first!.id] }],
    ] as const) {
      expect(codeOf(await gw.gql(query, variables, { token, siteKey: null }))).toBe("FORBIDDEN");
    }
    expect((await publicFields()).map((f) => f.key)).not.toContain("x");
  });

  it("reorders the fields, given each exactly once", async () => {
    const list = (await desk<{ customFields: Definition[] }>(gw, admin, LIST)).customFields;
    const ids = list.map((f) => f.id);
    const REORDER = `mutation($ids: [ID!]!) { reorderCustomFields(ids: $ids) { key position } }`;
    expect(codeOf(await asAdmin(REORDER, { ids: ids.slice(1) }))).toBe("BAD_USER_INPUT");
    const moved = [ids[5]!, ...ids.filter((_, i) => i !== 5)];
    const r = await desk<{ reorderCustomFields: Array<{ key: string; position: number }> }>(gw, admin, REORDER, { ids: moved });
    expect(r.reorderCustomFields.map((f) => f.key)).toEqual(["urgent", "floor", "count", "since", "place", "devices", "asset"]);
    expect((await publicFields()).map((f) => f.key)[0]).toBe("urgent");
  });

  it("lets an AGENT read the active fields through deskDirectory, with both languages' labels and choices", async () => {
    const fields = await deskDirectoryFields(agent);
    expect(fields.map((f) => [f.key, f.type])).toEqual([
      ["urgent", "YES_NO"],
      ["floor", "TEXT"],
      ["count", "NUMBER"],
      ["since", "DATE"],
      ["place", "CHOICE"],
      ["devices", "MULTI_CHOICE"],
      ["asset", "TEXT"],
    ]);
    expect(fields.find((f) => f.key === "devices")).toMatchObject({
      label: { id: "Perangkat", en: "Devices" },
      choices: [
        { value: "printer", label: { id: "Printer", en: "Printer" } },
        { value: "scanner", label: { id: "Pemindai", en: "Scanner" } },
        { value: "pc", label: { id: "Komputer", en: "Computer" } },
      ],
      retired: false,
    });
    // The same definitions the ADMIN's list holds: one source, read by the desk.
    expect(fields).toEqual((await desk<{ customFields: Definition[] }>(gw, admin, LIST)).customFields);
  });
});

describe("custom field values on a report", () => {
  const urgent = { key: "urgent", value: "true" };

  it.each<[string, Record<string, unknown>, string[]]>([
    ["a required field missing", { fields: [] }, ["fields.urgent"]],
    ["yes/no not true or false", { fields: [{ key: "urgent", value: "ya" }] }, ["fields.urgent"]],
    ["text over its limit", { fields: [urgent, { key: "floor", value: "123456" }] }, ["fields.floor"]],
    ["not a number", { fields: [urgent, { key: "count", value: "dua" }] }, ["fields.count"]],
    ["a number above max", { fields: [urgent, { key: "count", value: "21" }] }, ["fields.count"]],
    ["no such date", { fields: [urgent, { key: "since", value: "2023-02-29" }] }, ["fields.since"]],
    ["a date before min", { fields: [urgent, { key: "since", value: "2019-12-31" }] }, ["fields.since"]],
    ["an unknown choice", { fields: [urgent, { key: "place", value: "rumah" }] }, ["fields.place"]],
    ["two values for a choice", { fields: [urgent, { key: "place", value: "loket" }, { key: "place", value: "gudang" }] }, ["fields.place"]],
    ["a multi-choice value unknown", { fields: [urgent, { key: "devices", value: "fax" }] }, ["fields.devices"]],
    ["an unknown field", { fields: [urgent, { key: "colour", value: "red" }] }, ["fields.colour"]],
    ["a field of another service", { serviceId: "GIRO", fields: [urgent, { key: "asset", value: "PC-9" }] }, ["fields.asset"]],
    ["a required field of the chosen service missing", { serviceId: "IPOS", fields: [urgent] }, ["fields.asset"]],
    ["several at once, with the report's own", { serviceId: "00000000-0000-4000-8000-000000000000", fields: [{ key: "count", value: "0" }] }, ["serviceId", "fields.count", "fields.urgent"]],
  ])("refuses %s (BAD_USER_INPUT naming fields.<key>) and makes no ticket", async (_what, input, fields) => {
    // The table is built before the services exist: their names stand in for their ids.
    const serviceId = ({ IPOS: ipos, GIRO: giro } as Record<string, string>)[input["serviceId"] as string] ?? input["serviceId"];
    const r = await reportWith({ ...input, serviceId });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(badFields(r)?.sort()).toEqual(fields.sort());
  });

  let code: string;
  let token: string;

  it("stores every type's value with the ticket and shows them to the desk with labels", async () => {
    const r = await reportWith({
      serviceId: ipos,
      fields: [
        urgent,
        { key: "floor", value: " 3A " },
        { key: "count", value: "02" },
        { key: "since", value: "2024-02-29" },
        { key: "place", value: "loket" },
        { key: "devices", value: "pc" },
        { key: "devices", value: "printer" },
        { key: "asset", value: "PC-01" },
      ],
    });
    expect(r.errors).toBeUndefined();
    ({ code, trackingToken: token } = r.data!.reportIncident);
    const fields = await deskFields(code);
    expect(fields.map((f) => [f.key, f.values])).toEqual([
      ["urgent", ["true"]],
      ["floor", ["3A"]],
      ["count", ["2"]],
      ["since", ["2024-02-29"]],
      ["place", ["loket"]],
      ["devices", ["printer", "pc"]],
      ["asset", ["PC-01"]],
    ]);
    expect(fields.find((f) => f.key === "urgent")).toEqual({ key: "urgent", type: "YES_NO", label: { id: "Mendesak?", en: "Urgent?" }, values: ["true"], display: [{ id: "Ya", en: "Yes" }], text: { id: "Ya", en: "Yes" } });
    expect(fields.find((f) => f.key === "devices")!.display).toEqual([
      { id: "Printer", en: "Printer" },
      { id: "Komputer", en: "Computer" },
    ]);
  });

  it("shows the reporter what they reported: the description and the values with labels", async () => {
    const view = await tracked(code, token);
    expect(view.description).toBe("Printer loket macet");
    expect(view.fields.map((f) => [f.key, f.label.id, f.text.id])).toEqual([
      ["urgent", "Mendesak?", "Ya"],
      ["floor", "Lantai gedung", "3A"],
      ["count", "Jumlah loket", "2"],
      ["since", "Sejak", "2024-02-29"],
      ["place", "Tempat", "Loket"],
      ["devices", "Perangkat", "Printer, Komputer"],
      ["asset", "Nomor aset", "PC-01"],
    ]);
  });

  it("pushes the values with every live update of the reporter's ticket", async () => {
    const before = gw.services.live.active;
    const sub = collect<{ ticketUpdated: { fields: FieldValue[] } }>(gw.ws({ siteKey: gw.siteKey }), `subscription($code: String!, $token: String) { ticketUpdated(code: $code, token: $token) { ${VALUES} } }`, {
      code,
      token,
    });
    await waitForSubscribers(gw, before + 1);
    const { ticket } = await desk<{ ticket: { id: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { id } }`, { id: code });
    await desk(gw, agent, `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Kami cek ke lantai 3A" }) { id } }`, { id: ticket.id });
    await sub.until(() => sub.events.length >= 1 || sub.errors.length > 0);
    expect(sub.errors).toEqual([]);
    expect(sub.events[0]!.ticketUpdated.fields.map((f) => f.key)).toEqual(["urgent", "floor", "count", "since", "place", "devices", "asset"]);
    sub.dispose();
  });

  it("filters the queue on a field value, a multi-choice value included", async () => {
    const other = (await reportWith({ fields: [{ key: "urgent", value: "false" }, { key: "place", value: "gudang" }] })).data!.reportIncident.code;
    expect(await queueCodes("place", "loket")).toEqual([code]);
    expect(await queueCodes("place", "gudang")).toEqual([other]);
    expect(await queueCodes("devices", "pc")).toEqual([code]);
    expect((await queueCodes("urgent", "false")).sort()).toEqual([other]);
    expect(await queueCodes("devices", "fax")).toEqual([]);
    const r = await gw.gql(`{ queue(filter: { fieldKey: "place" }) { edges { node { code } } } }`, undefined, { token: agent, siteKey: null });
    expect(badFields(r)).toEqual(["fieldValue"]);
  });

  it("no longer asks a retired field, refuses values for it, and still shows old values", async () => {
    const place = (await desk<{ customFields: Definition[] }>(gw, admin, LIST)).customFields.find((f) => f.key === "place")!;
    const RETIRE = `mutation($id: ID!, $retired: Boolean!) { setCustomFieldRetired(id: $id, retired: $retired) { key retired } }`;
    expect((await desk<{ setCustomFieldRetired: { retired: boolean } }>(gw, admin, RETIRE, { id: place.id, retired: true })).setCustomFieldRetired.retired).toBe(true);
    expect((await publicFields()).map((f) => f.key)).not.toContain("place");
    expect((await deskDirectoryFields(agent)).map((f) => f.key)).not.toContain("place");
    expect((await desk<{ customFields: Definition[] }>(gw, admin, LIST)).customFields.find((f) => f.key === "place")!.retired).toBe(true);
    expect(badFields(await reportWith({ fields: [urgent, { key: "place", value: "loket" }] }))).toEqual(["fields.place"]);
    expect((await deskFields(code)).map((f) => f.key)).toContain("place");
    expect((await tracked(code, token)).fields.find((f) => f.key === "place")!.display).toEqual([{ id: "Loket", en: "Counter" }]);
    const audit: Array<{ action: string }> = await gw.services.ds.query("SELECT action FROM audit_entry WHERE subject_type = 'custom_field' AND subject_id = ?", [place.id]);
    expect(audit.map((a) => a.action)).toContain("custom_field.retire");
  });
});
