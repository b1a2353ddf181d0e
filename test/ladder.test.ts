/**
 * The SLA escalation ladder (issue 9, item 4) through the public surface: the desk's timeline,
 * the reporter's tracking view, the escalation levels, and the outbox rows each step raises
 * (read from the contract's `outbox_message` table; delivery is the outbox's own tests).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { desk, DESK_TICKET, report, startTestGateway, TEST_ACTOR, TICKET_VIEW, type TestGateway } from "./harness.js";
import { startTestSmtp, type TestSmtp } from "./mail-kit.js";

const MIN = 60_000;

let gw: TestGateway;
let smtp: TestSmtp;
let token: string;
let groupId: string;
const people: Record<"siti" | "ani" | "sari" | "mira", { id: string; email: string }> = {} as never;

beforeAll(async () => {
  smtp = await startTestSmtp();
  gw = await startTestGateway({ smtp: { url: smtp.url } });
  await gw.services.sites.setSettings(gw.site.id, { reporterSetsImpact: true });
  groupId = (await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Service Desk", level: 1 }, TEST_ACTOR)).id;
  const add = async (key: keyof typeof people, name: string, role: Role, inGroup: boolean) => {
    const a = await gw.services.agents.create({ siteId: gw.site.id, name, email: `${key}@contoh.example`, role, groupId: inGroup ? groupId : null }, TEST_ACTOR);
    people[key] = { id: a.id, email: a.email };
  };
  await add("siti", "Siti Aminah", Role.AGENT, true);
  await add("ani", "Ani Lestari", Role.AGENT, true);
  await add("sari", "Sari Wulandari", Role.SUPERVISOR, false);
  await add("mira", "Mira Kusuma", Role.MANAGER, false);
  token = await gw.agentToken(Role.AGENT, "Desk Operator");
});
afterAll(async () => {
  await gw?.close();
  await smtp?.close();
});

interface Entry {
  kind: string;
  visibility: string;
  actorKind: string;
  actorName: string | null;
  message: string | null;
  code: string | null;
  hierarchyLevel: number | null;
  supportLevel: number | null;
}
interface DeskTicket {
  id: string;
  supportLevel: number;
  hierarchyLevel: number;
  responseDueAt: string;
  resolutionDueAt: string;
  timeline: Entry[];
}

const get = async (id: string) => (await desk<{ ticket: DeskTicket }>(gw, token, `query($id: ID!) { ticket(id: $id) { ${DESK_TICKET} } }`, { id })).ticket;
const mutate = (query: string, variables: Record<string, unknown>) => desk(gw, token, query, variables);
const assign = (id: string) => mutate(`mutation($id: ID!, $input: AssignTicketInput!) { assignTicket(id: $id, input: $input) { id } }`, { id, input: { groupId, assigneeId: people.siti.id } });
const status = (id: string, input: Record<string, unknown>) => mutate(`mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { id } }`, { id, input });
const reply = (id: string) => mutate(`mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Sedang kami periksa." }) { id } }`, { id });

/** The codes of the ladder's entries (INTERNAL_NOTE steps say SLA_<TARGET>_<share>; escalations say why). */
const steps = (t: DeskTicket) => t.timeline.filter((e) => e.code?.startsWith("SLA_") || e.kind === "AUTO_ESCALATED").map((e) => e.code);

/** Moves the clock to `minutes` after `from` and sweeps once. */
async function sweepAt(from: string, minutes: number): Promise<number> {
  gw.clock.advance(Date.parse(from) + minutes * MIN - gw.clock.now().getTime());
  token = await gw.agentToken(Role.AGENT, "Desk Operator"); // a token lasts 12 hours of the test's clock
  return gw.sweep();
}

interface OutboxRow {
  eventId: string;
  channel: string;
  recipient: string;
  payload: { template: string; language: string; to: string; vars: Record<string, unknown> };
}

/** The ticket's outbox rows, as the contract's table holds them. */
async function outbox(ticketId: string): Promise<OutboxRow[]> {
  // The ladder's own messages: the ticket's other events (the receipt, desk mail) are the mail tests' business.
  const rows: Array<{ event_id: string; channel: string; recipient: string; payload: string }> = await gw.services.ds.query(
    "SELECT event_id, channel, recipient, payload FROM outbox_message WHERE ticket_id = ? AND event_id LIKE ? ORDER BY event_id, recipient",
    [ticketId, `${ticketId}:sla:%`],
  );
  return rows.map((r) => ({ eventId: r.event_id, channel: r.channel, recipient: r.recipient, payload: JSON.parse(r.payload) }));
}

