import { describe, expect, it } from "vitest";
import { zonedDateTime, zonedDayBound } from "./zoned-day.js";

describe("zonedDayBound", () => {
  it.each([
    ["the start of a day in Makassar (UTC+8)", "2026-12-01", "Asia/Makassar", false, "2026-11-30T16:00:00.000Z"],
    ["the end of a day in Makassar", "2026-12-01", "Asia/Makassar", true, "2026-12-01T15:59:59.999Z"],
    ["the start of a day in UTC", "2026-12-01", "UTC", false, "2026-12-01T00:00:00.000Z"],
    ["a day after New York's clocks went back", "2026-11-02", "America/New_York", false, "2026-11-02T05:00:00.000Z"],
    ["a day in New York's summer time", "2026-07-01", "America/New_York", false, "2026-07-01T04:00:00.000Z"],
  ])("gives %s", (_what, day, zone, end, iso) => {
    expect(zonedDayBound(day, zone, end)).toBe(iso);
  });

  it("gives null for text that is not a day", () => {
    expect(zonedDayBound("1 Dec", "UTC")).toBeNull();
  });
});

describe("zonedDateTime", () => {
  it("shows an instant on the zone's clock", () => {
    expect(zonedDateTime("2026-12-01T03:00:00Z", "en-GB", "Asia/Makassar")).toBe("1 Dec 2026, 11:00:00");
  });

  it("falls back to the reader's clock for a zone the browser does not know", () => {
    expect(zonedDateTime("2026-12-01T03:00:00Z", "en-GB", "Not/AZone")).toMatch(/2026/);
  });
});
