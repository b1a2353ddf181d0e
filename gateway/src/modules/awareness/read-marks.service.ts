import { In, type DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import { dialectOf, type Dialect } from "../../db/transactions.js";
import type { AgentEntity } from "../agents/agent.entity.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { TicketReadEntity } from "./ticket-read.entity.js";
import { UNREAD_COUNT_CAP } from "./unread.rules.js";

/** Read marks asked for in one turn of the event loop, per agent. */
interface Batch {
  ids: Set<string>;
  result: Promise<Map<string, Date>>;
}

/**
 * Per-agent read marks: when an agent last opened a ticket. Marks asked for together (a queue
 * page's `unread` fields) are read in one query per agent, not one per ticket.
 */
export class ReadMarks {
  private readonly batches = new Map<string, Batch>();
  private readonly dialect: Dialect;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {
    this.dialect = dialectOf(ds);
  }

  /** Marks a ticket read for an agent now; repeating it only moves the mark. No timeline, no audit: it changes nothing of the ticket. */
  async markRead(agentId: string, ticketId: string): Promise<void> {
    await this.ds.getRepository(TicketReadEntity).upsert({ agentId, ticketId, readAt: this.clock.now() }, ["agentId", "ticketId"]);
  }

  /** The agent's read mark on a ticket, null when never opened; batched with the other marks asked for in this turn. */
  readAt(agentId: string, ticketId: string): Promise<Date | null> {
    let batch = this.batches.get(agentId);
    if (!batch) {
      const ids = new Set<string>();
      const result = new Promise<Map<string, Date>>((resolve, reject) => {
        // One macrotask later every field resolver of the page has asked.
        setImmediate(() => {
          this.batches.delete(agentId);
          this.load(agentId, [...ids]).then(resolve, reject);
        });
      });
      this.batches.set(agentId, (batch = { ids, result }));
    }
    batch.ids.add(ticketId);
    return batch.result.then((marks) => marks.get(ticketId) ?? null);
  }

  /**
   * Open tickets in the agent's scope (assigned to them, to their group, or to no one) with
   * reporter activity after their read mark and after they started (unread.rules), counted up to
   * {@link UNREAD_COUNT_CAP}. Index-bound: only tickets reported or written to since the agent
   * started can be unread, so two range reads find the candidates — those created since
   * (ix_ticket_recap_open) and those with reporter activity since (ix_ticket_reporter_activity) —
   * and the scope and read marks (primary key) are checked on those alone.
   */
  async unreadCount(agent: AgentEntity): Promise<number> {
    const since = agent.createdAt;
    const ids = new Set<string>();
    for (const [column, index] of [["createdAt", "ix_ticket_recap_open"], ["reporterActivityAt", "ix_ticket_reporter_activity"]] as const) {
      const qb = this.ds
        .getRepository(TicketEntity)
        .createQueryBuilder("t")
        .select("t.id", "id")
        .leftJoin(TicketReadEntity, "r", "r.ticketId = t.id AND r.agentId = :me", { me: agent.id })
        .where("t.siteId = :siteId AND t.isOpen = :open", { siteId: agent.siteId, open: true })
        .andWhere(`t.${column} > :since`, { since })
        .andWhere(agent.groupId ? "(t.assigneeId = :me OR t.assigneeId IS NULL OR t.groupId = :groupId)" : "(t.assigneeId = :me OR t.assigneeId IS NULL)", { me: agent.id, groupId: agent.groupId })
        .andWhere("(r.readAt IS NULL OR COALESCE(t.reporterActivityAt, t.createdAt) > r.readAt)")
        .limit(UNREAD_COUNT_CAP);
      // MariaDB would otherwise weigh the scope's indexes, which hold every open ticket of the scope, however old.
      if (this.dialect === "mysql") qb.useIndex(index);
      for (const row of await qb.getRawMany<{ id: string }>()) ids.add(row.id);
      if (ids.size >= UNREAD_COUNT_CAP) break;
    }
    return Math.min(ids.size, UNREAD_COUNT_CAP);
  }

  private async load(agentId: string, ticketIds: string[]): Promise<Map<string, Date>> {
    const rows = await this.ds.getRepository(TicketReadEntity).find({ select: { ticketId: true, readAt: true }, where: { agentId, ticketId: In(ticketIds) } });
    return new Map(rows.map((r) => [r.ticketId, r.readAt]));
  }
}
