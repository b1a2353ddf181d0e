import { describe, expect, it } from "vitest";
import { fallbackKey } from "./approval-chain.js";
import { approvalMessages } from "./approval.messages.js";

describe("approval chain view", () => {
  it.each([
    [null, null],
    ["MANAGER", "Sent to the site's managers: nobody in the step could decide."],
    ["ADMIN", "Sent to the site's administrators: nobody in the step could decide."],
  ] as const)("says whom a step with fallbackRole %s went to: %s", (role, words) => {
    const key = fallbackKey(role);
    expect(key ? approvalMessages.en[key] : null).toBe(words);
  });

  it("reads WITHDRAWN as such, and has every word in both languages", () => {
    expect([approvalMessages.en["state.WITHDRAWN"], approvalMessages.id?.["state.WITHDRAWN"]]).toEqual(["Withdrawn", "Ditarik"]);
    expect(Object.keys(approvalMessages.id ?? {}).sort()).toEqual(Object.keys(approvalMessages.en).sort());
  });
});
