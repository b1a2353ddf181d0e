import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import type { DataSource, EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import { dialectOf, isUniqueViolation, type Transactor } from "../../db/transactions.js";
import { badField, SigapError, unauthenticated } from "../../errors.js";
import { mailDraft } from "../notifications/mail-planners.js";
import type { Notifications } from "../notifications/notifications.service.js";
import type { SiteEntity } from "../sites/site.entity.js";
import { AgentLinkEntity } from "./agent-link.entity.js";
import { AgentEntity } from "./agent.entity.js";
import type { AgentService, CreateAgentParams } from "./agent.service.js";
import { hashPassword, verifyPassword } from "./passwords.js";
import { SignInLockEntity } from "./sign-in-lock.entity.js";
import { afterFailure, isLocked, LINK_TTL_MS, LinkPurpose, LOCKOUT, PASSWORD_MAX_LENGTH, passwordProblem, SESSION_TTL_SECONDS, UNLOCKED, type LockState } from "./sign-in.rules.js";

/** A signed-in agent's bearer token and when it stops working. */
export interface Session {
  token: string;
  expiresAt: Date;
  agent: AgentEntity;
}

/** Where the links in reset and invitation mail point: the page with the agent queue. */
export interface SignInLinks {
  /** The sign-in page's URL; the link adds `#sigap-password=<secret>`. */
  signInUrl(): string;
}

/** The one answer to a wrong address, a wrong password or a deactivated account: it tells nothing apart. */
const WRONG = "The e-mail address or the password is wrong.";

/** The one answer to a locked address, existing or not. */
function locked(until: Date, now: Date): SigapError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new SigapError(
    "RATE_LIMITED",
    `Too many failed sign-ins for this address: try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or reset your password.`,
    { retryAfter: Math.ceil((until.getTime() - now.getTime()) / 1000), limit: "signIn" },
  );
}

const sha256 = (secret: string) => createHash("sha256").update(secret).digest("hex");
const normalize = (email: string) => email.trim().toLowerCase();
/** The longest e-mail address an agent can have (RFC 5321's path limit, the column's width). */
const EMAIL_MAX_LENGTH = 254;

/**
 * Signing in without the CLI: passwords (argon2id) with a per-address lock, one-time links by
 * mail for a forgotten password and for an admin's invitation, and the one-time codes an OpenID
 * Connect sign-in hands back to the widget. Every way in ends in the same agent token.
 */
