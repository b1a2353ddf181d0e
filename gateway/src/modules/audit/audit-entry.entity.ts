import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { ActorKind } from "./audit.rules.js";

/**
 * One line of a site's audit trail: who did what to which thing, from where, and the fields it
 * changed (before and after). Append-only: no API or command updates or deletes a row. A reporter's
 * erasure (UU PDP) may have to blank personal values inside `before`/`after` while keeping the line,
 * since a trail that says who did what must outlive the data it was about; today no line holds
 * any (desk lines carry ticket fields, not reporter details, and erasure and export lines name
 * ticket codes, never the reporter's address), so erasure leaves the trail as it is.
 */
@Entity("audit_entry")
@Index("ix_audit_site_at", ["siteId", "at"])
@Index("ix_audit_site_action", ["siteId", "action", "at"])
@Index("ix_audit_site_subject", ["siteId", "subjectType", "subjectId"])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn("increment", { type: "bigint" })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column({ ...TIMESTAMP })
  at: Date;

  @Column("varchar", { length: 8, name: "actor_kind" })
  actorKind: ActorKind;

  /** The agent's id for AGENT; null for CLI and SYSTEM. */
  @Column("varchar", { length: 36, name: "actor_id", nullable: true })
  actorId: string | null;

  /** The agent's name (as it was then), the CLI's operating-system user, or the job's name. */
  @Column("varchar", { length: 120, name: "actor_name" })
  actorName: string;

  /** The client address the action came from (the proxy's, unless the proxy is trusted); null for CLI and jobs. */
  @Column("varchar", { length: 64, nullable: true })
  ip: string | null;

  /** What was done, `<subject>.<verb>` in lower case, e.g. `site.update`, `agent.deactivate`, `ticket.assign`. */
  @Column("varchar", { length: 64 })
  action: string;

  /** The kind of thing acted on, e.g. `site`, `agent`, `ticket`, `sla_policy`. */
  @Column("varchar", { length: 32, name: "subject_type" })
  subjectType: string;

  /** The thing's id (a ticket's code for tickets); null when the subject is the site itself. */
  @Column("varchar", { length: 64, name: "subject_id", nullable: true })
  subjectId: string | null;

  /** The changed fields' values before (JSON object), null for a creation or a plain action. */
  @Column("text", { nullable: true })
  before: string | null;

  /** The changed fields' values after (JSON object), null for a removal or a plain action. */
  @Column("text", { nullable: true })
  after: string | null;
}
