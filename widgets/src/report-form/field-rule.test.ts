import { describe, expect, it } from "vitest";
import { chars, fieldProblem, type FieldRule } from "./field-rule.js";

const phone: FieldRule = { field: "reporterPhone", minLength: 6, maxLength: 40, pattern: String.raw`\+?[0-9 ().-]+`, required: false };
const description: FieldRule = { field: "description", minLength: null, maxLength: 5000, pattern: null, required: true };

describe("fieldProblem", () => {
  it.each([
    ["a fine phone number", phone, "+62 812 5555 0101", undefined],
    ["a phone number that is too short, though only digits", phone, "12345", ["errShort", { min: 6 }]],
    ["a phone number with letters", phone, "0812 CALL ME", ["errPattern", {}]],
    ["a phone number too long", phone, "1".repeat(41), ["errLong", { n: 1, max: 40 }]],
    ["a description at the limit", description, "x".repeat(5000), undefined],
    ["a description 5,800 characters over, refused rather than cut", description, "x".repeat(10_800), ["errLong", { n: 5800, max: 5000 }]],
    ["no rule at all", undefined, "anything", undefined],
  ] as const)("%s", (_, rule, value, expected) => {
    expect(fieldProblem(rule, value)).toEqual(expected);
  });

  it("matches the whole value, not a part of it", () => {
    expect(fieldProblem({ ...phone, pattern: "[0-9]+" }, "12345678x")).toEqual(["errPattern", {}]);
  });
});

describe("chars", () => {
  it("counts characters as the database does, not UTF-16 units", () => {
    expect(chars("Kantor 🏢 pos")).toBe(12);
  });
});
