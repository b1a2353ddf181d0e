import { Not, type DataSource, type EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import { dialectOf, type Transactor } from "../../db/transactions.js";
import { badField, badInput, conflict, forbidden, notFound, type FieldProblem } from "../../errors.js";
import type { SigapPubSub } from "../../realtime/pubsub.js";
import { AGENTS_FEED, Topic } from "../../realtime/topics.js";
import { recordAudit } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import { SupportGroupEntity } from "../catalog/support-group.entity.js";
import type { MailLanguage } from "../notifications/mail-language.js";
import { agentPatchProblems, changeRefusal, tagList, type AgentChanger, type AgentPatch } from "./agent-admin.rules.js";
import { AgentEntity } from "./agent.entity.js";
import { Role } from "./role.js";

/** An agent as the administration shows it. */
export interface AdminAgentView {
  id: string;
  name: string;
  email: string;
  role: Role;
  groupId: string | null;
  language: string;
  regions: string[];
  skills: string[];
  active: boolean;
  /** Whether the agent has set a password (else they sign in with the identity provider, an invitation link or a minted token). */
  hasPassword: boolean;
  createdAt: Date;
}

/** A change as it arrives from GraphQL or the CLI: null clears a group or a list, and is refused where nothing can be cleared. */
export type AgentChange = { [K in keyof AgentPatch]?: AgentPatch[K] | null };

/** Who asks: the changer's standing plus the site they work on. */
export type AgentAdminCaller = AgentChanger & { siteId: string };

/** The columns a change writes. */
type AgentColumns = Pick<AgentEntity, "name" | "role" | "groupId" | "language" | "regions" | "skills">;

/**
 * The agents of a site as an ADMIN (all of them) or a SUPERVISOR (their own group's) reads and
 * changes them, over GraphQL and `sigap agent:set`. Who may change what is agent-admin.rules; this
 * reads the rows, counts the admins under a lock (two admins demoting each other at once must not
 * both succeed), writes the change with its audit line in one transaction and then, when a role
 * changed, announces it so every gateway re-checks that agent's open subscriptions (their feeds
 * were scoped by the old role). HTTP requests need nothing: each reads the role afresh.
 */
export class AgentAdmin {
  private readonly moved: Array<(siteId: string, agentId: string) => Promise<void>> = [];

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly clock: Clock,
    private readonly bus: SigapPubSub,
  ) {}

  /** Calls `listener` after an agent's role or group changed (approvals drop them from steps they no longer belong to), awaited before the change answers. */
  onMoved(listener: (siteId: string, agentId: string) => Promise<void>): void {
    this.moved.push(listener);
  }

  /** The agents a caller may manage, by name; deactivated ones only when asked. */
  async list(caller: AgentAdminCaller, includeInactive = false): Promise<AdminAgentView[]> {
    if (caller.role === Role.SUPERVISOR && caller.groupId === null) return [];
    const qb = this.ds.getRepository(AgentEntity).createQueryBuilder("a").addSelect("a.passwordHash").where("a.siteId = :site", { site: caller.siteId });
    if (caller.role === Role.SUPERVISOR) qb.andWhere("a.groupId = :group", { group: caller.groupId });
    if (!includeInactive) qb.andWhere("a.active = :active", { active: true });
    const rows = await qb.orderBy("a.name", "ASC").addOrderBy("a.email", "ASC").getMany();
    return rows.map(viewOf);
  }

  /** Changes the fields given of one agent; BAD_USER_INPUT names every bad field, FORBIDDEN or CONFLICT says why a change may not be made. */
  async update(caller: AgentAdminCaller, agentId: string, change: AgentChange, actor: AuditActor): Promise<AdminAgentView> {
    const patch = await this.patchOf(caller.siteId, change);
    const { agent, roleChanged, moved } = await this.tx(async (em) => {
      const target = await this.lockedAgent(em, caller.siteId, agentId);
      const others = target.role === Role.ADMIN ? await this.otherActiveAdmins(em, caller.siteId, target.id) : 0;
      const refusal = changeRefusal(caller, target, patch, others);
      if (refusal) throw refusal.code === "CONFLICT" ? conflict(refusal.message) : forbidden(refusal.message);
      const changes: Partial<AgentColumns> = {};
      if (patch.name !== undefined) changes.name = patch.name.trim();
      if (patch.role !== undefined) changes.role = patch.role;
      if (patch.groupId !== undefined) changes.groupId = patch.groupId;
      if (patch.language !== undefined) changes.language = patch.language as MailLanguage;
      if (patch.regions !== undefined) changes.regions = tagList("regions", patch.regions).value;
      if (patch.skills !== undefined) changes.skills = tagList("skills", patch.skills).value;
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, normalizedList(k, target[k as keyof AgentColumns])]));
      await em.update(AgentEntity, { id: target.id }, changes);
      await recordAudit(em, { siteId: caller.siteId, actor, action: "agent.update", subjectType: "agent", subjectId: target.id, before, after: { ...changes } }, this.clock.now());
      const moved = (changes.role !== undefined && before["role"] !== changes.role) || (changes.groupId !== undefined && before["groupId"] !== changes.groupId);
      return { agent: Object.assign(target, changes), roleChanged: changes.role !== undefined && before["role"] !== changes.role, moved };
    });
    if (moved) for (const listener of this.moved) await listener(caller.siteId, agentId);
    // After the commit: a gateway that re-checks sooner would read the old role.
    if (roleChanged) this.bus.publish(Topic.AGENT_CHANGED, AGENTS_FEED, { siteId: caller.siteId, agentId });
    return viewOf(agent);
  }

  /** The patch a change makes, or BAD_USER_INPUT naming every bad field. */
  private async patchOf(siteId: string, change: AgentChange): Promise<AgentPatch> {
    const problems: FieldProblem[] = [];
    for (const key of ["name", "role", "language"] as const) {
      if (change[key] === null) problems.push({ field: key, message: `${key} cannot be null; leave it out to keep it` });
    }
    const patch: AgentPatch = {
      name: change.name ?? undefined,
      role: change.role ?? undefined,
      language: change.language ?? undefined,
      groupId: change.groupId,
      // null empties a list, as [] does.
      regions: change.regions === null ? [] : change.regions,
      skills: change.skills === null ? [] : change.skills,
    };
    problems.push(...agentPatchProblems(patch));
    if (patch.groupId && !(await this.ds.getRepository(SupportGroupEntity).existsBy({ id: patch.groupId, siteId }))) {
      problems.push({ field: "groupId", message: "groupId is not a support group of this site" });
    }
    if (problems.length) throw badInput(problems);
    if (!Object.values(patch).some((v) => v !== undefined)) throw badField("input", "Nothing to change: give at least one field.");
    return patch;
  }

  private async lockedAgent(em: EntityManager, siteId: string, agentId: string): Promise<AgentEntity> {
    const qb = em.getRepository(AgentEntity).createQueryBuilder("a").addSelect("a.passwordHash").where("a.id = :id AND a.siteId = :site", { id: agentId, site: siteId });
    if (dialectOf(this.ds) === "mysql") qb.setLock("pessimistic_write");
    const agent = await qb.getOne();
    if (!agent) throw notFound("No agent with this id on your site.");
    return agent;
  }

  /** Active ADMINs of the site other than `exceptId`, their rows locked on MySQL until the change commits. */
  private async otherActiveAdmins(em: EntityManager, siteId: string, exceptId: string): Promise<number> {
    const qb = em
      .getRepository(AgentEntity)
      .createQueryBuilder("a")
      .select("a.id")
      .where("a.siteId = :site AND a.role = :role AND a.active = :active AND a.id <> :id", { site: siteId, role: Role.ADMIN, active: true, id: exceptId });
    if (dialectOf(this.ds) === "mysql") qb.setLock("pessimistic_write");
    return (await qb.getMany()).length;
  }
}

/** Active ADMINs of a site other than `exceptId` (for a deactivation's last-admin check). */
export function countOtherActiveAdmins(em: EntityManager, siteId: string, exceptId: string): Promise<number> {
  return em.getRepository(AgentEntity).countBy({ siteId, role: Role.ADMIN, active: true, id: Not(exceptId) });
}

/** Stored null lists read as empty, so the audit line does not record null → [] as a change. */
function normalizedList(key: string, value: unknown): unknown {
  return (key === "regions" || key === "skills") && value === null ? [] : value;
}

function viewOf(agent: AgentEntity): AdminAgentView {
  return {
    id: agent.id,
    name: agent.name,
    email: agent.email,
    role: agent.role,
    groupId: agent.groupId,
    language: agent.language,
    regions: agent.regions ?? [],
    skills: agent.skills ?? [],
    active: agent.active,
    hasPassword: agent.passwordHash != null,
    createdAt: agent.createdAt,
  };
}
