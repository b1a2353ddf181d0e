/** A ticket's chain as the desk and the tracker read it, and where its document is served. */
import { ApprovalState, chainStatus, type DecisionRecord } from "./approval.rules.js";
import type { ApprovalChain } from "./approval.types.js";
import type { TicketApprovalEntity } from "./ticket-approval.entity.js";

/** Where a ticket's approval document is downloaded. */
export const APPROVAL_DOCUMENT_PATH = "/documents/approval";

/** Until when an approved chain's document is valid; null while undecided or rejected. */
export function validUntil(chain: Pick<TicketApprovalEntity, "state" | "decidedAt" | "validDays">): Date | null {
  return chain.state === ApprovalState.APPROVED && chain.decidedAt ? new Date(chain.decidedAt.getTime() + chain.validDays * 86_400_000) : null;
}

/**
 * A ticket's chain as the schema shows it. The tracker sees the steps, each decision with the
 * approver's name, time and reason, but not whom a step still waits for (desk only).
 */
export function chainView(chain: TicketApprovalEntity, code: string, forDesk: boolean): ApprovalChain {
  const status = chainStatus(chain.steps, chain.decisions, chain.state === ApprovalState.WITHDRAWN);
  const until = validUntil(chain);
  return {
    state: status.state,
    currentStep: status.current === null ? null : status.current + 1,
    steps: chain.steps.map((s, i) => ({
      position: i + 1,
      rule: s.rule,
      label: s.label,
      state: status.steps[i]!,
      approvers: forDesk ? s.approvers.map((a) => a.name) : [],
      fallbackRole: s.fallback ?? null,
      decisions: chain.decisions.filter((d) => d.step === i).map(decisionView),
    })),
    requestedAt: chain.requestedAt,
    decidedAt: chain.decidedAt,
    validUntil: until,
    documentUrl: until ? `${APPROVAL_DOCUMENT_PATH}/${encodeURIComponent(code)}` : null,
  };
}

function decisionView(d: DecisionRecord) {
  return { approverName: d.approverName, decision: d.decision, reason: d.reason, at: new Date(d.at) };
}
