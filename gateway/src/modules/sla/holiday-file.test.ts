import { describe, expect, it } from "vitest";
import { readHolidayFile, selectHolidays } from "./holiday-file.js";

describe("the shipped Indonesian holiday file", () => {
  it.each([
    // SKB 3 Menteri 2026: 17 national holidays and 8 cuti bersama.
    [[2026], false, 17, 0],
    [[2026], true, 25, 0],
    [[2027], false, 17, 9],
    [[2026, 2027], false, 34, 9],
  ])("years %j, cuti bersama %s: %i days, %i provisional", async (years, cutiBersama, count, provisional) => {
    const selection = selectHolidays(await readHolidayFile("id"), { years, cutiBersama });
    expect(selection.holidays).toHaveLength(count);
    expect(selection.provisional).toHaveLength(provisional);
    for (const y of years) expect(selection.sources[String(y)]).toMatch(/SKB/);
  });

  it("lists Independence Day 2026 and Idul Fitri 1447 H", async () => {
    const { holidays } = selectHolidays(await readHolidayFile("id"), { years: [2026] });
    expect(holidays.map((h) => h.day)).toEqual(expect.arrayContaining(["2026-08-17", "2026-03-21", "2026-03-22"]));
  });
});

describe("selectHolidays", () => {
  it.each([
    [{}, /"holidays" list/],
    [{ holidays: [{ day: "2026-02-30", name: "x", kind: "NATIONAL" }] }, /Holiday 1/],
    [{ holidays: [{ day: "2026-02-03", name: "x", kind: "OTHER" }] }, /NATIONAL or CUTI_BERSAMA/],
  ])("refuses a bad file %j", (json, message) => {
    expect(() => selectHolidays(json)).toThrow(message);
  });
});
