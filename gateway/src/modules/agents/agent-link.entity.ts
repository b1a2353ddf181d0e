import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { LinkPurpose } from "./sign-in.rules.js";

/**
 * A one-time link or code sent to an agent (password reset, invitation, OpenID Connect hand-back).
 * Only the SHA-256 of the secret is kept, so the table alone opens nothing.
 */
@Entity("agent_link")
@Index("ix_agent_link_agent", ["agentId"])
export class AgentLinkEntity {
  /** Hex SHA-256 of the secret the agent holds. */
  @PrimaryColumn("varchar", { length: 64, name: "secret_hash" })
  secretHash: string;

  @Column("varchar", { length: 36, name: "agent_id" })
  agentId: string;

  @Column("varchar", { length: 8 })
  purpose: LinkPurpose;

  @Column({ ...TIMESTAMP, name: "expires_at" })
  expiresAt: Date;

  /** Set when the link is used: it opens nothing after. */
  @Column({ ...TIMESTAMP, name: "used_at", nullable: true })
  usedAt: Date | null;

  @Column({ ...TIMESTAMP, name: "created_at" })
  createdAt: Date;
}
