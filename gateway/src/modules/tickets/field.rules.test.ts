import { describe, expect, it } from "vitest";
import { charCount, fieldProblem, REPORT_FIELD_RULES, reportFieldRule, TEXT_LIMIT, textProblem } from "./field.rules.js";

const EMOJI = "😀";

describe("charCount", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    [EMOJI, 1],
    [EMOJI.repeat(5000), 5000],
    ["é", 1],
    ["Kantor Pos 🏤", 12],
  ])("counts %j as %i characters, as utf8mb4 columns do", (value, n) => {
    expect(charCount(value)).toBe(n);
  });
});

describe("report fields", () => {
  it.each([
    ["reporterPhone", "12345", "reporterPhone is too short: at least 6 characters"],
    ["reporterPhone", "1".repeat(41), "reporterPhone is too long: at most 40 characters"],
    ["reporterPhone", "call me", "reporterPhone may contain only digits, spaces and + ( ) . -"],
    ["reporterPhone", "+62 (542) 123-456", null],
    ["reporterEmail", "not-an-email", "reporterEmail must be an e-mail address like name@example.com"],
    ["reporterEmail", "budi@pos.example", null],
    ["reporterName", "", "reporterName is required"],
    ["reporterName", "   ", "reporterName is required"],
    ["reporterName", null, "reporterName is required"],
    ["reporterName", "x".repeat(121), "reporterName is too long: at most 120 characters"],
    ["description", "x".repeat(5001), "description is too long: at most 5000 characters"],
    ["description", EMOJI.repeat(5000), null],
    ["description", EMOJI.repeat(5001), "description is too long: at most 5000 characters"],
    ["location", null, null],
    ["kelurahan", "x".repeat(81), "kelurahan is too long: at most 80 characters"],
  ])("%s %j: %s", (field, value, problem) => {
    expect(fieldProblem(reportFieldRule(field), value)).toBe(problem);
  });

  it("requires exactly the name and the description", () => {
    expect(REPORT_FIELD_RULES.filter((r) => r.required).map((r) => r.field)).toEqual(["reporterName", "description"]);
  });

  it("gives every pattern as source a browser can use whole", () => {
    for (const r of REPORT_FIELD_RULES) if (r.pattern) expect(r.pattern.source).toMatch(/^\^.*\$$/);
  });
});

describe("textProblem", () => {
  it.each([
    ["reason", "ok", 5000, true, null],
    ["reason", "", 5000, true, "reason is required"],
    ["reason", EMOJI.repeat(TEXT_LIMIT), 5000, true, null],
    ["reason", "x".repeat(TEXT_LIMIT + 1), 5000, true, "reason is too long: at most 5000 characters"],
    ["note", null, 5000, false, null],
    ["closureCode", "x".repeat(41), 40, false, "closureCode is too long: at most 40 characters"],
  ])("%s %#", (field, value, max, required, problem) => {
    expect(textProblem(field, value, max, required)).toBe(problem);
  });
});
