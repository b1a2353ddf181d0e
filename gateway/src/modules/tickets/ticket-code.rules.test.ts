import { describe, expect, it } from "vitest";
import {
  dayKey,
  formatTicketCode,
  isValidTimeZone,
  isValidUnitCode,
  normalizeTicketCode,
  parseTicketCode,
} from "./ticket-code.rules.js";

describe("ticket codes", () => {
  it("round-trips the seed's ticket code 01.18072019.003", () => {
    const parts = parseTicketCode("01.18072019.003");
    expect(parts).toEqual({ unit: "01", day: "20190718", sequence: 3 });
    expect(formatTicketCode("01", "20190718", 3)).toBe("01.18072019.003");
  });

  it.each([
    [1, "01.18072019.001"],
    [42, "01.18072019.042"],
    [999, "01.18072019.999"],
    [1000, "01.18072019.1000"],
    [123456, "01.18072019.123456"],
  ])("pads sequence %i of the day to at least three digits", (sequence, code) => {
    expect(formatTicketCode("01", "20190718", sequence)).toBe(code);
    expect(parseTicketCode(code)).toEqual({ unit: "01", day: "20190718", sequence });
  });

  it.each([
    ["01.18072019.003"],
    ["  01.18072019.003  "],
    ["01-18072019-003"],
    ["01 18072019 003"],
    ["01   18072019   003"],
    ["01 - 18072019 - 003"],
    ["01 . 18072019 . 003"],
    ["01\u201318072019\u2013003"],
    ["\t01.18072019-003\n"],
  ])("reads %j as ticket 01.18072019.003", (typed) => {
    expect(normalizeTicketCode(typed)).toBe("01.18072019.003");
  });

  it.each([
    ["", "empty"],
    ["   ", "blank"],
    ["01.18072019", "no sequence"],
    ["01.18072019.003.4", "an extra part"],
    ["0118072019003", "no separators"],
    ["01..18072019.003", "a doubled separator"],
    ["01/18072019/003", "slashes"],
    ["01_18072019_003", "underscores"],
    ["01.18072019.03", "a two-digit sequence"],
    ["01.18072019.0003", "a sequence padded past three digits"],
    ["01.18072019.000", "sequence zero"],
    ["01.1807201.003", "a seven-digit date"],
    ["01.2019-07-18.003", "an ISO date"],
    ["01.31022019.003", "31 February"],
    ["01.29022019.003", "29 February in a common year"],
    ["01.18132019.003", "month 13"],
    ["01.00072019.003", "day zero"],
    ["ab.18072019.003", "a lowercase unit"],
    ["1234567.18072019.003", "a seven-character unit"],
    ["0 1.18072019.003", "a space inside the unit"],
    ["01.18072019.003x", "trailing junk"],
    ["01.18072019.-03", "a negative sequence"],
    ["01.١٨٠٧٢٠١٩.003", "non-ASCII digits"],
  ])("rejects %j (%s)", (typed) => {
    expect(parseTicketCode(typed)).toBeNull();
    expect(normalizeTicketCode(typed)).toBeNull();
  });

  it("accepts 29 February in a leap year", () => {
    expect(normalizeTicketCode("HQ-29022020-010")).toBe("HQ.29022020.010");
  });

  it.each([
    ["", "20190718", 1, /Unit code/],
    ["01.", "20190718", 1, /Unit code/],
    ["01", "18072019", 1, /calendar date/],
    ["01", "20190231", 1, /calendar date/],
    ["01", "2019718", 1, /calendar date/],
    ["01", "20190718", 0, /Sequence/],
    ["01", "20190718", 1.5, /Sequence/],
    ["01", "20190718", Number.NaN, /Sequence/],
  ])("refuses to format unit %j, day %j, sequence %d", (unit, day, sequence, message) => {
    expect(() => formatTicketCode(unit, day, sequence)).toThrow(message);
  });
});

describe("dayKey", () => {
  it.each([
    ["2019-07-17T20:00:00Z", "Asia/Jakarta", "20190718"], // UTC+7 crosses midnight first
    ["2019-07-17T16:59:59Z", "Asia/Jakarta", "20190717"],
    ["2019-07-17T17:00:00Z", "Asia/Jakarta", "20190718"],
    ["2019-07-17T15:59:59Z", "Asia/Makassar", "20190717"], // WITA, UTC+8
    ["2019-07-17T16:00:00Z", "Asia/Makassar", "20190718"],
    ["2019-07-17T14:59:59Z", "Asia/Jayapura", "20190717"], // WIT, UTC+9
    ["2019-07-17T15:00:00Z", "Asia/Jayapura", "20190718"],
    ["2019-07-17T20:00:00Z", "UTC", "20190717"],
    ["2019-07-18T03:00:00Z", "America/New_York", "20190717"],
    ["2019-12-31T17:00:00Z", "Asia/Jakarta", "20200101"], // the year turns too
    ["2020-02-28T17:00:00Z", "Asia/Jakarta", "20200229"],
  ])("puts %s in %s on day %s", (iso, timeZone, expected) => {
    expect(dayKey(new Date(iso), timeZone)).toBe(expected);
  });

  it("throws for an unknown time zone", () => {
    expect(() => dayKey(new Date("2019-07-18T00:00:00Z"), "Mars/Olympus_Mons")).toThrow(RangeError);
  });

  it("feeds formatTicketCode with the local day", () => {
    const day = dayKey(new Date("2019-07-17T20:00:00Z"), "Asia/Jakarta");
    expect(formatTicketCode("01", day, 3)).toBe("01.18072019.003");
  });
});

describe("isValidUnitCode", () => {
  it.each([
    ["0", true],
    ["01", true],
    ["HQ", true],
    ["BPN01", true],
    ["ABC123", true],
    ["", false],
    ["ABC1234", false],
    ["hq", false],
    ["H-Q", false],
    ["H Q", false],
    ["H.Q", false],
    [" HQ", false],
    ["ÄB", false],
  ])("judges unit %j valid: %s", (unit, valid) => {
    expect(isValidUnitCode(unit)).toBe(valid);
  });
});

describe("isValidTimeZone", () => {
  it.each([
    ["Asia/Jakarta", true],
    ["Asia/Makassar", true],
    ["Asia/Jayapura", true],
    ["UTC", true],
    ["Europe/London", true],
    ["", false],
    ["   ", false],
    ["Asia/Atlantis", false],
    ["Jakarta", false],
    ["not a zone", false],
  ])("judges %j valid: %s", (tz, valid) => {
    expect(isValidTimeZone(tz)).toBe(valid);
  });
});
