import { describe, expect, it } from "vitest";
import { checkValues, CustomFieldType, definitionProblems, displayValue, inScope, isIsoDate, type FieldDefinition } from "./custom-field.rules.js";

const T = CustomFieldType;

function def(over: Partial<FieldDefinition> = {}): FieldDefinition {
  return {
    key: "floor",
    type: T.TEXT,
    labelId: "Lantai",
    labelEn: "Floor",
    helpId: null,
    helpEn: null,
    required: false,
    choices: [],
    maxLength: null,
    min: null,
    max: null,
    minDate: null,
    maxDate: null,
    serviceIds: null,
    retired: false,
    ...over,
  };
}

const COUNTER = [
  { value: "loket", id: "Loket", en: "Counter" },
  { value: "gudang", id: "Gudang", en: "Warehouse" },
];

describe("definitionProblems", () => {
  it.each<[string, Partial<FieldDefinition>, string[]]>([
    ["a plain text field", {}, []],
    ["a bad key", { key: "Floor No" }, ["key"]],
    ["a key starting with a digit", { key: "1floor" }, ["key"]],
    ["no Indonesian label", { labelId: " " }, ["labelId"]],
    ["an English label too long", { labelEn: "x".repeat(121) }, ["labelEn"]],
    ["help too long", { helpId: "x".repeat(501) }, ["helpId"]],
    ["text longer than 1000", { maxLength: 1001 }, ["maxLength"]],
    ["text of 1000", { maxLength: 1000 }, []],
    ["text with choices", { choices: COUNTER }, ["choices"]],
    ["a choice field without choices", { type: T.CHOICE }, ["choices"]],
    ["a choice field", { type: T.MULTI_CHOICE, choices: COUNTER }, []],
    ["a choice value twice", { type: T.CHOICE, choices: [COUNTER[0]!, COUNTER[0]!] }, ["choices.1.value"]],
    ["a choice without an English label", { type: T.CHOICE, choices: [{ value: "a", id: "A", en: "" }] }, ["choices.0.en"]],
    ["a bad choice value", { type: T.CHOICE, choices: [{ value: "a b", id: "A", en: "A" }] }, ["choices.0.value"]],
    ["a number range", { type: T.NUMBER, min: 0, max: 10 }, []],
    ["a number range upside down", { type: T.NUMBER, min: 10, max: 0 }, ["max"]],
    ["a min on text", { min: 1 }, ["min"]],
    ["a date range", { type: T.DATE, minDate: "2020-01-01", maxDate: "2030-12-31" }, []],
    ["a date range upside down", { type: T.DATE, minDate: "2030-01-01", maxDate: "2020-12-31" }, ["maxDate"]],
    ["a date that does not exist", { type: T.DATE, minDate: "2023-02-30" }, ["minDate"]],
    ["a date bound on a number", { type: T.NUMBER, maxDate: "2030-01-01" }, ["maxDate"]],
    ["an empty scope", { serviceIds: [] }, ["serviceIds"]],
    ["yes/no", { type: T.YES_NO, required: true }, []],
  ])("%s: %j", (_what, over, fields) => {
    expect(definitionProblems(def(over)).map((p) => p.field)).toEqual(fields);
  });

  it("refuses a key the site already has", () => {
    expect(definitionProblems(def(), new Set(["floor"])).map((p) => p.message)).toEqual(['key "floor" is already a field of this site']);
  });
});

describe("inScope", () => {
  it.each<[string[] | null, boolean, string | null, boolean]>([
    [null, false, null, true],
    [null, false, "s1", true],
    [["s1"], false, "s1", true],
    [["s1"], false, "s2", false],
    [["s1"], false, null, false],
    [null, true, "s1", false],
  ])("scope %j retired %s, service %s: %s", (serviceIds, retired, serviceId, expected) => {
    expect(inScope({ serviceIds, retired }, serviceId)).toBe(expected);
  });
});

