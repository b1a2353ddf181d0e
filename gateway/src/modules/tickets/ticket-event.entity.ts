import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { ActorKind, TicketEventKind, TicketStatus, Visibility } from "./ticket.enums.js";
import type { TicketEventData } from "./timeline-entry.js";

export type { TicketEventData } from "./timeline-entry.js";

/** One entry of a ticket's activity timeline: who, when, what changed. */
@Entity("ticket_event")
@Index("ix_event_ticket", ["ticketId", "id"])
// Recaps: reopenings and escalations of a site by kind and time.
@Index("ix_event_recap", ["siteId", "kind", "at"])
export class TicketEventEntity {
  @PrimaryGeneratedColumn("increment")
  id: number;

  @Column("varchar", { length: 36, name: "ticket_id" })
  ticketId: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column({ ...TIMESTAMP })
  at: Date;

  @Column("varchar", { length: 24 })
  kind: TicketEventKind;

  @Column("varchar", { length: 8 })
  visibility: Visibility;

  @Column("varchar", { length: 8, name: "actor_kind" })
  actorKind: ActorKind;

  @Column("varchar", { length: 36, name: "actor_id", nullable: true })
  actorId: string | null;

  @Column("varchar", { length: 120, name: "actor_name", nullable: true })
  actorName: string | null;

  @Column("varchar", { length: 16, name: "from_status", nullable: true })
  fromStatus: TicketStatus | null;

  @Column("varchar", { length: 16, name: "to_status", nullable: true })
  toStatus: TicketStatus | null;

  @Column("text", { nullable: true })
  body: string | null;

  @Column("simple-json", { nullable: true })
  data: TicketEventData | null;
}
