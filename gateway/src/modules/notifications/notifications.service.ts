/**
 * STUB FOR COMPILATION ONLY (inbound branch): the contract's API of the outbox helper's
 * `Notifications`, so inbound mail can enqueue its bounces before the merge. The lead keeps the
 * outbox helper's file; this one holds drafts in memory (`enqueued`) where that one writes rows.
 */
import type { EntityManager } from "typeorm";
import type { ChannelSender, DomainEvent, NotificationPlanner, OutboxChannel, OutboxDraft, RetrySchedule } from "./notification.types.js";

/** The notifications backbone (stub: see the file header). */
export class Notifications {
  /** Drafts enqueued so far (stub only; the real service stores them in `outbox_message`). */
  readonly enqueued: OutboxDraft[] = [];
  private readonly planners: NotificationPlanner[] = [];

  /** Adds a planner that turns events into drafts. */
  addPlanner(planner: NotificationPlanner): void {
    this.planners.push(planner);
  }

  /** Registers a channel's sender and retry schedule (stub: ignored). */
  addChannel(_channel: OutboxChannel, _sender: ChannelSender, _schedule: RetrySchedule): void {}

  /** Runs every planner over the events and enqueues their drafts. */
  async raise(em: EntityManager, events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) for (const planner of this.planners) await this.enqueue(em, await planner(em, event));
  }

  /** Enqueues drafts, once per (eventId, channel, recipient). */
  async enqueue(_em: EntityManager, drafts: readonly OutboxDraft[]): Promise<void> {
    for (const d of drafts) {
      if (!this.enqueued.some((e) => e.eventId === d.eventId && e.channel === d.channel && e.recipient === d.recipient)) this.enqueued.push(d);
    }
  }

  /** One dispatcher pass (stub: nothing to deliver). */
  async dispatch(): Promise<number> {
    return 0;
  }
}
