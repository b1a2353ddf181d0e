import { describe, expect, it } from "vitest";
import { fieldChanges, valueText } from "./audit-changes.js";

describe("fieldChanges", () => {
  it.each([
    ["an update", '{"autoCloseHours":72}', '{"autoCloseHours":48}', [{ field: "autoCloseHours", before: "72", after: "48" }]],
    ["a creation", null, '{"url":"https://x.test","enabled":true}', [{ field: "url", before: null, after: "https://x.test" }, { field: "enabled", before: null, after: "true" }]],
    ["a removal", '{"retired":false}', null, [{ field: "retired", before: "false", after: null }]],
    ["a list", '{"languages":["id"]}', '{"languages":["id","en"]}', [{ field: "languages", before: "id", after: "id, en" }]],
    ["a null value", '{"logoUrl":null}', '{"logoUrl":"https://x.test/l.png"}', [{ field: "logoUrl", before: "", after: "https://x.test/l.png" }]],
    ["nested objects", '{"rateLimits":{"a":1}}', '{"rateLimits":{"a":2}}', [{ field: "rateLimits", before: '{"a":1}', after: '{"a":2}' }]],
    ["a plain action", null, null, []],
    ["text that is not an object", "not json", null, [{ field: "", before: "not json", after: null }]],
  ])("reads %s", (_what, before, after, rows) => {
    expect(fieldChanges(before, after)).toEqual(rows);
  });
});

describe("valueText", () => {
  it.each([
    ["text", "Sigap", "Sigap"],
    ["a number", 12, "12"],
    ["a boolean", false, "false"],
    ["null", null, ""],
    ["a list of objects", [{ a: 1 }], '[{"a":1}]'],
  ])("writes %s", (_what, value, text) => {
    expect(valueText(value)).toBe(text);
  });
});
