import type { PayloadOf, Topic } from "./topics.js";

/** Receives the payloads of one feed (one topic and id). */
export type FeedListener<T extends Topic> = (payload: PayloadOf<T>) => void;

/** Receives the feeds whose events may have been missed; null means every feed. */
export type ResyncListener = (feeds: ReadonlySet<string> | null) => void;

/**
 * Where the bus stands: `in-process` (no Redis configured), `connected`, `connecting` (Redis not
 * reached yet since start-up) or `lost` (Redis dropped; delivery is local until it is back).
 */
export type BusState = "in-process" | "connected" | "connecting" | "lost";

/**
 * The typed event bus: services publish after commit, live subscriptions listen per feed. In-process
 * by default; with Redis (see redis-pubsub.ts) events also travel between gateway processes.
 */
export interface SigapPubSub {
  /** Announces an event to every listener of the feed, here and (with Redis) in other processes. Never throws, never waits. */
  publish<T extends Topic>(topic: T, id: string, payload: PayloadOf<T>): void;
  /** Listens to one feed; returns the function that stops listening. */
  listen<T extends Topic>(topic: T, id: string, listener: FeedListener<T>): () => void;
  /** Hears when events may have been missed (Redis came back), so subscribers can be resynced. */
  onResync(listener: ResyncListener): () => void;
  /** How the bus stands now. */
  readonly state: BusState;
  /** Connects, waiting a bounded time; the bus keeps trying in the background if that is not enough. */
  start(): Promise<void>;
  /** Disconnects. */
  close(): Promise<void>;
}

/** The key of one feed: its topic and id. */
export function feedKey(topic: Topic, id: string): string {
  return `${topic}:${id}`;
}

/** Listeners by feed, shared by both buses for delivery inside this process. */
export class LocalFeeds {
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  /** Adds a listener; returns its removal. */
  add<T extends Topic>(topic: T, id: string, listener: FeedListener<T>): () => void {
    const key = feedKey(topic, id);
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    const l = listener as (payload: unknown) => void;
    set.add(l);
    return () => {
      set.delete(l);
      if (!set.size && this.listeners.get(key) === set) this.listeners.delete(key);
    };
  }

  /** Whether anything here listens to a feed. */
  has(key: string): boolean {
    return this.listeners.has(key);
  }

  /** Hands a payload to the feed's listeners; one failing listener does not stop the others. */
  dispatch(key: string, payload: unknown, onError: (error: unknown) => void): void {
    const set = this.listeners.get(key);
    if (!set) return;
    for (const l of [...set]) {
      try {
        l(payload);
      } catch (error) {
        onError(error);
      }
    }
  }
}

/** Creates the in-process bus: one gateway process, nothing to connect to, nothing ever missed. */
export function createSigapPubSub(onError: (error: unknown) => void = () => undefined): SigapPubSub {
  const feeds = new LocalFeeds();
  return {
    publish: (topic, id, payload) => feeds.dispatch(feedKey(topic, id), payload, onError),
    listen: (topic, id, listener) => feeds.add(topic, id, listener),
    onResync: () => () => undefined,
    state: "in-process",
    start: async () => undefined,
    close: async () => undefined,
  };
}
