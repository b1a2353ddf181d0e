/**
 * STUB FOR COMPILATION ONLY (ladder branch): the "outbox" helper owns the real Notifications
 * service; the lead keeps theirs at merge and deletes this file. It has the contract's API and
 * writes drafts to the contract's `outbox_message` table (insert-ignore on the unique
 * (event_id, channel, recipient)) so the ladder's tests can read what it raised; it delivers nothing.
 */
import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import type { ChannelSender, DomainEvent, NotificationPlanner, OutboxChannel, OutboxDraft, RetrySchedule } from "./notification.types.js";

/** Planners and channels of the outbox (stub: enqueues, never dispatches). */
export class Notifications {
  private readonly planners: NotificationPlanner[] = [];
  private readonly channels = new Map<OutboxChannel, { sender: ChannelSender; schedule: RetrySchedule }>();

  constructor(private readonly clock: Clock) {}

  /** Adds a planner every raised event passes through. */
  addPlanner(planner: NotificationPlanner): void {
    this.planners.push(planner);
  }

  /** Registers how a channel delivers (kept, unused by the stub). */
  addChannel(channel: OutboxChannel, sender: ChannelSender, schedule: RetrySchedule): void {
    this.channels.set(channel, { sender, schedule });
  }

  /** Runs every planner on the events inside the caller's transaction and enqueues the drafts. */
  async raise(em: EntityManager, events: readonly DomainEvent[]): Promise<void> {
    const drafts: OutboxDraft[] = [];
    for (const event of events) for (const plan of this.planners) drafts.push(...(await plan(em, event)));
    await this.enqueue(em, drafts);
  }

  /** Writes drafts as PENDING messages; a draft already there (same event, channel, recipient) is ignored. */
  async enqueue(em: EntityManager, drafts: readonly OutboxDraft[]): Promise<void> {
    const mysql = em.connection.options.type === "mysql";
    // better-sqlite3 binds no Date; TypeORM keeps SQLite datetimes as UTC text.
    const now = mysql ? this.clock.now() : this.clock.now().toISOString().replace("T", " ").replace("Z", "");
    const ignore = mysql ? "INSERT IGNORE" : "INSERT OR IGNORE";
    for (const d of drafts) {
      await em.query(
        `${ignore} INTO outbox_message (id, site_id, ticket_id, event_id, channel, recipient, payload, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)`,
        [randomUUID(), d.siteId, d.ticketId, d.eventId, d.channel, d.recipient, JSON.stringify(d.payload), now, now],
      );
    }
  }

  /** One dispatcher pass (stub: delivers nothing). */
  async dispatch(): Promise<number> {
    return 0;
  }
}
