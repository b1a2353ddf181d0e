/**
 * Counters for rate limits, from rate-limiter-flexible: in this process's memory, or in Redis
 * when the gateway has one, so every gateway behind a load balancer counts against the same
 * budget. While Redis is unreachable each process falls back to its own memory counters (the
 * library's insurance limiter) rather than refusing everyone or letting everyone through.
 */
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RedisConfig } from "../../config.js";
import type { Budget } from "./limits.rules.js";

/** How long start-up waits for Redis before counting in memory for a while. */
const READY_WAIT_MS = 3_000;
/** A counter Redis has not answered by then falls back to memory: a slow Redis must not slow every request. */
const COMMAND_TIMEOUT_MS = 500;

/** One counter step of a request: spend points, or only check that some are left (`peek`). */
export interface CounterStep {
  op: "consume" | "peek";
  name: string;
  key: string;
  points: number;
  budget: Budget;
}

/** The step that refused, and the milliseconds until its budget has room. */
export interface StepRefusal {
  name: string;
  waitMs: number;
}

/** Where counters live. */
export interface RateStore {
  /**
   * Runs a request's counter steps in order, in one call, stopping at the first refused: the steps
   * after it spend nothing (a noisy client's address, counted first, keeps it from spending its
   * site's budget). Null when every step was allowed.
   */
  admit(steps: readonly CounterStep[]): Promise<StepRefusal | null>;
  /** Milliseconds to wait if fewer than `points` are left for `key`, without spending; else null. */
  peek(name: string, key: string, points: number, budget: Budget): Promise<number | null>;
  /** Adds `points` to what `key` has spent, refused or not. */
  penalize(name: string, key: string, points: number, budget: Budget): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Creates the store: Redis-backed when `redis` is given, else memory. */
export function createRateStore(redis: RedisConfig | null, log: Logger): RateStore {
  const client = redis
    ? new Redis(redis.url, {
        connectionName: `${redis.prefix}-limits`,
        lazyConnect: true,
        // A counter must never wait for a reconnect: without a connection the insurance limiter answers.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout: COMMAND_TIMEOUT_MS,
        retryStrategy: (times) => Math.min(times * 100, 1_000),
      })
    : null;
  let warned = false;
  client?.on("error", (err: Error) => {
    if (!warned) log.warn({ err: err.message }, "rate-limit counters cannot reach Redis; counting in this process until it answers");
    warned = true;
  });
  client?.on("ready", () => (warned = false));

  const limiters = new Map<string, RateLimiterAbstract>();
  const limiter = (name: string, budget: Budget): RateLimiterAbstract => {
    // The budget is part of the key, so a changed override starts a fresh counter, never a misread one.
    const id = `${name}:${budget.points}:${budget.seconds}`;
    let l = limiters.get(id);
    if (!l) {
      const keyPrefix = `${redis?.prefix ?? "sigap"}:rl:${id}`;
      const memory = new RateLimiterMemory({ keyPrefix, points: budget.points, duration: budget.seconds });
      l = client
        ? new RateLimiterRedis({ storeClient: client, keyPrefix, points: budget.points, duration: budget.seconds, rejectIfRedisNotReady: true, insuranceLimiter: memory })
        : memory;
      limiters.set(id, l);
    }
    return l;
  };

  const consume = async (name: string, key: string, points: number, budget: Budget): Promise<number | null> => {
    try {
      await limiter(name, budget).consume(key, points);
      return null;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return refusal.msBeforeNext;
      throw refusal;
    }
  };
  const peek = async (name: string, key: string, points: number, budget: Budget): Promise<number | null> => {
    const res = await limiter(name, budget).get(key);
    const spent = res?.consumedPoints ?? 0;
    if (spent + points <= budget.points) return null;
    return res ? Math.max(res.msBeforeNext, 1) : budget.seconds * 1000;
  };

  return {
    async admit(steps) {
      for (const s of steps) {
        const waitMs = await (s.op === "consume" ? consume : peek)(s.name, s.key, s.points, s.budget);
        if (waitMs !== null) return { name: s.name, waitMs };
      }
      return null;
    },
    peek,
    async penalize(name, key, points, budget) {
      await limiter(name, budget).penalty(key, points);
    },
    async start() {
      if (!client) return;
      client.connect().catch(() => undefined);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, READY_WAIT_MS);
        client.once("ready", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    async close() {
      if (client) await (client.status === "ready" ? client.quit().catch(() => client.disconnect()) : client.disconnect());
    },
  };
}
