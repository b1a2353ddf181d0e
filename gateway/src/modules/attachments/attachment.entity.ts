import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { ActorKind, Visibility } from "../tickets/ticket.enums.js";

/** An evidence file; uploaded first, then linked to a ticket by a report or a reply. */
@Entity("attachment")
@Index("ix_attachment_ticket", ["ticketId"])
// The upload cleanup's lookup: unlinked (ticket_id IS NULL) and older than a cutoff.
@Index("ix_attachment_unlinked", ["ticketId", "createdAt"])
export class AttachmentEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("varchar", { length: 36, name: "ticket_id", nullable: true })
  ticketId: string | null;

  /**
   * The visibility of the timeline entry that linked the file to its ticket (the entry lists the
   * id in its data); null until linked. The reporter reads only files of PUBLIC entries.
   */
  @Column("varchar", { length: 8, nullable: true })
  visibility: Visibility | null;

  @Column("varchar", { length: 255 })
  filename: string;

  /** The type sniffed from the bytes, never the one the client claimed. */
  @Column("varchar", { length: 100, name: "content_type" })
  contentType: string;

  @Column("int")
  size: number;

  @Column("varchar", { length: 64 })
  sha256: string;

  @Column("varchar", { length: 8, name: "uploaded_by" })
  uploadedBy: ActorKind;

  @Column({ ...TIMESTAMP, name: "created_at" })
  createdAt: Date;
}
