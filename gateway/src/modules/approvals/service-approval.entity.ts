import { Column, Entity, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { StepConfig } from "./approval.rules.js";

/** The approval chain a request item (a catalogue service) needs before the desk works it; no row: none. */
@Entity("service_approval")
export class ServiceApprovalEntity {
  @PrimaryColumn("varchar", { length: 36, name: "service_id" })
  serviceId: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  /** The steps in order (approval.rules' StepConfig), at most MAX_STEPS. */
  @Column("simple-json")
  steps: StepConfig[];

  /** How many days the approval document (work permit) is valid from the final approval. */
  @Column("int", { name: "valid_days" })
  validDays: number;

  @Column({ ...TIMESTAMP, name: "updated_at" })
  updatedAt: Date;
}
