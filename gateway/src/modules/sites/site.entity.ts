import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { MailLanguage } from "../notifications/mail-language.js";
import type { Impact } from "../tickets/ticket.enums.js";
import type { PriorityMatrix } from "../tickets/priority.rules.js";
import type { QueueOrder } from "./site-settings.rules.js";
import type { RateLimitOverrides } from "../../http/limits/limits.rules.js";
import type { SlaLadder } from "../sla/ladder.rules.js";
import type { SiteHours } from "../sla/sla-calendar.rules.js";

/** A tenant: one company (or one unit of it) that embeds Sigap in its pages. */
@Entity("site")
export class SiteEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 120 })
  name: string;

  /** The public key widgets send; it names the site, it is not a secret. */
  @Index("uq_site_key", { unique: true })
  @Column("varchar", { length: 64, name: "site_key" })
  siteKey: string;

  /** The key before the last rotation; it keeps working until previousKeyValidUntil, then is refused like an unknown key. */
  @Index("uq_site_previous_key", { unique: true })
  @Column("varchar", { length: 64, name: "previous_site_key", nullable: true })
  previousSiteKey: string | null;

  @Column({ ...TIMESTAMP, name: "previous_key_valid_until", nullable: true })
  previousKeyValidUntil: Date | null;

  /** The unit part of ticket codes (seed 002: `01` in `01.18072019.003`). */
  @Column("varchar", { length: 6, name: "unit_code" })
  unitCode: string;

  /** IANA time zone the site's day (and so ticket codes) follow. */
  @Column("varchar", { length: 64, name: "time_zone" })
  timeZone: string;

  /** Browser origins allowed to use the public surface; empty allows none but server-to-server calls. */
  @Column("simple-json", { name: "allowed_origins" })
  allowedOrigins: string[];

  @Column("int", { name: "max_upload_bytes" })
  maxUploadBytes: number;

  @Column("int", { name: "max_attachments_per_ticket" })
  maxAttachmentsPerTicket: number;

  /** Content types accepted for evidence, checked against the sniffed type. */
  @Column("simple-json", { name: "allowed_upload_types" })
  allowedUploadTypes: string[];

  /** A RESOLVED ticket with no word from the reporter closes by itself after this many hours. */
  @Column("int", { name: "auto_close_hours" })
  autoCloseHours: number;

  /** The weekly and monthly recap is mailed to the site's managers and supervisors. */
  @Column("boolean", { name: "scheduled_recaps", default: true })
  scheduledRecaps: boolean;

  /** The public form may state impact; otherwise defaultImpact applies. */
  @Column("boolean", { name: "reporter_sets_impact", default: false })
  reporterSetsImpact: boolean;

  @Column("varchar", { length: 8, name: "default_impact", default: "MEDIUM" })
  defaultImpact: Impact;

  /** Order within a priority in the desk queue. */
  @Column("varchar", { length: 12, name: "queue_order", default: "DUE_TIME" })
  queueOrder: QueueOrder;

  /** A CLOSED ticket may be reopened within this many days of closure; 0 never. */
  @Column("int", { name: "reopen_closed_within_days", default: 0 })
  reopenClosedWithinDays: number;

  /** Rate budgets and form fill time of this site, over the deployment's; null keeps those (`sigap site:limits`). */
  @Column("simple-json", { name: "rate_limits", nullable: true })
  rateLimits: RateLimitOverrides | null;

  /** The language of the desk's mail, and of the reporter's when the form did not say. */
  @Column("varchar", { length: 2, default: "id" })
  language: MailLanguage;

  /** The accent colour of the site's mail (`#rrggbb`); null for Sigap's. */
  @Column("varchar", { length: 16, name: "accent_color", nullable: true })
  accentColor: string | null;

  /** An https logo shown at the top of the site's mail; null shows the site's name only. */
  @Column("varchar", { length: 500, name: "logo_url", nullable: true })
  logoUrl: string | null;

  /** The site's tracking page, with `{code}` and `{token}`; null for the gateway's demo tracking page. */
  @Column("varchar", { length: 500, name: "tracking_url", nullable: true })
  trackingUrl: string | null;

  /** Which status events mail the reporter (status_changed, resolved, closed); null for all. */
  @Column("simple-json", { name: "reporter_mail_events", nullable: true })
  reporterMailEvents: string[] | null;

  /** The SLA escalation ladder's steps per target; a target missing (or null) keeps the default (`sigap site:ladder`). */
  @Column("simple-json", { name: "sla_ladder", nullable: true })
  slaLadder: Partial<SlaLadder> | null;

  /** The SLA clock's weekly hours in the site's zone and the priorities kept 24×7; null: every priority 24×7 (`sigap site:hours`). */
  @Column("simple-json", { name: "business_hours", nullable: true })
  businessHours: SiteHours | null;

  /** The desk's e-mail address: mail to it opens a ticket with channel EMAIL (`sigap site:set --desk-email`); null: none. */
  @Index("uq_site_desk_email", { unique: true })
  @Column("varchar", { length: 254, name: "desk_email", nullable: true })
  deskEmail: string | null;

  /** HS256 secret the host site signs reporter tokens with (`sigap site:identity`); null: none. */
  @Column("varchar", { length: 200, name: "reporter_jwt_secret", nullable: true })
  reporterJwtSecret: string | null;

  /** JWKS URL the host site's RS256/ES256 reporter tokens verify against (`sigap site:identity`); null: none. */
  @Column("varchar", { length: 500, name: "reporter_jwks_url", nullable: true })
  reporterJwksUrl: string | null;

  /** The site's own urgency × impact matrix; null: seed 002's table 5 (`sigap site:matrix`). */
  @Column("simple-json", { name: "priority_matrix", nullable: true })
  priorityMatrix: PriorityMatrix | null;

  /** The languages the site's widgets offer, the default {@link language} among them; null: id and en. */
  @Column("simple-json", { nullable: true })
  languages: MailLanguage[] | null;

  @Column({ ...TIMESTAMP, name: "created_at" })
  createdAt: Date;

  /** Reporters' personal data on tickets closed or cancelled more than this many months ago is anonymized (UU PDP); null: kept. */
  @Column("int", { name: "retention_months", nullable: true })
  retentionMonths: number | null;
}
