import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { DomainEventType } from "../notifications/notification.types.js";

/** A site's webhook receiver: where events go, which ones, and the secrets that sign them. */
@Entity("webhook_endpoint")
@Index("ix_webhook_endpoint_site", ["siteId", "createdAt"])
export class WebhookEndpointEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("varchar", { length: 2000 })
  url: string;

  @Column("varchar", { length: 255, default: "" })
  description: string;

  /** The event types this endpoint receives. */
  @Column("simple-json", { name: "event_types" })
  eventTypes: DomainEventType[];

  /** `whsec_…`: signs every delivery. Stored as is: the gateway must sign with it. */
  @Column("varchar", { length: 80 })
  secret: string;

  /** The secret before the last rotation: its signature is also sent until it expires. */
  @Column("varchar", { length: 80, name: "previous_secret", nullable: true })
  previousSecret: string | null;

  @Column({ ...TIMESTAMP, name: "previous_secret_expires_at", nullable: true })
  previousSecretExpiresAt: Date | null;

  @Column("boolean", { default: true })
  enabled: boolean;

  /** Why it was disabled (by an admin, a 410, or days of failures); null while enabled. */
  @Column("varchar", { length: 255, name: "disabled_reason", nullable: true })
  disabledReason: string | null;

  /** When the current run of failed attempts began; null after a success. */
  @Column({ ...TIMESTAMP, name: "failing_since", nullable: true })
  failingSince: Date | null;

  @Column({ ...TIMESTAMP, name: "created_at" })
  createdAt: Date;

  @Column({ ...TIMESTAMP, name: "updated_at" })
  updatedAt: Date;
}
