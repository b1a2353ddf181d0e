import type { TicketEventKind, TicketStatus, Visibility } from "./ticket.enums.js";

/** Details some timeline entries carry, kept as JSON so new kinds need no migration. */
export interface TicketEventData {
  supportLevel?: number;
  hierarchyLevel?: number;
  escalationKind?: string;
  groupName?: string;
  assigneeName?: string;
  changes?: Record<string, { from: string | null; to: string | null }>;
  reason?: string;
  attachmentIds?: string[];
  closureCode?: string;
  /** The approval step (1-based) an APPROVAL_REQUESTED or APPROVAL_GIVEN entry is about. */
  step?: number;
  /** On an APPROVAL_REQUESTED entry: nobody the step names could decide, so this role's agents (MANAGER, then ADMIN) were asked. */
  fallbackRole?: string;
  /** How a report the desk logged came in (PHONE, EMAIL, WALK_IN), on its REPORTED entry. */
  channel?: string;
  /** A work order's cost on COST_PROPOSED, COST_ACCEPTED and COST_DECLINED entries: whole rupiah. */
  cost?: { proposalId: string; total: number; lines?: Array<{ description: string; quantity: number; unitAmount: number }> };
  /** A work order's payment as recorded, on PAYMENT_RECORDED. */
  payment?: { status: string; method: string | null; amount: number | null };
  /** On an automatic closure (reason AUTO_CLOSED): the site's quiet hours after resolution. */
  hours?: number;
  /** Who confirmed a closure, on its CLOSED entry: "REPORTER" when the reporter said the fix holds. */
  confirmedBy?: "REPORTER";
}

/** A timeline entry a rule or command wants written; the unit of work adds who, when and which ticket. */
export interface EntryDraft {
  kind: TicketEventKind;
  visibility: Visibility;
  fromStatus?: TicketStatus | null;
  toStatus?: TicketStatus | null;
  body?: string | null;
  data?: TicketEventData | null;
}

/** A string trimmed, or null when nothing is left. */
export function blankToNull(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}
