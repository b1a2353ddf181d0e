import { describe, expect, it } from "vitest";
import {
  addBusinessTime,
  businessTimeBetween,
  businessTimeUntil,
  clockAt,
  formatWeeklyHours,
  isIsoDate,
  parseWeeklyHours,
  type BusinessCalendar,
} from "./business-time.rules.js";

const H = 3_600_000;
const MIN = 60_000;
const at = (iso: string): Date => new Date(iso);

function calendar(timeZone: string, hours: string, holidays: string[] = []): BusinessCalendar {
  const { week, problems } = parseWeeklyHours(hours);
  if (problems.length) throw new Error(problems.join(" "));
  return { timeZone, week, holidays: new Set(holidays) };
}

// 2026-11-27 is a Friday; 2026-08-17 (Monday) is Indonesia's Independence Day.
const JAKARTA = calendar("Asia/Jakarta", "MON-FRI 08:00-17:00", ["2026-08-17"]);
const MAKASSAR = calendar("Asia/Makassar", "MON-FRI 08:00-17:00");
const UTC = calendar("UTC", "MON-FRI 08:00-17:00");
// Europe/Amsterdam moves to CEST on 2026-03-29 and back to CET on 2026-10-25 (both Sundays).
const AMSTERDAM = calendar("Europe/Amsterdam", "MON-FRI 09:00-17:00");
const AMSTERDAM_NIGHT = calendar("Europe/Amsterdam", "SAT 22:00-06:00");
const NIGHT_DESK = calendar("Asia/Jakarta", "MON-FRI 22:00-06:00", ["2026-08-17"]);
const SPLIT = calendar("Asia/Jakarta", "MON-FRI 08:00-12:00,13:00-17:00; SAT 08:00-12:00");

describe("addBusinessTime", () => {
  it.each([
    // [case, calendar, from, business time, due]
    ["Jakarta: Friday 17:00 + 4 h is Monday noon", JAKARTA, "2026-11-27T10:00:00Z", 4 * H, "2026-11-30T05:00:00Z"],
    ["Jakarta: Friday 16:00 + 2 h runs 1 h on Friday, 1 h on Monday", JAKARTA, "2026-11-27T09:00:00Z", 2 * H, "2026-11-30T02:00:00Z"],
    ["Jakarta: Friday 17:00 + 12 h (P4 resolution) is Tuesday 11:00", JAKARTA, "2026-11-27T10:00:00Z", 12 * H, "2026-12-01T04:00:00Z"],
    ["Jakarta: Saturday + 1 h is Monday 09:00", JAKARTA, "2026-11-28T03:00:00Z", 1 * H, "2026-11-30T02:00:00Z"],
    ["Jakarta: inside hours is plain addition", JAKARTA, "2026-11-25T02:00:00Z", 1 * H, "2026-11-25T03:00:00Z"],
    ["Jakarta: exactly the rest of the day ends at closing, not next opening", JAKARTA, "2026-11-27T09:00:00Z", 1 * H, "2026-11-27T10:00:00Z"],
    ["Jakarta: before opening starts at opening", JAKARTA, "2026-11-23T23:00:00Z", 30 * MIN, "2026-11-24T01:30:00Z"],
    ["Jakarta: a Monday holiday is skipped", JAKARTA, "2026-08-14T09:00:00Z", 2 * H, "2026-08-18T02:00:00Z"],
    ["Makassar (UTC+8): Friday 17:00 + 4 h is Monday noon", MAKASSAR, "2026-11-27T09:00:00Z", 4 * H, "2026-11-30T04:00:00Z"],
    ["UTC: Friday 17:00 + 4 h is Monday noon", UTC, "2026-11-27T17:00:00Z", 4 * H, "2026-11-30T12:00:00Z"],
    ["Amsterdam: over the spring change, Monday 10:00 CEST", AMSTERDAM, "2026-03-27T15:00:00Z", 2 * H, "2026-03-30T08:00:00Z"],
    ["Amsterdam: over the autumn change, Monday 10:00 CET", AMSTERDAM, "2026-10-23T14:00:00Z", 2 * H, "2026-10-26T09:00:00Z"],
    ["overnight: Friday 23:00 + 3 h runs into Saturday 02:00", NIGHT_DESK, "2026-11-27T16:00:00Z", 3 * H, "2026-11-27T19:00:00Z"],
    ["overnight: Saturday 05:00 + 2 h waits for Monday night", NIGHT_DESK, "2026-11-27T22:00:00Z", 2 * H, "2026-11-30T16:00:00Z"],
    ["overnight: a holiday cancels the shift starting on it", NIGHT_DESK, "2026-08-17T14:00:00Z", 1 * H, "2026-08-18T16:00:00Z"],
    ["split day: the lunch hour does not count", SPLIT, "2026-11-25T04:30:00Z", 1 * H, "2026-11-25T06:30:00Z"],
    ["split day: Saturday morning counts", SPLIT, "2026-11-27T09:00:00Z", 2 * H, "2026-11-28T02:00:00Z"],
    ["24×7 (no calendar): plain addition over the weekend", null, "2026-11-27T10:00:00Z", 4 * H, "2026-11-27T14:00:00Z"],
    ["zero business time is the start itself, even out of hours", JAKARTA, "2026-11-28T03:00:00Z", 0, "2026-11-28T03:00:00Z"],
  ] as const)("%s", (_case, cal, from, ms, due) => {
    expect(addBusinessTime(cal, at(from), ms).toISOString()).toBe(at(due).toISOString());
  });
});

