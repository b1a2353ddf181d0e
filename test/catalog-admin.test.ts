import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, desk, report, startTestGateway, TEST_ACTOR, type GqlResult, type TestGateway } from "./harness.js";

/**
 * The admin's service catalogue, category tree and support groups over GraphQL (issue 10, item
 * 4): names and help texts in both languages, rename, reorder and retire without breaking old
 * tickets; the public form and the desk read them in their reader's language.
 */

let gw: TestGateway;
let admin: string;
/** An English-speaking desk agent: the directory names the catalogue in English for them. */
let englishAgent: string;

beforeAll(async () => {
  gw = await startTestGateway();
  admin = await gw.agentToken(Role.ADMIN);
  const emma = await gw.services.agents.create({ siteId: gw.site.id, name: "Emma", email: "emma@contoh.example", role: Role.AGENT, language: "en" }, TEST_ACTOR);
  englishAgent = await gw.services.agents.mintToken(emma);
});
afterAll(async () => {
  await gw?.close();
});

interface Name {
  language: string;
  name: string;
  help: string | null;
}
interface AdminItem {
  id: string;
  parentId?: string | null;
  names: Name[];
  position: number;
  retired: boolean;
  openTickets: number;
}
interface AdminGroup {
  id: string;
  name: string;
  level: number;
  retired: boolean;
  openTickets: number;
  activeAgents: number;
}

const ITEM = "id names { language name help } position retired openTickets";
const CATALOG = `{ catalogAdmin { services { ${ITEM} } categories { parentId ${ITEM} } groups { id name level retired openTickets activeAgents } } }`;
const SAVE_SERVICE = `mutation($input: SaveServiceInput!) { saveService(input: $input) { ${ITEM} } }`;
const SAVE_CATEGORY = `mutation($input: SaveCategoryInput!) { saveCategory(input: $input) { parentId ${ITEM} } }`;
const SAVE_GROUP = `mutation($input: SaveGroupInput!) { saveGroup(input: $input) { id name level retired openTickets activeAgents } }`;
const RETIRE = `mutation($kind: CatalogKind!, $id: ID!, $retired: Boolean!) { setCatalogItemRetired(kind: $kind, id: $id, retired: $retired) }`;
const REORDER = `mutation($kind: CatalogKind!, $ids: [ID!]!) { reorderCatalog(kind: $kind, ids: $ids) }`;
const PUBLIC_SITE = `query($language: String) { site(language: $language) { services { id name description retired } } }`;
const DIRECTORY = `{ deskDirectory { services { id name retired } categories { id name parentId retired } groups { id name retired } } }`;

const asAdmin = <T>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> => gw.gql<T>(query, variables, { token: admin, siteKey: null });
const catalog = async () => (await desk<{ catalogAdmin: { services: AdminItem[]; categories: AdminItem[]; groups: AdminGroup[] } }>(gw, admin, CATALOG)).catalogAdmin;
const publicServices = async (language?: string) => (await gw.gql<{ site: { services: Array<{ id: string; name: string; description: string | null; retired: boolean }> } }>(PUBLIC_SITE, { language })).data!.site.services;
const fieldsOf = (r: GqlResult<unknown>) => r.errors![0]!.extensions.fields!.map((f) => f.field);

async function saveService(input: Record<string, unknown>): Promise<AdminItem> {
  const r = await asAdmin<{ saveService: AdminItem }>(SAVE_SERVICE, { input });
  expect(r.errors).toBeUndefined();
  return r.data!.saveService;
}
async function saveCategory(input: Record<string, unknown>): Promise<AdminItem> {
  const r = await asAdmin<{ saveCategory: AdminItem }>(SAVE_CATEGORY, { input });
  expect(r.errors).toBeUndefined();
  return r.data!.saveCategory;
}
async function saveGroup(input: Record<string, unknown>): Promise<AdminGroup> {
  const r = await asAdmin<{ saveGroup: AdminGroup }>(SAVE_GROUP, { input });
  expect(r.errors).toBeUndefined();
  return r.data!.saveGroup;
}
async function auditLines(subjectId: string): Promise<Array<{ action: string; actor_kind: string; actor_id: string | null; before: string | null; after: string | null }>> {
  // Read straight from the test database (the audit trail's read API is another change); backticks quote the columns MariaDB reserves, and SQLite takes them too.
  return gw.services.ds.query("SELECT action, actor_kind, actor_id, `before`, `after` FROM audit_entry WHERE site_id = ? AND subject_id = ? ORDER BY id", [gw.site.id, subjectId]);
}