/** Recipients of one step's event, sorted. */
async function mailed(ticketId: string, target: string, step: number): Promise<string[]> {
  return (await outbox(ticketId)).filter((r) => r.eventId.startsWith(`${ticketId}:sla:${target}:${step}:`)).map((r) => r.recipient).sort();
}

describe("the SLA escalation ladder", () => {
  it("fires each step once, in order as the clock moves, mailing the people each step names", async () => {
    const receipt = await report(gw, { urgency: "MEDIUM", impact: "MEDIUM" }); // P3: respond in 60 minutes
    const { id } = await get(receipt.code);
    await assign(id);

    expect(await sweepAt(receipt.createdAt, 29)).toBe(0);
    expect(steps(await get(id))).toEqual([]);

    await sweepAt(receipt.createdAt, 31);
    let t = await get(id);
    expect(steps(t)).toEqual(["SLA_RESPONSE_50"]);
    expect(t.timeline.at(-1)).toMatchObject({ kind: "INTERNAL_NOTE", visibility: "INTERNAL", actorKind: "SYSTEM" });
    expect(t.timeline.at(-1)!.message).toMatch(/50 % of the response time has passed.*The assignee \(Siti Aminah\) has been warned by e-mail/);
    expect(await mailed(id, "RESPONSE", 1)).toEqual([people.siti.email]);

    // A second sweep at the same instant finds nothing more to do.
    expect(await gw.sweep()).toBe(0);
    expect(steps(await get(id))).toEqual(["SLA_RESPONSE_50"]);

    await sweepAt(receipt.createdAt, 46);
    expect(steps(await get(id))).toEqual(["SLA_RESPONSE_50", "SLA_RESPONSE_75"]);
    expect(await mailed(id, "RESPONSE", 2)).toEqual([people.ani.email, people.sari.email, people.siti.email].sort());

    await sweepAt(receipt.createdAt, 61);
    t = await get(id);
    expect(steps(t)).toEqual(["SLA_RESPONSE_50", "SLA_RESPONSE_75", "RESPONSE_TARGET_MISSED"]);
    expect(t.hierarchyLevel).toBe(1);
    expect(t.timeline.at(-1)).toMatchObject({ kind: "AUTO_ESCALATED", visibility: "PUBLIC", actorKind: "SYSTEM", hierarchyLevel: 1 });
    expect(t.timeline.at(-1)!.message).toMatch(/The supervisor has been alerted by e-mail\.$/);
    expect(await mailed(id, "RESPONSE", 3)).toEqual([people.sari.email]);

    await sweepAt(receipt.createdAt, 91);
    expect(steps(await get(id))).toEqual(["SLA_RESPONSE_50", "SLA_RESPONSE_75", "RESPONSE_TARGET_MISSED", "SLA_RESPONSE_150"]);
    expect(await mailed(id, "RESPONSE", 4)).toEqual([people.mira.email]);

    // Every mail is the sla-step template in Indonesian, with the step's facts and the ticket's code.
    const rows = await outbox(id);
    expect(rows).toHaveLength(6);
    const breach = rows.find((r) => r.eventId.startsWith(`${id}:sla:RESPONSE:3:`))!;
    expect(breach.eventId).toBe(`${id}:sla:RESPONSE:3:${Date.parse(receipt.responseDueAt)}`);
    expect(breach).toMatchObject({ channel: "EMAIL", recipient: people.sari.email });
    expect(breach.payload).toMatchObject({
      template: "sla-step",
      language: "id",
      to: people.sari.email,
      vars: { event: "sla.breached", target: "RESPONSE", step: 3, share: 100, dueAt: receipt.responseDueAt, action: "ESCALATE+ALERT_SUPERVISOR", code: receipt.code },
    });
    expect(rows.find((r) => r.eventId.startsWith(`${id}:sla:RESPONSE:1:`))!.payload.vars).toMatchObject({ event: "sla.warning", share: 50 });
  });

  it("shows the reporter that the ticket was escalated, without names or the desk's warnings", async () => {
    const receipt = await report(gw, { urgency: "MEDIUM", impact: "MEDIUM" });
    const { id } = await get(receipt.code);
    await assign(id);
    await sweepAt(receipt.createdAt, 61);
    const r = await gw.gql<{ trackTicket: { timeline: Entry[] } }>(`query($c: String!, $t: String!) { trackTicket(code: $c, token: $t) { ${TICKET_VIEW} timeline { systemNote { en id } } } }`, {
      c: receipt.code,
      t: receipt.trackingToken,
    });
    const timeline = r.data!.trackTicket.timeline;
    expect(timeline.filter((e) => e.kind === "INTERNAL_NOTE")).toEqual([]);
    expect(timeline.filter((e) => e.kind === "AUTO_ESCALATED")).toEqual([
      expect.objectContaining({
        actorKind: "SYSTEM",
        actorName: null,
        message: null,
        groupName: null,
        assigneeName: null,
        hierarchyLevel: 1,
        code: "RESPONSE_TARGET_MISSED",
        // Why, in both languages: the reporter's tracker shows the one it speaks.
        systemNote: { en: "The response target passed without a response.", id: "Batas waktu tanggapan terlewati tanpa tanggapan." },
      }),
    ]);
    expect(JSON.stringify(timeline)).not.toMatch(/Siti|Sari|Ani|Mira/);
  });

  it("fires nothing while paused, and after the pause fires later by its length; the 100 % step moves the ticket one line up", async () => {
    const receipt = await report(gw, { urgency: "MEDIUM", impact: "MEDIUM" }); // P3: resolve in 480 minutes
    const { id } = await get(receipt.code);
    await assign(id);
    await reply(id); // responded: only the resolution ladder is left
    await status(id, { status: "IN_PROGRESS" });
    await sweepAt(receipt.createdAt, 10);
    await status(id, { status: "PENDING", pendingReason: "THIRD_PARTY" });

    // 50 % of the resolution window would have come at 240 minutes.
    await sweepAt(receipt.createdAt, 300);
    expect(steps(await get(id))).toEqual([]);
    await status(id, { status: "IN_PROGRESS" }); // a 290-minute pause

    await sweepAt(receipt.createdAt, 529);
    expect(steps(await get(id))).toEqual([]);
    await sweepAt(receipt.createdAt, 531);
    expect(steps(await get(id))).toEqual(["SLA_RESOLUTION_50"]);
    const movedDue = Date.parse(receipt.resolutionDueAt) + 290 * MIN;
    expect((await outbox(id)).map((r) => r.eventId)).toEqual([`${id}:sla:RESOLUTION:1:${movedDue}`]);

    await sweepAt(receipt.createdAt, 771);
    const t = await get(id);
    expect(steps(t)).toEqual(["SLA_RESOLUTION_50", "SLA_RESOLUTION_75", "RESOLUTION_TARGET_MISSED"]);
    expect(t.supportLevel).toBe(2);
    expect(t.timeline.at(-1)).toMatchObject({ kind: "AUTO_ESCALATED", supportLevel: 2 });
    // The step names the supervisor; the line-up escalation is told to the ticket's agent, in the same one mail a person.
    expect(await mailed(id, "RESOLUTION", 3)).toEqual([people.sari.email, people.siti.email].sort());
  });

  it("brings steps earlier when a reclassification raises the priority, without firing the fired ones again", async () => {
    const receipt = await report(gw, { urgency: "LOW", impact: "LOW" }); // P5: respond in 480 minutes
    const { id } = await get(receipt.code);
    await assign(id);
    await sweepAt(receipt.createdAt, 241);
    expect(steps(await get(id))).toEqual(["SLA_RESPONSE_50"]);

    // P4: respond in 240 minutes, so 75 % (180) and 100 % (240) have passed; 50 % fired already.
    await mutate(`mutation($id: ID!) { classifyTicket(id: $id, input: { urgency: MEDIUM, impact: LOW }) { id } }`, { id });
    await gw.sweep();
    const t = await get(id);
    expect(steps(t)).toEqual(["SLA_RESPONSE_50", "SLA_RESPONSE_75", "RESPONSE_TARGET_MISSED"]);
    expect(t.hierarchyLevel).toBe(1);
    expect((await outbox(id)).filter((r) => r.eventId.includes(":sla:RESPONSE:1:"))).toHaveLength(1);
  });
});

