import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import type { SiteService } from "../sites/site.service.js";
import { overdueEffect } from "../tickets/escalation.rules.js";
import { applyTransition, type TicketChanges } from "../tickets/ticket-change.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { ActorKind, TicketStatus } from "../tickets/ticket.enums.js";
import { overdueSql } from "./sla.rules.js";

const SYSTEM = { kind: ActorKind.SYSTEM } as const;
const BATCH = 500;

/**
 * The timed work: escalates every ticket past a response or resolution target that has not
 * escalated for it yet (escalation.rules' overdueEffect), and closes resolved tickets the
 * reporter left quiet for the site's autoCloseHours.
 *
 * Every gateway process runs this sweep; each due ticket still escalates exactly once. The
 * candidates are read without locks, then each ticket is claimed on its own with
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
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Runs one sweep; returns how many tickets it escalated or closed. */
  async run(): Promise<number> {
    const now = this.clock.now();
    let changed = 0;
    for (const { id, siteId } of await this.overdue(now)) {
      await this.changes
        .runIfFree(siteId, id, SYSTEM, (c) => {
          const effect = overdueEffect(c.ticket, c.now);
          if (!effect) return;
          Object.assign(c.ticket, effect.patch);
          for (const e of effect.entries) c.record(e);
          changed++;
        })
        .catch((error: unknown) => this.log.error({ err: error, ticketId: id }, "automatic escalation failed"));
    }
    for (const site of await this.sites.list()) {
      const quietSince = new Date(now.getTime() - site.autoCloseHours * 3_600_000);
      for (const { id } of await this.quietResolved(site.id, quietSince)) {
        await this.changes
          .runIfFree(site.id, id, SYSTEM, (c) => {
            if (c.ticket.status !== TicketStatus.RESOLVED || !c.ticket.resolvedAt || c.ticket.resolvedAt > quietSince) return;
            applyTransition(c, { to: TicketStatus.CLOSED, note: `Closed automatically: no word from the reporter for ${site.autoCloseHours} hours after resolution.` });
            changed++;
          })
          .catch((error: unknown) => this.log.error({ err: error, ticketId: id }, "automatic closure failed"));
      }
    }
    return changed;
  }

  /**
   * Open, running tickets with a target due now that has not escalated (sla.rules' overdueSql,
   * the SQL form of overdueTargets): one escalated for its response but not yet due for
   * resolution does not take a place among the batch every sweep.
   */
  overdue(now: Date): Promise<Array<Pick<TicketEntity, "id" | "siteId">>> {
    return this.ds
      .getRepository(TicketEntity)
      .createQueryBuilder("t")
      .select(["t.id", "t.siteId"])
      .where("t.isOpen = :open", { open: true })
      .andWhere("t.queueDueAt <= :now", { now })
      .andWhere("t.pausedAt IS NULL")
      .andWhere(overdueSql("t"), { now })
      .orderBy("t.queueDueAt", "ASC")
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
