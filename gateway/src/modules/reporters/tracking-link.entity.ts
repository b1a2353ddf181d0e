import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";

/** A one-time link mailed to an anonymous reporter: it opens their ticket once, within its time. */
@Entity("tracking_link")
@Index("ix_tracking_link_ticket", ["ticketId", "createdAt"])
export class TrackingLinkEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "ticket_id" })
  ticketId: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  /** SHA-256 of the link's secret; the secret itself is only in the mail. */
  @Index("uq_tracking_link_secret", { unique: true })
  @Column("varchar", { length: 64, name: "secret_hash" })
  secretHash: string;

  @Column({ ...TIMESTAMP, name: "created_at" })
  createdAt: Date;

  @Column({ ...TIMESTAMP, name: "expires_at" })
  expiresAt: Date;

  /** When the link was exchanged for a tracking token; a used link opens nothing. */
  @Column({ ...TIMESTAMP, name: "used_at", nullable: true })
  usedAt: Date | null;
}
