import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";

/** A team tickets are allocated to; `level` is its support line (1 service desk … 3 specialists). */
@Entity("support_group")
@Index("uq_group_name", ["siteId", "name"], { unique: true })
export class SupportGroupEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("varchar", { length: 120 })
  name: string;

  @Column("int")
  level: number;

  /** When an admin retired it (no open tickets, no active agents then): no longer offered for allocation. */
  @Column({ ...TIMESTAMP, name: "retired_at", nullable: true })
  retiredAt: Date | null;
}
