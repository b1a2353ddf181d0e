import { Column, Entity, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";

/** How far the handling of one received mail got. */
export type InboundState = "PROCESSING" | "DONE";

/**
 * One mail received for a site, by Message-ID: a redelivered mail (an MTA retrying after a lost
 * answer, an IMAP message seen twice) finds its row and is not handled again.
 */
@Entity("inbound_message")
export class InboundMessageEntity {
  @PrimaryColumn("varchar", { length: 36, name: "site_id" })
  siteId: string;

  /** SHA-256 (hex) of the Message-ID, or of the whole mail when it has none. */
  @PrimaryColumn("varchar", { length: 64, name: "message_key" })
  messageKey: string;

  /** PROCESSING while one receiver handles it; a claim older than a few minutes is taken over (its receiver died). */
  @Column("varchar", { length: 12 })
  state: InboundState;

  /** What became of it: MESSAGE, TICKET, BOUNCED, IGNORED. */
  @Column("varchar", { length: 12, nullable: true })
  outcome: string | null;

  @Column("varchar", { length: 36, name: "ticket_id", nullable: true })
  ticketId: string | null;

  @Column({ ...TIMESTAMP, name: "received_at" })
  receivedAt: Date;
}