export class SignInService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly clock: Clock,
    private readonly agents: AgentService,
    private readonly notifications: Notifications,
    private readonly links: SignInLinks,
  ) {}

  /** Signs in with a password; UNAUTHENTICATED for any wrong detail, RATE_LIMITED while the address is locked. */
  async signIn(site: SiteEntity, email: string, password: string): Promise<Session> {
    const address = normalize(email);
    // No agent has an address that long (the column holds 254 characters): nothing to look up or count.
    if (address.length > EMAIL_MAX_LENGTH) throw unauthenticated(WRONG);
    const now = this.clock.now();
    const lock = await this.ds.getRepository(SignInLockEntity).findOneBy({ siteId: site.id, email: address });
    if (lock && isLocked(lock, now)) throw locked(lock.lockedUntil!, now);
    const agent = await this.ds
      .getRepository(AgentEntity)
      .createQueryBuilder("a")
      .addSelect("a.passwordHash")
      .where("a.siteId = :site AND a.email = :email", { site: site.id, email: address })
      .getOne();
    // A password past the maximum was never set, so it fails without hashing megabytes.
    const ok = password.length <= PASSWORD_MAX_LENGTH && (await verifyPassword(agent?.passwordHash ?? null, password)) && agent!.active;
    if (!ok) {
      const after = await this.countFailure(site.id, address);
      if (isLocked(after, now)) throw locked(after.lockedUntil!, now);
      throw unauthenticated(WRONG);
    }
    if (lock) await this.ds.getRepository(SignInLockEntity).delete({ siteId: site.id, email: address });
    return this.session(agent!);
  }

  /** Mails a one-time reset link when an active agent has the address; answers the same either way. */
  async requestPasswordReset(site: SiteEntity, email: string): Promise<void> {
    const agent = await this.ds.getRepository(AgentEntity).findOneBy({ siteId: site.id, email: normalize(email), active: true });
    if (!agent) return;
    await this.tx(async (em) => {
      const { secret, expiresAt } = await this.newLink(em, agent, LinkPurpose.RESET);
      await this.notifications.enqueue(em, [
        mailDraft(`agent-link:${sha256(secret).slice(0, 32)}`, site.id, null, agent.email, "password-reset", site.language, {
          agentName: agent.name,
          expiresAt: expiresAt.toISOString(),
          link: this.linkUrl(secret),
        }),
      ]);
    });
  }

  /** Adds an agent (as `agents.create` does) and mails them a one-time link to set their password. */
  async invite(site: SiteEntity, inviter: AgentEntity, params: Omit<CreateAgentParams, "siteId">, actor: AuditActor): Promise<AgentEntity> {
    const agent = await this.agents.create({ ...params, siteId: site.id }, actor);
    await this.tx(async (em) => {
      const { secret, expiresAt } = await this.newLink(em, agent, LinkPurpose.INVITE);
      await this.notifications.enqueue(em, [
        mailDraft(`agent-link:${sha256(secret).slice(0, 32)}`, site.id, null, agent.email, "agent-invite", site.language, {
          agentName: agent.name,
          inviterName: inviter.name,
          siteName: site.name,
          role: agent.role,
          expiresAt: expiresAt.toISOString(),
          link: this.linkUrl(secret),
        }),
      ]);
    });
    return agent;
  }

  /** Sets a password with a reset or invitation link's secret (once), and signs the agent in. */
  async setPasswordWithLink(secret: string, password: string, ip: string | null): Promise<Session> {
    const problem = passwordProblem(password);
    if (problem) throw badField("password", problem);
    const hash = await hashPassword(password);
    const agent = await this.tx(async (em) => {
      const link = await this.redeem(em, secret, [LinkPurpose.RESET, LinkPurpose.INVITE]);
      if (!link) throw unauthenticated("This link is not valid any more: it was used, or it expired. Ask for a new one.");
      const owner = await em.findOneBy(AgentEntity, { id: link.agentId, active: true });
      if (!owner) throw unauthenticated("This link is not valid any more: it was used, or it expired. Ask for a new one.");
      // Sessions signed with the old password end: whoever knew it is out.
      await em.update(AgentEntity, { id: owner.id }, { passwordHash: hash, sessionsValidAfter: this.clock.now() });
      // A new password also lifts a lock on the address: its owner proved who they are.
      await em.delete(SignInLockEntity, { siteId: owner.siteId, email: owner.email });
      const actor = { kind: "AGENT", id: owner.id, name: owner.name, ip } as const;
      await recordAudit(em, { siteId: owner.siteId, actor, action: "agent.password_set", subjectType: "agent", subjectId: owner.id, before: { password: "old" }, after: { password: "new" } }, this.clock.now());
      return owner;
    });
    return this.session(agent);
  }

  /** Sets an agent's password directly (the CLI's `agent:password`). */
  async setPassword(agent: AgentEntity, password: string, actor: AuditActor): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw badField("password", problem);
    const passwordHash = await hashPassword(password);
    await this.tx(async (em) => {
      await em.update(AgentEntity, { id: agent.id }, { passwordHash, sessionsValidAfter: this.clock.now() });
      await em.delete(SignInLockEntity, { siteId: agent.siteId, email: agent.email });
      // The trail says a password was set, never a hash: the field is redacted.
      await recordAudit(em, { siteId: agent.siteId, actor, action: "agent.password_set", subjectType: "agent", subjectId: agent.id, before: { password: "old" }, after: { password: "new" } }, this.clock.now());
    });
  }

  /** A one-time code (valid two minutes) the OpenID Connect callback hands the widget for {@link redeemCode}. */
  async issueCode(agent: AgentEntity): Promise<string> {
    return this.tx(async (em) => (await this.newLink(em, agent, LinkPurpose.OIDC)).secret);
  }

  /** Exchanges an OpenID Connect hand-back code for a session, once; the code must belong to `site`. */
  async redeemCode(site: SiteEntity, code: string): Promise<Session> {
    const agent = await this.tx(async (em) => {
      const link = await this.redeem(em, code, [LinkPurpose.OIDC]);
      const owner = link ? await em.findOneBy(AgentEntity, { id: link.agentId, siteId: site.id, active: true }) : null;
      if (!owner) throw unauthenticated("This sign-in code is not valid any more; sign in again.");
      return owner;
    });
    return this.session(agent);
  }

  private async session(agent: AgentEntity): Promise<Session> {
    const token = await this.agents.mintToken(agent, SESSION_TTL_SECONDS);
    return { token, expiresAt: new Date(this.clock.now().getTime() + SESSION_TTL_SECONDS * 1000), agent };
  }

  private linkUrl(secret: string): string {
    return `${this.links.signInUrl()}#sigap-password=${secret}`;
  }

  private async newLink(em: EntityManager, agent: AgentEntity, purpose: LinkPurpose): Promise<{ secret: string; expiresAt: Date }> {
    const secret = randomBytes(24).toString("base64url");
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + LINK_TTL_MS[purpose]);
    await em.insert(AgentLinkEntity, { secretHash: sha256(secret), agentId: agent.id, purpose, expiresAt, usedAt: null, createdAt: now });
    return { secret, expiresAt };
  }

  /** Marks a link used if it is unused, unexpired and of one of `purposes`; null otherwise. */
  private async redeem(em: EntityManager, secret: string, purposes: LinkPurpose[]): Promise<AgentLinkEntity | null> {
    if (typeof secret !== "string" || secret.length > 200) return null;
    const now = this.clock.now();
    const link = await em.findOneBy(AgentLinkEntity, { secretHash: sha256(secret) });
    if (!link || link.usedAt || link.expiresAt.getTime() <= now.getTime() || !purposes.includes(link.purpose)) return null;
    // The update is the claim: of two requests racing with one secret, one changes the row.
    const claimed = await em
      .createQueryBuilder()
      .update(AgentLinkEntity)
      .set({ usedAt: now })
      .where("secretHash = :h AND usedAt IS NULL", { h: link.secretHash })
      .execute();
    return claimed.affected === 1 ? link : null;
  }

  /**
   * Counts one failure for an address, under a row lock on MySQL (SQLite's transactions take
   * turns). Two first failures racing both insert; the loser counts again on the winner's row.
   */
  private async countFailure(siteId: string, email: string): Promise<LockState> {
    try {
      return await this.countFailureOnce(siteId, email);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.countFailureOnce(siteId, email);
    }
  }

  private countFailureOnce(siteId: string, email: string): Promise<LockState> {
    return this.tx(async (em) => {
      const qb = em.getRepository(SignInLockEntity).createQueryBuilder("l").where("l.siteId = :siteId AND l.email = :email", { siteId, email });
      if (dialectOf(this.ds) === "mysql") qb.setLock("pessimistic_write");
      const row = await qb.getOne();
      const next = afterFailure(row ?? UNLOCKED, this.clock.now(), LOCKOUT);
      if (row) await em.update(SignInLockEntity, { siteId, email }, next);
      else await em.insert(SignInLockEntity, { siteId, email, ...next });
      return next;
    });
  }
}
