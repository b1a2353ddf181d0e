import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { ApprovalState, DecisionRecord, StepSnapshot } from "./approval.rules.js";

/**
 * One ticket's approval chain: the steps with their approvers as resolved when it started, and
 * the decisions so far. Changed only inside the ticket's unit of work, under its row lock.
 */
@Entity("ticket_approval")
// "Pending for me": a site's undecided chains.
@Index("ix_ticket_approval_pending", ["siteId", "state"])
export class TicketApprovalEntity {
  @PrimaryColumn("varchar", { length: 36, name: "ticket_id" })
  ticketId: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  /** PENDING, APPROVED or REJECTED (approval.rules' chainStatus, kept for the pending query). */
  @Column("varchar", { length: 16 })
  state: ApprovalState;

  @Column("simple-json")
  steps: StepSnapshot[];

  @Column("simple-json")
  decisions: DecisionRecord[];

  /** The agent who logged the request for a caller; they never approve it. */
  @Column("varchar", { length: 36, name: "logged_by_id", nullable: true })
  loggedById: string | null;

  /** Copied from the service when the chain started. */
  @Column("int", { name: "valid_days" })
  validDays: number;

  @Column({ ...TIMESTAMP, name: "requested_at" })
  requestedAt: Date;

  @Column({ ...TIMESTAMP, name: "decided_at", nullable: true })
  decidedAt: Date | null;
}