describe("the ladder's mail as the SMTP server receives it", () => {
  it("sends each person one mail for the 100 % step that escalates, not one for the step and one for its escalation", async () => {
    const receipt = await report(gw, { urgency: "MEDIUM", impact: "MEDIUM" });
    const { id } = await get(receipt.code);
    await assign(id);
    await sweepAt(receipt.createdAt, 46);
    await gw.dispatch();
    const ofTicket = (to: string) => smtp.to(to).filter((m) => m.subject.includes(receipt.code)).map((m) => m.subject);
    const before = { sari: ofTicket(people.sari.email).length, siti: ofTicket(people.siti.email).length, mira: ofTicket(people.mira.email).length };

    await sweepAt(receipt.createdAt, 61);
    expect(steps(await get(id)).at(-1)).toBe("RESPONSE_TARGET_MISSED");
    await gw.dispatch();
    expect(ofTicket(people.sari.email).slice(before.sari)).toEqual([`[${receipt.code}] SLA RESPONSE: 100% dari target · PT Contoh`]);
    expect(ofTicket(people.siti.email).slice(before.siti)).toEqual([]);
    expect(ofTicket(people.mira.email).slice(before.mira)).toEqual([]);

    // A missed resolution moves the ticket a line up: the step's one mail reaches the supervisor and the agent, no escalation mail besides.
    const late = await report(gw, { urgency: "MEDIUM", impact: "MEDIUM" });
    const lateId = (await get(late.code)).id;
    await assign(lateId);
    await reply(lateId);
    await sweepAt(late.createdAt, 481);
    expect(steps(await get(lateId)).at(-1)).toBe("RESOLUTION_TARGET_MISSED");
    await gw.dispatch();
    const ofLate = (to: string) => smtp.to(to).filter((m) => m.subject.includes(late.code) && !m.subject.includes("RESOLUTION: 50%") && !m.subject.includes("RESOLUTION: 75%"));
    expect(ofLate(people.sari.email).map((m) => m.subject)).toEqual([`[${late.code}] SLA RESOLUTION: 100% dari target · PT Contoh`]);
    expect(ofLate(people.siti.email).map((m) => m.subject)).toEqual([`[${late.code}] Ditugaskan kepada Siti Aminah · PT Contoh`, `[${late.code}] SLA RESOLUTION: 100% dari target · PT Contoh`]);
  });

  it("still mails the new line about an escalation a person asked for", async () => {
    const receipt = await report(gw, { urgency: "MEDIUM", impact: "MEDIUM" });
    const { id } = await get(receipt.code);
    await assign(id);
    await mutate(`mutation($id: ID!) { escalateTicket(id: $id, input: { kind: HIERARCHICAL, notes: "Butuh persetujuan." }) { id } }`, { id });
    await gw.dispatch();
    expect(smtp.to(people.sari.email).filter((m) => m.subject.includes(receipt.code)).map((m) => m.subject)).toEqual([`[${receipt.code}] Eskalasi: Supervisor · PT Contoh`]);
  });
});

