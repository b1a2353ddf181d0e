import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, collect, desk, report, startTestGateway, TEST_ACTOR, waitForSubscribers, type TestGateway } from "./harness.js";

/** Issue 8's behaviour fixes and the rules the schema now carries, through the public surface. */
let gw: TestGateway;
let agent: string;
let specialist: string;
let supervisor: string;
let manager: string;
/** Tokens that outlive the days these tests move the clock by. */
async function longToken(role: Role, name: string): Promise<string> {
  const email = `${role.toLowerCase()}.${name.replace(/\W/g, "").toLowerCase()}@handling.example`;
  const a = await gw.services.agents.create({ siteId: gw.site.id, name, email, role }, TEST_ACTOR);
  return gw.services.agents.mintToken(a, 400 * 86_400);
}
beforeAll(async () => {
  gw = await startTestGateway();
  agent = await longToken(Role.AGENT, "Dewi Lestari");
  specialist = await longToken(Role.SPECIALIST, "Andi Wijaya");
  supervisor = await longToken(Role.SUPERVISOR, "Kepala SOLTEK");
  manager = await longToken(Role.MANAGER, "Manajer TI");
  await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "SOLTEK Technical Support", level: 2 }, TEST_ACTOR);
});
afterAll(() => gw?.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface DeskTicket {
  id: string;
  status: string;
  priority: string;
  resolvedAt: string | null;
  closedAt: string | null;
  allowedActions: string[];
  nextStatuses: string[];
  closureLabel: { en: string; id: string } | null;
  timeline: Array<{ kind: string; actorKind: string; message: string | null; code: string | null; codeLabel: { en: string; id: string } | null; systemNote: { en: string; id: string } | null }>;
}
const FIELDS = `id status priority resolvedAt closedAt allowedActions nextStatuses closureLabel { en id } timeline { kind actorKind message code codeLabel { en id } systemNote { en id } }`;

const ticket = async (id: string, token = agent) => (await desk<{ ticket: DeskTicket }>(gw, token, `query($id: ID!) { ticket(id: $id) { ${FIELDS} } }`, { id })).ticket;
const setStatus = (id: string, input: Record<string, unknown>, token = agent) =>
  gw.gql<{ changeTicketStatus: DeskTicket }>(`mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { ${FIELDS} } }`, { id, input }, { token, siteKey: null });
const reopen = (id: string, reason = "Masih belum bisa login", token = agent) =>
  gw.gql<{ reopenTicket: DeskTicket }>(`mutation($id: ID!, $r: String!) { reopenTicket(id: $id, reason: $r) { ${FIELDS} } }`, { id, r: reason }, { token, siteKey: null });

const PATH: Record<string, Array<Record<string, unknown>>> = {
  NEW: [],
  ASSIGNED: [{ status: "ASSIGNED" }],
  IN_PROGRESS: [{ status: "IN_PROGRESS" }],
  PENDING: [{ status: "IN_PROGRESS" }, { status: "PENDING", pendingReason: "THIRD_PARTY" }],
  RESOLVED: [{ status: "IN_PROGRESS" }, { status: "RESOLVED", resolution: "done", closureCode: "FIXED" }],
  CLOSED: [{ status: "IN_PROGRESS" }, { status: "RESOLVED", resolution: "done", closureCode: "FIXED" }, { status: "CLOSED" }],
  CANCELLED: [{ status: "CANCELLED", note: "duplicate" }],
};

/** A fresh ticket brought to a status through the API; returns its id and receipt. */
async function ticketIn(status: string, input: Record<string, unknown> = {}) {
  const receipt = await report(gw, input);
  const { id } = (await desk<{ ticket: { id: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { id } }`, { id: receipt.code })).ticket;
  for (const step of PATH[status]!) {
    const r = await setStatus(id, step, supervisor);
    expect(r.errors).toBeUndefined();
  }
  return { id, receipt };
}

describe("a reporter's message on a RESOLVED ticket", () => {
  it("reopens it, says why in the timeline, and stops the automatic close", async () => {
    const { id, receipt } = await ticketIn("RESOLVED");
    const r = await gw.gql<{ addReporterMessage: { status: string; resolvedAt: string | null } }>(
      `mutation($c: String!, $t: String!) { addReporterMessage(code: $c, token: $t, input: { body: "Masih error, Pak" }) { status resolvedAt } }`,
      { c: receipt.code, t: receipt.trackingToken },
    );
    expect(r.data).toEqual({ addReporterMessage: { status: "IN_PROGRESS", resolvedAt: null } });
    const t = await ticket(id);
    expect(t.timeline.slice(-2).map((e) => [e.kind, e.actorKind])).toEqual([
      ["REPORTER_MESSAGE", "REPORTER"],
      ["REOPENED", "REPORTER"],
    ]);
    expect(t.timeline.at(-1)!.message).toMatch(/reporter wrote after the resolution/);
    gw.clock.advance(gw.site.autoCloseHours * HOUR + HOUR);
    await gw.sweep();
    expect((await ticket(id)).status).toBe("IN_PROGRESS");
  });
});

describe("a RESOLVED ticket nobody answers", () => {
  it("closes by itself after the site's quiet hours and says why in both languages, with no English sentence as its message", async () => {
    const { id } = await ticketIn("RESOLVED");
    gw.clock.advance(gw.site.autoCloseHours * HOUR + HOUR);
    await gw.sweep();
    const t = await ticket(id);
    expect(t.status).toBe("CLOSED");
    const h = gw.site.autoCloseHours;
    expect(t.timeline.at(-1)).toMatchObject({
      kind: "CLOSED",
      actorKind: "SYSTEM",
      message: null,
      systemNote: {
        en: `Closed automatically: no word from the reporter for ${h} hours after resolution.`,
        id: `Ditutup otomatis: tidak ada kabar dari pelapor selama ${h} jam setelah penyelesaian.`,
      },
    });
  });
});

describe("impact on the public form", () => {
  it("is the site's default unless the site lets reporters state it: an anonymous report cannot make itself P1", async () => {
    expect((await report(gw, { urgency: "HIGH", impact: "HIGH" })).priority).toBe("P2");
    const site = await gw.gql<{ site: { reporterSetsImpact: boolean } }>(`{ site { reporterSetsImpact } }`);
    expect(site.data!.site.reporterSetsImpact).toBe(false);

    await gw.services.sites.setSettings(gw.site.id, { defaultImpact: "LOW" as never });
    expect((await report(gw, { urgency: "HIGH", impact: "HIGH" })).priority).toBe("P3");

    await gw.services.sites.setSettings(gw.site.id, { reporterSetsImpact: true });
    expect((await report(gw, { urgency: "HIGH", impact: "HIGH" })).priority).toBe("P1");
    expect((await report(gw, { urgency: "HIGH" })).priority).toBe("P3");
    expect((await gw.gql<{ site: { reporterSetsImpact: boolean } }>(`{ site { reporterSetsImpact } }`)).data!.site.reporterSetsImpact).toBe(true);
    await gw.services.sites.setSettings(gw.site.id, { reporterSetsImpact: false, defaultImpact: "MEDIUM" as never });
  });
});

describe("reopening", () => {
  it.each(["NEW", "ASSIGNED", "IN_PROGRESS", "PENDING", "CLOSED", "CANCELLED"])("refuses reopenTicket on a %s ticket with CONFLICT and leaves it as it was", async (status) => {
    const { id } = await ticketIn(status);
    const r = await reopen(id);
    expect(codeOf(r)).toBe("CONFLICT");
    expect(r.errors![0]!.message).toContain(status);
    expect((await ticket(id)).status).toBe(status);
  });

  it("reopens a RESOLVED ticket", async () => {
    const { id } = await ticketIn("RESOLVED");
    const r = await reopen(id);
    expect(r.data!.reopenTicket).toMatchObject({ status: "IN_PROGRESS", resolvedAt: null });
    expect(r.data!.reopenTicket.timeline.at(-1)).toMatchObject({ kind: "REOPENED", message: "Masih belum bisa login" });
  });

  it("reopens a CLOSED ticket within the site's window, and only within it", async () => {
    await gw.services.sites.setSettings(gw.site.id, { reopenClosedWithinDays: 7 });
    try {
      const { id } = await ticketIn("CLOSED");
      expect((await ticket(id)).nextStatuses).toEqual(["IN_PROGRESS"]);
      expect((await ticket(id)).allowedActions).toContain("REOPEN");
      const r = await reopen(id);
      expect(r.data!.reopenTicket).toMatchObject({ status: "IN_PROGRESS", closedAt: null, resolvedAt: null });

      const late = await ticketIn("CLOSED");
      gw.clock.advance(8 * DAY);
      expect((await ticket(late.id)).allowedActions).not.toContain("REOPEN");
      const refused = await reopen(late.id);
      expect(codeOf(refused)).toBe("CONFLICT");
      expect(codeOf(await setStatus(late.id, { status: "IN_PROGRESS" }))).toBe("CONFLICT");

      const byStatus = await ticketIn("CLOSED");
      const moved = await setStatus(byStatus.id, { status: "IN_PROGRESS" });
      expect(moved.data!.changeTicketStatus.timeline.at(-1)!.kind).toBe("REOPENED");
    } finally {
      await gw.services.sites.setSettings(gw.site.id, { reopenClosedWithinDays: 0 });
    }
  });
});

describe("allowedActions and nextStatuses", () => {
  const ALL_BUT = (...not: string[]) =>
    ["CLASSIFY", "ASSIGN", "CHANGE_STATUS", "REPLY", "INTERNAL_NOTE", "ESCALATE_FUNCTIONAL", "ESCALATE_HIERARCHICAL", "RESOLVE", "CLOSE", "REOPEN", "CANCEL"].filter((a) => !not.includes(a));
  // Written out by hand: the role's permissions and the ticket's state together.
  it.each([
    ["AGENT", "NEW", ALL_BUT("RESOLVE", "CLOSE", "REOPEN"), ["ASSIGNED", "IN_PROGRESS", "CANCELLED"]],
    ["SPECIALIST", "NEW", ["CHANGE_STATUS", "REPLY", "INTERNAL_NOTE", "ESCALATE_FUNCTIONAL", "ESCALATE_HIERARCHICAL"], ["ASSIGNED", "IN_PROGRESS"]],
    ["SUPERVISOR", "IN_PROGRESS", ALL_BUT("CLOSE", "REOPEN"), ["ASSIGNED", "PENDING", "RESOLVED", "CANCELLED"]],
    ["SPECIALIST", "IN_PROGRESS", ["CHANGE_STATUS", "REPLY", "INTERNAL_NOTE", "ESCALATE_FUNCTIONAL", "ESCALATE_HIERARCHICAL", "RESOLVE"], ["ASSIGNED", "PENDING", "RESOLVED"]],
    ["MANAGER", "IN_PROGRESS", ["INTERNAL_NOTE", "ESCALATE_FUNCTIONAL", "ESCALATE_HIERARCHICAL"], []],
    ["AGENT", "RESOLVED", ["CLASSIFY", "REPLY", "INTERNAL_NOTE", "CLOSE", "REOPEN"], ["IN_PROGRESS", "CLOSED"]],
    ["SPECIALIST", "RESOLVED", ["REPLY", "INTERNAL_NOTE"], []],
    ["AGENT", "CLOSED", ["INTERNAL_NOTE"], []],
  ])("a %s on a %s ticket", async (role, status, actions, statuses) => {
    const token = { AGENT: agent, SPECIALIST: specialist, SUPERVISOR: supervisor, MANAGER: manager }[role]!;
    const { id } = await ticketIn(status);
    const t = await ticket(id, token);
    expect(t.allowedActions).toEqual(actions);
    expect([...t.nextStatuses].sort()).toEqual([...statuses].sort());
  });

  it("are what the gateway enforces: an action left out is refused, one listed goes through", async () => {
    const { id } = await ticketIn("RESOLVED");
    const spec = await ticket(id, specialist);
    expect(spec.allowedActions).not.toContain("REOPEN");
    expect(codeOf(await reopen(id, "x", specialist))).toBe("FORBIDDEN");
    expect(codeOf(await setStatus(id, { status: "CLOSED" }, specialist))).toBe("FORBIDDEN");
    expect(spec.allowedActions).toContain("REPLY");
    const r = await gw.gql(`mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Sudah normal?" }) { id } }`, { id }, { token: specialist, siteKey: null });
    expect(r.errors).toBeUndefined();
  });

  it("come with the queue subscription's tickets, for the subscriber's role", async () => {
    const before = gw.services.live.active;
    const QUEUE = `subscription { queueChanged { kind ticket { code allowedActions } } }`;
    type Event = { queueChanged: { kind: string; ticket: { code: string; allowedActions: string[] } | null } };
    const asAgent = collect<Event>(gw.ws({ token: agent }), QUEUE, {});
    const asSpecialist = collect<Event>(gw.ws({ token: specialist }), QUEUE, {});
    await waitForSubscribers(gw, before + 2);
    const receipt = await report(gw);
    await asAgent.until(() => asAgent.events.some((e) => e.queueChanged.ticket?.code === receipt.code));
    await asSpecialist.until(() => asSpecialist.events.some((e) => e.queueChanged.ticket?.code === receipt.code));
    expect(asAgent.errors).toEqual([]);
    expect(asSpecialist.errors).toEqual([]);
    const of = (sub: typeof asAgent) => sub.events.find((e) => e.queueChanged.ticket?.code === receipt.code)!.queueChanged.ticket!.allowedActions;
    expect(of(asAgent)).toContain("CLASSIFY");
    expect(of(asSpecialist)).not.toContain("CLASSIFY");
    expect(of(asSpecialist)).toContain("REPLY");
  });
});

