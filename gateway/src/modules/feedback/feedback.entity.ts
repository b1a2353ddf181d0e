import { Column, Entity, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";

/** The reporter's satisfaction answers (seed 002, figure 11); one per ticket. */
@Entity("feedback")
export class FeedbackEntity {
  @PrimaryColumn("varchar", { length: 36, name: "ticket_id" })
  ticketId: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  /** "Are you satisfied with the reporting service?" 1–5. */
  @Column("int", { name: "service_rating" })
  serviceRating: number;

  /** "Can the service be used properly again?" 1–5. */
  @Column("int", { name: "restored_rating" })
  restoredRating: number;

  /** "Did the information meet your needs?" 1–5. */
  @Column("int", { name: "information_rating" })
  informationRating: number;

  @Column("text", { nullable: true })
  suggestion: string | null;

  @Column({ ...TIMESTAMP, name: "created_at" })
  createdAt: Date;
}
