import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";

/** One attempt to deliver one event to one endpoint: the delivery log. */
@Entity("webhook_delivery")
@Index("ix_webhook_delivery_site", ["siteId", "createdAt"])
@Index("ix_webhook_delivery_endpoint", ["endpointId", "createdAt"])
export class WebhookDeliveryEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("varchar", { length: 36, name: "endpoint_id" })
  endpointId: string;

  /** The outbox message this attempt belongs to. */
  @Column("varchar", { length: 36, name: "message_id" })
  messageId: string;

  /** The domain event delivered (a replay's message carries the original event). */
  @Column("varchar", { length: 160, name: "event_id" })
  eventId: string;

  @Column("varchar", { length: 40, name: "event_type" })
  eventType: string;

  /** The `webhook-id` header: the same for every attempt and replay of one event to one endpoint. */
  @Column("varchar", { length: 64, name: "webhook_id" })
  webhookId: string;

  @Column("varchar", { length: 36, name: "ticket_id", nullable: true })
  ticketId: string | null;

  /** 1 for the first attempt of a message (a replay starts again at 1). */
  @Column("int")
  attempt: number;

  /** Whether this attempt is part of a manual replay. */
  @Column("boolean")
  replay: boolean;

  @Column("boolean")
  ok: boolean;

  @Column("int", { name: "status_code", nullable: true })
  statusCode: number | null;

  @Column("int", { name: "latency_ms", nullable: true })
  latencyMs: number | null;

  /** At most 500 characters of the receiver's answer. */
  @Column("varchar", { length: 500, name: "response_excerpt", nullable: true })
  responseExcerpt: string | null;

  @Column("varchar", { length: 500, nullable: true })
  error: string | null;

  /** The exact body sent, so a replay sends the same bytes. */
  @Column("text")
  payload: string;

  @Column({ ...TIMESTAMP, name: "created_at" })
  createdAt: Date;
}
