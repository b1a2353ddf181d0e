import { Column, Entity, PrimaryColumn } from "typeorm";
import { TicketType, type Priority } from "../tickets/ticket.enums.js";

/** One row of a site's SLA policy: one ticket type's targets for one priority. Policy is data, not code. */
@Entity("sla_policy")
export class SlaPolicyEntity {
  @PrimaryColumn("varchar", { length: 36, name: "site_id" })
  siteId: string;

  /** A type without rows of its own follows INCIDENT's (sla-policy.rules sitePolicies). */
  @PrimaryColumn("varchar", { length: 16, name: "ticket_type", default: TicketType.INCIDENT })
  ticketType: TicketType;

  @PrimaryColumn("varchar", { length: 2 })
  priority: Priority;

  @Column("int", { name: "response_minutes" })
  responseMinutes: number;

  @Column("int", { name: "resolution_minutes" })
  resolutionMinutes: number;
}
