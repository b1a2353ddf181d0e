import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { MailLanguage } from "../notifications/mail-language.js";
import type { Role } from "./role.js";

/** A person of the service desk or its management, with one role. */
@Entity("agent")
@Index("uq_agent_email", ["siteId", "email"], { unique: true })
export class AgentEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("varchar", { length: 120 })
  name: string;

  @Column("varchar", { length: 254 })
  email: string;

  @Column("varchar", { length: 16 })
  role: Role;

  @Column("varchar", { length: 36, name: "group_id", nullable: true })
  groupId: string | null;

  /** The language of the desk mail this person receives; their site's at creation unless given. */
  @Column("varchar", { length: 2, default: "id" })
  language: MailLanguage;

  /** Areas this person works in (seed 003 routes work orders to a technician by region); null: none. */
  @Column("simple-json", { nullable: true })
  regions: string[] | null;

  /** What this person is good at, for routing by skill; null: none. */
  @Column("simple-json", { nullable: true })
  skills: string[] | null;

  /** Deactivated agents keep their history but their tokens stop working. */
  @Column("boolean", { default: true })
  active: boolean;

  /** argon2id hash (PHC string) of the agent's password; null: no password, sign in with the IdP or a minted token. */
  @Column("varchar", { length: 200, name: "password_hash", nullable: true, select: false })
  passwordHash: string | null;

  /** Tokens signed before this are refused: set when the password changes or the agent is deactivated. */
  @Column({ ...TIMESTAMP, name: "sessions_valid_after", nullable: true })
  sessionsValidAfter: Date | null;

  @Column({ ...TIMESTAMP, name: "created_at" })
  createdAt: Date;

  /** The queue view the agent last chose (a QueueView name or `saved:<id>`), so it follows them across devices; null: the default queue. */
  @Column("varchar", { length: 80, name: "queue_view", nullable: true })
  queueView: string | null;
}
