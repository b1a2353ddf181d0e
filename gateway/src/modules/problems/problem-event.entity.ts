import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";

/** What a problem timeline entry records. */
export enum ProblemEventKind {
  RAISED = "RAISED",
  EDITED = "EDITED",
  STATUS_CHANGED = "STATUS_CHANGED",
  INCIDENT_LINKED = "INCIDENT_LINKED",
  INCIDENT_UNLINKED = "INCIDENT_UNLINKED",
  RESOLVED = "RESOLVED",
}

/** One entry of a problem's timeline (desk only: a problem is never shown to reporters). */
@Entity("problem_event")
@Index("ix_problem_event_problem", ["problemId", "id"])
export class ProblemEventEntity {
  /** Increasing: the timeline's order, also within one change. */
  @PrimaryGeneratedColumn("increment")
  id: number;

  @Column("varchar", { length: 36, name: "problem_id" })
  problemId: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column({ ...TIMESTAMP })
  at: Date;

  @Column("varchar", { length: 24 })
  kind: ProblemEventKind;

  @Column("varchar", { length: 120, name: "actor_name" })
  actorName: string;

  @Column("varchar", { length: 16, name: "from_status", nullable: true })
  fromStatus: string | null;

  @Column("varchar", { length: 16, name: "to_status", nullable: true })
  toStatus: string | null;

  /** The ticket code of a link or unlink. */
  @Column("varchar", { length: 32, name: "ticket_code", nullable: true })
  ticketCode: string | null;

  /** A note, the resolution, or the edited fields' names. */
  @Column("text", { nullable: true })
  body: string | null;
}
