import { describe, expect, it } from "vitest";
import type { DeskTicketFieldsFragment } from "../client/generated.js";
import { escalationChoice } from "./escalation-choice.js";

const label = (en: string, id: string) => ({ en, id });
const agent = (id: string, active = true) => ({ id, name: `Agent ${id}`, role: "MANAGER" as const, groupId: null, active });

const targets: DeskTicketFieldsFragment["escalationTargets"] = {
  functional: [
    { level: 2, label: label("Level 2", "Level 2"), groups: [{ id: "g2", name: "SOLTEK", level: 2 }] },
    { level: 3, label: label("Specialists", "Spesialis"), groups: [{ id: "g3", name: "Vendor", level: 3 }] },
  ],
  hierarchical: [{ level: 2, label: label("Manager", "Manajer"), roles: ["MANAGER", "ADMIN"], agents: [agent("m1"), agent("m2", false)] }],
};

describe("escalationChoice", () => {
  it.each([
    ["the first reachable support level by default", "FUNCTIONAL", 0, "en", { levels: [["2", "Level 2"], ["3", "Specialists"]], level: 2, groups: [["g2", "SOLTEK"]], people: undefined }],
    ["the picked support level, labelled in Indonesian", "FUNCTIONAL", 3, "id", { levels: [["2", "Level 2"], ["3", "Spesialis"]], level: 3, groups: [["g3", "Vendor"]], people: undefined }],
    ["a management level with its active people only", "HIERARCHICAL", 1, "en", { levels: [["2", "Manager"]], level: 2, groups: [], people: [["m1", "Agent m1"]] }],
  ] as const)("%s", (_, kind, picked, lang, expected) => {
    expect(escalationChoice(targets, kind, picked, lang)).toEqual(expected);
  });

  it("offers nothing when the gateway lists no level above", () => {
    expect(escalationChoice({ functional: [], hierarchical: [] }, "FUNCTIONAL", 2, "en")).toEqual({ levels: [], level: undefined, groups: [], people: undefined });
  });
});
