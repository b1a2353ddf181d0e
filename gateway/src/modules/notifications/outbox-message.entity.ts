import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { OutboxChannel } from "./notification.types.js";
import type { OutboxStatus } from "./outbox.rules.js";

/**
 * A message waiting to leave (or that left, or was given up on), written in the transaction of
 * the change that caused it. The auto-increment id is the creation order the dispatcher keeps per
 * (ticket, channel, recipient): changes to one ticket take turns on its row lock, so ids follow them.
 */
@Entity("outbox_message")
@Index("uq_outbox_event", ["eventId", "channel", "recipient"], { unique: true })
@Index("ix_outbox_due", ["status", "nextAttemptAt"])
@Index("ix_outbox_stream", ["ticketId", "channel", "recipient", "status"])
export class OutboxMessageEntity {
  /** Both drivers hand BIGINT back as a string. */
  @PrimaryGeneratedColumn("increment", { type: "bigint" })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("varchar", { length: 36, name: "ticket_id", nullable: true })
  ticketId: string | null;

  @Column("varchar", { length: 120, name: "event_id" })
  eventId: string;

  @Column("varchar", { length: 16 })
  channel: OutboxChannel;

  /** An e-mail address or a webhook endpoint id. */
  @Column("varchar", { length: 254 })
  recipient: string;

  /** JSON text, what the channel's sender needs. */
  @Column("text")
  payload: string;

  @Column("varchar", { length: 8 })
  status: OutboxStatus;

  @Column("int")
  attempts: number;

  @Column({ ...TIMESTAMP, name: "next_attempt_at" })
  nextAttemptAt: Date;

  /** A gateway delivering it holds it until then; past it, another may try (the first died mid-delivery). */
  @Column({ ...TIMESTAMP, name: "claimed_until", nullable: true })
  claimedUntil: Date | null;

  @Column("varchar", { length: 500, name: "last_error", nullable: true })
  lastError: string | null;

  @Column({ ...TIMESTAMP, name: "created_at" })
  createdAt: Date;

  @Column({ ...TIMESTAMP, name: "sent_at", nullable: true })
  sentAt: Date | null;
}
