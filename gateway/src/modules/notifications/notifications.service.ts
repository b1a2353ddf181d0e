import { performance } from "node:perf_hooks";
import type { Logger } from "pino";
import type { DataSource, EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import { groupCommit } from "../../db/group-commit.js";
import { dialectOf, type Transactor } from "../../db/transactions.js";
import type { ChannelSender, DeliveryOutcome, DomainEvent, NotificationPlanner, OutboxChannel, OutboxDraft, RetrySchedule } from "./notification.types.js";
import { OutboxStore, type Claimed } from "./outbox.store.js";
import { nextAttempt, type AttemptResult } from "./outbox.rules.js";
import { createBusyMeter } from "./busy-meter.js";
import { paceOf, type Pace, type PacingPolicy } from "./dispatch-pacing.rules.js";

/** Pacing that never yields: every tick drains. */
const NO_PACING: PacingPolicy = { busyAt: 1, maxDeferMs: 0 };

/** How the dispatcher claims. */
export interface DispatchOptions {
  /** How long a claim holds before another gateway may take the message over. @default 300000 */
  leaseMs?: number;
  /** Messages claimed at once. @default 50 */
  batch?: number;
  /** Claim-and-deliver rounds in one pass (a stream's next message goes in the next round). @default 20 */
  rounds?: number;
}

/**
 * The transactional outbox. Changes `raise` their events inside their own transaction, planners
 * turn them into messages stored in the same transaction, and `dispatch` delivers what is due
 * after its claim has committed — so a receiver that fails or hangs never touches a report or a
 * desk action, and a message is never lost with the change that caused it or sent without it.
 */
export class Notifications {
  private readonly planners: NotificationPlanner[] = [];
  private readonly channels = new Map<OutboxChannel, { sender: ChannelSender; schedule: RetrySchedule }>();
  private readonly store: OutboxStore;
  private readonly leaseMs: number;
  private readonly batch: number;
  private readonly rounds: number;

  constructor(
    ds: DataSource,
    tx: Transactor,
    private readonly clock: Clock,
    private readonly log: Logger,
    options: DispatchOptions = {},
    private readonly random: () => number = Math.random,
  ) {
    this.store = new OutboxStore(tx, dialectOf(ds));
    this.leaseMs = options.leaseMs ?? 300_000;
    this.batch = options.batch ?? 50;
    this.rounds = options.rounds ?? 20;
  }

  /** Adds a planner that turns events into drafts (every planner sees every event). */
  addPlanner(planner: NotificationPlanner): void {
    this.planners.push(planner);
  }

  /** Lets messages of `channel` leave through `sender`, retried on `schedule`; without one they wait in the outbox. */
  addChannel(channel: OutboxChannel, sender: ChannelSender, schedule: RetrySchedule): void {
    this.channels.set(channel, { sender, schedule });
  }

  /**
   * Called by the unit of work and intake INSIDE the transaction: runs every planner, enqueues
   * the drafts (and `extra`, drafts the caller planned itself) in one insert; writes nothing
   * when there is nothing to send.
   */
  async raise(em: EntityManager, events: readonly DomainEvent[], extra: readonly OutboxDraft[] = []): Promise<void> {
    await this.enqueue(em, await this.plan(em, events, extra));
  }

  /** The planning half of {@link raise}, for a caller that must enqueue later in its transaction (intake: after the code is taken). */
  async plan(em: EntityManager, events: readonly DomainEvent[], extra: readonly OutboxDraft[] = []): Promise<OutboxDraft[]> {
    const drafts = [...extra];
    if (this.planners.length) {
      for (const event of events) for (const plan of this.planners) drafts.push(...(await plan(em, event)));
    }
    return drafts;
  }

  /** Enqueue drafts directly (inside a caller's transaction), e.g. a bounce. */
  async enqueue(em: EntityManager, drafts: readonly OutboxDraft[]): Promise<void> {
    if (drafts.length) await this.store.insert(em, drafts, this.clock.now());
  }

  /** One dispatcher pass now (tests call it; a timer calls it every NOTIFY_DISPATCH_MS) of up to `rounds` claim rounds, of messages due by `dueBy` (by default, now). Returns messages attempted. */
  async dispatch(rounds = this.rounds, dueBy?: Date): Promise<number> {
    let attempted = 0;
    for (let round = 0; round < rounds; round++) {
      const claims = await this.store.claim(this.channelNames(), this.clock.now(), this.leaseMs, this.batch, dueBy);
      if (!claims.length) break;
      await this.attemptAll(claims);
      attempted += claims.length;
    }
    return attempted;
  }

  /**
   * Runs {@link dispatch} every `everyMs` (0: never), skipping a tick while a pass still runs; a
   * pass that used all its rounds in full is followed by the next at once, so a backlog larger
   * than one pass drains without waiting for ticks. With `pacing`, a tick that finds the gateway
   * busy serving since the previous tick (busy-meter.ts) delivers nothing, until it has held due
   * messages back for `pacing.maxDeferMs`; then it delivers what is due at that tick
   * (dispatch-pacing.rules.ts). Delivering a message costs the gateway more CPU than taking the
   * report that caused it. `onTick` hears
   * each tick's pace and the messages it attempted. Returns the stop, which waits for a pass in
   * flight so the database is not closed under it.
   */
  start(everyMs: number, pacing: PacingPolicy = NO_PACING, onTick?: (pace: Pace, messages: number) => void): () => Promise<void> {
    if (everyMs <= 0) return async () => undefined;
    let running: Promise<void> | null = null;
    let stopped = false;
    const full = this.rounds * this.batch;
    // The serving since the previous tick, and since when due messages have been held back.
    const busy = createBusyMeter();
    let heldSince: number | null = null;
    const tick = async () => {
      const utilisation = busy.read();
      let heldMs = 0;
      if (pacing.maxDeferMs > 0 && utilisation >= pacing.busyAt) {
        if (await this.store.anyDue(this.channelNames(), this.clock.now())) heldMs = performance.now() - (heldSince ??= performance.now());
        else heldSince = null;
      }
      const pace = paceOf({ utilisation, heldMs }, pacing);
      let attempted = 0;
      try {
        // A yielding tick delivers nothing: what is due waits for a quieter tick, or the bound.
        if (pace !== "yield") {
          // Overdue, what was due at the tick goes out, not what the busy gateway writes meanwhile.
          const dueBy = pace === "overdue" ? this.clock.now() : undefined;
          for (let n = full; n >= full && !stopped; ) {
            n = await this.dispatch(this.rounds, dueBy);
            attempted += n;
          }
          heldSince = null;
        }
      } finally {
        busy.restart();
        if (attempted) this.log.debug({ messages: attempted, pace }, "outbox dispatched");
        onTick?.(pace, attempted);
      }
    };
    const timer = setInterval(() => {
      if (running) return;
      running = tick()
        .catch((err: unknown) => this.log.error({ err }, "outbox dispatch failed; messages stay queued"))
        .finally(() => (running = null));
    }, everyMs);
    timer.unref();
    return async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    };
  }

  private channelNames(): OutboxChannel[] {
    return [...this.channels.keys()];
  }

  /**
   * Delivers a round's claims at once and records each as it finishes, group-commit style: what
   * finished while the previous record was written goes in the next one (delivered messages in
   * one statement), so a slow receiver never holds back the record of the others.
   */
  private async attemptAll(claims: readonly Claimed[]): Promise<void> {
    const record = groupCommit((batch: { claim: Claimed; result: AttemptResult }[]) => this.store.recordAll(batch, this.clock.now()));
    await Promise.all(claims.map(async (claim) => record(await this.deliver(claim))));
  }

  private async deliver(claim: Claimed): Promise<{ claim: Claimed; result: AttemptResult }> {
    const channel = this.channels.get(claim.message.channel)!;
    let outcome: DeliveryOutcome;
    try {
      outcome = await channel.sender(claim.message);
    } catch (err) {
      // A sender must return failures; one that throws is treated as a passing fault, tried again.
      outcome = { ok: false, retryable: true, detail: err instanceof Error ? err.message : String(err) };
    }
    const result = nextAttempt(outcome, claim.message.attempts, channel.schedule, this.clock.now(), this.random());
    if (result.status !== "SENT") {
      this.log.warn({ id: claim.message.id, channel: claim.message.channel, status: result.status, attempts: result.attempts, detail: outcome.detail }, "outbox delivery failed");
    }
    return { claim, result };
  }
}
