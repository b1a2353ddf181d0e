import { In, type DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
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

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

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
   * Open tickets in the agent's default scope (assigned to them or to their group) with reporter
   * activity after their read mark, counted up to {@link UNREAD_COUNT_CAP}. It reads the agent's
   * and the group's open tickets through ix_ticket_assignee_open / ix_ticket_group_open (the queue views' indexes).
   */
  async unreadCount(agent: AgentEntity): Promise<number> {
    const qb = this.ds
      .getRepository(TicketEntity)
      .createQueryBuilder("t")
      .select("t.id", "id")
      .leftJoin(TicketReadEntity, "r", "r.ticketId = t.id AND r.agentId = :me", { me: agent.id })
      .where("t.siteId = :siteId AND t.isOpen = :open", { siteId: agent.siteId, open: true })
      .andWhere(agent.groupId ? "(t.assigneeId = :me OR t.groupId = :groupId)" : "t.assigneeId = :me", { me: agent.id, groupId: agent.groupId })
      .andWhere("(r.readAt IS NULL OR COALESCE(t.reporterActivityAt, t.createdAt) > r.readAt)")
      .limit(UNREAD_COUNT_CAP);
    return (await qb.getRawMany()).length;
  }

  private async load(agentId: string, ticketIds: string[]): Promise<Map<string, Date>> {
    const rows = await this.ds.getRepository(TicketReadEntity).find({ select: { ticketId: true, readAt: true }, where: { agentId, ticketId: In(ticketIds) } });
    return new Map(rows.map((r) => [r.ticketId, r.readAt]));
  }
}
