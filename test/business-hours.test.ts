/**
 * Business hours and holidays (issue 10, item 5) through the public surface: the ADMIN
 * mutations, due times at logging, the queue's time left, pause and resume, and the ladder,
 * on a site in Asia/Jakarta (UTC+7) open MON-FRI 08:00-17:00. The test's clock starts on a
 * fixed Friday and only moves forward.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, desk, DESK_TICKET, ManualClock, report, startTestGateway, type TestGateway } from "./harness.js";

const MIN = 60_000;
const HOUR = 60 * MIN;

let gw: TestGateway;
let admin: string;
let agent: string;

/** Moves the test's clock to an instant (forward) and mints fresh tokens, which last 12 hours of that clock. */
async function at(iso: string): Promise<void> {
  const ms = Date.parse(iso) - gw.clock.now().getTime();
  if (ms < 0) throw new Error(`the clock only moves forward: ${iso} is before ${gw.clock.now().toISOString()}`);
  gw.clock.advance(ms);
  admin = await gw.agentToken(Role.ADMIN);
  agent = await gw.agentToken(Role.AGENT);
}

const CALENDAR = `businessCalendar { timeZone hours roundTheClock week { day shifts } holidays { day name } running changesAt }`;
const SET_HOURS = `mutation($input: SetBusinessHoursInput!) { setBusinessHours(input: $input) { timeZone hours roundTheClock week { day shifts } running changesAt } }`;
const ADD_HOLIDAYS = `mutation($holidays: [HolidayInput!]!) { addHolidays(holidays: $holidays) { holidays { day name } } }`;

interface Sla {
  responseBreached: boolean;
  resolutionBreached: boolean;
  paused: boolean;
  atRisk: boolean;
  responseRemainingMs: number | null;
  resolutionRemainingMs: number | null;
  businessTime: boolean;
  running: boolean;
  changesAt: string | null;
  measuredAt: string;
}
interface DeskTicket {
  id: string;
  priority: string;
  responseDueAt: string;
  resolutionDueAt: string;
  sla: Sla;
  timeline: Array<{ kind: string; code: string | null }>;
}

const get = async (id: string) =>
  (
    await desk<{ ticket: DeskTicket }>(
      gw,
      agent,
      `query($id: ID!) { ticket(id: $id) { ${DESK_TICKET} sla { responseBreached resolutionBreached paused atRisk responseRemainingMs resolutionRemainingMs businessTime running changesAt measuredAt } } }`,
      { id },
    )
  ).ticket;
const status = (id: string, input: Record<string, unknown>) =>
  desk(gw, agent, `mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { id } }`, { id, input });

beforeAll(async () => {
  const clock = new ManualClock();
  // Friday 2026-11-27 08:00 in Jakarta, before any site or token exists.
  clock.advance(Date.parse("2026-11-27T01:00:00Z") - clock.now().getTime());
  gw = await startTestGateway({ clock });
  await gw.services.sites.setSettings(gw.site.id, { reporterSetsImpact: true });
  await at("2026-11-27T01:00:00Z");
});
afterAll(() => gw?.close());

