import { IsNull, type DataSource, type EntityManager } from "typeorm";
import { v7 as uuidv7 } from "uuid";
import type { Clock } from "../../clock.js";
import { dialectOf, type Dialect, type Transactor } from "../../db/transactions.js";
import { badInput, type FieldProblem } from "../../errors.js";
import { AgentEntity } from "../agents/agent.entity.js";
import { recordAudit } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import { CategoryEntity } from "../catalog/category.entity.js";
import { ItServiceEntity } from "../catalog/it-service.entity.js";
import { SupportGroupEntity } from "../catalog/support-group.entity.js";
import type { SigapPubSub } from "../../realtime/pubsub.js";
import { SITES_FEED, Topic } from "../../realtime/topics.js";
import type { SiteEntity } from "../sites/site.entity.js";
import type { SiteService } from "../sites/site.service.js";
import type { BusinessCalendar } from "../sla/business-time.rules.js";
import { transitionEffect } from "../tickets/status.rules.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { TicketEventKind, TicketStatus, Visibility } from "../tickets/ticket.enums.js";
import type { EntryDraft } from "../tickets/timeline-entry.js";
import { DeclinedCostOutcome } from "../workorders/work-order.rules.js";
import { AssignmentPointerEntity } from "./assignment-pointer.entity.js";
import { AssignmentStrategy, candidatesFor, chooseAssignee } from "./assignment.rules.js";
import { DispatchSettingsEntity } from "./dispatch-settings.entity.js";
import { RoutingRuleEntity } from "./routing-rule.entity.js";
import { matchRoute, normalizeRoute, routesType, routingRuleProblems, type RouteSpec } from "./routing.rules.js";

const CACHE_MS = 30_000;

/** A site's dispatch choices. */
export interface DispatchSettings {
  assignment: AssignmentStrategy;
  routeIncidents: boolean;
  declinedCost: DeclinedCostOutcome;
}

/** What a site without a dispatch_settings row does. */
export const DEFAULT_DISPATCH: Readonly<DispatchSettings> = Object.freeze({
  assignment: AssignmentStrategy.ROUND_ROBIN,
  routeIncidents: false,
  declinedCost: DeclinedCostOutcome.CANCEL_JOB,
});

/**
 * Routing rules and automatic assignment (seed 003): the admin's rules and settings, and the
 * step intake runs inside its own transaction to route a new ticket to a technician group and
 * hand it to the technician whose turn it is.
 */