describe("escalation targets", () => {
  it("lists the support levels and management levels above the ticket's, with their groups and people", async () => {
    const { id } = await ticketIn("NEW");
    const r = await desk<{ ticket: { escalationTargets: { functional: Array<{ level: number; label: { en: string }; groups: Array<{ name: string }> }>; hierarchical: Array<{ level: number; roles: string[]; agents: Array<{ name: string }> }> } } }>(
      gw,
      agent,
      `query($id: ID!) { ticket(id: $id) { escalationTargets { functional { level label { en id } groups { name } } hierarchical { level label { en id } roles agents { name } } } } }`,
      { id },
    );
    const { functional, hierarchical } = r.ticket.escalationTargets;
    expect(functional.map((f) => f.level)).toEqual([2, 3]);
    expect(functional[0]!.groups.map((g) => g.name)).toEqual(["SOLTEK Technical Support"]);
    expect(hierarchical.map((h) => [h.level, h.roles])).toEqual([
      [1, ["SUPERVISOR", "MANAGER", "ADMIN"]],
      [2, ["MANAGER", "ADMIN"]],
    ]);
    expect(hierarchical[0]!.agents.map((a) => a.name)).toEqual(expect.arrayContaining(["Kepala SOLTEK", "Manajer TI"]));
    expect(hierarchical[1]!.agents.map((a) => a.name)).not.toContain("Kepala SOLTEK");
  });
});

