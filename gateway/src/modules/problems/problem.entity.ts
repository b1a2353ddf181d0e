import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { ProblemStatus } from "./problem.rules.js";

/** A problem record of a site: the cause behind repeated incidents (problem.rules says how it moves). */
@Entity("problem")
@Index("uq_problem_code", ["siteId", "code"], { unique: true })
@Index("ix_problem_list", ["siteId", "updatedAt", "id"])
export class ProblemEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  /** `PRB-<unit>-<n>`, from the site's own problem sequence. */
  @Column("varchar", { length: 32 })
  code: string;

  @Column("varchar", { length: 200 })
  title: string;

  @Column("text")
  description: string;

  @Column("varchar", { length: 16 })
  status: ProblemStatus;

  @Column("varchar", { length: 36, name: "service_id", nullable: true })
  serviceId: string | null;

  @Column("varchar", { length: 36, name: "category_id", nullable: true })
  categoryId: string | null;

  @Column("text", { name: "root_cause", nullable: true })
  rootCause: string | null;

  @Column("text", { nullable: true })
  workaround: string | null;

  @Column("text", { nullable: true })
  resolution: string | null;

  /** The support group that owns the investigation. */
  @Column("varchar", { length: 36, name: "group_id", nullable: true })
  groupId: string | null;

  /** The agent who owns it. */
  @Column("varchar", { length: 36, name: "owner_id", nullable: true })
  ownerId: string | null;

  @Column({ ...TIMESTAMP, name: "created_at" })
  createdAt: Date;

  @Column({ ...TIMESTAMP, name: "updated_at" })
  updatedAt: Date;

  @Column({ ...TIMESTAMP, name: "resolved_at", nullable: true })
  resolvedAt: Date | null;

  /** The name of who raised it. */
  @Column("varchar", { length: 120, name: "raised_by" })
  raisedBy: string;
}
