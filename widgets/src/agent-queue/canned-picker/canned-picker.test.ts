import { describe, expect, it } from "vitest";
import { SigapCannedPicker } from "./canned-picker.component.js";
import { pickerKey, spliceText } from "./picker-keys.js";

describe("<sigap-canned-picker>", () => {
  it.each([
    ["ArrowDown", 0, 3, { kind: "move", to: 1 }],
    ["ArrowDown", 2, 3, { kind: "move", to: 0 }],
    ["ArrowUp", 0, 3, { kind: "move", to: 2 }],
    ["Home", 2, 3, { kind: "move", to: 0 }],
    ["End", 0, 3, { kind: "move", to: 2 }],
    ["Enter", 1, 3, { kind: "choose", at: 1 }],
    ["Enter", 5, 3, { kind: "choose", at: 2 }],
    ["Escape", 0, 0, { kind: "close" }],
    ["Enter", 0, 0, null],
    ["ArrowDown", 0, 0, null],
    ["a", 0, 3, null],
  ] as const)("answers %s on option %i of %i with %j", (key, active, count, expected) => {
    expect(pickerKey(key, active, count)).toEqual(expected);
  });

  it.each([
    ["", 0, 0, "Hi", "Hi", 2],
    ["Dear ,", 5, 5, "Siti", "Dear Siti,", 9],
    ["abc", 1, 2, "X", "aXc", 2],
    ["abc", null, null, "!", "abc!", 4],
    ["abc", 9, 9, "!", "abc!", 4],
    ["abc", 2, 1, "X", "abXc", 3],
  ] as const)("puts text into %j at %s…%s", (value, start, end, inserted, expected, caret) => {
    expect(spliceText(value, start, end, inserted)).toEqual({ value: expected, caret });
  });

  it("reads no attribute but `ticket-id` and `theme`: the composer hands it the gateway", () => {
    expect(SigapCannedPicker.observedAttributes.sort()).toEqual(["theme", "ticket-id"]);
  });
});