describe("the desk directory's lists", () => {
  it("lists the pending reasons and management levels changeTicketStatus and escalateTicket take, labelled", async () => {
    const dir = await desk<{ deskDirectory: { pendingReasons: Array<{ reason: string; label: { en: string; id: string } }>; managementLevels: Array<{ level: number; label: { en: string; id: string } }> } }>(
      gw,
      agent,
      `{ deskDirectory { pendingReasons { reason label { en id } } managementLevels { level label { en id } } } }`,
    );
    expect(dir.deskDirectory.pendingReasons).toEqual([
      { reason: "REPORTER", label: { en: "Waiting for the reporter", id: "Menunggu pelapor" } },
      { reason: "APPROVAL", label: { en: "Waiting for approval", id: "Menunggu persetujuan" } },
      { reason: "THIRD_PARTY", label: { en: "Waiting for a third party", id: "Menunggu pihak ketiga" } },
    ]);
    expect(dir.deskDirectory.managementLevels).toEqual([
      { level: 1, label: { en: "Supervisor", id: "Supervisor" } },
      { level: 2, label: { en: "Manager", id: "Manajer" } },
    ]);
  });
});

describe("closure codes", () => {
  it("are refused unless known, naming the valid ones; known ones carry labels everywhere", async () => {
    const { id, receipt } = await ticketIn("IN_PROGRESS");
    const bad = await setStatus(id, { status: "RESOLVED", resolution: "ok", closureCode: "SOLVED" });
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
    expect(bad.errors![0]!.extensions.fields).toEqual([{ field: "closureCode", message: expect.stringContaining("WORKAROUND") }]);
    const dir = await desk<{ deskDirectory: { closureCodes: Array<{ code: string; label: { en: string; id: string } }> } }>(gw, agent, `{ deskDirectory { closureCodes { code label { en id } } } }`);
    expect(dir.deskDirectory.closureCodes.map((c) => c.code)).toEqual(expect.arrayContaining(["FIXED", "WORKAROUND", "NO_FAULT_FOUND", "DUPLICATE", "USER_ERROR", "REFERRED"]));
    for (const c of dir.deskDirectory.closureCodes) expect(bad.errors![0]!.message).toContain(c.code);

    const ok = await setStatus(id, { status: "RESOLVED", resolution: "Diberi solusi sementara", closureCode: "WORKAROUND" });
    expect(ok.data!.changeTicketStatus.closureLabel).toEqual({ en: "Workaround given", id: "Solusi sementara" });
    expect(ok.data!.changeTicketStatus.timeline.at(-1)).toMatchObject({ code: "WORKAROUND", codeLabel: { en: "Workaround given", id: "Solusi sementara" } });
    const view = await gw.gql<{ trackTicket: { closureLabel: { en: string } | null } }>(`query($c: String!, $t: String!) { trackTicket(code: $c, token: $t) { closureLabel { en id } } }`, { c: receipt.code, t: receipt.trackingToken });
    expect(view.data!.trackTicket.closureLabel).toEqual({ en: "Workaround given", id: "Solusi sementara" });
  });

  it("labels pending reasons in the timeline", async () => {
    const { id } = await ticketIn("PENDING");
    expect((await ticket(id)).timeline.at(-1)).toMatchObject({ code: "THIRD_PARTY", codeLabel: { en: "Waiting for a third party", id: "Menunggu pihak ketiga" } });
  });
});

