import { randomUUID } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import { IsNull, type DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import { insertOnce } from "../../db/transactions.js";
import { recordAudit } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import { badInput, conflict, notFound, unauthenticated, type FieldProblem } from "../../errors.js";
import { SupportGroupEntity } from "../catalog/support-group.entity.js";
import { MAIL_LANGUAGES, type MailLanguage } from "../notifications/mail-language.js";
import { SiteEntity } from "../sites/site.entity.js";
import { Role } from "./role.js";
import { AgentEntity } from "./agent.entity.js";
import { deactivationRefusal } from "./agent-admin.rules.js";
import { countOtherActiveAdmins } from "./agent-admin.service.js";

/** Who an agent token was issued by, so tokens from elsewhere are refused. */
const ISSUER = "sigap";
const AUDIENCE = "sigap-desk";

/** What an admin gives to add a desk member. */
export interface CreateAgentParams {
  siteId: string;
  name: string;
  email: string;
  role: Role;
  groupId?: string | null;
  /** The language of the person's desk mail (id or en). @default the site's language */
  language?: string | null;
}

/** Desk members and their bearer tokens. */
export class AgentService {
  private readonly key: Uint8Array;
  private readonly deactivated: Array<(agent: AgentEntity) => void | Promise<void>> = [];

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    secret: string,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /** Adds an agent to a site. */
  async create(params: CreateAgentParams, actor: AuditActor): Promise<AgentEntity> {
    const problems: FieldProblem[] = [];
    if (!params.name.trim() || params.name.length > 120) problems.push({ field: "name", message: "name is required, at most 120 characters" });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(params.email) || params.email.length > 254) problems.push({ field: "email", message: "email must be an e-mail address" });
    if (!Object.values(Role).includes(params.role)) problems.push({ field: "role", message: `role must be one of ${Object.values(Role).join(", ")}` });
    if (params.groupId && !(await this.ds.getRepository(SupportGroupEntity).existsBy({ id: params.groupId, siteId: params.siteId, retiredAt: IsNull() }))) {
      problems.push({ field: "groupId", message: "groupId is not a support group of this site in use (retired ones are not offered)" });
    }
    if (params.language != null && !(MAIL_LANGUAGES as string[]).includes(params.language)) {
      problems.push({ field: "language", message: `language must be ${MAIL_LANGUAGES.join(" or ")}, got "${params.language}"` });
    }
    if (problems.length) throw badInput(problems);
    const language = (params.language as MailLanguage | null | undefined) ?? (await this.ds.getRepository(SiteEntity).findOneBy({ id: params.siteId }))?.language ?? "id";
    const agent = Object.assign(new AgentEntity(), {
      id: randomUUID(),
      siteId: params.siteId,
      name: params.name.trim(),
      email: params.email.toLowerCase(),
      role: params.role,
      groupId: params.groupId ?? null,
      language,
      regions: null,
      skills: null,
      active: true,
      sessionsValidAfter: null,
      createdAt: this.clock.now(),
    });
    await insertOnce(
      () =>
        this.ds.transaction(async (em) => {
          await em.insert(AgentEntity, agent);
          const after = { name: agent.name, email: agent.email, role: agent.role, groupId: agent.groupId, language: agent.language, active: true };
          await recordAudit(em, { siteId: agent.siteId, actor, action: "agent.create", subjectType: "agent", subjectId: agent.id, before: null, after }, agent.createdAt);
        }),
      `The site already has an agent with the e-mail ${agent.email}.`,
    );
    return agent;
  }

  /** Agents of a site, by name. */
  list(siteId: string): Promise<AgentEntity[]> {
    return this.ds.getRepository(AgentEntity).find({ where: { siteId }, order: { name: "ASC" } });
  }

  /**
   * Calls `listener` after an agent is deactivated (the realtime layer closes their sockets;
   * approvals drop them from the steps they were asked in), awaited before the deactivation answers.
   */
  onDeactivated(listener: (agent: AgentEntity) => void | Promise<void>): void {
    this.deactivated.push(listener);
  }

  /** Deactivates or reactivates an agent of the admin's site; an admin cannot deactivate themself. */
  async setActive(admin: AgentEntity, agentId: string, active: boolean, actor: AuditActor): Promise<AgentEntity> {
    const repo = this.ds.getRepository(AgentEntity);
    const agent = await repo.findOneBy({ id: agentId, siteId: admin.siteId });
    if (!agent) throw notFound("No agent with this id on your site.");
    if (!active && agent.id === admin.id) throw conflict("You cannot deactivate yourself; ask another admin.");
    if (!active) return this.deactivate(agent, actor);
    if (!agent.active) {
      await this.ds.transaction(async (em) => {
        await em.update(AgentEntity, { id: agent.id }, { active: true });
        await recordAudit(em, { siteId: agent.siteId, actor, action: "agent.activate", subjectType: "agent", subjectId: agent.id, before: { active: false }, after: { active: true } }, this.clock.now());
      });
    }
    agent.active = true;
    return agent;
  }

  /** Deactivates an agent: their tokens are refused from now on, and listeners close their sockets. */
  async deactivate(agent: AgentEntity, actor: AuditActor): Promise<AgentEntity> {
    // Someone must still be able to administer the desk (and reactivate people).
    const refusal = deactivationRefusal(agent, await countOtherActiveAdmins(this.ds.manager, agent.siteId, agent.id));
    if (refusal) throw conflict(refusal.message);
    // Tokens signed until now stay refused if the agent is reactivated later: they sign in again.
    agent.sessionsValidAfter = this.clock.now();
    const wasActive = agent.active;
    await this.ds.transaction(async (em) => {
      await em.update(AgentEntity, { id: agent.id }, { active: false, sessionsValidAfter: agent.sessionsValidAfter });
      const subject = { siteId: agent.siteId, actor, action: "agent.deactivate", subjectType: "agent", subjectId: agent.id };
      await recordAudit(em, { ...subject, before: { active: wasActive }, after: { active: false } }, agent.sessionsValidAfter!);
    });
    agent.active = false;
    for (const listener of this.deactivated) await listener(agent);
    return agent;
  }

  /**
   * Signs a long-lived token for automation or a portal (`sigap agent:token`) and records who
   * issued it for whom until when; sign-in sessions mint theirs with {@link mintToken} directly.
   */
  async issueToken(agent: AgentEntity, ttlSeconds: number, actor: AuditActor): Promise<string> {
    const token = await this.mintToken(agent, ttlSeconds);
    const now = this.clock.now();
    const after = { expiresAt: new Date(now.getTime() + ttlSeconds * 1000) };
    await recordAudit(this.ds.manager, { siteId: agent.siteId, actor, action: "agent.token_issued", subjectType: "agent", subjectId: agent.id, after }, now);
    return token;
  }

  /** Signs a bearer token for an agent. @default ttl 12 hours */
  async mintToken(agent: AgentEntity, ttlSeconds = 12 * 3600): Promise<string> {
    const nowMs = this.clock.now().getTime();
    const now = Math.floor(nowMs / 1000);
    // `ims`: when it was signed to the millisecond, for sessionsValidAfter (iat is whole seconds).
    return new SignJWT({ site: agent.siteId, role: agent.role, ims: nowMs })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(agent.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .sign(this.key);
  }

  /**
   * The active agent a bearer token names. The role comes from the database, not the token, so
   * demoting or deactivating someone takes effect at once.
   */
  async authenticate(token: string | null): Promise<AgentEntity> {
    if (!token) throw unauthenticated("Sign in first: this needs an agent token (Authorization: Bearer …).");
    let subject: string | undefined;
    let site: unknown;
    let issuedAt = 0;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ["HS256"],
        currentDate: this.clock.now(),
      });
      subject = payload.sub;
      site = payload["site"];
      issuedAt = typeof payload["ims"] === "number" ? payload["ims"] : (payload.iat ?? 0) * 1000;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated("Your agent token has expired; sign in again.");
      throw unauthenticated("The agent token is not valid.");
    }
    const agent = subject ? await this.ds.getRepository(AgentEntity).findOneBy({ id: subject }) : null;
    if (!agent || agent.siteId !== site) throw unauthenticated("The agent token is not valid.");
    if (!agent.active) throw unauthenticated("This agent account is deactivated.");
    // A token signed in the same millisecond as the change still passes: the session the change itself started.
    if (agent.sessionsValidAfter && issuedAt < agent.sessionsValidAfter.getTime()) {
      throw unauthenticated("This agent token was signed before the password changed or the account was deactivated; sign in again.");
    }
    return agent;
  }
}
