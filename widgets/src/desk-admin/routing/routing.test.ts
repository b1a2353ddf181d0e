import { describe, expect, it } from "vitest";
import { placeProblems } from "../admin-form.js";
import { newRule, ruleDraft, ruleFields, ruleInput } from "./routing-rules.js";
import install from "./routing.messages.id.js";
import { routingMessages } from "./routing.messages.js";

describe("<sigap-admin-routing>", () => {
  it("edits a stored rule with blanks for its open conditions", () => {
    expect(ruleDraft({ region: "Balikpapan Kota", serviceId: null, categoryId: null, skill: "AC", groupId: "g1" })).toEqual({
      region: "Balikpapan Kota", serviceId: "", categoryId: "", skill: "AC", groupId: "g1",
    });
  });

  it.each([
    ["trimmed text", { ...newRule(), region: "  Samarinda Ulu ", skill: " Kulkas ", groupId: "g1" }, { region: "Samarinda Ulu", serviceId: null, categoryId: null, skill: "Kulkas", groupId: "g1" }],
    ["blanks as any", { ...newRule(), region: "   ", serviceId: "s1", groupId: "g1" }, { region: null, serviceId: "s1", categoryId: null, skill: null, groupId: "g1" }],
    ["no group yet (the gateway names it)", newRule(), { region: null, serviceId: null, categoryId: null, skill: null, groupId: "" }],
  ] as const)("sends %s", (_what, draft, input) => {
    expect(ruleInput(draft)).toEqual(input);
  });

  it.each([
    ["rules.1.groupId", { "rules.1.groupId": "m" }],
    ["rules.0.region", { "rules.0.region": "m" }],
    ["rules", { rules: "m" }],
  ])("shows the gateway's %s beside its field", (field, byField) => {
    expect(placeProblems([{ field, message: "m" }], ruleFields(2)).byField).toEqual(byField);
  });

  it("has every word in both languages", () => {
    install();
    expect(Object.keys(routingMessages.id ?? {}).sort()).toEqual(Object.keys(routingMessages.en).sort());
  });
});
