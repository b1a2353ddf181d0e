import { Column, Entity, PrimaryColumn } from "typeorm";
import type { Priority } from "../tickets/ticket.enums.js";

/** One row of a site's SLA policy: the targets for one priority. Policy is data, not code. */
@Entity("sla_policy")
export class SlaPolicyEntity {
  @PrimaryColumn("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @PrimaryColumn("varchar", { length: 2 })
  priority: Priority;

  @Column("int", { name: "response_minutes" })
  responseMinutes: number;

  @Column("int", { name: "resolution_minutes" })
  resolutionMinutes: number;
}
