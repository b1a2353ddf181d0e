import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import { dialectOf, insertOnce, type Transactor } from "../../db/transactions.js";
import { parseSearch } from "../tickets/search-query.rules.js";
import { badField, conflict, notFound } from "../../errors.js";
import { AgentEntity } from "../agents/agent.entity.js";
import { nameKey } from "../catalog/catalog.rules.js";
import type { MailLanguage } from "../notifications/mail-language.js";
import type { QueueFilter } from "../tickets/desk.inputs.js";
import type { TicketQueue } from "../tickets/ticket-queue.service.js";
import {
  cappedCount,
  parseViewChoice,
  QUEUE_VIEWS,
  SAVED_VIEW_LIMIT,
  savedChoice,
  savedViewNameProblem,
  VIEW_COUNT_CAP,
  VIEW_LABELS,
} from "../tickets/queue-views.rules.js";
import { toSavedFilter, type SavedFilter } from "./saved-filter.js";
import { SavedQueueViewEntity } from "./saved-queue-view.entity.js";
import type { QueueViewCount, SaveQueueViewInput, SavedQueueView } from "./queue-view.types.js";

/**
 * The desk's queue views: the built-in views' and an agent's saved views' live counts, the saved
 * views themselves, and the view each agent last chose (kept here so it follows them across
 * devices). Views are personal settings, not administration, so they write no audit line.
 */
