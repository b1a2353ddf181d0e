import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";

/** A reply text a site's agents insert from the composer (canned.rules says what it may hold). */
@Entity("canned_response")
@Index("uq_canned_response_title", ["siteId", "language", "titleKey"], { unique: true })
export class CannedResponseEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("varchar", { length: 120 })
  title: string;

  /** canned.rules' titleKey(title), a SHA-256 in hex: what titles are unique under, alike on both databases whatever their collation. */
  @Column("varchar", { length: 64, name: "title_key" })
  titleKey: string;

  @Column("text")
  body: string;

  /** `id` or `en`; "" for any language (not NULL: the unique index must see it). */
  @Column("varchar", { length: 2 })
  language: string;

  /** The support group whose agents see it; null for the whole site. */
  @Column("varchar", { length: 36, name: "group_id", nullable: true })
  groupId: string | null;

  @Column({ ...TIMESTAMP, name: "updated_at" })
  updatedAt: Date;

  /** The name of who saved it last. */
  @Column("varchar", { length: 120, name: "updated_by" })
  updatedBy: string;
}
