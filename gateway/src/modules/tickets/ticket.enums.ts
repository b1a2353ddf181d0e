/** Lifecycle states of a ticket (DESIGN.md "Statuses"). */
export enum TicketStatus {
  NEW = "NEW",
  ASSIGNED = "ASSIGNED",
  IN_PROGRESS = "IN_PROGRESS",
  PENDING = "PENDING",
  RESOLVED = "RESOLVED",
  CLOSED = "CLOSED",
  CANCELLED = "CANCELLED",
}

/**
 * What a ticket is (ITIL: incident management, request fulfilment; seed 003's work orders). A
 * catalogue service carries the type of ticket it opens.
 */
export enum TicketType {
  /** Something broke: seed 002's incident flow. */
  INCIDENT = "INCIDENT",
  /** Something is asked for (access, a work permit): seeds 000, 001 and 004's request fulfilment. */
  SERVICE_REQUEST = "SERVICE_REQUEST",
  /** A repair job done by a technician, possibly at a cost: seed 003. */
  WORK_ORDER = "WORK_ORDER",
}

/** How urgently the business needs the service back (seed 002, table 3). */
export enum Urgency {
  HIGH = "HIGH",
  MEDIUM = "MEDIUM",
  LOW = "LOW",
}

/** How widely the incident hurts the business (seed 002, table 4). */
export enum Impact {
  HIGH = "HIGH",
  MEDIUM = "MEDIUM",
  LOW = "LOW",
}

/** P1 Critical … P5 Planning (seed 002, table 5). */
export enum Priority {
  P1 = "P1",
  P2 = "P2",
  P3 = "P3",
  P4 = "P4",
  P5 = "P5",
}

/** How the report reached the desk (seed 002, figure 9 "complaint method"). */
export enum Channel {
  WEB = "WEB",
  PHONE = "PHONE",
  EMAIL = "EMAIL",
  WALK_IN = "WALK_IN",
}

/** Why a ticket waits while PENDING; the resolution clock is paused meanwhile. */
export enum PendingReason {
  REPORTER = "REPORTER",
  APPROVAL = "APPROVAL",
  THIRD_PARTY = "THIRD_PARTY",
  /** A work order waits for the customer to accept or decline a cost (seed 003). */
  COST_DECISION = "COST_DECISION",
}

/** The two ITIL escalation directions. */
export enum EscalationKind {
  /** To the next support level or a more skilled group. */
  FUNCTIONAL = "FUNCTIONAL",
  /** Up the management line: supervisor, then manager. */
  HIERARCHICAL = "HIERARCHICAL",
}

/** What a timeline entry records. */
export enum TicketEventKind {
  REPORTED = "REPORTED",
  CLASSIFIED = "CLASSIFIED",
  ASSIGNED = "ASSIGNED",
  STATUS_CHANGED = "STATUS_CHANGED",
  AGENT_REPLY = "AGENT_REPLY",
  REPORTER_MESSAGE = "REPORTER_MESSAGE",
  INTERNAL_NOTE = "INTERNAL_NOTE",
  ESCALATED = "ESCALATED",
  AUTO_ESCALATED = "AUTO_ESCALATED",
  RESOLVED = "RESOLVED",
  CLOSED = "CLOSED",
  REOPENED = "REOPENED",
  CANCELLED = "CANCELLED",
  FEEDBACK = "FEEDBACK",
  /** A request waits for its approvers (approvals/): on intake, and again for each next step. */
  APPROVAL_REQUESTED = "APPROVAL_REQUESTED",
  /** One approver approved one step of a chain. */
  APPROVAL_GIVEN = "APPROVAL_GIVEN",
  /** The whole chain approved: the request goes back to the desk. */
  APPROVED = "APPROVED",
  /** An approver rejected the request, which ends it (CANCELLED) with their reason. */
  REJECTED = "REJECTED",
  /** A work order's findings: what the technician found. */
  FINDINGS_RECORDED = "FINDINGS_RECORDED",
  /** A work order's extra cost, sent to the customer for a decision. */
  COST_PROPOSED = "COST_PROPOSED",
  COST_ACCEPTED = "COST_ACCEPTED",
  COST_DECLINED = "COST_DECLINED",
  /** The desk recorded a work order's payment status, method and amount. */
  PAYMENT_RECORDED = "PAYMENT_RECORDED",
}

/** Who sees a timeline entry. */
export enum Visibility {
  PUBLIC = "PUBLIC",
  INTERNAL = "INTERNAL",
}

/** Who acted. */
export enum ActorKind {
  REPORTER = "REPORTER",
  AGENT = "AGENT",
  SYSTEM = "SYSTEM",
}