describe("setting business hours and holidays", () => {
  it("is for admins only: an agent or supervisor gets FORBIDDEN and nothing changes", async () => {
    for (const role of [Role.AGENT, Role.SUPERVISOR]) {
      const token = await gw.agentToken(role);
      const r = await gw.gql(SET_HOURS, { input: { hours: "MON-FRI 08:00-17:00" } }, { token, siteKey: null });
      expect(codeOf(r)).toBe("FORBIDDEN");
      expect(codeOf(await gw.gql(ADD_HOLIDAYS, { holidays: [{ day: "2026-12-07", name: "x" }] }, { token, siteKey: null }))).toBe("FORBIDDEN");
    }
    const r = await desk<{ businessCalendar: { hours: string | null; roundTheClock: string[]; running: boolean } }>(gw, agent, `{ ${CALENDAR} }`);
    expect(r.businessCalendar).toMatchObject({ hours: null, roundTheClock: ["P1", "P2", "P3", "P4", "P5"], running: true });
  });

  it("names what is wrong with bad hours and bad holidays (BAD_USER_INPUT)", async () => {
    const bad = await gw.gql(SET_HOURS, { input: { hours: "MON 08:00-12:00,11:00-13:00; XYZ 09:00-10:00" } }, { token: admin, siteKey: null });
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.message).toMatch(/XYZ 09:00-10:00/);
    const day = await gw.gql(ADD_HOLIDAYS, { holidays: [{ day: "2026-02-30", name: "Nope" }] }, { token: admin, siteKey: null });
    expect(codeOf(day)).toBe("BAD_USER_INPUT");
    expect(day.errors?.[0]?.extensions["fields"]).toEqual([{ field: "holidays.0.day", message: '"2026-02-30" is not a date written YYYY-MM-DD.' }]);
  });

  it("sets the hours with P1 kept 24×7, and the desk reads them", async () => {
    const r = await desk<{ setBusinessHours: { hours: string; roundTheClock: string[]; week: Array<{ day: string; shifts: string[] }>; running: boolean; changesAt: string } }>(
      gw,
      admin,
      SET_HOURS,
      { input: { hours: "mon-fri 08:00-17:00" } },
    );
    expect(r.setBusinessHours).toMatchObject({ hours: "MON-FRI 08:00-17:00", roundTheClock: ["P1"], running: true, changesAt: "2026-11-27T10:00:00.000Z" });
    expect(r.setBusinessHours.week.map((d) => `${d.day}:${d.shifts.join(",")}`)).toEqual([
      "MON:08:00-17:00", "TUE:08:00-17:00", "WED:08:00-17:00", "THU:08:00-17:00", "FRI:08:00-17:00", "SAT:", "SUN:",
    ]);
  });
});

