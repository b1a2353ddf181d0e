import { Brackets, type DataSource, type SelectQueryBuilder } from "typeorm";
import { dialectOf } from "../../db/transactions.js";
import type { Clock } from "../../clock.js";
import { badField } from "../../errors.js";
import type { AgentEntity } from "../agents/agent.entity.js";
import { QueueOrder } from "../sites/site-settings.rules.js";
import type { SiteService } from "../sites/site.service.js";
import { breachedSql } from "../sla/sla.rules.js";
import type { QueueFilter } from "./desk.inputs.js";
import { applyQueueScope } from "./queue-scope.sql.js";
import { QueueView, queueScope } from "./queue-views.rules.js";
import { TicketEntity } from "./ticket.entity.js";
import type { TicketSearch } from "./ticket-search.js";

/** One page of the desk queue. */
export interface QueuePage {
  tickets: TicketEntity[];
  cursors: string[];
  hasNextPage: boolean;
}

/** The sort keys of each queue order after priority; the last two (arrival, id) make the order total. */
const ORDER_KEYS: Readonly<Record<QueueOrder, readonly SortKey[]>> = {
  // Both read an index (ix_ticket_queue, ix_ticket_arrival) in exactly this order.
  [QueueOrder.DUE_TIME]: ["priorityRank", "queueDueAt", "createdAt", "id"],
  [QueueOrder.ARRIVAL]: ["priorityRank", "createdAt", "id"],
};

type SortKey = "priorityRank" | "queueDueAt" | "createdAt" | "id";

/** The desk queue: open tickets by priority, then the site's order (SLA due time or pure arrival), with a keyset cursor. */
export class TicketQueue {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly sites: SiteService,
    private readonly search: TicketSearch,
  ) {}

  /** One page of the agent's site's queue after the cursor. */
  async page(agent: AgentEntity, filter: QueueFilter | null | undefined, first: number, after: string | null | undefined): Promise<QueuePage> {
    if (!Number.isInteger(first) || first < 1 || first > 200) throw badField("first", "first must be between 1 and 200");
    const order = (await this.sites.settings(agent.siteId)).queueOrder;
    const keys = ORDER_KEYS[order];
    const qb = await this.filtered(agent, filter);
    if (filter?.search != null) return this.search.page(qb, first, after);
    if (after) {
      const c = decodeCursor(after, order);
      // Keyset: (k1, k2, …) > (c1, c2, …) spelled out, so each index prefix still bounds the scan.
      qb.andWhere(
        new Brackets((b) => {
          keys.forEach((key, i) => {
            const equal = keys.slice(0, i).map((k) => `t.${k} = :c_${k}`);
            b.orWhere(`(${[...equal, `t.${key} > :c_${key}`].join(" AND ")})`);
          });
        }),
        Object.fromEntries(keys.map((k) => [`c_${k}`, c[k]])),
      );
    }
    for (const [i, key] of keys.entries()) i === 0 ? qb.orderBy(`t.${key}`, "ASC") : qb.addOrderBy(`t.${key}`, "ASC");
    const rows = await qb.take(first + 1).getMany();
    const tickets = rows.slice(0, first);
    return { tickets, cursors: tickets.map((t) => encodeCursor(t, order)), hasNextPage: rows.length > first };
  }

  /** The agent's site's tickets that a view and filters select (queue-views.rules), unordered: the page and the view counts read this. */
  async filtered(agent: AgentEntity, filter: QueueFilter | null | undefined): Promise<SelectQueryBuilder<TicketEntity>> {
    const now = this.clock.now();
    const search = filter?.search != null ? this.search.parse(filter.search) : null;
    // A search reads its matches by primary key, so the site is a check there, not an index to scan ("+").
    const qb = this.ds.getRepository(TicketEntity).createQueryBuilder("t").where(search ? "+t.site_id = :siteId" : "t.siteId = :siteId", { siteId: agent.siteId });
    // A search spans every status (closed and cancelled too) unless a view or statuses narrow it.
    const view = filter?.view ?? (search && !filter?.statuses?.length ? QueueView.ALL : null);
    if (search) this.search.restrict(qb, search);
    await applyQueueScope(qb, queueScope(view, filter?.statuses, agent), {
      now,
      dialect: dialectOf(this.ds),
      policies: () => this.sites.cachedPolicies(agent.siteId),
    });
    if (filter?.priorities?.length) qb.andWhere("t.priority IN (:...priorities)", { priorities: filter.priorities });
    if (filter?.types?.length) qb.andWhere("t.ticketType IN (:...types)", { types: filter.types });
    if (filter?.groupId) qb.andWhere("t.groupId = :groupId", { groupId: filter.groupId });
    if (filter?.assigneeId) qb.andWhere("t.assigneeId = :assigneeId", { assigneeId: filter.assigneeId === "me" ? agent.id : filter.assigneeId });
    if (filter?.breached != null) {
      const breached = breachedSql("t");
      qb.andWhere(filter.breached ? breached : `NOT ${breached}`, { now });
    }
    if (filter?.fieldKey != null || filter?.fieldValue != null) {
      if (!filter.fieldKey || filter.fieldValue == null) throw badField(filter.fieldKey ? "fieldValue" : "fieldKey", "fieldKey and fieldValue filter together: give both");
      // One indexed lookup (ix_field_value_lookup) per ticket; a MULTI_CHOICE field has a row per value.
      qb.andWhere(
        "EXISTS (SELECT 1 FROM ticket_field_value v WHERE v.ticket_id = t.id AND v.site_id = :siteId AND v.field_key = :fieldKey AND v.value = :fieldValue)",
        { fieldKey: filter.fieldKey, fieldValue: filter.fieldValue.trim() },
      );
    }
    return qb;
  }
}

type Cursor = Record<SortKey, number | Date | string>;

function encodeCursor(t: TicketEntity, order: QueueOrder): string {
  return Buffer.from(JSON.stringify([order, t.priorityRank, t.queueDueAt.getTime(), t.createdAt.getTime(), t.id])).toString("base64url");
}

function decodeCursor(cursor: string, order: QueueOrder): Cursor {
  try {
    const [o, rank, due, created, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, number, number, number, string];
    if (o !== order || typeof rank !== "number" || typeof due !== "number" || typeof created !== "number" || typeof id !== "string") throw new Error("shape");
    return { priorityRank: rank, queueDueAt: new Date(due), createdAt: new Date(created), id };
  } catch {
    throw badField("after", "after is not a cursor this queue gave out (or the site's queue order changed since)");
  }
}
