import { describe, expect, it } from "vitest";
import { placeProblems } from "../admin-form.js";
import type { ApprovalStepInput } from "../../client/generated.js";
import { newStep, placeWarnings, stepDraft, stepFields, stepInput, type StepDraft } from "./approval-steps.js";
import install from "./approvals.messages.id.js";
import { approvalsMessages } from "./approvals.messages.js";

describe("<sigap-admin-approvals>", () => {
  it.each([
    ["a role", { rule: "ANY_OF", role: "SUPERVISOR", groupId: null, agentIds: [] }, { rule: "ANY_OF", kind: "role", role: "SUPERVISOR", groupId: "", agentIds: [] }],
    ["a group", { rule: "ALL_OF", role: null, groupId: "g1", agentIds: [] }, { rule: "ALL_OF", kind: "group", role: "SUPERVISOR", groupId: "g1", agentIds: [] }],
    ["named agents", { rule: "ALL_OF", role: null, groupId: null, agentIds: ["a1", "a2"] }, { rule: "ALL_OF", kind: "agents", role: "SUPERVISOR", groupId: "", agentIds: ["a1", "a2"] }],
  ] as const)("edits a step over %s", (_what, config, draft) => {
    expect(stepDraft(config)).toEqual(draft);
  });

  it.each<[string, StepDraft, ApprovalStepInput]>([
    ["the role", { ...newStep(), groupId: "g1", agentIds: ["a1"] }, { rule: "ANY_OF", role: "SUPERVISOR" }],
    ["the group", { ...newStep(), kind: "group", groupId: "g1", agentIds: ["a1"] }, { rule: "ANY_OF", groupId: "g1" }],
    ["no group yet (the gateway names it)", { ...newStep(), kind: "group" }, { rule: "ANY_OF", groupId: null }],
    ["the agents", { ...newStep(), rule: "ALL_OF", kind: "agents", groupId: "g1", agentIds: ["a1"] }, { rule: "ALL_OF", agentIds: ["a1"] }],
  ])("sends only %s of a step", (_what, draft, input) => {
    expect(stepInput(draft)).toEqual(input);
  });

  it.each([
    ["steps.1.role", { "steps.1.role": "m" }],
    ["steps.0", { "steps.0": "m" }],
    ["steps.0.agentIds", { "steps.0.agentIds": "m" }],
    ["steps", { steps: "m" }],
    ["validDays", { validDays: "m" }],
  ])("shows the gateway's %s beside its field", (field, byField) => {
    expect(placeProblems([{ field, message: "m" }], stepFields(2)).byField).toEqual(byField);
  });

  it("shows the gateway's warning on a step beside that step, and one it names no step of above the form", () => {
    const warning = "Step 2 has no active member in its group today: until someone is, the site's managers (then its administrators) are asked instead.";
    expect(placeWarnings([{ field: "steps.1", message: warning }], 2)).toEqual({ byField: { "steps.1": warning }, general: [] });
    expect(placeWarnings([{ field: "steps.4", message: "m" }], 2)).toEqual({ byField: {}, general: ["m"] });
  });

  it("has every word in both languages", () => {
    install();
    expect(Object.keys(approvalsMessages.id ?? {}).sort()).toEqual(Object.keys(approvalsMessages.en).sort());
  });
});
