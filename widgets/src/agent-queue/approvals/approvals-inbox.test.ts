import { describe, expect, it } from "vitest";
import { approvalMessages } from "../../shared/approval/approval.messages.js";
import { decisionInput } from "./approvals-inbox.rules.js";

describe("<sigap-approvals-inbox>", () => {
  it.each([
    ["APPROVE", null, { decision: "APPROVE" }],
    ["APPROVE", "  Escort at the lobby ", { decision: "APPROVE", reason: "Escort at the lobby" }],
    ["REJECT", "   ", { decision: "REJECT" }],
    ["REJECT", "Closed on Sundays", { decision: "REJECT", reason: "Closed on Sundays" }],
  ] as const)("sends %s with reason %j as %j", (decision, reason, input) => {
    expect(decisionInput(decision, reason)).toEqual(input);
  });

  it("has every word in both languages", () => {
    expect(Object.keys(approvalMessages.id ?? {}).sort()).toEqual(Object.keys(approvalMessages.en).sort());
  });
});