describe("the desk directory and the public site", () => {
  it("carry the priority matrix, the statuses, the at-risk fraction and the report fields", async () => {
    const dir = await desk<{ deskDirectory: { priorityMatrix: Array<{ urgency: string; impact: string; priority: string }>; statuses: Array<{ status: string; open: boolean; final: boolean; label: { en: string } }>; atRiskFraction: number } }>(
      gw,
      agent,
      `{ deskDirectory { priorityMatrix { urgency impact priority } statuses { status open final label { en id } } atRiskFraction } }`,
    );
    expect(dir.deskDirectory.priorityMatrix).toHaveLength(9);
    expect(dir.deskDirectory.priorityMatrix).toContainEqual({ urgency: "HIGH", impact: "HIGH", priority: "P1" });
    expect(dir.deskDirectory.priorityMatrix).toContainEqual({ urgency: "LOW", impact: "LOW", priority: "P5" });
    expect(dir.deskDirectory.statuses.map((s) => [s.status, s.open, s.final])).toEqual([
      ["NEW", true, false],
      ["ASSIGNED", true, false],
      ["IN_PROGRESS", true, false],
      ["PENDING", true, false],
      ["RESOLVED", false, false],
      ["CLOSED", false, true],
      ["CANCELLED", false, true],
    ]);
    expect(dir.deskDirectory.atRiskFraction).toBe(0.25);

    const site = await gw.gql<{ site: { atRiskFraction: number; reportFields: Array<{ field: string; minLength: number | null; maxLength: number | null; pattern: string | null; required: boolean }> } }>(
      `{ site { atRiskFraction reportFields { field minLength maxLength pattern required } } }`,
    );
    expect(site.data!.site.atRiskFraction).toBe(0.25);
    const phone = site.data!.site.reportFields.find((f) => f.field === "reporterPhone")!;
    expect(phone).toMatchObject({ minLength: 6, maxLength: 40, required: false });
    expect(new RegExp(phone.pattern!).test("+62 542 123456")).toBe(true);
    expect(new RegExp(phone.pattern!).test("call me")).toBe(false);
    expect(site.data!.site.reportFields.filter((f) => f.required).map((f) => f.field)).toEqual(["reporterName", "description"]);
  });
});

