import { describe, expect, it } from "vitest";
import { codeDayPattern, codeDayWindow, mysqlFullText, parseSearch, prefixEnd, searchable, sqliteFullText, ticketCodeKey, ticketPhoneKey } from "./search-query.rules.js";

describe("parseSearch", () => {
  it.each([
    // term, codeKey, phone, email, words (codeDay: see "the middle of a code" below)
    ["KOM.30112026.001", "10062021103MOK", null, null, ["kom", "30112026", "001"]],
    ["kom-30112026-001", "10062021103MOK", null, null, ["kom", "30112026", "001"]],
    ["001", "100", null, null, ["001"]],
    ["2026-001", "1006202", "2026001", null, ["2026", "001"]],
    ["0812-3456-7890", "098765432180", "6281234567890", null, ["0812", "3456", "7890"]],
    ["+62 812 3456 7890", null, "6281234567890", null, ["812", "3456", "7890"]],
    ["Budi@Contoh.Example", null, null, "budi@contoh.example", []],
    ["Budi Santoso", null, null, null, ["budi", "santoso"]],
    ["  printer rusak  ", null, null, null, ["printer", "rusak"]],
    ["the printer is at the desk", null, null, null, ["printer", "desk"]],
    ["Al", null, null, null, []],
    ["printer printer", null, null, null, ["printer"]],
    ["jaringan* -mati", null, null, null, ["jaringan", "mati"]],
  ])("reads %j as code %j, phone %j, e-mail %j, words %j", (term, codeKey, phone, email, words) => {
    expect(parseSearch(term)).toEqual({ ok: true, query: { codeKey, phone, email, codeDay: null, words } });
  });

  it.each([
    ["", "search must not be blank"],
    ["   ", "search must not be blank"],
    ["x".repeat(201), "search is too long: at most 200 characters"],
    ["😀".repeat(201), "search is too long: at most 200 characters"],
  ])("refuses %j: %s", (term, problem) => {
    expect(parseSearch(term)).toEqual({ ok: false, problem });
  });

  it("takes 200 characters, counted as the databases count them", () => {
    expect(parseSearch("😀".repeat(200)).ok).toBe(true);
  });
});

describe("the middle of a code", () => {
  it.each([
    // term, the day read, the unit, the start of the sequence
    ["30112026", "30112026", null, ""],
    ["30.11.2026", "30112026", null, ""],
    ["30-11-2026", "30112026", null, ""],
    ["kom.30112026", "30112026", "KOM", ""],
    ["KOM-30112026-0", "30112026", "KOM", "0"],
    ["30112026.00", "30112026", null, "00"],
    ["07 01012026", "01012026", "07", ""],
  ])("reads %j as the day %s, unit %j, sequence starting %j", (term, ddmmyyyy, unit, sequence) => {
    const parsed = parseSearch(term);
    expect(parsed.ok && parsed.query.codeDay).toEqual({ ddmmyyyy, unit, sequence });
  });

  it.each([
    // a whole code or an ending with a whole sequence: the code key finds those alone
    ["KOM.30112026.001"],
    ["30112026.001"],
    // not a day
    ["31022026"],
    ["0009876"],
    ["2026-001"],
    ["KOM.3011"],
    ["printer 30112026"],
  ])("reads no day in %j", (term) => {
    const parsed = parseSearch(term);
    expect(parsed.ok && parsed.query.codeDay).toBe(null);
  });

  it.each([
    [{ ddmmyyyy: "30112026", unit: null, sequence: "" }, "%.30112026.%"],
    [{ ddmmyyyy: "30112026", unit: "KOM", sequence: "" }, "KOM.30112026.%"],
    [{ ddmmyyyy: "30112026", unit: "KOM", sequence: "00" }, "KOM.30112026.00%"],
  ])("matches %j with the code pattern %s", (day, pattern) => expect(codeDayPattern(day)).toBe(pattern));

  it("looks for the day's tickets from its start at UTC+14 to its end at UTC−12", () => {
    expect(codeDayWindow({ ddmmyyyy: "01012026", unit: null, sequence: "" })).toEqual({
      from: new Date("2025-12-31T10:00:00Z"),
      to: new Date("2026-01-02T12:00:00Z"),
    });
  });
});

describe("search keys", () => {
  it.each([
    ["KOM.30112026.001", "10062021103MOK"],
    ["A.01012026.1234", "432162021010A"],
  ])("keys code %s as %s", (code, key) => expect(ticketCodeKey(code)).toBe(key));

  it.each([
    ["0812-3456-7890", "6281234567890"],
    ["+62 812 3456 7890", "6281234567890"],
    ["(021) 555.1234", "62215551234"],
    [null, null],
  ])("keys phone %j as %j", (phone, key) => expect(ticketPhoneKey(phone)).toBe(key));

  it.each([
    ["100", "101"],
    ["10062021103MOK", "10062021103MOL"],
    ["9", ":"],
  ])("ends the prefix range of %s before %s", (prefix, end) => expect(prefixEnd(prefix)).toBe(end));
});

describe("full-text queries", () => {
  it.each([
    [["printer"], "+printer*", '"printer"*'],
    [["printer", "rusak"], "+printer* +rusak*", '"printer"* AND "rusak"*'],
  ])("asks for %j as %s (MariaDB) and %s (SQLite)", (words, mysql, sqlite) => {
    expect(mysqlFullText(words)).toBe(mysql);
    expect(sqliteFullText(words)).toBe(sqlite);
  });

  it("finds nothing to ask for in short words and punctuation", () => {
    const parsed = parseSearch("a b !!");
    expect(parsed.ok && searchable(parsed.query)).toBe(false);
  });
});
