/**
 * Starts a real gateway for a test file: a fresh database (SQLite file, or a new MariaDB
 * database when SIGAP_TEST_DB=mysql), a listening HTTP/WebSocket server on a free port, one
 * site, and a clock the test moves forward. Tests then speak GraphQL to it like any client.
 * Scale-out tests start several gateways on one database and one Redis (in this process, or as
 * a separate `tsx src/main.ts` process with {@link spawnGateway}).
 * Past 400 lines: every integration file starts its gateways, proxies and clients from here, so the
 * ways to start one (in process, as a process, behind a TCP proxy) stay in one place.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type Client } from "graphql-ws";
import mysql from "mysql2/promise";
import WebSocket from "ws";
import { loadConfig, startGateway, type Clock, type Gateway } from "@sigap/gateway";
import type { Role } from "@sigap/gateway";
import { cliActor, type AuditActor } from "@sigap/gateway";

/** The actor tests name when they set things up through services directly (the audit trail wants one). */
export const TEST_ACTOR: AuditActor = cliActor("test");

/** A GraphQL error as the gateway sends it. */
export interface GqlError {
  message: string;
  extensions: { code: string; fields?: Array<{ field: string; message: string }> };
}

/** A GraphQL response. */
export interface GqlResult<T> {
  data?: T | null;
  errors?: GqlError[];
}

/** Per-request credentials. */
export interface GqlOptions {
  token?: string;
  /** null sends no site key. */
  siteKey?: string | null;
  origin?: string;
  /** A host site's reporter token, sent as X-Sigap-Reporter-Token. */
  reporterToken?: string;
}

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  private t = Date.now();
  now(): Date {
    return new Date(this.t);
  }
  /** Moves time forward. */
  advance(ms: number): void {
    this.t += ms;
  }
}

/** A running gateway with one site, for one test file. */
export interface TestGateway {
  url: string;
  siteKey: string;
  site: Awaited<ReturnType<Gateway["services"]["sites"]["create"]>>;
  services: Gateway["services"];
  clock: ManualClock;
  /** The allowed browser origin of the site. */
  origin: string;
  /** SIGAP_DATA_DIR of this gateway (uploads live under `uploads/`). */
  dataDir: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, opts?: GqlOptions): Promise<GqlResult<T>>;
  agentToken(role: Role, name?: string): Promise<string>;
  /** Agent id behind a token minted by agentToken. */
  agentId(token: string): string;
  ws(params: Record<string, unknown>): Client;
  sweep(): Promise<number>;
  /** One outbox dispatch pass (the timer is off in tests). */
  dispatch(): Promise<number>;
  /** One pass over the `IMAP_URL` mailbox (env), after any pass already running. */
  pollMailbox(): Promise<number>;
  close(): Promise<void>;
}

/** A database several gateways can share; whoever created it drops it. */
export interface TestDatabase {
  /** DATABASE_URL for a gateway. */
  url: string;
  drop(): Promise<void>;
}

/** Options of {@link startTestGateway}; without any, a gateway on a fresh database of its own. */
export interface TestGatewayOptions {
  /** Runs on this database (shared with other gateways) instead of a fresh one. @default a new one */
  database?: TestDatabase;
  /** Serves this site, already created by another gateway on the same database. @default a new site */
  site?: TestGateway["site"];
  /** REDIS_URL: events travel through Redis. @default in-process events */
  redisUrl?: string;
  /** REDIS_PREFIX, so concurrent test runs on one Redis never hear each other. @default "sigap" */
  redisPrefix?: string;
  /** Several gateways of one test share one clock. @default a new ManualClock */
  clock?: ManualClock;
  /** SIGAP_SECRET; gateways that share a database must share it for agent tokens to pass. @default a development secret */
  secret?: string;
  /** SIGAP_RATE_LIMITS: budgets over the defaults. @default {@link ROOMY_RATE_LIMITS}, so suites that report often are not refused */
  rateLimits?: Record<string, unknown>;
  /** More environment for the gateway's configuration (NODE_ENV, TRUST_PROXY, SIGAP_LIMITS…). */
  env?: Record<string, string>;
  /** Mail out: SMTP_URL (and SMTP_FROM, PUBLIC_URL). The dispatcher's timer stays off; tests call `dispatch()`. @default no SMTP: mail stays in the outbox */
  smtp?: { url: string; from?: string; publicUrl?: string };
}

