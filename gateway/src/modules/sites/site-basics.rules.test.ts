import { describe, expect, it } from "vitest";
import { basicsProblems, canonicalTimeZone, languagesOf } from "./site-basics.rules.js";

const BOTH = { languages: ["id", "en"], defaultLanguage: "id", languageChanged: false };

describe("basicsProblems", () => {
  it.each<[string, Record<string, unknown>]>([
    ["a name", { name: "Kantor Pos Samarinda" }],
    ["a name of 120 characters, emoji counted as one", { name: `${"a".repeat(119)}🙂` }],
    ["a unit code of digits", { unitCode: "01" }],
    ["a unit code of capitals and digits", { unitCode: "KPB02" }],
    ["a time zone", { timeZone: "Asia/Makassar" }],
    ["a time zone in other case", { timeZone: "asia/jayapura" }],
    ["one language, the default", { languages: ["id"] }],
    ["both languages", { languages: ["en", "id"] }],
  ])("accepts %s", (_, patch) => {
    expect(basicsProblems(patch, BOTH)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, typeof BOTH, string[]]>([
    ["a blank name", { name: "   " }, BOTH, ["name"]],
    ["a name of 121 characters", { name: "a".repeat(121) }, BOTH, ["name"]],
    ["a lowercase unit code", { unitCode: "ab" }, BOTH, ["unitCode"]],
    ["a unit code of 7 characters", { unitCode: "0123456" }, BOTH, ["unitCode"]],
    ["a unit code with a dot", { unitCode: "01.2" }, BOTH, ["unitCode"]],
    ["an unknown time zone", { timeZone: "Asia/Balikpapan" }, BOTH, ["timeZone"]],
    ["a UTC offset", { timeZone: "+07:00 WIB" }, BOTH, ["timeZone"]],
    ["no language", { languages: [] }, BOTH, ["languages"]],
    ["a language Sigap does not speak", { languages: ["id", "fr"] }, BOTH, ["languages"]],
    ["a language twice", { languages: ["id", "id"] }, BOTH, ["languages"]],
    ["languages without the default", { languages: ["en"] }, BOTH, ["languages"]],
    ["a default language the site does not offer", {}, { languages: ["en"], defaultLanguage: "id", languageChanged: true }, ["language"]],
    ["everything at once", { name: "", unitCode: "x", timeZone: "Mars/Olympus", languages: ["de"] }, BOTH, ["name", "unitCode", "timeZone", "languages"]],
  ])("names %s", (_, patch, current, fields) => {
    expect(basicsProblems(patch, current).map((p) => p.field)).toEqual(fields);
  });

  it("leaves an unknown default language to the mail rules", () => {
    expect(basicsProblems({ languages: ["en"] }, { languages: ["id", "en"], defaultLanguage: "fr", languageChanged: true })).toEqual([]);
  });
});

describe("canonicalTimeZone and languagesOf", () => {
  it.each([
    ["asia/jakarta", "Asia/Jakarta"],
    ["Asia/Makassar", "Asia/Makassar"],
    ["Nowhere/Atlantis", null],
  ])("reads %s as %s", (zone, canonical) => {
    expect(canonicalTimeZone(zone)).toBe(canonical);
  });

  it.each([
    [null, ["id", "en"]],
    [["en"], ["en"]],
  ] as const)("offers %j as %j", (languages, offered) => {
    expect(languagesOf({ languages: languages ? [...languages] : null })).toEqual(offered);
  });
});
