import type { SigapPubSub } from "../../realtime/pubsub.js";
import { Topic, type QueueChangedPayload } from "../../realtime/topics.js";
import type { TicketEntity } from "./ticket.entity.js";
import type { TicketView } from "./ticket.types.js";

/** A reporter's view without its SLA state, which is worked out from the clock on every read. */
export type StoredView = Omit<TicketView, "sla">;

/** What the cache keeps of one ticket: the row (for the token and the SLA clock) and the view. */
export interface TrackedTicket {
  ticket: TicketEntity;
  view: StoredView;
}

/** How the cache is sized and how long an entry may live without being told of a change. */
export interface TrackerCacheOptions {
  /** @default 10_000 */
  maxEntries?: number;
  /** @default 15_000 */
  ttlMs?: number;
}

/** A read in progress, from {@link TrackerViewCache.begin}. */
export interface Read {
  siteId: string;
  seq: number;
}

interface Entry extends TrackedTicket {
  until: number;
}

/** How long an event is remembered, so a read that started before it is not stored after it. */
const EVENT_MEMORY_MS = 60_000;

/**
 * Reporter views of recently tracked tickets, so a tracker page loaded again (a reporter's
 * refresh, a receipt link opened by several people, a status page polling) is answered without
 * five reads. An entry is kept only while this process hears its site's queue events — every
 * committed change of a ticket, public or not, is announced there (ticket-change.ts), here or,
 * through Redis, in any other gateway — and is dropped by its ticket's next event. While the bus
 * is not connected nothing is stored, and a resync (events may have been lost) empties the
 * cache. A change made outside the ticket's unit of work (a renamed service, say) shows after at
 * most `ttlMs`.
 */
export class TrackerViewCache {
  private readonly entries = new Map<string, Entry>();
  /** The entry key of each cached ticket id, for its events. */
  private readonly keys = new Map<string, string>();
  /** Sites whose queue feed this cache listens to, with the number of entries and reads that need it. */
  private readonly sites = new Map<string, { stop: () => void; holds: number }>();
  /** When each ticket last changed, by this process's event counter, for reads in flight. */
  private readonly changed = new Map<string, { seq: number; at: number }>();
  private seq = 0;
  private readonly maxEntries: number;
  private readonly ttlMs: number;

  constructor(
    private readonly bus: SigapPubSub,
    options: TrackerCacheOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.ttlMs = options.ttlMs ?? 15_000;
    bus.onResync(() => this.clear());
  }

  /** The stored view of a site's ticket by its canonical code, if it is still good. */
  get(siteId: string, code: string): TrackedTicket | null {
    const key = keyOf(siteId, code);
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.until < Date.now()) {
      this.drop(key, entry);
      return null;
    }
    return entry;
  }

  /**
   * Starts a read of one of a site's tickets: from now on the site's changes are heard, so a
   * change that commits while the read runs voids it. Every read is ended with {@link end}.
   */
  begin(siteId: string): Read {
    this.listen(siteId);
    return { siteId, seq: this.seq };
  }

  /**
   * Ends a read, keeping the view it got unless its ticket changed since it began (the read may
   * have raced the change's commit) or the bus cannot tell this process of the next change.
   */
  end(read: Read, got?: TrackedTicket): void {
    if (got) this.store(read, got.ticket, got.view);
    this.release(read.siteId);
  }

  private store(read: Read, ticket: TicketEntity, view: StoredView): void {
    if (this.bus.state === "lost" || this.bus.state === "connecting") return;
    const last = this.changed.get(ticket.id);
    if (last && last.seq > read.seq) return;
    if (!ticket.code || ticket.siteId !== read.siteId) return;
    const key = keyOf(ticket.siteId, ticket.code);
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    if (this.entries.size >= this.maxEntries) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry];
      this.drop(oldestKey, oldest);
    }
    this.listen(ticket.siteId);
    this.entries.set(key, { ticket, view, until: Date.now() + this.ttlMs });
    this.keys.set(ticket.id, key);
  }

  /** Forgets everything. */
  clear(): void {
    for (const [key, entry] of this.entries) this.drop(key, entry);
  }

  /** How many views are kept now. */
  get size(): number {
    return this.entries.size;
  }

  private listen(siteId: string): void {
    const site = this.sites.get(siteId);
    if (site) {
      site.holds++;
      return;
    }
    const stop = this.bus.listen(Topic.QUEUE_CHANGED, siteId, (e) => this.onChange(e));
    this.sites.set(siteId, { stop, holds: 1 });
  }

  private release(siteId: string): void {
    const site = this.sites.get(siteId);
    if (site && --site.holds === 0) {
      site.stop();
      this.sites.delete(siteId);
    }
  }

  private onChange(e: QueueChangedPayload): void {
    if (!e.ticketId) {
      // RESYNC: this site's events may have been missed.
      for (const [key, entry] of this.entries) if (entry.ticket.siteId === e.siteId) this.drop(key, entry);
      return;
    }
    const now = Date.now();
    // Deleted first so the map stays in event order (set keeps an existing key's place).
    this.changed.delete(e.ticketId);
    this.changed.set(e.ticketId, { seq: ++this.seq, at: now });
    for (const [id, c] of this.changed) {
      if (c.at > now - EVENT_MEMORY_MS) break;
      this.changed.delete(id);
    }
    const key = this.keys.get(e.ticketId);
    const entry = key ? this.entries.get(key) : undefined;
    if (key && entry) this.drop(key, entry);
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.keys.delete(entry.ticket.id);
    this.release(entry.ticket.siteId);
  }
}

function keyOf(siteId: string, code: string): string {
  return `${siteId}\u0000${code}`;
}