describe("services in both languages", () => {
  let network: AdminItem;

  it("creates a service with names and help in both languages, and records who did it", async () => {
    network = await saveService({ names: [{ language: "en", name: "Network", help: "LAN, Wi-Fi and VPN" }, { language: "id", name: "Jaringan", help: "LAN, Wi-Fi dan VPN" }] });
    expect(network).toMatchObject({
      names: [
        { language: "id", name: "Jaringan", help: "LAN, Wi-Fi dan VPN" },
        { language: "en", name: "Network", help: "LAN, Wi-Fi and VPN" },
      ],
      retired: false,
      openTickets: 0,
    });
    const lines = await auditLines(network.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ action: "service.create", actor_kind: "AGENT", actor_id: gw.agentId(admin), before: null });
    expect(JSON.parse(lines[0]!.after!)).toMatchObject({ "name.id": "Jaringan", "name.en": "Network" });
  });

  it("gives the public form the catalogue in the widget's language, a missing translation in the other, and the site's language by default", async () => {
    await saveService({ names: [{ language: "id", name: "Ipos", help: "Aplikasi loket" }] });
    expect((await publicServices("id")).map((s) => [s.name, s.description])).toEqual([
      ["Jaringan", "LAN, Wi-Fi dan VPN"],
      ["Ipos", "Aplikasi loket"],
    ]);
    expect((await publicServices("en")).map((s) => [s.name, s.description])).toEqual([
      ["Network", "LAN, Wi-Fi and VPN"],
      ["Ipos", "Aplikasi loket"],
    ]);
    // The test site speaks Indonesian.
    expect((await publicServices()).map((s) => s.name)).toEqual(["Jaringan", "Ipos"]);
    const bad = await gw.gql(PUBLIC_SITE, { language: "fr" });
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
    expect(fieldsOf(bad)).toEqual(["language"]);
  });

  it("renames a service in one language and records only what changed", async () => {
    const renamed = await saveService({ id: network.id, names: [{ language: "id", name: "Jaringan Kantor", help: "LAN, Wi-Fi dan VPN" }, { language: "en", name: "Network", help: "LAN, Wi-Fi and VPN" }] });
    expect(renamed.names.map((n) => n.name)).toEqual(["Jaringan Kantor", "Network"]);
    const update = (await auditLines(network.id)).at(-1)!;
    expect(update.action).toBe("service.update");
    expect([JSON.parse(update.before!), JSON.parse(update.after!)]).toEqual([{ "name.id": "Jaringan" }, { "name.id": "Jaringan Kantor" }]);
  });

  it("names every bad field at once (BAD_USER_INPUT), counting characters as the database does", async () => {
    const before = await catalog();
    const r = await asAdmin(SAVE_SERVICE, { input: { names: [{ language: "fr", name: "Réseau" }, { language: "en", name: " " }, { language: "en", name: "x".repeat(121), help: "y".repeat(501) }] } });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(fieldsOf(r)).toEqual(["names[0].language", "names[1].name", "names[2].language", "names[2].name", "names[2].help"]);
    expect(fieldsOf(await asAdmin(SAVE_SERVICE, { input: { names: [] } }))).toEqual(["names"]);
    // 120 characters outside the BMP are 240 UTF-16 units, and fit.
    const wide = await saveService({ names: [{ language: "en", name: "🖥".repeat(120) }] });
    expect(wide.names[0]!.name).toBe("🖥".repeat(120));
    expect((await catalog()).services).toHaveLength(before.services.length + 1);
    expect((await asAdmin<{ setCatalogItemRetired: boolean }>(RETIRE, { kind: "SERVICE", id: wide.id, retired: true })).errors).toBeUndefined();
  });

  it("refuses a name the site already uses in that language (CONFLICT naming the field), case and accents ignored, but not in the other language", async () => {
    const clash = await asAdmin(SAVE_SERVICE, { input: { names: [{ language: "id", name: "Aplikasi" }, { language: "en", name: "NETWORK" }] } });
    expect(codeOf(clash)).toBe("CONFLICT");
    expect(fieldsOf(clash)).toEqual(["names[1].name"]);
    expect(clash.errors![0]!.message).toMatch(/already has an IT service named "NETWORK" in en/);
    expect(codeOf(await asAdmin(SAVE_SERVICE, { input: { names: [{ language: "id", name: "ipós" }] } }))).toBe("CONFLICT");
    const sameWordOtherLanguage = await saveService({ names: [{ language: "en", name: "Ipos" }] });
    expect(sameWordOtherLanguage.names).toEqual([{ language: "en", name: "Ipos", help: null }]);
    expect(codeOf(await asAdmin(SAVE_SERVICE, { input: { id: "00000000-0000-0000-0000-000000000000", names: [{ language: "id", name: "Baru" }] } }))).toBe("NOT_FOUND");
  });

  it("reorders the services: the form and the desk follow, and a partial or foreign list is refused", async () => {
    const services = (await catalog()).services;
    const reversed = services.map((s) => s.id).reverse();
    expect((await asAdmin<{ reorderCatalog: boolean }>(REORDER, { kind: "SERVICE", ids: reversed })).data!.reorderCatalog).toBe(true);
    expect((await catalog()).services.map((s) => [s.id, s.position])).toEqual(reversed.map((id, i) => [id, i]));
    const offered = reversed.filter((id) => !services.find((s) => s.id === id)!.retired);
    expect((await publicServices("id")).map((s) => s.id)).toEqual(offered);
    for (const bad of [reversed.slice(1), [...reversed, reversed[0]!], [...reversed.slice(1), "nope"]]) {
      const r = await asAdmin(REORDER, { kind: "SERVICE", ids: bad });
      expect(codeOf(r)).toBe("BAD_USER_INPUT");
      expect(fieldsOf(r)).toEqual(["ids"]);
    }
    expect(fieldsOf(await asAdmin(REORDER, { kind: "GROUP", ids: [network.id] }))).toEqual(["kind"]);
    const [line] = await gw.services.ds.query("SELECT `before`, `after` FROM audit_entry WHERE site_id = ? AND action = 'service.reorder'", [gw.site.id]);
    expect(JSON.parse(line.after).order).toEqual(reversed);
  });

  it("retires a service: gone from the form, refused on new reports, still named on an old ticket in its reporter's language", async () => {
    const english = await report(gw, { serviceId: network.id, language: "en" });
    const indonesian = await report(gw, { serviceId: network.id, language: "id" });
    expect((await catalog()).services.find((s) => s.id === network.id)!.openTickets).toBe(2);
    expect((await asAdmin<{ setCatalogItemRetired: boolean }>(RETIRE, { kind: "SERVICE", id: network.id, retired: true })).data!.setCatalogItemRetired).toBe(true);

    expect((await publicServices("en")).map((s) => s.name)).not.toContain("Network");
    const refused = await gw.gql(`mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code } }`, {
      input: { reporterName: "Budi", description: "Wi-Fi mati", serviceId: network.id },
    });
    expect(codeOf(refused)).toBe("BAD_USER_INPUT");
    expect(fieldsOf(refused)).toEqual(["serviceId"]);

    const track = (code: string, token: string) => gw.gql<{ trackTicket: { serviceName: string | null } }>(`query($code: String!, $token: String) { trackTicket(code: $code, token: $token) { serviceName } }`, { code, token });
    expect((await track(english.code, english.trackingToken)).data!.trackTicket.serviceName).toBe("Network");
    expect((await track(indonesian.code, indonesian.trackingToken)).data!.trackTicket.serviceName).toBe("Jaringan Kantor");

    // The desk keeps it in its directory, marked, in the agent's language, to name old tickets.
    const { deskDirectory } = await desk<{ deskDirectory: { services: Array<{ id: string; name: string; retired: boolean }> } }>(gw, englishAgent, DIRECTORY);
    expect(deskDirectory.services.find((s) => s.id === network.id)).toEqual({ id: network.id, name: "Network", retired: true });
    const indonesianDesk = await desk<{ deskDirectory: { services: Array<{ id: string; name: string }> } }>(gw, admin, DIRECTORY);
    expect(indonesianDesk.deskDirectory.services.find((s) => s.id === network.id)!.name).toBe("Jaringan Kantor");

    expect((await auditLines(network.id)).at(-1)).toMatchObject({ action: "service.retire", before: JSON.stringify({ retired: false }), after: JSON.stringify({ retired: true }) });
    // Brought back, it is offered again.
    expect((await asAdmin(RETIRE, { kind: "SERVICE", id: network.id, retired: false })).errors).toBeUndefined();
    expect((await publicServices("en")).map((s) => s.name)).toContain("Network");
    expect(codeOf(await asAdmin(RETIRE, { kind: "SERVICE", id: "00000000-0000-0000-0000-000000000000", retired: true }))).toBe("NOT_FOUND");
  });
});