describe("text limits, counted as the database counts them", () => {
  const EMOJI = "😀";
  it("keeps 5000 characters of 4-byte emoji whole and refuses 5001 with BAD_USER_INPUT, never a cut or a 500", async () => {
    const receipt = await report(gw, { description: EMOJI.repeat(5000) });
    const view = await gw.gql<{ trackTicket: { description: string } }>(`query($c: String!, $t: String!) { trackTicket(code: $c, token: $t) { description } }`, { c: receipt.code, t: receipt.trackingToken });
    expect(view.data!.trackTicket.description).toBe(EMOJI.repeat(5000));
    const over = await gw.gql(`mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { code } }`, { i: { reporterName: "Budi", description: "x".repeat(5001) } });
    expect(codeOf(over)).toBe("BAD_USER_INPUT");
    expect(over.errors![0]!.extensions.fields).toEqual([{ field: "description", message: "description is too long: at most 5000 characters" }]);
  });

  it("tells a short phone number that it is too short", async () => {
    const r = await gw.gql(`mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { code } }`, { i: { reporterName: "Budi", description: "x", reporterPhone: "12345" } });
    expect(r.errors![0]!.extensions.fields).toEqual([{ field: "reporterPhone", message: "reporterPhone is too short: at least 6 characters" }]);
    const letters = await gw.gql(`mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { code } }`, { i: { reporterName: "Budi", description: "x", reporterPhone: "call me now" } });
    expect(letters.errors![0]!.extensions.fields).toEqual([{ field: "reporterPhone", message: "reporterPhone may contain only digits, spaces and + ( ) . -" }]);
  });

  it("stores notes, replies and reasons of 5000 emoji and refuses longer reasons cleanly", async () => {
    const { id } = await ticketIn("RESOLVED");
    const long = EMOJI.repeat(5000);
    const note = await gw.gql(`mutation($id: ID!, $b: String!) { addInternalNote(id: $id, input: { body: $b }) { id } }`, { id, b: long }, { token: agent, siteKey: null });
    expect(note.errors).toBeUndefined();
    const tooLong = await reopen(id, "x".repeat(5001));
    expect(codeOf(tooLong)).toBe("BAD_USER_INPUT");
    expect(tooLong.errors![0]!.extensions.fields).toEqual([{ field: "reason", message: "reason is too long: at most 5000 characters" }]);
    const ok = await reopen(id, long);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.reopenTicket.timeline.at(-1)!.message).toBe(long);
    const cancel = await gw.gql(`mutation($id: ID!, $r: String!) { cancelTicket(id: $id, reason: $r) { id } }`, { id, r: "x".repeat(100_000) }, { token: agent, siteKey: null });
    expect(codeOf(cancel)).toBe("BAD_USER_INPUT");
  });
});

