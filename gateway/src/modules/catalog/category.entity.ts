import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/** An incident category, one level deep under a parent (seed 002, table 2: Hardware › Server). */
@Entity("category")
@Index("uq_category_name", ["siteId", "name"], { unique: true })
export class CategoryEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("varchar", { length: 120 })
  name: string;

  @Column("varchar", { length: 36, name: "parent_id", nullable: true })
  parentId: string | null;
}
