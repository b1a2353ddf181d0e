import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import type { CatalogLanguage } from "./catalog.rules.js";

/** The kinds of catalogue item that carry names per language. */
export type CatalogTextKind = "service" | "category";

/**
 * An IT service's or a category's name and help text in one language. A row per language keeps
 * "unique per language per site" an index, and a third language a row rather than a column.
 */
@Entity("catalog_text")
@Index("uq_catalog_text_name", ["siteId", "kind", "language", "name"], { unique: true })
export class CatalogTextEntity {
  /** The service's or category's id. */
  @PrimaryColumn("varchar", { length: 36, name: "item_id" })
  itemId: string;

  @PrimaryColumn("varchar", { length: 2 })
  language: CatalogLanguage;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("varchar", { length: 16 })
  kind: CatalogTextKind;

  @Column("varchar", { length: 120 })
  name: string;

  @Column("varchar", { length: 500, nullable: true })
  help: string | null;
}
