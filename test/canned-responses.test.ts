import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, desk, report, startTestGateway, TEST_ACTOR, type GqlResult, type TestGateway } from "./harness.js";

/**
 * Canned responses (issue 11): supervisors and up keep a site's stock replies with placeholders,
 * agents list the whole site's and their group's (by language and search), and the gateway fills
 * the placeholders for one ticket — the tracking link as the reporter's mail builds it. Every
 * change is audited; an AGENT may not manage them; another site's are never seen.
 */

let gw: TestGateway;
let admin: string;
let supervisor: string;
let manager: string;
let agent: string;
let specialist: string;
let groupA: string;
let groupB: string;
let agentA: string;
let agentB: string;
let otherSiteAgent: string;

const FIELDS = "id title body language groupId updatedAt updatedBy";
const SAVE = `mutation($input: CannedResponseInput!) { saveCannedResponse(input: $input) { ${FIELDS} } }`;
const LIST = `query($language: String, $search: String) { cannedResponses(language: $language, search: $search) { ${FIELDS} } }`;
const RENDER = "query($id: ID!, $ticketId: ID!) { renderCannedResponse(id: $id, ticketId: $ticketId) }";

interface Canned {
  id: string;
  title: string;
  body: string;
  language: string | null;
  groupId: string | null;
  updatedAt: string;
  updatedBy: string;
}

