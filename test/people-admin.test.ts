import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, collect, startTestGateway, TEST_ACTOR, waitForSubscribers, type GqlResult, type TestGateway } from "./harness.js";

/**
 * The desk's agents administered over GraphQL (issue 10 item 4): an ADMIN lists and changes every
 * agent, a SUPERVISOR their own group's routing (regions, skills) and mail language; the site keeps
 * an active ADMIN; nobody changes their own role; a new role holds at once, for requests and for
 * open subscriptions; every change leaves one audit line.
 */

let gw: TestGateway;
let admin: string;
let groupA: string;
let groupB: string;

const FIELDS = "id name email role groupId language regions skills active hasPassword createdAt";
const LIST = `query($all: Boolean) { adminAgents(includeInactive: $all) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { ${FIELDS} } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setAgentActive(id: $id, active: $active) { id active } }`;

interface AdminAgent {
  id: string;
  name: string;
  email: string;
  role: string;
  groupId: string | null;
  language: string;
  regions: string[];
  skills: string[];
  active: boolean;
  hasPassword: boolean;
  createdAt: string;
}

let people = 0;
/** Adds an agent (in a group, if given) and returns their id and a token. */
async function person(role: Role, groupId: string | null = null, name?: string): Promise<{ id: string; token: string }> {
  people++;
  const agent = await gw.services.agents.create({ siteId: gw.site.id, name: name ?? `Orang ${people}`, email: `orang${people}@contoh.example`, role, groupId }, TEST_ACTOR);
  return { id: agent.id, token: await gw.services.agents.mintToken(agent) };
}

const as = <T>(token: string, query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> => gw.gql<T>(query, variables, { token, siteKey: null });
const update = (token: string, id: string, input: Record<string, unknown>) => as<{ updateAgent: AdminAgent }>(token, UPDATE, { id, input });
const fields = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions.fields?.map((f) => f.field);

async function auditLines(subjectId: string): Promise<Array<{ action: string; actor_name: string; actor_kind: string; before: string | null; after: string | null }>> {
  // The set-up's own line (agent.create) is not what these tests look at.
  return gw.services.ds.query("SELECT action, actor_name, actor_kind, `before`, `after` FROM audit_entry WHERE subject_id = ? AND action <> 'agent.create' ORDER BY id", [subjectId]);
}

beforeAll(async () => {
  gw = await startTestGateway();
  admin = await gw.agentToken(Role.ADMIN, "Admin Utama");
  groupA = (await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Teknisi Samarinda", level: 2 }, TEST_ACTOR)).id;
  groupB = (await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Teknisi Balikpapan", level: 2 }, TEST_ACTOR)).id;
});
afterAll(async () => {
  await gw?.close();
});

describe("adminAgents", () => {
  it("lists every agent of the site for an ADMIN, by name, deactivated ones only when asked", async () => {
    const gone = await person(Role.AGENT, null, "Zz Sudah Pergi");
    await gw.services.agents.deactivate(await gw.services.agents.list(gw.site.id).then((all) => all.find((a) => a.id === gone.id)!), TEST_ACTOR);
    const r = await as<{ adminAgents: AdminAgent[] }>(admin, LIST);
    expect(r.errors).toBeUndefined();
    const names = r.data!.adminAgents.map((a) => a.name);
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y)));
    expect(names).not.toContain("Zz Sudah Pergi");
    const me = r.data!.adminAgents.find((a) => a.id === gw.agentId(admin))!;
    expect(me).toEqual(expect.objectContaining({ role: "ADMIN", regions: [], skills: [], active: true, hasPassword: false, language: "id" }));
    const all = await as<{ adminAgents: AdminAgent[] }>(admin, LIST, { all: true });
    expect(all.data!.adminAgents.find((a) => a.id === gone.id)).toEqual(expect.objectContaining({ active: false }));
  });

  it("shows whether an agent has a password", async () => {
    const withPassword = await person(Role.AGENT);
    const agent = (await gw.services.agents.list(gw.site.id)).find((a) => a.id === withPassword.id)!;
    await gw.services.signIn.setPassword(agent, "kata-sandi-yang-panjang-sekali", TEST_ACTOR);
    const r = await as<{ adminAgents: AdminAgent[] }>(admin, LIST);
    expect(r.data!.adminAgents.find((a) => a.id === withPassword.id)!.hasPassword).toBe(true);
  });

  it("lists only their own group's agents for a SUPERVISOR, and none for one without a group", async () => {
    const sup = await person(Role.SUPERVISOR, groupA);
    const mine = await person(Role.AGENT, groupA);
    const theirs = await person(Role.AGENT, groupB);
    const r = await as<{ adminAgents: AdminAgent[] }>(sup.token, LIST);
    const ids = r.data!.adminAgents.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([sup.id, mine.id]));
    expect(ids).not.toContain(theirs.id);
    expect(r.data!.adminAgents.every((a) => a.groupId === groupA)).toBe(true);
    const lone = await person(Role.SUPERVISOR);
    expect((await as<{ adminAgents: AdminAgent[] }>(lone.token, LIST)).data!.adminAgents).toEqual([]);
  });

  it.each([Role.AGENT, Role.SPECIALIST, Role.MANAGER])("refuses the role %s (FORBIDDEN)", async (role) => {
    const { token, id } = await person(role);
    expect(codeOf(await as(token, LIST))).toBe("FORBIDDEN");
    expect(codeOf(await update(token, id, { skills: ["x"] }))).toBe("FORBIDDEN");
  });

  it("refuses a caller without a token (UNAUTHENTICATED)", async () => {
    expect(codeOf(await gw.gql(LIST))).toBe("UNAUTHENTICATED");
  });
});

