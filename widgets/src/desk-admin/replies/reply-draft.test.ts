import { describe, expect, it } from "vitest";
import { placeholderHelp, toCannedInput } from "./reply-draft.js";

describe("toCannedInput", () => {
  it.each([
    [null, { title: "Salam", body: "Halo {{reporter.name}}", language: "", groupId: "" }, { title: "Salam", body: "Halo {{reporter.name}}", language: null, groupId: null }],
    ["r1", { title: " Salam ", body: "x", language: "id", groupId: "g1" }, { id: "r1", title: " Salam ", body: "x", language: "id", groupId: "g1" }],
    [null, {}, { title: "", body: "", language: null, groupId: null }],
  ])("sends the form of %s as typed", (editing, typed: Record<string, string>, expected) => {
    expect(toCannedInput(editing, (name) => typed[name] ?? "")).toEqual(expected);
  });
});

describe("placeholderHelp", () => {
  it.each([
    [[], ""],
    [["reporter.name"], "{{reporter.name}}"],
    [["reporter.name", "ticket.code"], "{{reporter.name}}, {{ticket.code}}"],
  ])("writes %j as %j", (names, expected) => {
    expect(placeholderHelp(names)).toBe(expected);
  });
});
