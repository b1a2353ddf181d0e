import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { isLoopbackPeer } from "./peer.js";

/**
 * Sigap's Prometheus metrics, one registry per process (several gateways in one process, as in
 * tests, add up). prom-client rather than hand-written text: it is the de facto Node client,
 * and gives process and event-loop metrics, histogram buckets and the exposition format for free.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

/** Sources of the open-subscriptions gauge: each gateway in the process registers its count. */
const subscriptionSources = new Set<() => number>();

// Operation names come from clients; past this many distinct ones they count as "other", so a
// caller inventing names cannot grow the registry without bound.
const MAX_OPERATION_NAMES = 200;
const seenNames = new Set<string>();

/** The metrics other parts of the gateway record. */
export const metrics = {
  /** GraphQL operations (and subscription starts) by name, type and outcome (`ok` or the first error code). */
  operations: new Counter({
    name: "sigap_graphql_operations_total",
    help: "GraphQL operations over HTTP and subscriptions started over WebSocket, by operation name, type and outcome (ok or the first error code)",
    labelNames: ["operation", "type", "outcome"] as const,
    registers: [registry],
  }),
  /** Seconds from request to response of GraphQL operations, or to a subscription's start. */
  operationSeconds: new Histogram({
    name: "sigap_graphql_operation_duration_seconds",
    help: "Seconds from the start of a GraphQL operation over HTTP to its response, or of a subscription to its start",
    labelNames: ["operation", "type"] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  }),
  /** Live subscriptions now. */
  openSubscriptions: new Gauge({
    name: "sigap_subscriptions_open",
    help: "Live GraphQL subscriptions attached now",
    registers: [registry],
    collect() {
      let n = 0;
      for (const count of subscriptionSources) n += count();
      this.set(n);
    },
  }),
  /** Requests refused by a rate limit, by the limit's name: `metrics.rateLimitRefusals.inc({ limit })`. */
  rateLimitRefusals: new Counter({
    name: "sigap_rate_limit_refusals_total",
    help: "Operations refused by a rate limit, by limit name",
    labelNames: ["limit"] as const,
    registers: [registry],
  }),
  /** SLA sweeps by outcome (ok or failed). */
  slaSweeps: new Counter({
    name: "sigap_sla_sweeps_total",
    help: "SLA sweeps run, by outcome (ok or failed)",
    labelNames: ["outcome"] as const,
    registers: [registry],
  }),
  /** Seconds each SLA sweep took. */
  slaSweepSeconds: new Histogram({
    name: "sigap_sla_sweep_duration_seconds",
    help: "Seconds each SLA sweep took",
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
    registers: [registry],
  }),
  /** Tickets the SLA sweeps escalated or closed. */
  slaSweepTickets: new Counter({
    name: "sigap_sla_sweep_tickets_total",
    help: "Tickets SLA sweeps escalated or closed",
    registers: [registry],
  }),
  /** Outbox dispatcher ticks by pace: drain, yield (one round while the gateway is busy serving) or overdue (drained although busy). */
  outboxTicks: new Counter({
    name: "sigap_outbox_dispatch_ticks_total",
    help: "Outbox dispatcher ticks by pace: drain, yield (one round while the gateway is busy serving) or overdue (drained although busy, the deferral bound reached)",
    labelNames: ["pace"] as const,
    registers: [registry],
  }),
  /** Outbox messages the dispatcher timer attempted, by the pace of their tick. */
  outboxAttempts: new Counter({
    name: "sigap_outbox_dispatch_attempts_total",
    help: "Outbox messages attempted by the dispatcher timer, by the pace of their tick",
    labelNames: ["pace"] as const,
    registers: [registry],
  }),
};

/** Counts a gateway's live subscriptions in the gauge until the returned function is called. */
export function trackSubscriptions(count: () => number): () => void {
  subscriptionSources.add(count);
  return () => void subscriptionSources.delete(count);
}

/** Runs an SLA sweep, counting it and timing it. */
export async function measureSweep(sweep: () => Promise<number>): Promise<number> {
  const end = metrics.slaSweepSeconds.startTimer();
  try {
    const n = await sweep();
    metrics.slaSweeps.inc({ outcome: "ok" });
    metrics.slaSweepTickets.inc(n);
    return n;
  } catch (error) {
    metrics.slaSweeps.inc({ outcome: "failed" });
    throw error;
  } finally {
    end();
  }
}

function operationLabel(name: string | null | undefined): string {
  if (!name) return "anonymous";
  if (seenNames.has(name)) return name;
  if (seenNames.size >= MAX_OPERATION_NAMES || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return "other";
  seenNames.add(name);
  return name;
}

/**
 * Counts one operation and times it from `started` (a `process.hrtime.bigint()`). Over HTTP the
 * plugin below calls it; over the WebSocket, the start of each subscription.
 */
export function observeOperation(name: string | null | undefined, type: string, outcome: string, started: bigint): void {
  const labels = { operation: operationLabel(name), type };
  metrics.operations.inc({ ...labels, outcome });
  metrics.operationSeconds.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
}

/** An Apollo plugin counting and timing every operation over HTTP. */
export function operationMetricsPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, operationName, response }) {
          const body = response.body;
          const errors = body.kind === "single" ? body.singleResult.errors : body.initialResult.errors;
          const code = errors?.[0]?.extensions?.["code"];
          const outcome = errors?.length ? (typeof code === "string" ? code : "error") : "ok";
          observeOperation(operationName ?? operation?.name?.value, operation?.operation ?? "unresolved", outcome, started);
        },
      };
    },
  };
}

/**
 * Serves `/metrics`. With a token configured it asks for `Authorization: Bearer <token>` from
 * anywhere; without one it answers only to this machine (a scraper on the host or a sidecar).
 */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, token: string | null): Promise<void> {
  const refuse = (status: number, message: string) => {
    res.statusCode = status;
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end(`${message}\n`);
  };
  if (token !== null) {
    const given = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? "";
    const [a, b] = [Buffer.from(given), Buffer.from(token)];
    if (a.length !== b.length || !timingSafeEqual(a, b)) return refuse(401, "Metrics need Authorization: Bearer <METRICS_TOKEN>.");
  } else if (!isLoopbackPeer(req)) {
    return refuse(403, "Metrics answer only on loopback unless METRICS_TOKEN is set.");
  }
  const text = await registry.metrics();
  res.setHeader("content-type", registry.contentType);
  res.setHeader("cache-control", "no-store");
  res.end(text);
}
