import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, desk, report, startTestGateway, TEST_ACTOR, type TestGateway } from "./harness.js";

/**
 * Issue 11's queue views: each built-in view's tickets and counts on a fixture made through the
 * public API, saved views per agent, the remembered view, and counts that stop at the cap.
 */
let gw: TestGateway;
/** In the support group, reads Indonesian. */
let me: string;
/** No group, reads English. */
let other: string;
let groupId: string;
const ids: Record<string, string> = {};

const MIN = 60_000;
const VIEWS = ["MINE", "UNASSIGNED", "MY_GROUPS", "AT_RISK", "BREACHED", "WAITING", "RESOLVED", "CLOSED", "CANCELLED", "ALL"] as const;
type View = (typeof VIEWS)[number];

const QUEUE = `query($filter: QueueFilter) { queue(filter: $filter, first: 200) { edges { node { id } } } }`;
const COUNTS = `{ queueViews { view savedViewId label count capped } }`;
type Counts = { queueViews: Array<{ view: View | null; savedViewId: string | null; label: string; count: number; capped: boolean }> };
const SAVE = `mutation($input: SaveQueueViewInput!) { saveQueueView(input: $input) { id name filter { view statuses priorities groupId assigneeId breached fieldKey fieldValue } } }`;
type Saved = { id: string; name: string; filter: Record<string, unknown> };

/** Names of the fixture's tickets a filter selects, sorted. */
async function named(token: string, filter: Record<string, unknown>): Promise<string[]> {
  const r = await desk<{ queue: { edges: Array<{ node: { id: string } }> } }>(gw, token, QUEUE, { filter });
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return r.queue.edges.map((e) => byId.get(e.node.id) ?? e.node.id).sort();
}

async function act(token: string, mutation: string, id: string, extra: Record<string, unknown> = {}): Promise<void> {
  await desk(gw, token, mutation, { id, ...extra });
}

const ASSIGN = `mutation($id: ID!, $input: AssignTicketInput!) { assignTicket(id: $id, input: $input) { id } }`;
const STATUS = `mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { id } }`;
const RESOLVE = `mutation($id: ID!) { resolveTicket(id: $id, input: { resolution: "Reset the password", closureCode: "FIXED" }) { id } }`;

