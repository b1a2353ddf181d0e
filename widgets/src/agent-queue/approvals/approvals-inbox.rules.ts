import type { ApprovalDecision, DecideApprovalInput } from "../../client/generated.js";

/** A decision as the gateway takes it: the reason trimmed, left out when blank (the gateway says a rejection needs one). */
export function decisionInput(decision: ApprovalDecision, reason: FormDataEntryValue | null): DecideApprovalInput {
  const text = String(reason ?? "").trim();
  return text ? { decision, reason: text } : { decision };
}