describe("ticket types", () => {
  it("opens a ticket of the type its service carries, for the reporter and the desk; a change of type applies to new tickets only", async () => {
    const access = await saveService({ names: [{ language: "en", name: "Server room access" }], ticketType: "SERVICE_REQUEST" });
    const types = await asAdmin<{ catalogAdmin: { services: Array<{ id: string; ticketType: string }> } }>(`{ catalogAdmin { services { id ticketType } } }`);
    expect(types.data!.catalogAdmin.services.find((s) => s.id === access.id)!.ticketType).toBe("SERVICE_REQUEST");
    // The public form offers request items once the site offers requests (approvals' offersRequests).
    expect((await asAdmin(`mutation { updateSiteSettings(input: { offersRequests: true }) { offersRequests } }`)).errors).toBeUndefined();
    const offered = await gw.gql<{ site: { services: Array<{ id: string; ticketType: string }> } }>(`{ site { services { id ticketType } } }`);
    expect(offered.data!.site.services.find((s) => s.id === access.id)!.ticketType).toBe("SERVICE_REQUEST");

    const request = await report(gw, { serviceId: access.id });
    const incident = await report(gw);
    const tracked = async (r: { code: string; trackingToken: string }) =>
      (await gw.gql<{ trackTicket: { type: string } }>(`query($code: String!, $token: String) { trackTicket(code: $code, token: $token) { type } }`, { code: r.code, token: r.trackingToken })).data!.trackTicket.type;
    expect(await tracked(request)).toBe("SERVICE_REQUEST");
    expect(await tracked(incident)).toBe("INCIDENT");
    const seen = await desk<{ ticket: { type: string; typeLabel: { en: string; id: string } } }>(gw, admin, `query($id: ID!) { ticket(id: $id) { type typeLabel { en id } } }`, { id: request.code });
    expect(seen.ticket).toEqual({ type: "SERVICE_REQUEST", typeLabel: { en: "Service request", id: "Permintaan layanan" } });

    // A rename without a type keeps it; a new type is audited and old tickets keep theirs.
    await saveService({ id: access.id, names: [{ language: "en", name: "Server room access" }] });
    const changed = await asAdmin<{ saveService: { ticketType: string } }>(`mutation($input: SaveServiceInput!) { saveService(input: $input) { ticketType } }`, {
      input: { id: access.id, names: [{ language: "en", name: "Server room access" }], ticketType: "WORK_ORDER" },
    });
    expect(changed.data!.saveService.ticketType).toBe("WORK_ORDER");
    expect(JSON.parse((await auditLines(access.id)).at(-1)!.after!)).toMatchObject({ ticketType: "WORK_ORDER" });
    expect(await tracked(request)).toBe("SERVICE_REQUEST");
    expect(codeOf(await asAdmin(SAVE_SERVICE, { input: { names: [{ language: "en", name: "Odd" }], ticketType: "CHANGE" } }))).toBe("BAD_USER_INPUT");
  });
});

