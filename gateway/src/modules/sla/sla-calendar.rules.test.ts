import { describe, expect, it } from "vitest";
import { Priority } from "../tickets/ticket.enums.js";
import { parseWeeklyHours } from "./business-time.rules.js";
import { calendarFor, DEFAULT_ROUND_THE_CLOCK, parsePriorities, validateSiteHours, type SiteCalendar } from "./sla-calendar.rules.js";

const week = parseWeeklyHours("MON-FRI 08:00-17:00").week;
const site = (hours: SiteCalendar["hours"]): SiteCalendar => ({ timeZone: "Asia/Jakarta", hours, holidays: new Set(["2026-08-17"]) });

describe("calendarFor", () => {
  it.each([
    ["no hours: every priority 24×7", null, Priority.P4, false],
    ["default: P1 stays 24×7", { week, roundTheClock: [...DEFAULT_ROUND_THE_CLOCK] }, Priority.P1, false],
    ["default: P2 follows the hours", { week, roundTheClock: [...DEFAULT_ROUND_THE_CLOCK] }, Priority.P2, true],
    ["default: P4 follows the hours", { week, roundTheClock: [...DEFAULT_ROUND_THE_CLOCK] }, Priority.P4, true],
    ["none kept 24×7: P1 follows the hours too", { week, roundTheClock: [] }, Priority.P1, true],
    ["P1 and P2 kept 24×7", { week, roundTheClock: [Priority.P1, Priority.P2] }, Priority.P2, false],
  ] as const)("%s", (_case, hours, priority, business) => {
    const cal = calendarFor(site(hours ? { week: hours.week, roundTheClock: [...hours.roundTheClock] } : null), priority);
    expect(cal !== null).toBe(business);
    if (cal) expect(cal).toMatchObject({ timeZone: "Asia/Jakarta", holidays: new Set(["2026-08-17"]) });
  });
});

describe("parsePriorities", () => {
  it.each([
    ["P1", [Priority.P1], []],
    ["p2, P1,P2", [Priority.P1, Priority.P2], []],
    ["none", [], []],
    ["P1,P9", [Priority.P1], ['"P9" is not a priority; use P1 to P5, or none.']],
  ])("%j", (text, priorities, problems) => {
    expect(parsePriorities(text)).toEqual({ priorities, problems });
  });
});

describe("validateSiteHours", () => {
  it("refuses hours no priority uses", () => {
    expect(validateSiteHours({ week, roundTheClock: Object.values(Priority) })).toEqual([
      "Every priority is kept 24×7, so the hours would never be used; remove the hours instead.",
    ]);
  });
  it("accepts a week with P1 kept 24×7", () => {
    expect(validateSiteHours({ week, roundTheClock: [Priority.P1] })).toEqual([]);
  });
});
