import { describe, expect, it } from "vitest";
import type { CustomFieldType } from "../../client/generated.js";
import { choiceDrafts, moved, toFieldInput } from "./field-draft.js";

const typed: Record<string, string> = {
  key: "floor",
  labelId: "Lantai",
  labelEn: "Floor",
  helpId: "",
  helpEn: "Which floor",
  required: "on",
  maxLength: "40",
  min: "1",
  max: "12",
  minDate: "2026-01-01",
  maxDate: "",
};
const text = (name: string) => typed[name] ?? "";
const choices = [{ value: " a ", id: "Satu ", en: "One" }];

describe("toFieldInput", () => {
  it.each<[CustomFieldType, Partial<Record<string, unknown>>]>([
    ["TEXT", { maxLength: 40, min: null, max: null, minDate: null, maxDate: null, choices: null }],
    ["NUMBER", { maxLength: null, min: 1, max: 12, minDate: null, maxDate: null, choices: null }],
    ["DATE", { maxLength: null, min: null, max: null, minDate: "2026-01-01", maxDate: null, choices: null }],
    ["YES_NO", { maxLength: null, min: null, max: null, minDate: null, maxDate: null, choices: null }],
    ["CHOICE", { maxLength: null, min: null, choices: [{ value: "a", labelId: "Satu", labelEn: "One" }] }],
    ["MULTI_CHOICE", { maxDate: null, choices: [{ value: "a", labelId: "Satu", labelEn: "One" }] }],
  ])("sends only what a %s field takes", (type, expected) => {
    const input = toFieldInput(null, type, text, choices, null);
    expect(input).toMatchObject({ id: null, key: "floor", type, labelId: "Lantai", labelEn: "Floor", helpId: null, helpEn: "Which floor", required: true, serviceIds: null, ...expected });
  });

  it.each([
    ["every report", null, null],
    ["named services", ["s1", "s2"], ["s1", "s2"]],
  ])("scopes a field to %s", (_what, given, sent) => {
    expect(toFieldInput("f1", "YES_NO", text, [], given).serviceIds).toEqual(sent);
  });
});

describe("choiceDrafts", () => {
  it("starts a new field with one empty row", () => expect(choiceDrafts(null)).toEqual([{ value: "", id: "", en: "" }]));
});

describe("moved", () => {
  it.each([
    [["a", "b", "c"], 1, -1, ["b", "a", "c"]],
    [["a", "b", "c"], 1, 1, ["a", "c", "b"]],
    [["a", "b", "c"], 0, -1, ["a", "b", "c"]],
    [["a", "b", "c"], 2, 1, ["a", "b", "c"]],
  ] as const)("moves %j at %i by %i", (ids, at, by, expected) => {
    expect(moved(ids, at, by)).toEqual(expected);
  });
});