describe("the category tree", () => {
  let hardware: AdminItem;
  let server: AdminItem;
  let cable: AdminItem;
  let network: AdminItem;

  it("keeps the tree one level deep, with names in both languages", async () => {
    hardware = await saveCategory({ names: [{ language: "id", name: "Perangkat Keras" }, { language: "en", name: "Hardware", help: "Computers, printers, servers" }] });
    server = await saveCategory({ parentId: hardware.id, names: [{ language: "id", name: "Server" }, { language: "en", name: "Server" }] });
    cable = await saveCategory({ parentId: hardware.id, names: [{ language: "id", name: "Kabel" }] });
    network = await saveCategory({ names: [{ language: "id", name: "Infrastruktur" }, { language: "en", name: "Infrastructure" }] });
    expect(server).toMatchObject({ parentId: hardware.id, position: 0 });
    expect(cable).toMatchObject({ parentId: hardware.id, position: 1 });

    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ parentId: server.id, names: [{ language: "id", name: "Rak" }] }, /one level deep/],
      [{ id: hardware.id, parentId: hardware.id, names: [{ language: "id", name: "Perangkat Keras" }] }, /own parent/],
      [{ id: hardware.id, parentId: network.id, names: [{ language: "id", name: "Perangkat Keras" }] }, /sub-categories/],
      [{ parentId: "00000000-0000-0000-0000-000000000000", names: [{ language: "id", name: "Rak" }] }, /not a category/],
    ];
    for (const [input, message] of cases) {
      const r = await asAdmin(SAVE_CATEGORY, { input });
      expect(codeOf(r)).toBe("BAD_USER_INPUT");
      expect(fieldsOf(r)).toEqual(["parentId"]);
      expect(r.errors![0]!.message).toMatch(message);
    }
    expect(codeOf(await asAdmin(SAVE_CATEGORY, { input: { names: [{ language: "en", name: "hardware" }] } }))).toBe("CONFLICT");
  });

  it("moves a leaf under another parent, to the end of its new siblings", async () => {
    const moved = await saveCategory({ id: cable.id, parentId: network.id, names: [{ language: "id", name: "Kabel" }, { language: "en", name: "Cabling" }] });
    expect(moved).toMatchObject({ parentId: network.id, position: 0 });
    const { deskDirectory } = await desk<{ deskDirectory: { categories: Array<{ id: string; name: string; parentId: string | null }> } }>(gw, englishAgent, DIRECTORY);
    expect(deskDirectory.categories.map((c) => c.name)).toEqual(["Hardware", "Server", "Infrastructure", "Cabling"]);
    expect(JSON.parse((await auditLines(cable.id)).at(-1)!.after!)).toMatchObject({ parentId: network.id, "name.en": "Cabling" });
  });

  it("reorders siblings only", async () => {
    expect((await asAdmin(REORDER, { kind: "CATEGORY", ids: [network.id, hardware.id] })).errors).toBeUndefined();
    expect((await catalog()).categories.map((c) => c.id)).toEqual([network.id, cable.id, hardware.id, server.id]);
    const mixed = await asAdmin(REORDER, { kind: "CATEGORY", ids: [network.id, hardware.id, server.id] });
    expect(codeOf(mixed)).toBe("BAD_USER_INPUT");
    expect(mixed.errors![0]!.message).toMatch(/not among/);
  });

  it("retires a parent only once its sub-categories are retired or moved", async () => {
    const r = await asAdmin(RETIRE, { kind: "CATEGORY", id: hardware.id, retired: true });
    expect(codeOf(r)).toBe("CONFLICT");
    expect(r.errors![0]!.message).toMatch(/1 sub-category in use/);
    expect((await asAdmin(RETIRE, { kind: "CATEGORY", id: server.id, retired: true })).errors).toBeUndefined();
    expect((await asAdmin(RETIRE, { kind: "CATEGORY", id: hardware.id, retired: true })).errors).toBeUndefined();
    // A retired parent takes no new sub-category, and its child comes back only after it.
    expect(codeOf(await asAdmin(SAVE_CATEGORY, { input: { parentId: hardware.id, names: [{ language: "id", name: "Printer" }] } }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await asAdmin(RETIRE, { kind: "CATEGORY", id: server.id, retired: false }))).toBe("CONFLICT");
    const { deskDirectory } = await desk<{ deskDirectory: { categories: Array<{ id: string; retired: boolean }> } }>(gw, admin, DIRECTORY);
    expect(deskDirectory.categories.filter((c) => c.retired).map((c) => c.id).sort()).toEqual([hardware.id, server.id].sort());
  });
});

