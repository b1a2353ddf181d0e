import { Column, Entity, Index, PrimaryColumn, VersionColumn } from "typeorm";
import { bigintAsNumber, TIMESTAMP } from "../../db/columns.js";
import type { MailLanguage } from "../notifications/mail-language.js";
import { type Channel, type Impact, type PendingReason, type Priority, type TicketStatus, TicketType, type Urgency } from "./ticket.enums.js";

/** An incident or request, from its report to its closure. */
@Entity("ticket")
@Index("uq_ticket_code", ["siteId", "code"], { unique: true })
@Index("uq_ticket_idempotency", ["siteId", "idempotencyKey"], { unique: true })
// The desk queue: open tickets by priority, then SLA due time, then arrival (FIFO).
@Index("ix_ticket_queue", ["siteId", "isOpen", "priorityRank", "queueDueAt", "createdAt", "id"])
// The desk queue of a site that orders by arrival within priority (queueOrder ARRIVAL, seed 004).
@Index("ix_ticket_arrival", ["siteId", "isOpen", "priorityRank", "createdAt", "id"])
// The SLA sweep across all sites.
@Index("ix_ticket_sweep", ["isOpen", "queueDueAt"])
// The SLA ladder's sweep: open tickets whose next step has come (sla/ladder.rules' nextLadderAt).
@Index("ix_ticket_ladder", ["isOpen", "nextLadderAt"])
// The desk queue filtered by status, in queue order; and the auto-close sweep's RESOLVED tickets,
// which would otherwise read every ticket the site ever had.
// "My tickets": an identified reporter's tickets on one site, newest first (ids are time-ordered).
@Index("ix_ticket_reporter", ["siteId", "reporterSubject", "id"])
@Index("ix_ticket_status_queue", ["siteId", "status", "priorityRank", "queueDueAt", "createdAt", "id"])
// Queue views (queue-views.rules) and the unread count (awareness): an agent's open tickets ("mine") or nobody's ("unassigned"), and a group's.
@Index("ix_ticket_assignee_open", ["siteId", "assigneeId", "isOpen"])
@Index("ix_ticket_group_open", ["siteId", "groupId", "isOpen"])
// Retention (privacy/retention.service.ts): a site's closed tickets not yet anonymized, oldest closure first.
@Index("ix_ticket_retention", ["siteId", "anonymizedAt", "closedAt"])
// Desk search (ticket-search.ts): a code by any ending, a phone by its digits, an e-mail.
@Index("ix_ticket_code_key", ["siteId", "codeKey"])
@Index("ix_ticket_phone_key", ["siteId", "phoneKey"])
@Index("ix_ticket_email", ["siteId", "reporterEmail"])
// Recaps (recaps/recap-counter.ts): one (site, timestamp) range per figure; the backlog's open tickets by creation.
@Index("ix_ticket_recap_created", ["siteId", "createdAt"])
@Index("ix_ticket_recap_closed", ["siteId", "closedAt"])
@Index("ix_ticket_recap_resolved", ["siteId", "resolvedAt"])
// The recap rollups' catch-up (recaps/recap-rollup.service.ts): tickets changed since its watermark.
@Index("ix_ticket_recap_updated", ["siteId", "updatedAt"])
@Index("ix_ticket_recap_responded", ["siteId", "firstRespondedAt"])
@Index("ix_ticket_recap_response_due", ["siteId", "responseDueAt"])
@Index("ix_ticket_recap_resolution_due", ["siteId", "resolutionDueAt"])
@Index("ix_ticket_recap_open", ["siteId", "isOpen", "createdAt"])
// The recap's work-order figures (recaps/work-order-figures.ts): a site's work orders created or resolved in a period.
@Index("ix_ticket_type_created", ["siteId", "ticketType", "createdAt"])
@Index("ix_ticket_type_resolved", ["siteId", "ticketType", "resolvedAt"])
// The unread count's candidates: tickets a reporter wrote to since an agent started (awareness/read-marks.service.ts).
@Index("ix_ticket_reporter_activity", ["siteId", "isOpen", "reporterActivityAt"])
export class TicketEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  /** Readable aloud, unique per site: unit.DDMMYYYY.sequence. */
  @Column("varchar", { length: 32 })
  code: string;

  /** The code uppercase, without separators, reversed (search-query.rules' ticketCodeKey): any ending of the code is a prefix of it. */
  @Column("varchar", { length: 32, name: "code_key", default: "" })
  codeKey: string;

  /** SHA-256 of the secret tracking token; the token itself is never stored. */
  @Column("varchar", { length: 64, name: "tracking_token_hash" })
  trackingTokenHash: string;

  @Column("varchar", { length: 64, name: "idempotency_key", nullable: true })
  idempotencyKey: string | null;

  /** Hash of the report a key was first used with; a key reused for a different report is refused. */
  @Column("varchar", { length: 64, name: "request_fingerprint", nullable: true })
  requestFingerprint: string | null;

  @Column("varchar", { length: 16 })
  status: TicketStatus;

  /** Incident, service request or work order: from the service it was reported under. */
  @Column("varchar", { length: 16, name: "ticket_type", default: TicketType.INCIDENT })
  ticketType: TicketType;

  @Column("boolean", { name: "is_open" })
  isOpen: boolean;

  @Column("varchar", { length: 16 })
  channel: Channel;

  /** The caller's customer or account number, given when the desk logs the ticket (LogTicketInput). */
  @Column("varchar", { length: 64, name: "customer_id", nullable: true })
  customerId: string | null;

  @Column("varchar", { length: 120, name: "reporter_name" })
  reporterName: string;

  @Column("varchar", { length: 40, name: "reporter_phone", nullable: true })
  reporterPhone: string | null;

  /** The phone's digits with a leading 0 read as +62 (search-query.rules' ticketPhoneKey), for search. */
  @Column("varchar", { length: 40, name: "phone_key", nullable: true })
  phoneKey: string | null;

  @Column("varchar", { length: 254, name: "reporter_email", nullable: true })
  reporterEmail: string | null;

  /** The `sub` of the identified reporter's token (the host site's user id); null for anonymous reports. */
  @Column("varchar", { length: 255, name: "reporter_subject", nullable: true })
  reporterSubject: string | null;

  /** When the reporter last opened the ticket: desk replies after it are unread. */
  @Column({ ...TIMESTAMP, name: "reporter_seen_at", nullable: true })
  reporterSeenAt: Date | null;

  /** When the reporter last wrote on the ticket; null: only the report so far (awareness/unread.rules). */
  @Column({ ...TIMESTAMP, name: "reporter_activity_at", nullable: true })
  reporterActivityAt: Date | null;

  /** The language mail to the reporter is written in (`id` or `en`): the form's, else the site's. */
  @Column("varchar", { length: 2, name: "reporter_language", default: "id" })
  reporterLanguage: MailLanguage;

  @Column("varchar", { length: 255, nullable: true })
  location: string | null;

  @Column("varchar", { length: 80, nullable: true })
  kelurahan: string | null;

  @Column("varchar", { length: 80, nullable: true })
  kecamatan: string | null;

  @Column({ ...TIMESTAMP, name: "occurred_at", nullable: true })
  occurredAt: Date | null;

  @Column("varchar", { length: 36, name: "service_id", nullable: true })
  serviceId: string | null;

  @Column("varchar", { length: 120, name: "problem_type", nullable: true })
  problemType: string | null;

  @Column("text")
  description: string;

  @Column("text", { name: "system_state", nullable: true })
  systemState: string | null;

  @Column("text", { name: "steps_tried", nullable: true })
  stepsTried: string | null;

  @Column("varchar", { length: 8 })
  urgency: Urgency;

  @Column("varchar", { length: 8 })
  impact: Impact;

  @Column("varchar", { length: 2 })
  priority: Priority;

  /** 1 for P1 … 5 for P5, so the queue index sorts by it. */
  @Column("int", { name: "priority_rank" })
  priorityRank: number;

  @Column("varchar", { length: 36, name: "category_id", nullable: true })
  categoryId: string | null;

  @Column("varchar", { length: 36, name: "group_id", nullable: true })
  groupId: string | null;

  @Column("varchar", { length: 36, name: "assignee_id", nullable: true })
  assigneeId: string | null;

  /** Functional support line now holding the ticket: 1 service desk, 2–3 specialists. */
  @Column("int", { name: "support_level" })
  supportLevel: number;

  /** Management levels informed: 0 none, 1 supervisor, 2 manager. */
  @Column("int", { name: "hierarchy_level" })
  hierarchyLevel: number;

  @Column("varchar", { length: 16, name: "pending_reason", nullable: true })
  pendingReason: PendingReason | null;

  /** A work order whose accepted cost is not paid yet: it may not close (workorders/work-order.rules). */
  @Column("boolean", { name: "payment_due", default: false })
  paymentDue: boolean;

  @Column({ ...TIMESTAMP, name: "created_at" })
  createdAt: Date;

  @Column({ ...TIMESTAMP, name: "updated_at" })
  updatedAt: Date;

  @Column({ ...TIMESTAMP, name: "first_responded_at", nullable: true })
  firstRespondedAt: Date | null;

  @Column({ ...TIMESTAMP, name: "response_due_at" })
  responseDueAt: Date;

  @Column({ ...TIMESTAMP, name: "resolution_due_at" })
  resolutionDueAt: Date;

  /** The next SLA deadline that matters: response until answered, then resolution. */
  @Column({ ...TIMESTAMP, name: "queue_due_at" })
  queueDueAt: Date;

  @Column({ ...TIMESTAMP, name: "paused_at", nullable: true })
  pausedAt: Date | null;

  @Column("bigint", { name: "paused_ms", transformer: bigintAsNumber })
  pausedMs: number;

  @Column({ ...TIMESTAMP, name: "response_escalated_at", nullable: true })
  responseEscalatedAt: Date | null;

  @Column({ ...TIMESTAMP, name: "resolution_escalated_at", nullable: true })
  resolutionEscalatedAt: Date | null;

  /** Share of the highest RESPONSE step of the SLA ladder fired (sla/ladder.rules); 0 none. */
  @Column("int", { name: "ladder_response_share", default: 0 })
  ladderResponseShare: number;

  /** Share of the highest RESOLUTION step of the SLA ladder fired; 0 none. */
  @Column("int", { name: "ladder_resolution_share", default: 0 })
  ladderResolutionShare: number;

  /** When the ticket's next SLA ladder step comes due; null when none can (closed, paused, all fired). */
  @Column({ ...TIMESTAMP, name: "next_ladder_at", nullable: true })
  nextLadderAt: Date | null;

  @Column({ ...TIMESTAMP, name: "resolved_at", nullable: true })
  resolvedAt: Date | null;

  @Column({ ...TIMESTAMP, name: "closed_at", nullable: true })
  closedAt: Date | null;

  @Column("text", { nullable: true })
  resolution: string | null;

  @Column("varchar", { length: 40, name: "closure_code", nullable: true })
  closureCode: string | null;

  /** Whether the resolution is offered to the knowledge base (seed 001: resolutions are reused). */
  @Column("boolean", { name: "knowledge_base", default: false })
  knowledgeBase: boolean;

  /** Waiting PENDING on an undecided approval chain (approvals/); only its approvers or a cancellation end the wait. */
  @Column("boolean", { name: "awaiting_approval", default: false })
  awaitingApproval: boolean;

  /** When the reporter's personal data was removed (retention or an erasure request, UU PDP); null: not. */
  @Column({ ...TIMESTAMP, name: "anonymized_at", nullable: true })
  anonymizedAt: Date | null;

  @VersionColumn({ type: "int" })
  version: number;
}
