import { describe, expect, it } from "vitest";
import { errorId, placeProblems } from "./admin-form.js";

const SHOWN = ["autoCloseHours", "response", "holidays.0.day", "holidays.0.name", "targets.P2.responseMinutes"];

describe("placeProblems", () => {
  it.each([
    ["a field shown", "autoCloseHours", { autoCloseHours: "m" }, []],
    ["a ladder target named in capitals", "RESPONSE", { response: "m" }, []],
    ["a path under a shown field", "response.2.share", { response: "m" }, []],
    ["a shown field under the path", "holidays.0", { "holidays.0.day": "m" }, []],
    ["the whole input", "input", {}, ["m"]],
    ["a field not shown", "deskEmail", {}, ["m"]],
  ])("%s (%s)", (_what, field, byField, general) => {
    expect(placeProblems([{ field, message: "m" }], SHOWN)).toEqual({ byField, general });
  });

  it("joins two problems of one field", () => {
    expect(placeProblems([{ field: "response", message: "a." }, { field: "response", message: "b." }], SHOWN).byField).toEqual({ response: "a. b." });
  });
});

describe("errorId", () => {
  it("makes an id of a dotted path", () => {
    expect(errorId("sla", "targets.P2.responseMinutes")).toBe("sla-targets_P2_responseMinutes-error");
  });
});