const as = <T>(token: string, query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> => gw.gql<T>(query, variables, { token, siteKey: null });
const save = async (token: string, input: Record<string, unknown>) => (await desk<{ saveCannedResponse: Canned }>(gw, token, SAVE, { input })).saveCannedResponse;
const titles = async (token: string, variables: Record<string, unknown> = {}) =>
  (await desk<{ cannedResponses: Canned[] }>(gw, token, LIST, variables)).cannedResponses.map((c) => c.title);
const badFields = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions.fields ?? [];
const ticketId = async (code: string) => (await desk<{ ticket: { id: string } }>(gw, agent, "query($id: ID!) { ticket(id: $id) { id } }", { id: code })).ticket.id;
const audit = async (subjectId: string) =>
  (
    await desk<{ auditLog: { entries: Array<{ action: string; actorName: string; beforeJson: string | null; afterJson: string | null }> } }>(
      gw,
      admin,
      "query($filter: AuditFilter) { auditLog(filter: $filter) { entries { action actorName beforeJson afterJson } } }",
      { filter: { subjectType: "canned_response", subjectId } },
    )
  ).auditLog.entries;

beforeAll(async () => {
  gw = await startTestGateway();
  admin = await gw.agentToken(Role.ADMIN, "Admin Utama");
  supervisor = await gw.agentToken(Role.SUPERVISOR, "Sari Supervisor");
  manager = await gw.agentToken(Role.MANAGER, "Manajer");
  agent = await gw.agentToken(Role.AGENT, "Agen Umum");
  specialist = await gw.agentToken(Role.SPECIALIST, "Spesialis");
  groupA = (await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Teknisi Samarinda", level: 2 }, TEST_ACTOR)).id;
  groupB = (await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Teknisi Balikpapan", level: 2 }, TEST_ACTOR)).id;
  const member = async (name: string, groupId: string) =>
    gw.services.agents.mintToken(await gw.services.agents.create({ siteId: gw.site.id, name, email: `${name.toLowerCase().replace(/ /g, ".")}@contoh.example`, role: Role.AGENT, groupId }, TEST_ACTOR));
  agentA = await member("Agen Samarinda", groupA);
  agentB = await member("Agen Balikpapan", groupB);
  const other = await gw.services.sites.create({ name: "PT Lain", unitCode: "02", timeZone: "Asia/Jakarta", allowedOrigins: [gw.origin] }, TEST_ACTOR);
  otherSiteAgent = await gw.services.agents.mintToken(await gw.services.agents.create({ siteId: other.id, name: "Orang Lain", email: "lain@lain.example", role: Role.SUPERVISOR }, TEST_ACTOR));
});
afterAll(async () => {
  await gw?.close();
});

describe("managing canned responses", () => {
  it("starts empty and tells the placeholders", async () => {
    expect(await titles(agent)).toEqual([]);
    const { cannedPlaceholders } = await desk<{ cannedPlaceholders: string[] }>(gw, agent, "{ cannedPlaceholders }");
    expect(cannedPlaceholders).toEqual(["reporter.name", "ticket.code", "ticket.trackingLink", "agent.name", "site.name"]);
  });

  it("lets a supervisor create, change and delete one, each audited in the same change", async () => {
    const made = await save(supervisor, { title: "Salam pembuka", body: "Halo {{reporter.name}}, tiket {{ticket.code}} kami terima.", language: "id" });
    expect(made).toMatchObject({ title: "Salam pembuka", language: "id", groupId: null, updatedBy: "Sari Supervisor" });
    expect(await audit(made.id)).toEqual([expect.objectContaining({ action: "canned_response.create", actorName: "Sari Supervisor", beforeJson: null })]);

    const changed = await save(supervisor, { id: made.id, title: "Salam pembuka", body: "Halo {{reporter.name}}!", language: "id" });
    expect(changed).toMatchObject({ id: made.id, body: "Halo {{reporter.name}}!" });
    const afterChange = await audit(made.id);
    expect(afterChange.map((e) => e.action)).toEqual(["canned_response.update", "canned_response.create"]);
    expect(JSON.parse(afterChange[0]!.afterJson!)).toEqual({ body: "Halo {{reporter.name}}!" });

    expect(await desk(gw, supervisor, "mutation($id: ID!) { deleteCannedResponse(id: $id) }", { id: made.id })).toEqual({ deleteCannedResponse: true });
    expect((await audit(made.id)).map((e) => e.action)).toEqual(["canned_response.delete", "canned_response.update", "canned_response.create"]);
    expect(await titles(agent)).toEqual([]);
    expect(codeOf(await as(supervisor, "mutation($id: ID!) { deleteCannedResponse(id: $id) }", { id: made.id }))).toBe("NOT_FOUND");
  });

  it("lets a manager and an admin manage them too", async () => {
    const byManager = await save(manager, { title: "Dari manajer", body: "Terima kasih." });
    const byAdmin = await save(admin, { id: byManager.id, title: "Dari manajer", body: "Terima kasih banyak." });
    expect(byAdmin.updatedBy).toBe("Admin Utama");
    await desk(gw, admin, "mutation($id: ID!) { deleteCannedResponse(id: $id) }", { id: byManager.id });
  });

  it("refuses an AGENT and a SPECIALIST every managing call", async () => {
    const made = await save(supervisor, { title: "Tetap", body: "Isi" });
    for (const token of [agent, specialist]) {
      expect(codeOf(await as(token, SAVE, { input: { title: "Baru", body: "x" } }))).toBe("FORBIDDEN");
      expect(codeOf(await as(token, SAVE, { input: { id: made.id, title: "Diubah", body: "x" } }))).toBe("FORBIDDEN");
      expect(codeOf(await as(token, "mutation($id: ID!) { deleteCannedResponse(id: $id) }", { id: made.id }))).toBe("FORBIDDEN");
      expect(codeOf(await as(token, `{ allCannedResponses { id } }`))).toBe("FORBIDDEN");
    }
    expect(await titles(agent)).toContain("Tetap");
    await desk(gw, supervisor, "mutation($id: ID!) { deleteCannedResponse(id: $id) }", { id: made.id });
  });

  it("tells each role what it may manage", async () => {
    const actions = async (token: string) => (await desk<{ myDeskActions: string[] }>(gw, token, "{ myDeskActions }")).myDeskActions;
    expect(await actions(agent)).not.toContain("MANAGE_CANNED_RESPONSES");
    expect(await actions(supervisor)).toContain("MANAGE_CANNED_RESPONSES");
    expect(await actions(supervisor)).not.toContain("ADMINISTER");
    expect(await actions(admin)).toEqual(expect.arrayContaining(["ADMINISTER", "MANAGE_CANNED_RESPONSES"]));
  });

  it("names every bad field, an unknown or malformed placeholder included", async () => {
    const r = await as(supervisor, SAVE, { input: { title: "", body: "Halo {{reporter.phone}}", language: "fr", groupId: "no-such-group" } });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(badFields(r).map((f) => f.field)).toEqual(["title", "body", "language", "groupId"]);
    expect(badFields(r)[1]!.message).toContain("{{reporter.phone}}");

    const malformed = await as(supervisor, SAVE, { input: { title: "Rusak", body: "Halo {{reporter.name" } });
    expect(badFields(malformed)).toEqual([{ field: "body", message: expect.stringContaining('"{{" that is not closed') }]);
  });

  it("counts lengths as the databases do", async () => {
    const emoji = await save(supervisor, { title: "😀".repeat(120), body: "😀".repeat(5000) });
    expect([...emoji.title]).toHaveLength(120);
    expect([...emoji.body]).toHaveLength(5000);
    const long = await as(supervisor, SAVE, { input: { title: "😀".repeat(121), body: "x".repeat(5001) } });
    expect(badFields(long).map((f) => f.field)).toEqual(["title", "body"]);
    await desk(gw, supervisor, "mutation($id: ID!) { deleteCannedResponse(id: $id) }", { id: emoji.id });
  });

  it("refuses a title already used in that language with CONFLICT, and allows it in another", async () => {
    const first = await save(supervisor, { title: "Penutup", body: "Salam.", language: "id" });
    expect(codeOf(await as(supervisor, SAVE, { input: { title: "  penutup ", body: "Lain.", language: "id" } }))).toBe("CONFLICT");
    const english = await save(supervisor, { title: "Penutup", body: "Regards.", language: "en" });
    const any = await save(supervisor, { title: "Penutup", body: "Salam / Regards." });
    expect(codeOf(await as(supervisor, SAVE, { input: { id: any.id, title: "Penutup", body: "x", language: "en" } }))).toBe("CONFLICT");
    for (const id of [first.id, english.id, any.id]) await desk(gw, supervisor, "mutation($id: ID!) { deleteCannedResponse(id: $id) }", { id });
  });
});

describe("the agents' list", () => {
  beforeAll(async () => {
    await save(supervisor, { title: "Semua", body: "Untuk semua agen tentang printer" });
    await save(supervisor, { title: "Khusus Samarinda", body: "Tim Samarinda", groupId: groupA });
    await save(supervisor, { title: "Khusus Balikpapan", body: "Tim Balikpapan", groupId: groupB });
    await save(supervisor, { title: "Hanya English", body: "English printer text", language: "en" });
    await save(otherSiteAgent, { title: "Situs lain", body: "Tidak boleh terlihat" });
  });

  it("shows an agent the whole site's and their own group's only", async () => {
    expect(await titles(agentA)).toEqual(["Hanya English", "Khusus Samarinda", "Semua"]);
    expect(await titles(agentB)).toEqual(["Hanya English", "Khusus Balikpapan", "Semua"]);
    expect(await titles(agent)).toEqual(["Hanya English", "Semua"]);
  });

  it("keeps the language's and the any-language ones, and filters by search", async () => {
    expect(await titles(agentA, { language: "id" })).toEqual(["Khusus Samarinda", "Semua"]);
    expect(await titles(agentA, { language: "en" })).toEqual(["Hanya English", "Khusus Samarinda", "Semua"]);
    expect(await titles(agentA, { search: "PRINTER" })).toEqual(["Hanya English", "Semua"]);
    expect(await titles(agentA, { search: "printer english" })).toEqual(["Hanya English"]);
    expect(codeOf(await as(agentA, LIST, { language: "fr" }))).toBe("BAD_USER_INPUT");
  });

  it("lets a supervisor manage every group's, and never another site's", async () => {
    const all = (await desk<{ allCannedResponses: Canned[] }>(gw, supervisor, `{ allCannedResponses { ${FIELDS} } }`)).allCannedResponses.map((c) => c.title);
    expect(all).toEqual(["Hanya English", "Khusus Balikpapan", "Khusus Samarinda", "Semua"]);
    const theirs = (await desk<{ allCannedResponses: Canned[] }>(gw, otherSiteAgent, `{ allCannedResponses { ${FIELDS} } }`)).allCannedResponses.map((c) => c.title);
    expect(theirs).toEqual(["Situs lain"]);
    const ours = (await desk<{ allCannedResponses: Canned[] }>(gw, supervisor, `{ allCannedResponses { id } }`)).allCannedResponses[0]!.id;
    expect(codeOf(await as(otherSiteAgent, SAVE, { input: { id: ours, title: "Dicuri", body: "x" } }))).toBe("NOT_FOUND");
    expect(codeOf(await as(otherSiteAgent, "mutation($id: ID!) { deleteCannedResponse(id: $id) }", { id: ours }))).toBe("NOT_FOUND");
  });
});

describe("rendering for a ticket", () => {
  it("fills every placeholder, the tracking link as the reporter's mail has it", async () => {
    const receipt = await report(gw, { reporterName: "Siti Aminah" });
    const made = await save(supervisor, {
      title: "Lengkap",
      body: "Halo {{reporter.name}}, tiket {{ ticket.code }}: {{ticket.trackingLink}} — {{agent.name}}, {{site.name}}",
    });
    const text = (await desk<{ renderCannedResponse: string }>(gw, agentA, RENDER, { id: made.id, ticketId: await ticketId(receipt.code) })).renderCannedResponse;
    expect(text).toBe(`Halo Siti Aminah, tiket ${receipt.code}: ${gw.url}/demo/portal/track.html?code=${receipt.code}&token= — Agen Samarinda, PT Contoh`);
  });

  it("follows the site's own tracking page", async () => {
    await desk(gw, admin, "mutation($input: UpdateSiteSettingsInput!) { updateSiteSettings(input: $input) { trackingUrl } }", {
      input: { trackingUrl: "https://company.example/lacak?code={code}&token={token}" },
    });
    const receipt = await report(gw);
    const made = await save(supervisor, { title: "Tautan", body: "Lacak di {{ticket.trackingLink}}" });
    const text = (await desk<{ renderCannedResponse: string }>(gw, agent, RENDER, { id: made.id, ticketId: await ticketId(receipt.code) })).renderCannedResponse;
    expect(text).toBe(`Lacak di https://company.example/lacak?code=${receipt.code}&token=`);
  });

  it("hides another group's response and another site's ticket", async () => {
    const receipt = await report(gw);
    const id = await ticketId(receipt.code);
    const all = (await desk<{ allCannedResponses: Canned[] }>(gw, supervisor, `{ allCannedResponses { id title } }`)).allCannedResponses;
    const balikpapan = all.find((c) => c.title === "Khusus Balikpapan")!.id;
    expect(codeOf(await as(agentA, RENDER, { id: balikpapan, ticketId: id }))).toBe("NOT_FOUND");
    expect((await desk<{ renderCannedResponse: string }>(gw, agentB, RENDER, { id: balikpapan, ticketId: id })).renderCannedResponse).toBe("Tim Balikpapan");
    const theirs = (await desk<{ allCannedResponses: Canned[] }>(gw, otherSiteAgent, `{ allCannedResponses { id } }`)).allCannedResponses[0]!.id;
    expect(codeOf(await as(agent, RENDER, { id: theirs, ticketId: id }))).toBe("NOT_FOUND");
    expect(codeOf(await as(otherSiteAgent, RENDER, { id: theirs, ticketId: id }))).toBe("NOT_FOUND");
  });

  it("asks for a signed-in agent", async () => {
    expect(codeOf(await gw.gql(LIST, {}, { siteKey: null }))).toBe("UNAUTHENTICATED");
  });
});