export class Routing {
  private readonly dialect: Dialect;
  /** Settings by site for intake, like the site itself: dropped on every change of a site, any gateway's. */
  private readonly cache = new Map<string, { read: Promise<DispatchSettings>; until: number }>();

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly clock: Clock,
    private readonly sites: SiteService | null = null,
    bus: SigapPubSub | null = null,
  ) {
    this.dialect = dialectOf(ds);
    bus?.listen(Topic.SITE_CHANGED, SITES_FEED, () => this.cache.clear());
  }

  /** A site's rules in the order they are tried. */
  rules(siteId: string, em: EntityManager = this.ds.manager): Promise<RoutingRuleEntity[]> {
    return em.find(RoutingRuleEntity, { where: { siteId }, order: { position: "ASC" } });
  }

  /** Replaces a site's rules with these, in this order; BAD_USER_INPUT names every bad field, audited as `routing.set`. */
  async setRules(siteId: string, specs: readonly RouteSpec[], actor: AuditActor): Promise<RoutingRuleEntity[]> {
    const problems: FieldProblem[] = routingRuleProblems(specs);
    if (problems.length) throw badInput(problems);
    const rules = specs.map(normalizeRoute);
    return this.tx(async (em) => {
      problems.push(...(await this.unknownIds(em, siteId, rules)));
      if (problems.length) throw badInput(problems);
      const before = await this.rules(siteId, em);
      const now = this.clock.now();
      await em.delete(RoutingRuleEntity, { siteId });
      const rows = rules.map((r, position) => Object.assign(new RoutingRuleEntity(), { id: uuidv7(), siteId, position, ...r, updatedAt: now }));
      if (rows.length) await em.insert(RoutingRuleEntity, rows);
      await recordAudit(em, { siteId, actor, action: "routing.set", subjectType: "site", subjectId: siteId, before: { rules: before.map(specOf) }, after: { rules: rows.map(specOf) } }, now);
      return rows;
    });
  }

  /** A site's dispatch settings (the defaults when never set). */
  async settings(siteId: string, em: EntityManager = this.ds.manager): Promise<DispatchSettings> {
    const row = await em.findOneBy(DispatchSettingsEntity, { siteId });
    return row ? { assignment: row.assignment, routeIncidents: row.routeIncidents, declinedCost: row.declinedCost } : { ...DEFAULT_DISPATCH };
  }

  /** Changes a site's dispatch settings; audited as `dispatch.update`. */
  async setSettings(siteId: string, patch: Partial<DispatchSettings>, actor: AuditActor): Promise<DispatchSettings> {
    const after = await this.tx(async (em) => {
      const before = await this.settings(siteId, em);
      const after = { ...before, ...definedOnly(patch) };
      const now = this.clock.now();
      await em.upsert(DispatchSettingsEntity, { siteId, ...after, updatedAt: now }, ["siteId"]);
      await recordAudit(em, { siteId, actor, action: "dispatch.update", subjectType: "site", subjectId: siteId, before: { ...before }, after: { ...after } }, now);
      return after;
    });
    this.cache.delete(siteId);
    this.sites?.changed(siteId);
    return after;
  }

  /**
   * A site's dispatch settings as intake reads them on every report: at most every 30 seconds per
   * process, and changes through {@link setSettings} (on any gateway) take effect at once.
   */
  private cachedSettings(siteId: string): Promise<DispatchSettings> {
    const now = Date.now();
    let hit = this.cache.get(siteId);
    if (!hit || hit.until < now) {
      const read = this.settings(siteId);
      read.catch(() => this.cache.delete(siteId));
      hit = { read, until: now + CACHE_MS };
      this.cache.set(siteId, hit);
    }
    return hit.read;
  }

  /**
   * Routes a ticket intake is creating, inside intake's transaction and after its first write:
   * on SQLite the write lock is then held, and on MySQL the group's pointer row is locked
   * (FOR UPDATE), so turns are taken one at a time whichever gateway took the report. Sets the
   * group, the assignee and the ASSIGNED status on `ticket`; returns the entries that record it
   * (none when the ticket is not routed). A ticket the desk allocated while logging is left alone.
   */
  async atIntake(em: EntityManager, site: SiteEntity, ticket: TicketEntity, now: Date, calendar: BusinessCalendar | null): Promise<EntryDraft[]> {
    if (ticket.groupId || ticket.assigneeId) return [];
    const settings = await this.cachedSettings(site.id);
    if (!routesType(ticket.ticketType, settings.routeIncidents)) return [];
    const rule = matchRoute(await this.rules(site.id, em), ticket);
    if (!rule) return [];
    const group = await em.findOneBy(SupportGroupEntity, { id: rule.groupId, siteId: site.id, retiredAt: IsNull() });
    if (!group) return [];
    const last = await this.lockPointer(em, site.id, group.id);
    const agents = await em.findBy(AgentEntity, { siteId: site.id, groupId: group.id, active: true });
    const candidates = candidatesFor(agents, group.id, ticket.kecamatan, rule.skill);
    const loads = settings.assignment === AssignmentStrategy.LEAST_LOADED ? await this.openLoads(em, site.id, candidates) : new Map<string, number>();
    const chosen = chooseAssignee(settings.assignment, candidates, loads, last);
    if (chosen) await em.update(AssignmentPointerEntity, { siteId: site.id, groupId: group.id }, { lastAgentId: chosen });
    ticket.groupId = group.id;
    ticket.assigneeId = chosen;
    const { patch, entry } = transitionEffect(ticket, { to: TicketStatus.ASSIGNED }, now, calendar);
    Object.assign(ticket, patch);
    const assigneeName = agents.find((a) => a.id === chosen)?.name;
    return [{ kind: TicketEventKind.ASSIGNED, visibility: Visibility.PUBLIC, data: { groupName: group.name, assigneeName } }, entry];
  }

  /**
   * The group's round-robin pointer, its row made if need be and held until commit. On MySQL the
   * upsert takes the row's exclusive lock at once: INSERT IGNORE would take a shared lock that two
   * reports then both try to raise (a deadlock). SQLite already holds its write lock.
   */
  private async lockPointer(em: EntityManager, siteId: string, groupId: string): Promise<string | null> {
    const upsert = this.dialect === "mysql"
      ? "INSERT INTO assignment_pointer (site_id, group_id, last_agent_id) VALUES (?, ?, NULL) ON DUPLICATE KEY UPDATE last_agent_id = last_agent_id"
      : "INSERT INTO assignment_pointer (site_id, group_id, last_agent_id) VALUES (?, ?, NULL) ON CONFLICT (site_id, group_id) DO NOTHING";
    await em.query(upsert, [siteId, groupId]);
    // A locking read on MySQL: a plain one would see the transaction's snapshot, older than the last turn.
    const lock = this.dialect === "mysql" ? " FOR UPDATE" : "";
    const rows: Array<{ last_agent_id: string | null }> = await em.query(`SELECT last_agent_id FROM assignment_pointer WHERE site_id = ? AND group_id = ?${lock}`, [siteId, groupId]);
    return rows[0]?.last_agent_id ?? null;
  }

  /** Open tickets per agent, for least-loaded assignment. */
  private async openLoads(em: EntityManager, siteId: string, agentIds: readonly string[]): Promise<Map<string, number>> {
    if (!agentIds.length) return new Map();
    const rows: Array<{ assigneeId: string; n: string | number }> = await em
      .createQueryBuilder(TicketEntity, "t")
      .select("t.assigneeId", "assigneeId")
      .addSelect("COUNT(*)", "n")
      .where("t.siteId = :siteId AND t.isOpen = :open AND t.assigneeId IN (:...ids)", { siteId, open: true, ids: agentIds })
      .groupBy("t.assigneeId")
      .getRawMany();
    return new Map(rows.map((r) => [r.assigneeId, Number(r.n)]));
  }

  /** Every service, category and group a rule names that the site does not have in use. */
  private async unknownIds(em: EntityManager, siteId: string, rules: readonly RouteSpec[]): Promise<FieldProblem[]> {
    const ids = (pick: (r: RouteSpec) => string | null) => [...new Set(rules.map(pick).filter((v): v is string => !!v))];
    const [groups, services, categories] = await Promise.all([
      known(em, SupportGroupEntity, siteId, ids((r) => r.groupId)),
      known(em, ItServiceEntity, siteId, ids((r) => r.serviceId)),
      known(em, CategoryEntity, siteId, ids((r) => r.categoryId)),
    ]);
    const problems: FieldProblem[] = [];
    rules.forEach((r, i) => {
      if (!groups.has(r.groupId)) problems.push({ field: `rules.${i}.groupId`, message: `groupId of rule ${i + 1} is not a support group of this site in use` });
      if (r.serviceId && !services.has(r.serviceId)) problems.push({ field: `rules.${i}.serviceId`, message: `serviceId of rule ${i + 1} is not a service of this site in use` });
      if (r.categoryId && !categories.has(r.categoryId)) problems.push({ field: `rules.${i}.categoryId`, message: `categoryId of rule ${i + 1} is not a category of this site in use` });
    });
    return problems;
  }
}

type Retirable = typeof SupportGroupEntity | typeof ItServiceEntity | typeof CategoryEntity;

async function known(em: EntityManager, entity: Retirable, siteId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows: Array<{ id: string }> = await em
    .createQueryBuilder(entity, "e")
    .select("e.id", "id")
    .where("e.id IN (:...ids) AND e.siteId = :siteId AND e.retiredAt IS NULL", { ids, siteId })
    .getRawMany();
  return new Set(rows.map((r) => r.id));
}

function specOf(r: RouteSpec): RouteSpec {
  return { region: r.region, serviceId: r.serviceId, categoryId: r.categoryId, skill: r.skill, groupId: r.groupId };
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
