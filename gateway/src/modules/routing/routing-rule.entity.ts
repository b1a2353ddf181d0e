import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";

/** One routing rule of a site (routing.rules): conditions on a new ticket and the technician group it goes to. */
@Entity("routing_rule")
@Index("ix_routing_rule_site", ["siteId", "position"])
export class RoutingRuleEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  /** Tried lowest first; the first match wins. */
  @Column("int")
  position: number;

  /** The ticket's kecamatan (or branch); null: any. */
  @Column("varchar", { length: 60, nullable: true })
  region: string | null;

  @Column("varchar", { length: 36, name: "service_id", nullable: true })
  serviceId: string | null;

  @Column("varchar", { length: 36, name: "category_id", nullable: true })
  categoryId: string | null;

  /** A skill the assigned technician must list; null: any member. */
  @Column("varchar", { length: 60, nullable: true })
  skill: string | null;

  @Column("varchar", { length: 36, name: "group_id" })
  groupId: string;

  @Column({ ...TIMESTAMP, name: "updated_at" })
  updatedAt: Date;
}
