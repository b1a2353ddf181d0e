import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./csv.rules.js";

describe("csvField (RFC 4180)", () => {
  it.each<[string | number | null, string]>([
    ["plain", "plain"],
    [42, "42"],
    [null, ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\r", '"cr\r"'],
    ["Kecamatan Sukajadi", "Kecamatan Sukajadi"],
  ])("writes %j as %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("ends a record with CRLF", () => {
    expect(csvLine(["a", null, 'b"c'])).toBe('a,,"b""c"\r\n');
  });
});