describe("support groups", () => {
  let group: AdminGroup;

  it("creates, renames and moves a group to another level; bad fields named", async () => {
    group = await saveGroup({ name: "Teknisi Lapangan", level: 2 });
    expect(group).toMatchObject({ level: 2, retired: false, openTickets: 0, activeAgents: 0 });
    group = await saveGroup({ id: group.id, name: "Dukungan Lapangan", level: 1 });
    expect(group).toMatchObject({ name: "Dukungan Lapangan", level: 1 });
    const bad = await asAdmin(SAVE_GROUP, { input: { name: " ", level: 4 } });
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
    expect(fieldsOf(bad)).toEqual(["name", "level"]);
    expect(codeOf(await asAdmin(SAVE_GROUP, { input: { name: "dukungan lapangan", level: 3 } }))).toBe("CONFLICT");
    expect((await auditLines(group.id)).map((l) => l.action)).toEqual(["group.create", "group.update"]);
  });

  it("refuses to retire a group while open tickets or active agents sit in it, naming how many (CONFLICT)", async () => {
    const supervisor = await gw.agentToken(Role.SUPERVISOR);
    const member = await gw.services.agents.create({ siteId: gw.site.id, name: "Rina", email: "rina@contoh.example", role: Role.AGENT, groupId: group.id }, TEST_ACTOR);
    const receipt = await report(gw);
    const ticket = await gw.services.reads.byTracking(gw.site.id, receipt.code, receipt.trackingToken);
    await desk(gw, supervisor, `mutation($id: ID!, $input: AssignTicketInput!) { assignTicket(id: $id, input: $input) { groupId } }`, { id: ticket.id, input: { groupId: group.id } });

    expect((await catalog()).groups.find((g) => g.id === group.id)).toMatchObject({ openTickets: 1, activeAgents: 1 });
    const refused = await asAdmin(RETIRE, { kind: "GROUP", id: group.id, retired: true });
    expect(codeOf(refused)).toBe("CONFLICT");
    expect(refused.errors![0]!.message).toBe("The group still has 1 open ticket and 1 active agent: move them to another group first.");
    const levelChange = await asAdmin(SAVE_GROUP, { input: { id: group.id, name: "Dukungan Lapangan", level: 2 } });
    expect(codeOf(levelChange)).toBe("CONFLICT");

    await desk(gw, supervisor, `mutation($id: ID!) { cancelTicket(id: $id, reason: "Duplikat") { status } }`, { id: ticket.id });
    await gw.services.agents.deactivate(member, TEST_ACTOR);
    expect((await asAdmin(RETIRE, { kind: "GROUP", id: group.id, retired: true })).errors).toBeUndefined();

    // Retired: not offered for allocation any more, still listed (marked) in the directory.
    const other = await report(gw);
    const otherTicket = await gw.services.reads.byTracking(gw.site.id, other.code, other.trackingToken);
    const assign = await gw.gql(`mutation($id: ID!, $input: AssignTicketInput!) { assignTicket(id: $id, input: $input) { groupId } }`, { id: otherTicket.id, input: { groupId: group.id } }, { token: supervisor, siteKey: null });
    expect(codeOf(assign)).toBe("BAD_USER_INPUT");
    const { deskDirectory } = await desk<{ deskDirectory: { groups: Array<{ id: string; retired: boolean }> } }>(gw, admin, DIRECTORY);
    expect(deskDirectory.groups.find((g) => g.id === group.id)!.retired).toBe(true);
    expect((await auditLines(group.id)).at(-1)!.action).toBe("group.retire");
  });
});