describe("checkValues", () => {
  const defs = [
    def({ key: "floor", maxLength: 5 }),
    def({ key: "count", type: T.NUMBER, labelEn: "Count", min: 1, max: 10 }),
    def({ key: "since", type: T.DATE, labelEn: "Since", minDate: "2020-01-01", maxDate: "2030-12-31" }),
    def({ key: "place", type: T.CHOICE, labelEn: "Place", choices: COUNTER }),
    def({ key: "places", type: T.MULTI_CHOICE, labelEn: "Places", choices: COUNTER }),
    def({ key: "urgent", type: T.YES_NO, labelEn: "Urgent", required: true }),
    def({ key: "asset", labelEn: "Asset", required: true, serviceIds: ["s1"] }),
    def({ key: "old", labelEn: "Old", retired: true }),
  ];
  const ok = [{ key: "urgent", value: "false" }];

  it.each<[string, string | null, Array<[string, string]>, Array<[string, string]> | string[]]>([
    ["only the required one", null, [], [["urgent", "false"]]],
    ["a required one left blank", null, [["urgent", "  "]], ["fields.urgent"]],
    ["text trimmed", null, [["floor", " 3A "]], [["floor", "3A"], ["urgent", "false"]]],
    ["text too long", null, [["floor", "123456"]], ["fields.floor"]],
    ["text of 5 emoji fits 5", null, [["floor", "😀😀😀😀😀"]], [["floor", "😀😀😀😀😀"], ["urgent", "false"]]],
    ["a number", null, [["count", "07"]], [["count", "7"], ["urgent", "false"]]],
    ["a decimal", null, [["count", "2.50"]], [["count", "2.5"], ["urgent", "false"]]],
    ["not a number", null, [["count", "seven"]], ["fields.count"]],
    ["a number below min", null, [["count", "0"]], ["fields.count"]],
    ["a number above max", null, [["count", "11"]], ["fields.count"]],
    ["a date", null, [["since", "2024-02-29"]], [["since", "2024-02-29"], ["urgent", "false"]]],
    ["no such date", null, [["since", "2023-02-29"]], ["fields.since"]],
    ["a date before min", null, [["since", "2019-12-31"]], ["fields.since"]],
    ["a choice", null, [["place", "gudang"]], [["place", "gudang"], ["urgent", "false"]]],
    ["an unknown choice", null, [["place", "rumah"]], ["fields.place"]],
    ["two values for one choice", null, [["place", "gudang"], ["place", "loket"]], ["fields.place"]],
    ["multi, repeated and in choice order", null, [["places", "gudang"], ["places", "loket"], ["places", "gudang"]], [["places", "loket"], ["places", "gudang"], ["urgent", "false"]]],
    ["multi with an unknown value", null, [["places", "loket"], ["places", "x"]], ["fields.places"]],
    ["yes/no other than true or false", null, [["urgent", "ya"]], ["fields.urgent"]],
    ["an unknown key", null, [["colour", "red"]], ["fields.colour"]],
    ["a retired field", null, [["old", "x"]], ["fields.old"]],
    ["a field of another service", "s2", [["asset", "PC-1"]], ["fields.asset"]],
    ["a field of no service chosen", null, [["asset", "PC-1"]], ["fields.asset"]],
    ["a scoped field required in scope", "s1", [], ["fields.asset"]],
    ["a scoped field in scope", "s1", [["asset", "PC-1"]], [["urgent", "false"], ["asset", "PC-1"]]],
  ])("%s", (_what, serviceId, given, expected) => {
    const values = given.map(([key, value]) => ({ key, value }));
    const withRequired = given.some(([k]) => k === "urgent") ? values : [...values, ...ok];
    const { rows, problems } = checkValues(defs, serviceId, withRequired);
    if (typeof expected[0] === "string") {
      expect(problems.map((p) => p.field)).toEqual(expected);
    } else {
      expect(problems).toEqual([]);
      expect(rows.map((r) => [r.key, r.value])).toEqual(expected);
    }
  });

  it("refuses a report without a required field", () => {
    expect(checkValues(defs, null, [{ key: "floor", value: "3" }]).problems).toEqual([{ field: "fields.urgent", message: "Urgent is required" }]);
  });

  it("lets a mail-in report (requireAll false) leave required fields out, but not give bad values", () => {
    expect(checkValues(defs, null, [], false).problems).toEqual([]);
    expect(checkValues(defs, null, [{ key: "count", value: "x" }], false).problems.map((p) => p.field)).toEqual(["fields.count"]);
  });

  it("names every bad field at once", () => {
    const { problems } = checkValues(defs, null, [
      { key: "count", value: "x" },
      { key: "place", value: "x" },
    ]);
    expect(problems.map((p) => p.field).sort()).toEqual(["fields.count", "fields.place", "fields.urgent"]);
  });
});

describe("displayValue", () => {
  it.each<[CustomFieldType, string, { id: string; en: string }]>([
    [T.YES_NO, "true", { id: "Ya", en: "Yes" }],
    [T.YES_NO, "false", { id: "Tidak", en: "No" }],
    [T.CHOICE, "loket", { id: "Loket", en: "Counter" }],
    [T.CHOICE, "removed", { id: "removed", en: "removed" }],
    [T.TEXT, "3A", { id: "3A", en: "3A" }],
  ])("%s %s", (type, value, expected) => {
    expect(displayValue({ type, choices: COUNTER }, value)).toEqual(expected);
  });
});

describe("isIsoDate", () => {
  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2024-13-01", false],
    ["24-01-01", false],
    ["2024-01-01T00:00", false],
  ])("%s: %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
