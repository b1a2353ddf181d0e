import { randomUUID } from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";
import type { Logger } from "pino";
import { describeEvents, type RedisConfig } from "../config.js";
import { feedKey, LocalFeeds, type BusState, type ResyncListener, type SigapPubSub } from "./pubsub.js";
import type { Topic } from "./topics.js";

/** How long start-up waits for Redis before serving anyway (events stay local until it answers). */
const START_WAIT_MS = 5_000;
/** A publish Redis has not answered by then counts as lost, so a stalled Redis never piles up promises. */
const COMMAND_TIMEOUT_MS = 2_000;
/** While some events could not be published, how often to try telling the other processes to resync. */
const RESYNC_RETRY_MS = 1_000;
/** Past this many distinct feeds missed, the other processes are told to resync everything. */
const MAX_DIRTY_FEEDS = 1_000;

/** One message on the Redis channel: an event, or a resync request after events were lost. */
type Wire =
  | { o: string; t: Topic; i: string; p: unknown }
  | { o: string; t: "RESYNC"; f: string[] | null };

/**
 * Creates the Redis-backed bus. Every process publishes to and subscribes to one channel
 * (`<prefix>:events`) and picks the feeds it has listeners for, so a tracker never waits for a
 * SUBSCRIBE before it can hear events, and connecting or leaving costs Redis nothing.
 *
 * Events are delivered inside the publishing process first and skipped when they come back, so
 * a process keeps serving its own subscribers while Redis is gone. A publish never throws and
 * never waits: the publisher connection has no offline queue, and an event Redis did not take
 * marks its feed as missed. When Redis answers again the process resyncs its own subscribers
 * (it may have missed the others' events) and asks the other processes to resync the feeds it
 * could not announce.
 */
export function createRedisPubSub(config: RedisConfig, log: Logger): SigapPubSub {
  const origin = randomUUID();
  const channel = `${config.prefix}:events`;
  const feeds = new LocalFeeds();
  const resyncListeners = new Set<ResyncListener>();
  const onListenerError = (err: unknown) => log.error({ err }, "a live subscription failed on an event");
  const base: RedisOptions = {
    // Reconnect quickly and forever; a gateway never gives up on its bus.
    retryStrategy: (times) => Math.min(times * 100, 1_000),
    // Notices a peer that vanished without closing the connection.
    keepAlive: 10_000,
    lazyConnect: true,
  };
  const pub = new Redis(config.url, { ...base, connectionName: `${config.prefix}-pub`, enableOfflineQueue: false, commandTimeout: COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 0 });
  // We subscribe ourselves on every `ready`, so a new connection is resubscribed before the resync.
  const sub = new Redis(config.url, { ...base, connectionName: `${config.prefix}-sub`, autoResubscribe: false });

  let subscribed = false;
  let everConnected = false;
  let started = false;
  let closing = false;
  let missedWhileAway = false;
  let dirty: Set<string> | null = new Set();
  let dirtyAll = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let firstReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (firstReady = resolve));

  const state = (): BusState => (subscribed && pub.status === "ready" ? "connected" : everConnected ? "lost" : "connecting");
  let lastState: BusState = "connecting";
  const noteState = () => {
    const now = state();
    if (now === lastState || closing) return;
    if (now === "lost") log.warn({ redis: describeEvents(config) }, "lost Redis: events stay in this process until it is back");
    if (now === "connected") log.info(everConnected && lastState === "lost" ? "Redis is back: resyncing live subscribers" : "events travel through Redis");
    lastState = now;
  };

  const resync = (keys: ReadonlySet<string> | null) => {
    for (const l of resyncListeners) {
      try {
        l(keys);
      } catch (err) {
        log.error({ err }, "resync failed");
      }
    }
  };

  const markMissed = (key: string | null) => {
    if (key === null || dirtyAll) dirtyAll = true;
    else dirty?.add(key);
    if (dirty && dirty.size > MAX_DIRTY_FEEDS) dirtyAll = true;
    if (!retryTimer && !closing) {
      retryTimer = setInterval(flushMissed, RESYNC_RETRY_MS);
      retryTimer.unref();
    }
  };

  function flushMissed(): void {
    if (pub.status !== "ready" || (!dirtyAll && !dirty?.size)) return;
    const message: Wire = { o: origin, t: "RESYNC", f: dirtyAll ? null : [...dirty!] };
    const [wasAll, was] = [dirtyAll, dirty];
    dirtyAll = false;
    dirty = new Set();
    pub.publish(channel, JSON.stringify(message)).then(
      () => {
        if (!dirtyAll && !dirty?.size && retryTimer) {
          clearInterval(retryTimer);
          retryTimer = null;
        }
      },
      () => {
        // Put them back; the timer tries again.
        dirtyAll ||= wasAll;
        for (const k of was ?? []) dirty?.add(k);
      },
    );
  }

  sub.on("message", (ch: string, raw: string) => {
    if (ch !== channel) return;
    let msg: Wire;
    try {
      msg = JSON.parse(raw) as Wire;
    } catch {
      log.warn({ channel }, "ignored a malformed event from Redis");
      return;
    }
    if (msg.o === origin) return;
    if (msg.t === "RESYNC") resync("f" in msg && msg.f ? new Set(msg.f) : null);
    else if ("i" in msg) feeds.dispatch(feedKey(msg.t, msg.i), msg.p, onListenerError);
  });
  sub.on("ready", () => {
    sub.subscribe(channel).then(
      () => {
        subscribed = true;
        const again = everConnected || missedWhileAway;
        everConnected = true;
        noteState();
        firstReady();
        // Whatever the other processes published while we were away is gone: refetch.
        if (again) resync(null);
        missedWhileAway = false;
      },
      (err: unknown) => log.warn({ err: (err as Error).message }, "could not subscribe to the Redis channel; retrying on reconnect"),
    );
  });
  sub.on("close", () => {
    subscribed = false;
    if (started) missedWhileAway = true;
    noteState();
  });
  pub.on("ready", () => {
    noteState();
    flushMissed();
  });
  pub.on("close", noteState);
  // ioredis reports every failed attempt; the state change is logged once above.
  for (const c of [pub, sub]) c.on("error", (err: Error) => log.debug({ err: err.message }, "Redis connection error"));

  return {
    publish(topic, id, payload) {
      const key = feedKey(topic, id);
      feeds.dispatch(key, payload, onListenerError);
      if (pub.status !== "ready") {
        markMissed(key);
        return;
      }
      const message: Wire = { o: origin, t: topic, i: id, p: payload };
      pub.publish(channel, JSON.stringify(message)).catch(() => markMissed(key));
    },
    listen: (topic, id, listener) => feeds.add(topic, id, listener),
    onResync(listener) {
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
    get state() {
      return state();
    },
    async start() {
      pub.connect().catch(() => undefined);
      sub.connect().catch(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      const waited = await Promise.race([
        ready.then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), START_WAIT_MS))),
      ]);
      clearTimeout(timer);
      started = true;
      // Subscribers may attach before Redis answers: resync them once it does.
      if (!waited) {
        missedWhileAway = true;
        log.warn("Redis is not reachable yet: serving anyway, with events in this process until it answers");
      }
    },
    async close() {
      closing = true;
      if (retryTimer) clearInterval(retryTimer);
      await Promise.all([pub, sub].map((c) => (c.status === "ready" ? c.quit().catch(() => c.disconnect()) : c.disconnect())));
    },
  };
}
