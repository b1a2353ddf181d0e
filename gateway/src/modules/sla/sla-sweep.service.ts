import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import type { DomainEvent } from "../notifications/notification.types.js";
import type { Notifications } from "../notifications/notifications.service.js";
import type { SiteService } from "../sites/site.service.js";
import { closeRefusal } from "../workorders/work-order.rules.js";
import { applyTransition, type Change, type TicketChanges } from "../tickets/ticket-change.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { ActorKind, TicketStatus } from "../tickets/ticket.enums.js";
import { dueSteps, ladderOf, nextLadderAt, stepEffect, stepRecipients } from "./ladder.rules.js";
import { ladderContacts, reachedPeople } from "./ladder-recipients.js";

const SYSTEM = { kind: ActorKind.SYSTEM } as const;
const BATCH = 500;

/**
 * The timed work: climbs the SLA escalation ladder (ladder.rules: warnings, the automatic
 * escalation at 100 %, alerts after) of every ticket whose next step has come, and closes
 * resolved tickets the reporter left quiet for the site's autoCloseHours.
 *
 * Every gateway process runs this sweep; each step still fires exactly once. The candidates are
 * read without locks by the `next_ladder_at` index, then each ticket is claimed on its own with
 * `SELECT … FOR UPDATE SKIP LOCKED` and re-checked while held: a ticket another sweep (or a
 * desk agent) holds right now is skipped, not waited for, so two sweeps walking the same list
 * share it out instead of queueing behind each other, and a ticket skipped because it was busy
 * is seen again on the next sweep if it is still due. Chosen over a lease (one sweeper at a
 * time: a dead holder stalls escalation until it expires) and over a Redis job queue (a
 * second source of truth to keep in step with the tickets, and nothing timed would run without
 * Redis): the database that holds the tickets already decides who holds a row. SQLite has one
 * writer and one process, so there the claim is its serial transactions.
 */
export class SlaSweep {
  constructor(
    private readonly ds: DataSource,
    private readonly changes: TicketChanges,
    private readonly sites: SiteService,
    private readonly notifications: Notifications,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Runs one sweep; returns how many tickets climbed the ladder or closed. */
  async run(): Promise<number> {
    const now = this.clock.now();
    let changed = 0;
    for (const { id, siteId } of await this.due(now)) {
      await this.changes
        .runIfFree(siteId, id, SYSTEM, async (c) => {
          if (await this.climb(c)) changed++;
        })
        .catch((error: unknown) => this.log.error({ err: error, ticketId: id }, "SLA ladder step failed"));
    }
    for (const site of await this.sites.list()) {
      const quietSince = new Date(now.getTime() - site.autoCloseHours * 3_600_000);
      for (const { id } of await this.quietResolved(site.id, quietSince)) {
        await this.changes
          .runIfFree(site.id, id, SYSTEM, async (c) => {
            if (c.ticket.status !== TicketStatus.RESOLVED || !c.ticket.resolvedAt || c.ticket.resolvedAt > quietSince) return;
            // A work order's accepted cost must be paid before it closes (workorders/work-order.rules).
            if (closeRefusal(c.ticket.paymentDue)) return;
            await applyTransition(c, { to: TicketStatus.CLOSED, systemReason: { reason: "AUTO_CLOSED", hours: site.autoCloseHours } });
            changed++;
          })
          .catch((error: unknown) => this.log.error({ err: error, ticketId: id }, "automatic closure failed"));
      }
    }
    return changed;
  }

  /**
   * Fires the held ticket's due steps in order: each records its entry, applies its effect and
   * raises its sla.* event inside the same transaction, so a step, its escalation and its mails
   * are one. A ticket found with nothing due (its steps moved since the index was written) only
   * gets its next instant stored. Returns whether a step fired.
   */
  private async climb(c: Change): Promise<boolean> {
    const ladder = ladderOf((await c.site()).slaLadder);
    const calendar = await c.calendar();
    const due = dueSteps(c.ticket, ladder, c.now, calendar);
    if (!due.length) {
      const next = nextLadderAt(c.ticket, ladder, calendar);
      if (next?.getTime() !== c.ticket.nextLadderAt?.getTime()) await c.em.update(TicketEntity, { id: c.ticket.id }, { nextLadderAt: next });
      return false;
    }
    const events: DomainEvent[] = [];
    for (const d of due) {
      const contacts = await ladderContacts(c.em, c.ticket, stepRecipients(c.ticket, d));
      const effect = stepEffect(c.ticket, d, c.now, reachedPeople(contacts));
      Object.assign(c.ticket, effect.patch);
      c.record(effect.entry);
      events.push({
        id: `${c.ticket.id}:sla:${d.target}:${d.position}:${d.dueAt.getTime()}`,
        type: effect.eventType,
        siteId: c.ticket.siteId,
        ticketId: c.ticket.id,
        at: c.now,
        ticket: c.ticket,
        entry: {
          kind: effect.entry.kind,
          visibility: effect.entry.visibility,
          actorKind: ActorKind.SYSTEM,
          actorName: null,
          body: effect.entry.body ?? null,
          data: effect.entry.data ? { ...effect.entry.data } : null,
        },
        detail: { ...effect.detail },
      });
    }
    await this.notifications.raise(c.em, events);
    return true;
  }

  /**
   * Open tickets whose next ladder step has come (`is_open AND next_ladder_at < now`, the
   * ix_ticket_ladder index); paused, closed and finished tickets keep next_ladder_at null.
   */
  due(now: Date): Promise<Array<Pick<TicketEntity, "id" | "siteId">>> {
    return this.ds
      .getRepository(TicketEntity)
      .createQueryBuilder("t")
      .select(["t.id", "t.siteId"])
      .where("t.isOpen = :open", { open: true })
      .andWhere("t.nextLadderAt < :now", { now })
      .orderBy("t.nextLadderAt", "ASC")
      .take(BATCH)
      .getMany();
  }

  private quietResolved(siteId: string, quietSince: Date): Promise<Array<Pick<TicketEntity, "id">>> {
    return this.ds
      .getRepository(TicketEntity)
      .createQueryBuilder("t")
      .select(["t.id"])
      .where("t.siteId = :siteId AND t.status = :status AND t.resolvedAt <= :quietSince", { siteId, status: TicketStatus.RESOLVED, quietSince })
      .take(BATCH)
      .getMany();
  }
}
