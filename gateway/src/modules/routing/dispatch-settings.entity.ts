import { Column, Entity, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { DeclinedCostOutcome } from "../workorders/work-order.rules.js";
import type { AssignmentStrategy } from "./assignment.rules.js";

/** How a site routes and assigns new tickets and what a declined cost does; no row: the defaults. */
@Entity("dispatch_settings")
export class DispatchSettingsEntity {
  @PrimaryColumn("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("varchar", { length: 16, default: "ROUND_ROBIN" })
  assignment: AssignmentStrategy;

  /** Incidents are routed too, not only work orders. */
  @Column("boolean", { name: "route_incidents", default: false })
  routeIncidents: boolean;

  @Column("varchar", { length: 16, name: "declined_cost", default: "CANCEL_JOB" })
  declinedCost: DeclinedCostOutcome;

  @Column({ ...TIMESTAMP, name: "updated_at" })
  updatedAt: Date;
}
