import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/** An IT service of the site's catalogue that incidents affect (seed 002, table 1). */
@Entity("it_service")
@Index("uq_service_name", ["siteId", "name"], { unique: true })
export class ItServiceEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("varchar", { length: 120 })
  name: string;

  @Column("varchar", { length: 500, nullable: true })
  description: string | null;
}
