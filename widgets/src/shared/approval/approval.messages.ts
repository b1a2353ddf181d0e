import type { Messages } from "../locale.js";
import { approvalIndonesian } from "./approval.messages.id.js";

const en = {
  title: "Approval",
  step: "Step {n}: {who}",
  "rule.ANY_OF": "one of them approves",
  "rule.ALL_OF": "all of them approve",
  "state.PENDING": "Waiting for a decision",
  "state.WAITING": "Waits for the step before",
  "state.APPROVED": "Approved",
  "state.REJECTED": "Rejected",
  "state.WITHDRAWN": "Withdrawn",
  "d.APPROVE": "Approved by {who}",
  "d.REJECT": "Rejected by {who}",
  approvers: "Approvers: {names}",
  "fallback.MANAGER": "Sent to the site's managers: nobody in the step could decide.",
  "fallback.ADMIN": "Sent to the site's administrators: nobody in the step could decide.",
  document: "Download the approval document (PDF)",
  validUntil: "Valid until {at}",
  inbox: "Approvals",
  none: "Nothing is waiting for your approval.",
  approve: "Approve",
  reject: "Reject",
  reason: "Reason",
  reasonHelp: "Required to reject; the requester reads it.",
  note: "Note (optional)",
  cancel: "Cancel",
  close: "Close",
  confirmApprove: "Approve {code}?",
  confirmReject: "Reject {code}?",
  decided: "{code}: decision recorded.",
  requestedBy: "{name}, {at}",
  loading: "Loading…",
};

/** A key of the approval parts' words. */
export type ApprovalKey = keyof typeof en;

/** The approval parts' words (tracker and workspace), both languages: the parts load on demand. */
export const approvalMessages: Messages<ApprovalKey> = { en, id: approvalIndonesian };
