import type { Logger } from "pino";
import type { Clock } from "../../clock.js";
import type { SigapPubSub } from "../../realtime/pubsub.js";
import { Topic } from "../../realtime/topics.js";
import type { AgentEntity } from "../agents/agent.entity.js";
import { livePresence, mergePresence, PRESENCE_TTL_MS, samePresence, viewersFor, type PresenceAnnouncement, type PresenceEntry } from "./presence.rules.js";

/** How often expired entries are looked for while anyone is on a ticket. */
const SWEEP_MS = 1_000;

/**
 * Who is on which ticket, as this gateway has heard it. Nothing is stored: every gateway listens
 * to the announcements of the sites its agents work on (the bus carries them between gateways,
 * Redis included), merges them with presence.rules, and drops entries whose heartbeat stopped.
 * When a ticket's list changes, `onChange` tells that ticket's subscribers here.
 */
export class PresenceBoard {
  private readonly tickets = new Map<string, PresenceEntry[]>();
  private readonly sites = new Map<string, () => void>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly bus: SigapPubSub,
    private readonly clock: Clock,
    private readonly onChange: (ticketId: string) => void,
    private readonly log: Logger,
  ) {}

  /** Announces that an agent is on a ticket (and whether typing), or left it. */
  announce(agent: AgentEntity, ticketId: string, typing: boolean, leaving: boolean): void {
    this.watch(agent.siteId);
    const a: PresenceAnnouncement = { siteId: agent.siteId, ticketId, agentId: agent.id, name: agent.name, typing, at: this.clock.now().getTime(), leaving };
    this.bus.publish(Topic.PRESENCE_ANNOUNCED, agent.siteId, a);
  }

  /** Starts hearing a site's announcements (idempotent). */
  watch(siteId: string): void {
    if (this.sites.has(siteId)) return;
    this.sites.set(
      siteId,
      this.bus.listen(Topic.PRESENCE_ANNOUNCED, siteId, (a) => this.hear(a)),
    );
  }

  /**
   * Pushes a ticket's list to its subscribers once a new one has joined (a turn of the event loop
   * after its `subscribe`), so it sees who is already there without waiting for a change.
   */
  greet(ticketId: string): void {
    setImmediate(() => this.onChange(ticketId));
  }

  /** Everyone alive on a ticket but the asking agent, longest there first. */
  viewers(ticketId: string, askingAgentId: string): PresenceEntry[] {
    return viewersFor(this.tickets.get(ticketId) ?? [], askingAgentId, this.clock.now().getTime());
  }

  /** Drops expired entries now and tells the subscribers of each ticket whose list changed. */
  sweep(): void {
    const now = this.clock.now().getTime();
    for (const [ticketId, entries] of [...this.tickets]) {
      const alive = livePresence(entries, now, PRESENCE_TTL_MS);
      if (alive.length === entries.length) continue;
      this.store(ticketId, alive);
      this.onChange(ticketId);
    }
  }

  /** Stops listening and sweeping. */
  close(): void {
    for (const stop of this.sites.values()) stop();
    this.sites.clear();
    this.tickets.clear();
    this.stopTimer();
  }

  private hear(a: PresenceAnnouncement): void {
    const before = this.tickets.get(a.ticketId) ?? [];
    const after = mergePresence(before, a);
    this.store(a.ticketId, after);
    if (!samePresence(before, after)) this.onChange(a.ticketId);
  }

  private store(ticketId: string, entries: PresenceEntry[]): void {
    if (entries.length) this.tickets.set(ticketId, entries);
    else this.tickets.delete(ticketId);
    if (this.tickets.size && !this.timer) {
      this.timer = setInterval(() => {
        try {
          this.sweep();
        } catch (err) {
          this.log.error({ err }, "presence sweep failed");
        }
      }, SWEEP_MS);
      this.timer.unref();
    } else if (!this.tickets.size) this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
