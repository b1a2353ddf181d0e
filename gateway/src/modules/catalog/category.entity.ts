import { Column, Entity, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";

/**
 * An incident category, one level deep under a parent (seed 002, table 2: Hardware › Server).
 * Its names and help texts are catalog_text rows, one per language.
 */
@Entity("category")
export class CategoryEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("varchar", { length: 36, name: "parent_id", nullable: true })
  parentId: string | null;

  /** Order among its siblings, lowest first. */
  @Column("int", { default: 0 })
  position: number;

  /** When an admin retired it: gone from the pickers, still named on old tickets. */
  @Column({ ...TIMESTAMP, name: "retired_at", nullable: true })
  retiredAt: Date | null;
}