describe("updateAgent", () => {
  it("changes name, role, group, language, regions and skills for an ADMIN, and records one audit line", async () => {
    const { id } = await person(Role.AGENT);
    const r = await update(admin, id, {
      name: "  Siti Aminah ",
      role: "SPECIALIST",
      groupId: groupA,
      language: "en",
      regions: [" Samarinda Ulu ", "samarinda ulu", "Sungai Kunjang"],
      skills: ["jaringan", "printer"],
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateAgent).toEqual(
      expect.objectContaining({ id, name: "Siti Aminah", role: "SPECIALIST", groupId: groupA, language: "en", regions: ["Samarinda Ulu", "Sungai Kunjang"], skills: ["jaringan", "printer"] }),
    );
    const listed = (await as<{ adminAgents: AdminAgent[] }>(admin, LIST)).data!.adminAgents.find((a) => a.id === id);
    expect(listed).toEqual(r.data!.updateAgent);
    const lines = await auditLines(id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual(expect.objectContaining({ action: "agent.update", actor_kind: "AGENT", actor_name: "Admin Utama" }));
    expect(JSON.parse(lines[0]!.before!)).toEqual({ name: expect.stringMatching(/^Orang/), role: "AGENT", groupId: null, language: "id", regions: [], skills: [] });
    expect(JSON.parse(lines[0]!.after!)).toEqual({ name: "Siti Aminah", role: "SPECIALIST", groupId: groupA, language: "en", regions: ["Samarinda Ulu", "Sungai Kunjang"], skills: ["jaringan", "printer"] });
  });

  it("empties lists and the group with null, and changes only what it is given", async () => {
    const { id } = await person(Role.AGENT, groupA);
    await update(admin, id, { regions: ["Loa Janan"], skills: ["server"] });
    const r = await update(admin, id, { regions: null, groupId: null });
    expect(r.data!.updateAgent).toEqual(expect.objectContaining({ regions: [], skills: ["server"], groupId: null }));
  });

  it("names every bad field at once (BAD_USER_INPUT) and changes nothing", async () => {
    const { id } = await person(Role.AGENT);
    const r = await update(admin, id, {
      name: " ",
      language: "fr",
      groupId: "00000000-0000-0000-0000-000000000000",
      regions: Array.from({ length: 21 }, (_, i) => `wilayah ${i}`),
      skills: ["x".repeat(61)],
    });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(fields(r)!.sort()).toEqual(["groupId", "language", "name", "regions", "skills"]);
    const nulls = await update(admin, id, { name: null, role: null, language: null });
    expect(fields(nulls)!.sort()).toEqual(["language", "name", "role"]);
    expect(codeOf(await update(admin, id, {}))).toBe("BAD_USER_INPUT");
    expect(await auditLines(id)).toEqual([]);
  });

  it("counts characters as both databases do: 60 emoji fit", async () => {
    const { id } = await person(Role.AGENT);
    const r = await update(admin, id, { skills: ["🛰".repeat(60)] });
    expect(r.data!.updateAgent.skills).toEqual(["🛰".repeat(60)]);
  });

  it("lets a SUPERVISOR change the routing and language of their own group's agents only", async () => {
    const sup = await person(Role.SUPERVISOR, groupB);
    const mine = await person(Role.AGENT, groupB);
    const other = await person(Role.AGENT, groupA);
    const r = await update(sup.token, mine.id, { regions: ["Balikpapan Utara"], skills: ["radio"], language: "en" });
    expect(r.data!.updateAgent).toEqual(expect.objectContaining({ regions: ["Balikpapan Utara"], skills: ["radio"], language: "en" }));
    for (const input of [{ role: "SPECIALIST" }, { name: "Baru" }, { groupId: groupA }, { role: "ADMIN" }]) {
      const refused = await update(sup.token, mine.id, input);
      expect(codeOf(refused)).toBe("FORBIDDEN");
    }
    expect(codeOf(await update(sup.token, other.id, { regions: ["Samarinda"] }))).toBe("FORBIDDEN");
  });

  it("answers NOT_FOUND for an agent of no site of the caller's", async () => {
    expect(codeOf(await update(admin, "00000000-0000-0000-0000-000000000000", { skills: [] }))).toBe("NOT_FOUND");
  });

  it("refuses an agent's change of their own role, but not of their own name", async () => {
    const me = gw.agentId(admin);
    const own = await update(admin, me, { role: "SUPERVISOR" });
    expect(codeOf(own)).toBe("FORBIDDEN");
    expect(own.errors![0]!.message).toMatch(/your own role/);
    expect((await update(admin, me, { name: "Admin Utama" })).errors).toBeUndefined();
  });

  it("applies a new role to the agent's next request at once", async () => {
    const { id, token } = await person(Role.AGENT);
    expect(codeOf(await as(token, LIST))).toBe("FORBIDDEN");
    await update(admin, id, { role: "SUPERVISOR" });
    expect((await as(token, LIST)).errors).toBeUndefined();
    await update(admin, id, { role: "AGENT" });
    expect(codeOf(await as(token, LIST))).toBe("FORBIDDEN");
  });

  it("ends an open subscription scoped by the old role so it reconnects under the new one", async () => {
    const { id, token } = await person(Role.AGENT);
    const stays = await person(Role.AGENT);
    const client = gw.ws({ authorization: `Bearer ${token}` });
    const closed = new Promise<{ code: number; reason: string }>((resolve) => client.on("closed", (e) => resolve(e as { code: number; reason: string })));
    const keptClient = gw.ws({ authorization: `Bearer ${stays.token}` });
    const before = gw.services.live.active;
    collect(client, `subscription { queueChanged { kind } }`, {});
    const kept = collect(keptClient, `subscription { queueChanged { kind } }`, {});
    await waitForSubscribers(gw, before + 2);
    await update(admin, id, { role: "SUPERVISOR" });
    expect(await closed).toEqual(expect.objectContaining({ code: 4205, reason: expect.stringMatching(/role changed/) }));
    expect(kept.done).toBe(false);
    expect(kept.errors).toEqual([]);
  });
});

describe("the last active ADMIN", () => {
  it("cannot be demoted or deactivated (CONFLICT), and can once another ADMIN is active", async () => {
    // A site of its own, so the admins of the other tests do not count.
    const site = await gw.services.sites.create({ name: "PT Sendiri", unitCode: "09", allowedOrigins: [] }, TEST_ACTOR);
    const only = await gw.services.agents.create({ siteId: site.id, name: "Satu-satunya", email: "satu@sendiri.example", role: Role.ADMIN }, TEST_ACTOR);
    const second = await gw.services.agents.create({ siteId: site.id, name: "Calon", email: "calon@sendiri.example", role: Role.SUPERVISOR }, TEST_ACTOR);
    const onlyToken = await gw.services.agents.mintToken(only);
    const caller = { id: null, role: null, groupId: null, siteId: site.id };
    const cli = { kind: "CLI" as const, id: null, name: "cli:test", ip: null };
    // Through the same service the CLI uses (agent:set): the command line may do what an ADMIN may.
    await expect(gw.services.agentAdmin.update(caller, only.id, { role: Role.MANAGER }, cli)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(gw.services.agents.deactivate(only, TEST_ACTOR)).rejects.toMatchObject({ code: "CONFLICT" });
    // An ADMIN promotes a second ADMIN; now the second may demote the first.
    const promoted = await update(onlyToken, second.id, { role: "ADMIN" });
    expect(promoted.data!.updateAgent.role).toBe("ADMIN");
    const secondToken = await gw.services.agents.mintToken({ ...second, role: Role.ADMIN });
    expect((await update(secondToken, only.id, { role: "MANAGER" })).data!.updateAgent.role).toBe("MANAGER");
    // Now the second is the last one.
    expect(codeOf(await gw.gql(SET_ACTIVE, { id: second.id, active: false }, { token: secondToken, siteKey: null }))).toBe("CONFLICT");
    await expect(gw.services.agentAdmin.update(caller, second.id, { role: Role.AGENT }, cli)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("only an ADMIN grants or removes ADMIN", async () => {
    const sup = await person(Role.SUPERVISOR, groupA);
    const target = await person(Role.AGENT, groupA);
    const r = await update(sup.token, target.id, { role: "ADMIN" });
    expect(codeOf(r)).toBe("FORBIDDEN");
  });
});