describe("who may administer the catalogue", () => {
  it.each([Role.AGENT, Role.SPECIALIST, Role.SUPERVISOR, Role.MANAGER])("refuses the role %s (FORBIDDEN) and changes nothing", async (role) => {
    const token = await gw.agentToken(role);
    const before = await catalog();
    const { services } = before;
    for (const [query, variables] of [
      [CATALOG, undefined],
      [SAVE_SERVICE, { input: { names: [{ language: "id", name: "Terlarang" }] } }],
      [SAVE_CATEGORY, { input: { names: [{ language: "id", name: "Terlarang" }] } }],
      [SAVE_GROUP, { input: { name: "Terlarang", level: 1 } }],
      [RETIRE, { kind: "SERVICE", id: services[0]!.id, retired: true }],
      [REORDER, { kind: "SERVICE", ids: services.map((s) => s.id).reverse() }],
    ] as const) {
      const r = await gw.gql(query, variables, { token, siteKey: null });
      expect(codeOf(r)).toBe("FORBIDDEN");
    }
    expect(await catalog()).toEqual(before);
  });

  it("refuses a caller without a token (UNAUTHENTICATED)", async () => {
    expect(codeOf(await gw.gql(CATALOG))).toBe("UNAUTHENTICATED");
    expect(codeOf(await gw.gql(SAVE_GROUP, { input: { name: "X", level: 1 } }))).toBe("UNAUTHENTICATED");
  });
});