/** Per-address budgets large enough for any test file; tests of the limits pass their own. */
export const ROOMY_RATE_LIMITS = Object.fromEntries(
  ["reports", "messages", "feedback", "uploads", "lookups", "subscriptions", "trackingLinks", "failedLookups"].map((name) => [name, { perAddress: { points: 100_000, seconds: 3600 } }]),
);

const MYSQL_ROOT = process.env["SIGAP_TEST_MYSQL_URL"] ?? "mysql://root@127.0.0.1:3306";

/** Where the scale-out tests find Redis. */
export const TEST_REDIS_URL = process.env["SIGAP_TEST_REDIS_URL"] ?? "redis://127.0.0.1:6379";

/** Which database the suite runs on. */
export const TEST_DB = process.env["SIGAP_TEST_DB"] === "mysql" ? "mysql" : "sqlite";

/** Creates an empty database of the suite's kind: a new MariaDB database, or a SQLite file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DB === "mysql") {
    const name = `sigap_t_${randomBytes(6).toString("hex")}`;
    const admin = await mysql.createConnection(MYSQL_ROOT);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    return {
      url: `${MYSQL_ROOT}/${name}`,
      async drop() {
        const c = await mysql.createConnection(MYSQL_ROOT);
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "sigap-db-"));
  return { url: `sqlite:${join(dir, "sigap.sqlite")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts a gateway on a fresh database with one site, or as `options` say. */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), "sigap-test-"));
  let databaseUrl = options.database?.url ?? "";
  let dropDatabase: () => Promise<void> = async () => {};
  if (!options.database && TEST_DB === "mysql") {
    const db = await createTestDatabase();
    databaseUrl = db.url;
    dropDatabase = db.drop;
  }
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    SIGAP_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    SLA_SWEEP_MS: "0",
    LOG_LEVEL: process.env["SIGAP_TEST_LOG"] ?? "silent",
    DB_CONNECT_ATTEMPTS: "1",
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...(options.redisPrefix ? { REDIS_PREFIX: options.redisPrefix } : {}),
    ...(options.secret ? { SIGAP_SECRET: options.secret } : {}),
    SIGAP_RATE_LIMITS: JSON.stringify(options.rateLimits ?? ROOMY_RATE_LIMITS),
    NOTIFY_DISPATCH_MS: "0",
    ...(options.smtp ? { SMTP_URL: options.smtp.url, SMTP_FROM: options.smtp.from ?? "Sigap Test <desk@sigap.test>" } : {}),
    ...(options.smtp?.publicUrl ? { PUBLIC_URL: options.smtp.publicUrl } : {}),
    ...options.env,
  });
  const clock = options.clock ?? new ManualClock();
  const gateway = await startGateway({ config, clock });
  const origin = "https://company.example";
  const site =
    options.site ?? (await gateway.services.sites.create({ name: "PT Contoh", unitCode: "01", timeZone: "Asia/Jakarta", allowedOrigins: [origin] }, TEST_ACTOR));
  const ids = new Map<string, string>();
  const clients: Client[] = [];
  let agents = 0;

  return {
    url: gateway.url,
    siteKey: site.siteKey,
    site,
    services: gateway.services,
    clock,
    origin,
    dataDir,
    async gql<T>(query: string, variables?: Record<string, unknown>, opts: GqlOptions = {}): Promise<GqlResult<T>> {
      const headers: Record<string, string> = { "content-type": "application/json" };
      const key = opts.siteKey === undefined ? site.siteKey : opts.siteKey;
      if (key) headers["x-sigap-site-key"] = key;
      if (opts.token) headers["authorization"] = `Bearer ${opts.token}`;
      if (opts.origin) headers["origin"] = opts.origin;
      if (opts.reporterToken) headers["x-sigap-reporter-token"] = opts.reporterToken;
      const res = await fetch(`${gateway.url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as GqlResult<T>;
    },
    async agentToken(role: Role, name?: string): Promise<string> {
      agents++;
      const agent = await gateway.services.agents.create({
        siteId: site.id,
        name: name ?? `${role.toLowerCase()} ${agents}`,
        // Gateways that share a site each count their agents: the random part keeps e-mails apart.
        email: `${role.toLowerCase()}${agents}.${randomBytes(3).toString("hex")}@contoh.example`,
        role,
      }, TEST_ACTOR);
      const token = await gateway.services.agents.mintToken(agent);
      ids.set(token, agent.id);
      return token;
    },
    agentId(token: string): string {
      return ids.get(token)!;
    },
    ws(params: Record<string, unknown>): Client {
      const client = createClient({ url: `${gateway.url.replace("http", "ws")}/graphql`, webSocketImpl: WebSocket, connectionParams: params, retryAttempts: 0, lazy: true });
      clients.push(client);
      return client;
    },
    sweep: () => gateway.sweep(),
    dispatch: () => gateway.dispatch(),
    pollMailbox: () => gateway.pollMailbox(),
    async close() {
      await Promise.all(clients.map((c) => c.dispose()));
      await gateway.close();
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Collects the events of one subscription, failing fast on errors. */
export function collect<T>(client: Client, query: string, variables: Record<string, unknown>) {
  const events: T[] = [];
  const errors: unknown[] = [];
  let done = false;
  const waiters: Array<() => void> = [];
  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (r) => {
        if (r.errors) errors.push(...r.errors);
        else if (r.data) events.push(r.data as T);
        wake();
      },
      error: (e) => {
        errors.push(e);
        wake();
      },
      complete: () => {
        done = true;
        wake();
      },
    },
  );
  return {
    events,
    errors,
    get done() {
      return done;
    },
    dispose,
    /** Resolves when `pred` holds, or rejects after `ms`. */
    async until(pred: () => boolean, ms = 5000): Promise<void> {
      const deadline = Date.now() + ms;
      while (!pred()) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timed out; events so far: ${JSON.stringify(events)} errors: ${JSON.stringify(errors)}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
  };
}

/** Resolves when `pred` holds, polling; rejects after `ms` with `what` in the message. */
export async function eventually(pred: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A gateway running as its own process (`tsx src/main.ts`), as it runs in production. */
export interface GatewayProcess {
  url: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, opts?: GqlOptions): Promise<GqlResult<T>>;
  /** Stops it with SIGTERM and waits for it to exit. */
  close(): Promise<void>;
}

/** The gateway package, where its tsx, main.ts and cli.ts are run from. */
export const GATEWAY_DIR = new URL("../gateway/", import.meta.url).pathname;

/** Spawns a gateway process on a database and Redis, and waits until it serves. */
export async function spawnGateway(env: { databaseUrl: string; redisUrl: string; redisPrefix: string; secret: string; siteKey: string }): Promise<GatewayProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), "sigap-proc-"));
  const child: ChildProcess = spawn(join(GATEWAY_DIR, "node_modules/.bin/tsx"), ["src/main.ts"], {
    cwd: GATEWAY_DIR,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: env.redisUrl,
      REDIS_PREFIX: env.redisPrefix,
      SIGAP_SECRET: env.secret,
      SIGAP_DATA_DIR: dataDir,
      SLA_SWEEP_MS: "0",
      LOG_LEVEL: "info",
      SIGAP_RATE_LIMITS: JSON.stringify(ROOMY_RATE_LIMITS),
    },
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the gateway process did not start in time:\n${output}`)), 60_000);
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    child.stdout!.on("data", (d: Buffer) => {
      output += d.toString();
      // pino writes one JSON object per line; the ready line carries the GraphQL URL.
      const m = /"url":"(http:\/\/[^"]+)\/graphql"[^\n]*"msg":"Sigap gateway ready"/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the gateway process exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    async gql<T>(query: string, variables?: Record<string, unknown>, opts: GqlOptions = {}): Promise<GqlResult<T>> {
      const headers: Record<string, string> = { "content-type": "application/json" };
      const key = opts.siteKey === undefined ? env.siteKey : opts.siteKey;
      if (key) headers["x-sigap-site-key"] = key;
      if (opts.token) headers["authorization"] = `Bearer ${opts.token}`;
      const res = await fetch(`${url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as GqlResult<T>;
    },
    async close() {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A TCP proxy in front of a server (Redis), which a test cuts and restores to simulate losing it. */
export interface TcpProxy {
  /** The proxy's port on 127.0.0.1. */
  port: number;
  /** Drops every connection and refuses new ones. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a TCP proxy to `target` (host:port) on a free local port. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const dropAll = () => {
    for (const s of sockets) s.destroy();
  };
  return {
    port,
    async cut() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        dropAll();
      });
    },
    restore: () => listen(port),
    async close() {
      dropAll();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Waits until the gateway has `n` live subscriptions attached to its bus. */
export async function waitForSubscribers(gw: TestGateway, n: number, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (gw.services.live.active < n) {
    if (Date.now() > deadline) throw new Error(`only ${gw.services.live.active} of ${n} subscriptions attached`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The GraphQL selection of the reporter's view used across tests. */
export const TICKET_VIEW = `
  code status pendingReason priority urgency impact serviceName description
  createdAt responseDueAt resolutionDueAt firstRespondedAt resolvedAt closedAt resolution
  sla { responseBreached resolutionBreached paused atRisk responseRemainingMs resolutionRemainingMs }
  timeline { id kind visibility actorKind actorName fromStatus toStatus message supportLevel hierarchyLevel priority code groupName assigneeName }
  feedbackOpen feedback { serviceRating restoredRating informationRating suggestion }
`;

/** The desk's selection of a ticket. */
export const DESK_TICKET = `
  id code status isOpen pendingReason priority urgency impact categoryId serviceId groupId assigneeId
  supportLevel hierarchyLevel firstRespondedAt responseDueAt resolutionDueAt pausedAt resolvedAt closedAt
  resolution closureCode knowledgeBase version reporterName reporterEmail
  sla { responseBreached resolutionBreached paused atRisk }
  timeline { id kind visibility actorKind actorName fromStatus toStatus message supportLevel hierarchyLevel priority code groupName assigneeName }
`;

/** Reports an incident and returns the receipt. */
export async function report(gw: TestGateway, input: Record<string, unknown> = {}) {
  const r = await gw.gql<{ reportIncident: { code: string; trackingToken: string; status: string; priority: string; createdAt: string; responseDueAt: string; resolutionDueAt: string } }>(
    `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code trackingToken status priority createdAt responseDueAt resolutionDueAt } }`,
    { input: { reporterName: "Budi Santoso", reporterEmail: "budi@contoh.example", description: "Ipos tidak bisa login sejak pagi", ...input } },
  );
  if (r.errors) throw new Error(`report failed: ${JSON.stringify(r.errors)}`);
  return r.data!.reportIncident;
}

/** Runs a desk mutation or query and throws on errors. */
export async function desk<T>(gw: TestGateway, token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const r = await gw.gql<T>(query, variables, { token, siteKey: null });
  if (r.errors) throw new Error(`desk call failed: ${JSON.stringify(r.errors)}`);
  return r.data!;
}

/** The first error's code of a result. */
export function codeOf(r: GqlResult<unknown>): string | undefined {
  return r.errors?.[0]?.extensions.code;
}