export class QueueViews {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly clock: Clock,
    private readonly queue: TicketQueue,
  ) {}

  /** Built-in views, then the agent's saved views, each with its capped count; built-in views named in `language`. */
  async counts(agent: AgentEntity, language: MailLanguage): Promise<QueueViewCount[]> {
    const saved = await this.saved(agent);
    const entries = [
      ...QUEUE_VIEWS.map((view) => ({ view, savedViewId: null, label: VIEW_LABELS[view][language], filter: { view } as QueueFilter })),
      ...saved.map((s) => ({ view: null, savedViewId: s.id, label: s.name, filter: s.filter as QueueFilter })),
    ];
    return Promise.all(entries.map(async ({ filter, ...entry }) => ({ ...entry, ...(await this.count(agent, filter)) })));
  }

  /** How many tickets a filter selects, reading at most one row past the cap (`SELECT COUNT(*) FROM (… LIMIT cap + 1)`). */
  private async count(agent: AgentEntity, filter: QueueFilter): Promise<{ count: number; capped: boolean }> {
    const qb = (await this.queue.filtered(agent, filter)).select("t.id").limit(VIEW_COUNT_CAP + 1);
    const [sql, params] = qb.getQueryAndParameters();
    const [row] = (await this.ds.query(`SELECT COUNT(*) AS n FROM (${sql}) capped_rows`, params)) as Array<{ n: number | string }>;
    return cappedCount(Number(row?.n ?? 0));
  }

  /** The agent's saved views, oldest first. */
  async saved(agent: AgentEntity): Promise<SavedQueueView[]> {
    const rows = await this.ds.getRepository(SavedQueueViewEntity).find({ where: { agentId: agent.id }, order: { createdAt: "ASC", id: "ASC" } });
    return rows.map(savedView);
  }

  /** Saves the filters under a name: a new view, or the agent's view `input.id` overwritten. */
  async save(agent: AgentEntity, input: SaveQueueViewInput): Promise<SavedQueueView> {
    const nameProblem = savedViewNameProblem(input.name);
    if (nameProblem) throw badField("name", nameProblem);
    const f = input.filter;
    if ((f.fieldKey != null) !== (f.fieldValue != null) || f.fieldKey === "") {
      throw badField(f.fieldKey ? "filter.fieldValue" : "filter.fieldKey", "fieldKey and fieldValue filter together: give both");
    }
    if (f.search != null) {
      // The same reading the queue gives the term, so a saved view never holds a search the queue refuses.
      const search = parseSearch(f.search);
      if (!search.ok) throw badField("filter.search", search.problem);
    }
    const name = input.name.trim();
    const key = nameKey(name);
    return this.tx(async (em) => {
      // The agent's row is the lock that serializes their saves, so the limit and the name check hold.
      await this.lockAgent(em, agent);
      const mine = await em.getRepository(SavedQueueViewEntity).find({ where: { agentId: agent.id } });
      const existing = input.id ? mine.find((v) => v.id === input.id) : undefined;
      if (input.id && !existing) throw notFound("No saved view of yours has this id.");
      if (!existing && mine.length >= SAVED_VIEW_LIMIT) {
        throw badField("name", `You already have ${SAVED_VIEW_LIMIT} saved views, the most one agent may keep: delete one first.`);
      }
      if (mine.some((v) => v.nameKey === key && v.id !== existing?.id)) throw conflict(`You already have a saved view named "${name}".`);
      const row: SavedQueueViewEntity = existing
        ? { ...existing, name, nameKey: key, filter: toSavedFilter(f) }
        : { id: randomUUID(), siteId: agent.siteId, agentId: agent.id, name, nameKey: key, filter: toSavedFilter(f), createdAt: this.clock.now() };
      await insertOnce(() => em.getRepository(SavedQueueViewEntity).save(row), `You already have a saved view named "${name}".`);
      return savedView(row);
    });
  }

  /** Deletes one of the agent's saved views; a remembered choice of it falls back to the default queue. */
  async delete(agent: AgentEntity, id: string): Promise<boolean> {
    return this.tx(async (em) => {
      await this.lockAgent(em, agent);
      const { affected } = await em.getRepository(SavedQueueViewEntity).delete({ id, agentId: agent.id });
      if (!affected) throw notFound("No saved view of yours has this id.");
      await em.getRepository(AgentEntity).update({ id: agent.id, queueView: savedChoice(id) }, { queueView: null });
      return true;
    });
  }

  /** Remembers the agent's chosen view: a QueueView name or `saved:<id>` of one of their saved views; "" forgets it (the default queue). */
  async choose(agent: AgentEntity, value: string): Promise<boolean> {
    if (value.trim() === "") {
      await this.ds.getRepository(AgentEntity).update({ id: agent.id }, { queueView: null });
      return true;
    }
    const choice = parseViewChoice(value.trim());
    if (!choice) throw badField("view", `view must be a QueueView (${QUEUE_VIEWS.join(", ")}) or saved:<id> of a saved view (got "${value}")`);
    return this.tx(async (em) => {
      if ("savedId" in choice && !(await em.getRepository(SavedQueueViewEntity).existsBy({ id: choice.savedId, agentId: agent.id }))) {
        throw badField("view", "view names no saved view of yours");
      }
      await em.getRepository(AgentEntity).update({ id: agent.id }, { queueView: "view" in choice ? choice.view : savedChoice(choice.savedId) });
      return true;
    });
  }

  private async lockAgent(em: EntityManager, agent: AgentEntity): Promise<void> {
    const qb = em.getRepository(AgentEntity).createQueryBuilder("a").select("a.id").where("a.id = :id", { id: agent.id });
    if (dialectOf(this.ds) === "mysql") qb.setLock("pessimistic_write");
    await qb.getOne();
  }
}

function savedView(row: SavedQueueViewEntity): SavedQueueView {
  const f: SavedFilter = row.filter;
  return {
    id: row.id,
    name: row.name,
    filter: {
      view: f.view ?? null,
      statuses: f.statuses ?? null,
      priorities: f.priorities ?? null,
      types: f.types ?? null,
      groupId: f.groupId ?? null,
      assigneeId: f.assigneeId ?? null,
      breached: f.breached ?? null,
      fieldKey: f.fieldKey ?? null,
      fieldValue: f.fieldValue ?? null,
      search: f.search ?? null,
    },
  };
}
