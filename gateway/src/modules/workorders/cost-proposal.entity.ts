import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { CostLine, CostProposalStatus } from "./work-order.rules.js";

/** One extra cost a technician proposed on a work order, and the customer's decision. */
@Entity("cost_proposal")
@Index("ix_cost_proposal_ticket", ["ticketId", "proposedAt"])
// The recap's work-order figures (recaps/work-order-figures.ts): proposals made, decided, or awaiting in a period.
@Index("ix_cost_proposal_recap_proposed", ["siteId", "proposedAt"])
@Index("ix_cost_proposal_recap_decided", ["siteId", "decidedAt"])
@Index("ix_cost_proposal_recap_status", ["siteId", "status", "proposedAt"])
export class CostProposalEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("varchar", { length: 36, name: "ticket_id" })
  ticketId: string;

  /** The line items, checked by work-order.rules' checkCostLines. */
  @Column("simple-json")
  lines: CostLine[];

  /** Whole rupiah. */
  @Column("int")
  total: number;

  @Column("varchar", { length: 12 })
  status: CostProposalStatus;

  @Column({ ...TIMESTAMP, name: "proposed_at" })
  proposedAt: Date;

  @Column("varchar", { length: 120, name: "proposed_by" })
  proposedBy: string;

  @Column({ ...TIMESTAMP, name: "decided_at", nullable: true })
  decidedAt: Date | null;

  /** The customer's words with their decision. */
  @Column("text", { name: "decision_note", nullable: true })
  decisionNote: string | null;
}
