import { describe, expect, it } from "vitest";
import type { DeskBootstrapQuery } from "../client/generated.js";
import { closureOptions, matrixLevels, priorityFrom, statusChoices } from "./desk-directory.js";

type Directory = DeskBootstrapQuery["deskDirectory"];

// A matrix unlike DESIGN.md's on purpose: the widget must follow whatever the gateway publishes.
const matrix: Directory["priorityMatrix"] = [
  { urgency: "HIGH", impact: "HIGH", priority: "P1" },
  { urgency: "HIGH", impact: "LOW", priority: "P1" },
  { urgency: "LOW", impact: "HIGH", priority: "P4" },
  { urgency: "LOW", impact: "LOW", priority: "P5" },
];

const label = (en: string, id: string) => ({ en, id });

describe("priorityFrom", () => {
  it.each([
    ["HIGH", "HIGH", "P1"],
    ["HIGH", "LOW", "P1"],
    ["LOW", "HIGH", "P4"],
    ["LOW", "LOW", "P5"],
    ["MEDIUM", "LOW", undefined],
  ])("%s × %s → %s", (u, i, p) => {
    expect(priorityFrom(matrix, u, i)).toBe(p);
  });
});

describe("matrixLevels", () => {
  it("lists each level once, in the gateway's order", () => {
    expect(matrixLevels(matrix)).toEqual({ urgencies: ["HIGH", "LOW"], impacts: ["HIGH", "LOW"] });
  });
});

describe("statusChoices", () => {
  it("takes open and final from the gateway's flags, in its order", () => {
    const statuses: Directory["statuses"] = [
      { status: "NEW", open: true, final: false, label: label("New", "Baru") },
      { status: "PENDING", open: true, final: false, label: label("Pending", "Ditunda") },
      { status: "RESOLVED", open: false, final: false, label: label("Resolved", "Selesai") },
      { status: "CLOSED", open: false, final: true, label: label("Closed", "Ditutup") },
    ];
    expect(statusChoices(statuses)).toEqual({ open: ["NEW", "PENDING"], filterable: ["NEW", "PENDING", "RESOLVED"] });
  });
});

describe("closureOptions", () => {
  it.each([
    ["en", [["FIXED", "Fixed"], ["WORKAROUND", "Workaround"]]],
    ["id", [["FIXED", "Diperbaiki"], ["WORKAROUND", "Solusi sementara"]]],
  ] as const)("labels the gateway's codes in %s", (lang, expected) => {
    const codes = [
      { code: "FIXED", label: label("Fixed", "Diperbaiki") },
      { code: "WORKAROUND", label: label("Workaround", "Solusi sementara") },
    ];
    expect(closureOptions(codes, lang)).toEqual(expected);
  });
});