describe("a site's own ladder", () => {
  it("is shown to the desk, refused with sentences when it is wrong, and followed", async () => {
    await expect(
      gw.services.sites.setLadder(gw.site.id, {
        RESPONSE: [
          { share: 80, escalate: false, notify: ["GROUP"] },
          { share: 20, escalate: false, notify: ["ASSIGNEE"] },
        ],
      }, TEST_ACTOR),
    ).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", fields: [{ field: "RESPONSE", message: "RESPONSE step 2 (20 %) must come later than step 1 (80 %): shares go up along the ladder, each once." }] } });

    await gw.services.sites.setLadder(gw.site.id, { RESPONSE: [{ share: 20, escalate: false, notify: ["SUPERVISOR"] }] }, TEST_ACTOR);
    const dir = await desk<{ deskDirectory: { slaLadder: Array<{ target: string; share: number; escalate: boolean; notify: string[]; action: string }> } }>(
      gw,
      token,
      `{ deskDirectory { slaLadder { target share escalate notify action } } }`,
    );
    expect(dir.deskDirectory.slaLadder.filter((s) => s.target === "RESPONSE")).toEqual([{ target: "RESPONSE", share: 20, escalate: false, notify: ["SUPERVISOR"], action: "WARN_SUPERVISOR" }]);
    expect(dir.deskDirectory.slaLadder.filter((s) => s.target === "RESOLUTION").map((s) => `${s.share}:${s.action}`)).toEqual([
      "50:WARN_ASSIGNEE",
      "75:WARN_GROUP+WARN_SUPERVISOR",
      "100:ESCALATE+ALERT_SUPERVISOR",
      "150:ALERT_MANAGER",
    ]);

    const receipt = await report(gw, { urgency: "MEDIUM", impact: "MEDIUM" });
    const { id } = await get(receipt.code);
    await sweepAt(receipt.createdAt, 13);
    expect(steps(await get(id))).toEqual(["SLA_RESPONSE_20"]);
    expect(await mailed(id, "RESPONSE", 1)).toEqual([people.sari.email]);
    await gw.services.sites.setLadder(gw.site.id, { RESPONSE: null }, TEST_ACTOR);
  });
});