describe("businessTimeBetween", () => {
  it.each([
    ["Jakarta: Friday 17:00 to Monday noon", JAKARTA, "2026-11-27T10:00:00Z", "2026-11-30T05:00:00Z", 4 * H],
    ["Jakarta: Friday 16:00 to Monday 09:00", JAKARTA, "2026-11-27T09:00:00Z", "2026-11-30T02:00:00Z", 2 * H],
    ["Jakarta: a whole week", JAKARTA, "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z", 45 * H],
    ["Jakarta: over a holiday", JAKARTA, "2026-08-14T09:00:00Z", "2026-08-18T02:00:00Z", 2 * H],
    ["Makassar: Friday 16:00 WITA to Monday 09:00 WITA", MAKASSAR, "2026-11-27T08:00:00Z", "2026-11-30T01:00:00Z", 2 * H],
    ["Amsterdam: the spring-forward night is an hour shorter", AMSTERDAM_NIGHT, "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z", 7 * H],
    ["Amsterdam: the fall-back night is an hour longer", AMSTERDAM_NIGHT, "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z", 9 * H],
    ["Amsterdam: office days keep 8 hours over the change", AMSTERDAM, "2026-03-27T00:00:00Z", "2026-03-31T00:00:00Z", 16 * H],
    ["overnight: the Friday night shift counts into Saturday, Thursday's ends before", NIGHT_DESK, "2026-11-27T00:00:00Z", "2026-11-29T00:00:00Z", 8 * H],
    ["a later start than end is none", JAKARTA, "2026-11-30T05:00:00Z", "2026-11-27T10:00:00Z", 0],
    ["24×7: plain difference", null, "2026-11-27T10:00:00Z", "2026-11-30T05:00:00Z", 67 * H],
  ] as const)("%s", (_case, cal, from, to, ms) => {
    expect(businessTimeBetween(cal, at(from), at(to))).toBe(ms);
  });

  it.each([
    ["Jakarta", JAKARTA, "2026-11-27T03:17:00Z"],
    ["Amsterdam spring", AMSTERDAM, "2026-03-26T11:00:00Z"],
    ["Amsterdam autumn night", AMSTERDAM_NIGHT, "2026-10-20T11:00:00Z"],
    ["night desk over a holiday", NIGHT_DESK, "2026-08-13T11:00:00Z"],
  ] as const)("undoes addBusinessTime (%s)", (_case, cal, from) => {
    for (const ms of [MIN, 3 * H, 20 * H, 60 * H]) {
      expect(businessTimeBetween(cal, at(from), addBusinessTime(cal, at(from), ms))).toBe(ms);
    }
  });
});

describe("businessTimeUntil", () => {
  it.each([
    ["time left before the due instant", "2026-11-27T09:00:00Z", "2026-11-30T02:00:00Z", 2 * H],
    ["negative once past, counting business time only", "2026-11-30T02:00:00Z", "2026-11-27T09:00:00Z", -2 * H],
    ["past due over a weekend only is still zero", "2026-11-28T03:00:00Z", "2026-11-27T10:00:00Z", 0],
  ] as const)("%s", (_case, now, due, ms) => {
    expect(businessTimeUntil(JAKARTA, at(now), at(due))).toBe(ms);
  });
});

describe("clockAt", () => {
  it.each([
    ["Saturday: stopped until Monday 08:00", JAKARTA, "2026-11-28T03:00:00Z", false, "2026-11-30T01:00:00Z"],
    ["Wednesday 09:00: running until 17:00", JAKARTA, "2026-11-25T02:00:00Z", true, "2026-11-25T10:00:00Z"],
    ["night desk Saturday 02:00: running until 06:00", NIGHT_DESK, "2026-11-27T19:00:00Z", true, "2026-11-27T23:00:00Z"],
  ] as const)("%s", (_case, cal, when, running, changesAt) => {
    expect(clockAt(cal, at(when))).toEqual({ running, changesAt: at(changesAt) });
  });

  it("always runs without a calendar", () => {
    expect(clockAt(null, at("2026-11-28T03:00:00Z"))).toEqual({ running: true, changesAt: null });
  });
});

describe("parseWeeklyHours", () => {
  it.each([
    ["MON-FRI 08:00-17:00; SAT 08:00-12:00", "MON-FRI 08:00-17:00; SAT 08:00-12:00"],
    ["mon-fri 8:00-12:00, 13:00-17:00", "MON-FRI 08:00-12:00,13:00-17:00"],
    ["FRI-MON 22:00-06:00", "MON 22:00-06:00; FRI-SUN 22:00-06:00"],
    ["MON,WED 09:00-15:00", "MON 09:00-15:00; WED 09:00-15:00"],
    ["MON-SUN 00:00-24:00", "MON-SUN 00:00-24:00"],
  ])("reads %j and writes it back as %j", (text, formatted) => {
    const { week, problems } = parseWeeklyHours(text);
    expect(problems).toEqual([]);
    expect(formatWeeklyHours(week)).toBe(formatted);
  });

  it.each([
    ["", /Give the hours/],
    ["XYZ 08:00-17:00", /must be days then times/],
    ["MON 8-17", /must be a time range/],
    ["MON 25:00-26:00", /must be a time range/],
    ["MON 08:00-12:00,11:00-13:00", /overlaps/],
    ["SUN 22:00-06:00; MON 05:00-07:00", /SUN 22:00-06:00 overlaps MON 05:00/],
  ])("refuses %j", (text, problem) => {
    expect(parseWeeklyHours(text).problems.join(" ")).toMatch(problem);
  });
});

describe("isIsoDate", () => {
  it.each([
    ["2026-08-17", true],
    ["2026-02-29", false],
    ["2026-8-17", false],
    ["17-08-2026", false],
  ])("%s → %s", (text, ok) => {
    expect(isIsoDate(text)).toBe(ok);
  });
});
