import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";

/** An incident linked to a problem; the ticket is the key, so a ticket links to at most one problem. */
@Entity("problem_ticket")
@Index("ix_problem_ticket_problem", ["problemId", "linkedAt"])
export class ProblemTicketEntity {
  @PrimaryColumn("varchar", { length: 36, name: "ticket_id" })
  ticketId: string;

  @Column("varchar", { length: 36, name: "problem_id" })
  problemId: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column({ ...TIMESTAMP, name: "linked_at" })
  linkedAt: Date;

  /** The name of who linked it. */
  @Column("varchar", { length: 120, name: "linked_by" })
  linkedBy: string;
}
