import type { DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import { notFound } from "../../errors.js";
import { normalizeTicketCode } from "../tickets/ticket-code.rules.js";
import { TicketEventEntity } from "../tickets/ticket-event.entity.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { TicketEventKind, Visibility } from "../tickets/ticket.enums.js";
import type { MyTicket, MyTicketPage } from "./reporter.types.js";

/** The most tickets one page of "my tickets" holds. */
export const MAX_PAGE = 50;

/** An identified reporter's tickets on one site: the list, opening one, and marking it seen. */
export class MyTickets {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /** A page of the reporter's tickets, newest first; `after` is the previous page's cursor. */
  async page(siteId: string, subject: string, first: number, after: string | null): Promise<MyTicketPage> {
    const size = Math.max(1, Math.min(MAX_PAGE, first));
    const qb = this.ds
      .getRepository(TicketEntity)
      .createQueryBuilder("t")
      .where("t.siteId = :siteId AND t.reporterSubject = :subject", { siteId, subject })
      .orderBy("t.id", "DESC")
      .take(size + 1);
    // Ticket ids are UUIDv7: newest first is id order, and the cursor is the last id shown.
    if (after) qb.andWhere("t.id < :after", { after });
    const rows = await qb.getMany();
    const shown = rows.slice(0, size);
    const unread = await this.unreadReplies(shown);
    return {
      items: shown.map((t) => summaryOf(t, unread.get(t.id) ?? 0)),
      nextCursor: rows.length > size ? shown[shown.length - 1]!.id : null,
    };
  }

  /** The reporter's ticket with this code on the site; NOT_FOUND when it is someone else's or none. */
  async owned(siteId: string, subject: string, code: string): Promise<TicketEntity> {
    const canonical = normalizeTicketCode(code);
    const ticket = canonical ? await this.ds.getRepository(TicketEntity).findOneBy({ siteId, code: canonical }) : null;
    if (!ticket || ticket.reporterSubject !== subject) throw notFound("None of your tickets has this code.");
    return ticket;
  }

  /** Notes that the reporter has read the ticket now: its desk replies are no longer unread. */
  async markSeen(ticketId: string): Promise<void> {
    // A plain UPDATE: the ticket's version (optimistic lock of desk changes) must not move for a read.
    await this.ds.createQueryBuilder().update(TicketEntity).set({ reporterSeenAt: this.clock.now(), version: () => "version" }).where("id = :ticketId", { ticketId }).execute();
  }

  private async unreadReplies(tickets: readonly TicketEntity[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (!tickets.length) return counts;
    const rows: Array<{ ticketId: string; n: string | number }> = await this.ds
      .getRepository(TicketEventEntity)
      .createQueryBuilder("e")
      .innerJoin(TicketEntity, "t", "t.id = e.ticketId")
      .select("e.ticketId", "ticketId")
      .addSelect("COUNT(*)", "n")
      .where("e.ticketId IN (:...ids)", { ids: tickets.map((t) => t.id) })
      .andWhere("e.kind = :kind AND e.visibility = :visibility", { kind: TicketEventKind.AGENT_REPLY, visibility: Visibility.PUBLIC })
      .andWhere("(t.reporterSeenAt IS NULL OR e.at > t.reporterSeenAt)")
      .groupBy("e.ticketId")
      .getRawMany();
    for (const r of rows) counts.set(r.ticketId, Number(r.n));
    return counts;
  }
}

function summaryOf(t: TicketEntity, unreadReplies: number): MyTicket {
  const summary = t.description.length > 140 ? `${t.description.slice(0, 139)}…` : t.description;
  return { code: t.code, status: t.status, priority: t.priority, summary, createdAt: t.createdAt, updatedAt: t.updatedAt, unreadReplies };
}
