import { describe, expect, it } from "vitest";
import type { DeskBootstrapQuery } from "../client/generated.js";
import { closureOptions, directoryNames, fieldOptions, fieldValueOptions, managementLabel, matrixLevels, pendingOptions, priorityFrom, statusChoices } from "./desk-directory.js";

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

describe("pendingOptions", () => {
  it.each([
    ["en", [["REPORTER", "Waiting for the reporter"], ["THIRD_PARTY", "Waiting for a third party"]]],
    ["id", [["REPORTER", "Menunggu pelapor"], ["THIRD_PARTY", "Menunggu pihak ketiga"]]],
  ] as const)("offers the gateway's reasons, in its order, in %s", (lang, expected) => {
    const reasons: Directory["pendingReasons"] = [
      { reason: "REPORTER", label: label("Waiting for the reporter", "Menunggu pelapor") },
      { reason: "THIRD_PARTY", label: label("Waiting for a third party", "Menunggu pihak ketiga") },
    ];
    expect(pendingOptions(reasons, lang)).toEqual(expected);
  });
});

describe("managementLabel", () => {
  const levels: Directory["managementLevels"] = [
    { level: 1, label: label("Supervisor", "Supervisor") },
    { level: 2, label: label("Manager", "Manajer") },
  ];
  it.each([
    [0, "en", ""],
    [1, "en", "Supervisor"],
    [2, "id", "Manajer"],
    [3, "en", ""],
  ] as const)("level %i in %s reads %j", (level, lang, expected) => {
    expect(managementLabel(levels, level, lang)).toBe(expected);
  });
});

describe("directoryNames", () => {
  it("names services, groups and agents, and a sub-category under its parent", () => {
    const names = directoryNames({
      services: [{ id: "s1", name: "Ipos", retired: false, ticketType: "INCIDENT" }],
      groups: [{ id: "g1", name: "Service desk", level: 1, retired: false }],
      agents: [{ id: "a1", name: "Dewi", role: "AGENT", groupId: null, active: true }],
      categories: [
        { id: "c1", name: "Software", parentId: null, retired: false },
        { id: "c2", name: "Login", parentId: "c1", retired: false },
      ],
    });
    expect(Object.fromEntries(names)).toEqual({ s1: "Ipos", g1: "Service desk", a1: "Dewi", c1: "Software", c2: "Software › Login" });
  });
});

describe("fieldOptions / fieldValueOptions", () => {
  const building: Directory["customFields"][number] = {
    key: "building",
    type: "CHOICE",
    label: label("Building", "Gedung"),
    choices: [
      { value: "b1", label: label("North", "Utara") },
      { value: "b2", label: label("South", "Selatan") },
    ],
  };
  const remote: Directory["customFields"][number] = { key: "remote", type: "YES_NO", label: label("Remote", "Jarak jauh"), choices: [] };

  it.each([
    ["en", [["building", "Building"], ["remote", "Remote"]]],
    ["id", [["building", "Gedung"], ["remote", "Jarak jauh"]]],
  ] as const)("labels the fields in %s, in the gateway's order", (lang, expected) => {
    expect(fieldOptions([building, remote], lang)).toEqual(expected);
  });

  it.each([
    [building, "id", [["b1", "Utara"], ["b2", "Selatan"]]],
    [remote, "en", [["true", "Yes"], ["false", "No"]]],
  ] as const)("offers %j's stored values in %s", (field, lang, expected) => {
    expect(fieldValueOptions(field, lang, ["Yes", "No"])).toEqual(expected);
  });
});
