import { Column, Entity, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";

/** When an agent last opened a ticket: reporter activity after it is unread for them. */
@Entity("ticket_read")
export class TicketReadEntity {
  @PrimaryColumn("varchar", { length: 36, name: "agent_id" })
  agentId: string;

  @PrimaryColumn("varchar", { length: 36, name: "ticket_id" })
  ticketId: string;

  @Column({ ...TIMESTAMP, name: "read_at" })
  readAt: Date;
}