describe("due times in business time", () => {
  it("a P4 logged Friday 17:00 Jakarta time is due after the weekend, and the weekend does not count down", async () => {
    await at("2026-11-27T10:00:00Z"); // Friday 17:00 WIB
    const receipt = await report(gw, { urgency: "LOW", impact: "MEDIUM" });
    expect(receipt.priority).toBe("P4");
    // 4 business hours to respond: Monday 08:00-12:00; 12 to resolve: Monday 9, Tuesday 3.
    expect(receipt.responseDueAt).toBe("2026-11-30T05:00:00.000Z");
    expect(receipt.resolutionDueAt).toBe("2026-12-01T04:00:00.000Z");

    await at("2026-11-28T05:00:00Z"); // Saturday noon
    const t = await get(receipt.code);
    expect(t.sla).toMatchObject({
      businessTime: true,
      running: false,
      changesAt: "2026-11-30T01:00:00.000Z",
      measuredAt: "2026-11-28T05:00:00.000Z",
      responseRemainingMs: 4 * HOUR,
      resolutionRemainingMs: 12 * HOUR,
      responseBreached: false,
      atRisk: false,
    });

    await at("2026-11-30T04:30:00Z"); // Monday 11:30: half an hour of business time left
    expect((await get(receipt.code)).sla).toMatchObject({ running: true, responseRemainingMs: 30 * MIN, atRisk: true, responseBreached: false });
    await at("2026-11-30T05:00:01Z");
    expect((await get(receipt.code)).sla).toMatchObject({ responseBreached: true });
  });

  it("a holiday moves the due time past it", async () => {
    await desk(gw, admin, ADD_HOLIDAYS, { holidays: [{ day: "2026-12-07", name: "Cuti kantor" }] });
    await at("2026-12-04T10:00:00Z"); // Friday 17:00 WIB; Monday 7 December is a holiday
    const receipt = await report(gw, { urgency: "LOW", impact: "MEDIUM" });
    expect(receipt.responseDueAt).toBe("2026-12-08T05:00:00.000Z"); // Tuesday 12:00 WIB
    const r = await desk<{ businessCalendar: { holidays: Array<{ day: string; name: string }> } }>(gw, agent, `{ ${CALENDAR} }`);
    expect(r.businessCalendar.holidays).toEqual([{ day: "2026-12-07", name: "Cuti kantor" }]);
  });

  it("P1 stays 24×7 over the weekend and the holiday", async () => {
    await at("2026-12-11T10:00:00Z"); // Friday 17:00 WIB
    const receipt = await report(gw, { urgency: "HIGH", impact: "HIGH" });
    expect(receipt.priority).toBe("P1");
    expect(Date.parse(receipt.responseDueAt) - Date.parse(receipt.createdAt)).toBe(10 * MIN);
    expect(Date.parse(receipt.resolutionDueAt) - Date.parse(receipt.createdAt)).toBe(HOUR);
    gw.clock.advance(5 * MIN);
    expect((await get(receipt.code)).sla).toMatchObject({ businessTime: false, running: true, changesAt: null, responseRemainingMs: 5 * MIN });
  });

  it("a pause over the weekend pushes the resolution due time by the business time it took", async () => {
    await at("2026-12-18T09:00:00Z"); // Friday 16:00 WIB
    const receipt = await report(gw, { urgency: "MEDIUM", impact: "MEDIUM" }); // P3: 60 / 480 minutes
    // 480 business minutes from Friday 16:00: 1 hour on Friday, 7 on Monday, so Monday 15:00.
    expect(receipt.resolutionDueAt).toBe("2026-12-21T08:00:00.000Z");
    const { id } = await get(receipt.code);
    gw.clock.advance(10 * MIN);
    await status(id, { status: "IN_PROGRESS" });
    gw.clock.advance(20 * MIN); // Friday 16:30
    await status(id, { status: "PENDING", pendingReason: "THIRD_PARTY" });
    await at("2026-12-21T02:00:00Z"); // Monday 09:00: paused 30 minutes on Friday and 60 on Monday
    expect((await get(id)).sla).toMatchObject({ paused: true, resolutionRemainingMs: 450 * MIN });
    await status(id, { status: "IN_PROGRESS" });
    const resumed = await get(id);
    expect(resumed.resolutionDueAt).toBe("2026-12-21T09:30:00.000Z"); // Monday 16:30
    expect(resumed.sla).toMatchObject({ paused: false, resolutionRemainingMs: 450 * MIN, resolutionBreached: false });
  });
});

describe("the escalation ladder in business time", () => {
  it("fires the 50 % response step at half the business time, not half the wall time", async () => {
    await at("2026-12-25T09:00:00Z"); // Friday 16:00 WIB (Christmas is not a holiday of this site)
    const receipt = await report(gw, { urgency: "LOW", impact: "MEDIUM" }); // P4: 240 minutes to respond
    expect(receipt.responseDueAt).toBe("2026-12-28T04:00:00.000Z"); // Monday 11:00
    const { id } = await get(receipt.code);
    const ladder = async () => (await get(id)).timeline.filter((e) => e.code?.startsWith("SLA_")).map((e) => e.code);

    // Half the wall time from Friday 16:00 to Monday 11:00 is Saturday 01:30; nothing may fire then.
    await at("2026-12-26T12:00:00Z");
    await gw.sweep();
    expect(await ladder()).toEqual([]);
    // Half the business time (2 hours) is Friday 16:00-17:00 and Monday 08:00-09:00.
    await at("2026-12-28T01:59:00Z");
    await gw.sweep();
    expect(await ladder()).toEqual([]);
    await at("2026-12-28T02:01:00Z");
    await gw.sweep();
    expect(await ladder()).toEqual(["SLA_RESPONSE_50"]);
    // 75 % is three business hours: Monday 10:00.
    await at("2026-12-28T03:01:00Z");
    await gw.sweep();
    expect(await ladder()).toEqual(["SLA_RESPONSE_50", "SLA_RESPONSE_75"]);
  });
});
