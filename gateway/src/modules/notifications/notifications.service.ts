/**
 * STAND-IN FOR COMPILING AND TESTING THE WEBHOOKS BRANCH ONLY. The "outbox" helper owns this file
 * (issue 9 contract); the lead keeps that helper's version at merge and drops this one. It keeps
 * messages in memory, in this process, which is all the webhook tests need from the backbone:
 * planners run on `raise`, drafts are idempotent per (event, channel, recipient), `dispatch`
 * delivers due messages in creation order per ticket and channel+recipient, retries on the
 * channel's schedule by the gateway's clock, and a refusal or the last failure makes a message DEAD.
 */
import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import type { ChannelSender, DomainEvent, NotificationPlanner, OutboxChannel, OutboxDraft, OutboxMessage, RetrySchedule } from "./notification.types.js";

interface Stored extends OutboxMessage {
  status: "PENDING" | "SENT" | "DEAD";
  nextAttemptAt: number;
}

/** The notification backbone (stand-in): planners, channels, the outbox and its dispatcher. */
export class Notifications {
  private readonly planners: NotificationPlanner[] = [];
  private readonly channels = new Map<OutboxChannel, { sender: ChannelSender; schedule: RetrySchedule }>();
  private readonly messages: Stored[] = [];

  constructor(private readonly clock: Clock) {}

  /** Adds a planner that turns events into drafts. */
  addPlanner(planner: NotificationPlanner): void {
    this.planners.push(planner);
  }

  /** Registers the sender and retry schedule of a channel. */
  addChannel(channel: OutboxChannel, sender: ChannelSender, schedule: RetrySchedule): void {
    this.channels.set(channel, { sender, schedule });
  }

  /** Runs every planner on the events and enqueues their drafts. */
  async raise(em: EntityManager, events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      for (const planner of this.planners) await this.enqueue(em, await planner(em, event));
    }
  }

  /** Enqueues drafts, ignoring any already enqueued for the same (event, channel, recipient). */
  async enqueue(_em: EntityManager, drafts: readonly OutboxDraft[]): Promise<void> {
    const now = this.clock.now();
    for (const d of drafts) {
      if (this.messages.some((m) => m.eventId === d.eventId && m.channel === d.channel && m.recipient === d.recipient)) continue;
      this.messages.push({ ...d, id: randomUUID(), attempts: 0, createdAt: now, status: "PENDING", nextAttemptAt: now.getTime() });
    }
  }

  /** One dispatcher pass: attempts every due message whose earlier siblings are done. */
  async dispatch(): Promise<number> {
    const now = this.clock.now().getTime();
    const blocked = new Set<string>();
    const due: Stored[] = [];
    for (const m of this.messages) {
      if (m.status !== "PENDING" || !this.channels.has(m.channel)) continue;
      const lane = `${m.ticketId ?? m.id}|${m.channel}|${m.recipient}`;
      if (blocked.has(lane)) continue;
      blocked.add(lane);
      if (m.nextAttemptAt <= now) due.push(m);
    }
    for (const m of due) {
      const { sender, schedule } = this.channels.get(m.channel)!;
      const { status: _s, nextAttemptAt: _n, ...message } = m;
      const outcome = await sender(message);
      m.attempts++;
      if (outcome.ok) m.status = "SENT";
      else if (!outcome.retryable || m.attempts > schedule.delaysSeconds.length) m.status = "DEAD";
      else m.nextAttemptAt = now + schedule.delaysSeconds[m.attempts - 1]! * 1000;
    }
    return due.length;
  }
}