beforeAll(async () => {
  gw = await startTestGateway();
  await gw.services.sites.setSettings(gw.site.id, { reporterSetsImpact: true });
  groupId = (await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Service Desk", level: 1 }, TEST_ACTOR)).id;
  const siti = await gw.services.agents.create({ siteId: gw.site.id, name: "Siti Aminah", email: "siti@contoh.example", role: Role.AGENT, groupId, language: "id" }, TEST_ACTOR);
  me = await gw.services.agents.mintToken(siti);
  const emma = await gw.services.agents.create({ siteId: gw.site.id, name: "Emma Other", email: "emma@contoh.example", role: Role.AGENT, language: "en" }, TEST_ACTOR);
  other = await gw.services.agents.mintToken(emma);

  const make = async (name: string, input: Record<string, unknown> = {}) => {
    const { code } = await report(gw, { urgency: "MEDIUM", impact: "MEDIUM", ...input });
    ids[name] = (await desk<{ ticket: { id: string } }>(gw, me, `query($id: ID!) { ticket(id: $id) { id } }`, { id: code })).ticket.id;
  };
  // P3: 60 minutes to respond, at risk in its last 15. P1: 10 minutes.
  await make("atRisk");
  gw.clock.advance(35 * MIN);
  await make("breached", { urgency: "HIGH", impact: "HIGH" });
  gw.clock.advance(12 * MIN);
  // Now atRisk has 13 minutes left to respond, breached is 2 minutes past its response target.
  for (const name of ["mine", "unassigned", "group", "waiting", "othersPending", "resolved", "closed", "cancelled"]) await make(name);

  await act(me, ASSIGN, ids["mine"]!, { input: { assigneeId: "me" } });
  await act(me, ASSIGN, ids["group"]!, { input: { groupId } });
  await act(me, ASSIGN, ids["waiting"]!, { input: { assigneeId: "me" } });
  await act(me, STATUS, ids["waiting"]!, { input: { status: "IN_PROGRESS" } });
  await act(me, STATUS, ids["waiting"]!, { input: { status: "PENDING", pendingReason: "REPORTER" } });
  await act(other, ASSIGN, ids["othersPending"]!, { input: { assigneeId: "me" } });
  await act(other, STATUS, ids["othersPending"]!, { input: { status: "IN_PROGRESS" } });
  await act(other, STATUS, ids["othersPending"]!, { input: { status: "PENDING", pendingReason: "THIRD_PARTY" } });
  for (const name of ["resolved", "closed"]) {
    await act(me, STATUS, ids[name]!, { input: { status: "IN_PROGRESS" } });
    await act(me, RESOLVE, ids[name]!);
  }
  await act(me, `mutation($id: ID!) { closeTicket(id: $id) { id } }`, ids["closed"]!);
  await act(me, `mutation($id: ID!, $reason: String!) { cancelTicket(id: $id, reason: $reason) { id } }`, ids["cancelled"]!, { reason: "Reported twice" });
});
afterAll(() => gw?.close());

describe("queue views", () => {
  // Written out by hand from the fixture above; MINE and WAITING are also in MY_GROUPS because
  // assigning a person of a group hands the ticket to that group.
  const EXPECTED: Record<View, string[]> = {
    MINE: ["mine", "waiting"],
    UNASSIGNED: ["atRisk", "breached", "group", "unassigned"],
    MY_GROUPS: ["group", "mine", "waiting"],
    AT_RISK: ["atRisk"],
    BREACHED: ["breached"],
    WAITING: ["waiting"],
    RESOLVED: ["resolved"],
    CLOSED: ["closed"],
    CANCELLED: ["cancelled"],
    ALL: ["atRisk", "breached", "cancelled", "closed", "group", "mine", "othersPending", "resolved", "unassigned", "waiting"],
  };

  it.each(VIEWS)("%s lists exactly its tickets", async (view) => {
    expect(await named(me, { view })).toEqual(EXPECTED[view]);
  });

  it("counts every view as its page holds, in the desk's order, named in the agent's language", async () => {
    const { queueViews } = await desk<Counts>(gw, me, COUNTS);
    expect(queueViews.map((v) => v.view)).toEqual(VIEWS);
    expect(queueViews.map((v) => v.count)).toEqual(VIEWS.map((v) => EXPECTED[v].length));
    expect(queueViews.every((v) => !v.capped && v.savedViewId === null)).toBe(true);
    expect(queueViews.slice(0, 3).map((v) => v.label)).toEqual(["Milik saya", "Belum ditugaskan", "Grup saya"]);
    const theirs = (await desk<Counts>(gw, other, COUNTS)).queueViews;
    expect(theirs.slice(0, 3).map((v) => v.label)).toEqual(["Mine", "Unassigned", "My groups"]);
    // The widget asks in its page's language.
    const inEnglish = await desk<Counts>(gw, me, `{ queueViews(language: "en") { view savedViewId label count capped } }`);
    expect(inEnglish.queueViews.map((v) => v.label).slice(0, 2)).toEqual(["Mine", "Unassigned"]);
    const bad = await gw.gql(`{ queueViews(language: "fr") { label } }`, {}, { token: me, siteKey: null });
    expect([codeOf(bad), bad.errors?.[0]?.extensions.fields?.[0]?.field]).toEqual(["BAD_USER_INPUT", "language"]);
  });

  it("reads MINE and MY_GROUPS for who asks: an agent without a group gets an empty view, not an error", async () => {
    expect(await named(other, { view: "MINE" })).toEqual(["othersPending"]);
    expect(await named(other, { view: "MY_GROUPS" })).toEqual([]);
    const theirs = (await desk<Counts>(gw, other, COUNTS)).queueViews;
    expect(theirs.find((v) => v.view === "MY_GROUPS")?.count).toBe(0);
    expect(theirs.find((v) => v.view === "WAITING")?.count).toBe(1);
  });

  it("narrows a view by the other filters; statuses outside the view give an empty page", async () => {
    expect(await named(me, { view: "MINE", statuses: ["PENDING"] })).toEqual(["waiting"]);
    expect(await named(me, { view: "ALL", statuses: ["RESOLVED", "CLOSED"] })).toEqual(["closed", "resolved"]);
    expect(await named(me, { view: "UNASSIGNED", priorities: ["P1"] })).toEqual(["breached"]);
    expect(await named(me, { view: "CLOSED", statuses: ["NEW"] })).toEqual([]);
    expect(await named(me, { view: "WAITING", assigneeId: "me", statuses: ["PENDING", "NEW"] })).toEqual(["waiting"]);
    // No view: the open tickets, as before views existed.
    expect(await named(me, {})).toEqual(EXPECTED.ALL.filter((n) => !["resolved", "closed", "cancelled"].includes(n)));
  });

  it("follows a ticket out of a view as it changes", async () => {
    const { code } = await report(gw, { urgency: "MEDIUM", impact: "MEDIUM" });
    const id = (await desk<{ ticket: { id: string } }>(gw, me, `query($id: ID!) { ticket(id: $id) { id } }`, { id: code })).ticket.id;
    const count = async (view: View) => (await desk<Counts>(gw, me, COUNTS)).queueViews.find((v) => v.view === view)!.count;
    expect(await count("UNASSIGNED")).toBe(EXPECTED.UNASSIGNED.length + 1);
    await act(me, ASSIGN, id, { input: { assigneeId: "me" } });
    expect([await count("UNASSIGNED"), await count("MINE")]).toEqual([EXPECTED.UNASSIGNED.length, EXPECTED.MINE.length + 1]);
    await act(me, `mutation($id: ID!, $reason: String!) { cancelTicket(id: $id, reason: $reason) { id } }`, id, { reason: "Test ticket" });
    expect([await count("MINE"), await count("CANCELLED")]).toEqual([EXPECTED.MINE.length, EXPECTED.CANCELLED.length + 1]);
    ids["later"] = id;
    EXPECTED.CANCELLED.push("later");
    EXPECTED.ALL.push("later");
    EXPECTED.ALL.sort();
  });
});

describe("saved queue views", () => {
  let p3: Saved;

  it("saves filters under a name, lists them, and counts them after the built-in views", async () => {
    p3 = (await desk<{ saveQueueView: Saved }>(gw, me, SAVE, { input: { name: "  My P3 ", filter: { view: "MY_GROUPS", priorities: ["P3"], statuses: ["PENDING"] } } })).saveQueueView;
    expect(p3.name).toBe("My P3");
    expect(p3.filter).toEqual({ view: "MY_GROUPS", statuses: ["PENDING"], priorities: ["P3"], groupId: null, assigneeId: null, breached: null, fieldKey: null, fieldValue: null });
    const listed = await desk<{ savedQueueViews: Saved[] }>(gw, me, `{ savedQueueViews { id name filter { view priorities } } }`);
    expect(listed.savedQueueViews).toEqual([{ id: p3.id, name: "My P3", filter: { view: "MY_GROUPS", priorities: ["P3"] } }]);
    const { queueViews } = await desk<Counts>(gw, me, COUNTS);
    expect(queueViews.at(-1)).toEqual({ view: null, savedViewId: p3.id, label: "My P3", count: 1, capped: false });
    // The saved filter selects what the queue shows for it.
    expect(await named(me, { view: "MY_GROUPS", priorities: ["P3"], statuses: ["PENDING"] })).toEqual(["waiting"]);
  });

  it("keeps names unique per agent (CONFLICT), ignoring case, and renames in place", async () => {
    const clash = await gw.gql(SAVE, { input: { name: "my p3", filter: {} } }, { token: me, siteKey: null });
    expect(codeOf(clash)).toBe("CONFLICT");
    const renamed = (await desk<{ saveQueueView: Saved }>(gw, me, SAVE, { input: { id: p3.id, name: "my P3 pending", filter: { view: "WAITING" } } })).saveQueueView;
    expect([renamed.id, renamed.name, renamed.filter["view"]]).toEqual([p3.id, "my P3 pending", "WAITING"]);
    // Another agent may use the same name.
    const theirs = (await desk<{ saveQueueView: Saved }>(gw, other, SAVE, { input: { name: "my P3 pending", filter: { view: "MINE" } } })).saveQueueView;
    expect(theirs.id).not.toBe(p3.id);
  });

  it("never shows or lets another agent change my saved views", async () => {
    const theirs = await desk<{ savedQueueViews: Saved[] }>(gw, other, `{ savedQueueViews { id name } }`);
    expect(theirs.savedQueueViews.map((v) => v.id)).not.toContain(p3.id);
    const counts = (await desk<Counts>(gw, other, COUNTS)).queueViews;
    expect(counts.map((v) => v.savedViewId)).not.toContain(p3.id);
    expect(codeOf(await gw.gql(`mutation($id: ID!) { deleteQueueView(id: $id) }`, { id: p3.id }, { token: other, siteKey: null }))).toBe("NOT_FOUND");
    expect(codeOf(await gw.gql(SAVE, { input: { id: p3.id, name: "Mine now", filter: {} } }, { token: other, siteKey: null }))).toBe("NOT_FOUND");
    expect(codeOf(await gw.gql(`mutation($v: String!) { setMyQueueView(view: $v) }`, { v: `saved:${p3.id}` }, { token: other, siteKey: null }))).toBe("BAD_USER_INPUT");
  });

  it("refuses bad names and filters naming the field", async () => {
    for (const [input, field] of [
      [{ name: " ", filter: {} }, "name"],
      [{ name: "x".repeat(61), filter: {} }, "name"],
      [{ name: "By field", filter: { fieldKey: "asset" } }, "filter.fieldValue"],
    ] as const) {
      const r = await gw.gql(SAVE, { input }, { token: me, siteKey: null });
      expect(codeOf(r)).toBe("BAD_USER_INPUT");
      expect(r.errors?.[0]?.extensions.fields?.map((f) => f.field)).toEqual([field]);
    }
  });

  it("keeps at most 20 per agent (BAD_USER_INPUT beyond)", async () => {
    const have = (await desk<{ savedQueueViews: Saved[] }>(gw, me, `{ savedQueueViews { id } }`)).savedQueueViews.length;
    for (let i = have; i < 20; i++) await desk(gw, me, SAVE, { input: { name: `View ${i}`, filter: { view: "ALL" } } });
    const r = await gw.gql(SAVE, { input: { name: "One too many", filter: {} } }, { token: me, siteKey: null });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.extensions.fields?.[0]?.field).toBe("name");
    // Overwriting one of the twenty is still fine.
    await desk(gw, me, SAVE, { input: { id: p3.id, name: "Still mine", filter: { view: "WAITING" } } });
    expect((await desk<Counts>(gw, me, COUNTS)).queueViews).toHaveLength(VIEWS.length + 20);
  });

  it("remembers the chosen view server-side, validated, and forgets a deleted saved view", async () => {
    const ME = `{ me { queueView } }`;
    const set = (v: string) => gw.gql<{ setMyQueueView: boolean }>(`mutation($v: String!) { setMyQueueView(view: $v) }`, { v }, { token: me, siteKey: null });
    expect((await desk<{ me: { queueView: string | null } }>(gw, me, ME)).me.queueView).toBeNull();
    expect((await set("BREACHED")).data?.setMyQueueView).toBe(true);
    expect((await desk<{ me: { queueView: string | null } }>(gw, me, ME)).me.queueView).toBe("BREACHED");
    for (const bad of ["breached", "EVERYTHING", "saved:nope", `saved:${randomUUID()}`]) {
      const r = await set(bad);
      expect(codeOf(r)).toBe("BAD_USER_INPUT");
      expect(r.errors?.[0]?.extensions.fields?.[0]?.field).toBe("view");
    }
    // An empty choice forgets it: the default queue comes back after a reload.
    expect((await set("")).data?.setMyQueueView).toBe(true);
    expect((await desk<{ me: { queueView: string | null } }>(gw, me, ME)).me.queueView).toBeNull();
    await set(`saved:${p3.id}`);
    expect((await desk<{ me: { queueView: string | null } }>(gw, me, ME)).me.queueView).toBe(`saved:${p3.id}`);
    // The other agent's own choice is theirs alone.
    expect((await desk<{ me: { queueView: string | null } }>(gw, other, ME)).me.queueView).toBeNull();
    expect((await desk<{ deleteQueueView: boolean }>(gw, me, `mutation($id: ID!) { deleteQueueView(id: $id) }`, { id: p3.id })).deleteQueueView).toBe(true);
    expect((await desk<{ me: { queueView: string | null } }>(gw, me, ME)).me.queueView).toBeNull();
    expect(codeOf(await gw.gql(`mutation($id: ID!) { deleteQueueView(id: $id) }`, { id: p3.id }, { token: me, siteKey: null }))).toBe("NOT_FOUND");
  });

  it("needs a desk agent", async () => {
    expect(codeOf(await gw.gql(COUNTS, {}, { siteKey: null }))).toBe("UNAUTHENTICATED");
  });
});

describe("view counts at volume", () => {
  it("stop at the cap and say so (999+), reading no further", async () => {
    // Volume is set up in the database directly: a thousand reports through the API would only test the API's speed.
    const tickets = gw.services.ds.getRepository("TicketEntity");
    const model = (await tickets.findOneByOrFail({ id: ids["closed"]! })) as Record<string, unknown>;
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      ...model,
      id: randomUUID(),
      code: `BULK.${i}`,
      trackingTokenHash: randomUUID().replaceAll("-", "").padEnd(64, "0"),
      idempotencyKey: null,
      requestFingerprint: null,
    }));
    for (let i = 0; i < rows.length; i += 100) await tickets.insert(rows.slice(i, i + 100));
    const { queueViews } = await desk<Counts>(gw, me, COUNTS);
    const by = (view: View) => queueViews.find((v) => v.view === view)!;
    expect([by("CLOSED").count, by("CLOSED").capped]).toEqual([999, true]);
    expect([by("ALL").count, by("ALL").capped]).toEqual([999, true]);
    expect([by("MINE").count, by("MINE").capped]).toEqual([EXPECTED_MINE, false]);
  });
});

const EXPECTED_MINE = 2;