describe("the site's queue order", () => {
  const QUEUE = `query($after: String, $first: Int) { queue(filter: { assigneeId: "me" }, first: $first, after: $after) { edges { node { code } } pageInfo { hasNextPage endCursor } } }`;
  type Page = { queue: { edges: Array<{ node: { code: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

  it("is SLA due time by default, and pure arrival within priority when the site asks for first in, first out (seed 004)", async () => {
    const queuer = await longToken(Role.AGENT, "Petugas Antrian");
    const older = await report(gw, { urgency: "HIGH" });
    gw.clock.advance(60_000);
    const newer = await report(gw, { urgency: "HIGH" });
    for (const r of [older, newer]) {
      const { id } = (await desk<{ ticket: { id: string } }>(gw, queuer, `query($id: ID!) { ticket(id: $id) { id } }`, { id: r.code })).ticket;
      await desk(gw, queuer, `mutation($id: ID!) { assignTicket(id: $id, input: { assigneeId: "me" }) { id } }`, { id });
      // The older one is answered, so its next deadline is the later resolution target.
      if (r === older) await desk(gw, queuer, `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Kami cek" }) { id } }`, { id });
    }
    const dueOrder = await desk<Page>(gw, queuer, QUEUE, { first: 1 });
    expect(dueOrder.queue.edges.map((e) => e.node.code)).toEqual([newer.code]);

    await gw.services.sites.setSettings(gw.site.id, { queueOrder: "ARRIVAL" as never });
    try {
      const stale = await gw.gql(QUEUE, { first: 1, after: dueOrder.queue.pageInfo.endCursor }, { token: queuer, siteKey: null });
      expect(codeOf(stale)).toBe("BAD_USER_INPUT");
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: Page = await desk<Page>(gw, queuer, QUEUE, { first: 1, after });
        seen.push(...page.queue.edges.map((e) => e.node.code));
        after = page.queue.pageInfo.hasNextPage ? page.queue.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual([older.code, newer.code]);
    } finally {
      await gw.services.sites.setSettings(gw.site.id, { queueOrder: "DUE_TIME" as never });
    }
  });
});
