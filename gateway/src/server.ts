import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type NextFunction, type Request, type Response } from "express";
import type { DocumentNode, GraphQLError, GraphQLFormattedError } from "graphql";
import { pino, type Logger } from "pino";
import { WebSocketServer } from "ws";
import { systemClock, type Clock } from "./clock.js";
import { describeDatabase, describeEvents, type Config } from "./config.js";
import { bearerOf, createContext, type Credentials, type SigapContext } from "./context.js";
import { databaseReady, openDatabase } from "./db/data-source.js";
import { formatError } from "./http/errors.js";
import { staticRoutes } from "./http/static.js";
import { attachmentRoutes } from "./modules/attachments/attachment.routes.js";
import { localDiskStorage } from "./modules/attachments/blob-store.js";
import { DocumentCache } from "./realtime/documents.js";
import { createSigapPubSub, type SigapPubSub } from "./realtime/pubsub.js";
import { createRedisPubSub } from "./realtime/redis-pubsub.js";
import { serveGraphqlWs } from "./realtime/ws-server.js";
import { buildSigapSchema } from "./schema.js";
import { createServices, type Services } from "./services.js";

/** A running gateway. */
export interface Gateway {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  port: number;
  services: Services;
  /** Runs one SLA sweep now (the timer runs it every `slaSweepMs`). */
  sweep(): Promise<number>;
  /** Stops accepting work, drains requests and subscriptions, closes the database. */
  close(): Promise<void>;
}

/** Options for {@link startGateway}. */
export interface GatewayOptions {
  config: Config;
  /** @default the wall clock */
  clock?: Clock;
  /** @default a pino logger at `config.logLevel` */
  log?: Logger;
}

const GRAPHQL_PATH = "/graphql";

/** Opens the database, builds the schema and serves GraphQL over HTTP and WebSocket on one port. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? pino({ level: config.logLevel });
  log.info({ database: describeDatabase(config.database) }, "opening database");
  const ds = await openDatabase(config.database, log, config.dbConnectAttempts);
  log.info({ events: describeEvents(config.redis) }, "starting the event bus");
  const bus: SigapPubSub = config.redis
    ? createRedisPubSub(config.redis, log)
    : createSigapPubSub((err) => log.error({ err }, "a live subscription failed on an event"));
  await bus.start();
  const services = createServices(ds, clock, bus, config.secret, log, localDiskStorage(config.dataDir));
  const schema = await buildSigapSchema();
  const documents = new DocumentCache(schema);

  const app = express();
  app.disable("x-powered-by");
  // An ETag means hashing every response body; GraphQL POST answers are never revalidated.
  app.set("etag", false);
  const http = createServer(app);
  const wss = new WebSocketServer({ server: http, path: GRAPHQL_PATH });
  const format = (e: GraphQLFormattedError, original: unknown) => formatError(e, original, log);
  const wsServer = serveGraphqlWs(
    {
      schema,
      onSubscribe: (ctx, id, payload) => {
        // Parsed and validated once per query text, not once per subscriber; and the subscriber
        // keeps the cache's copy of the text, not its own.
        const { text, document } = documents.get(payload.query);
        (payload as { query: string }).query = text;
        if (Array.isArray(document)) return document as GraphQLError[];
        const contextValue = createContext(services, wsCredentials(ctx.connectionParams, ctx.extra.origin));
        const socket = ctx.extra.socket;
        services.live.bindSocket(contextValue, id, (data) => socket.readyState === socket.OPEN && socket.send(data));
        return { schema, document: document as DocumentNode, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      // Executed once per distinct subscription shape, not once per subscriber: see LiveSubscriptions.
      subscribe: (args) => services.live.subscribe(args),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => format(e, e)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => format(e.toJSON(), e)) } : result,
    },
    wss,
  );

  const apollo = new ApolloServer<SigapContext>({
    schema,
    formatError: format,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
      { async serverWillStart() { return { async drainServer() { await wsServer.dispose(); } }; } },
    ],
  });
  await apollo.start();

  app.use(cors);
  app.get("/healthz", (_req, res) => void res.json({ status: "ok" }));
  // Ready means the database answers. Redis is reported, not required: without it this process
  // still serves HTTP and its own subscribers, and resyncs them when Redis is back.
  app.get("/readyz", async (_req, res) => {
    const ready = await databaseReady(ds);
    const status = ready ? "ready" : "database unreachable";
    res.status(ready ? 200 : 503).json(config.redis ? { status, events: bus.state } : { status });
  });
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: "256kb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext(services, {
          siteKey: header(req, "x-sigap-site-key"),
          origin: header(req, "origin"),
          bearer: bearerOf(header(req, "authorization")),
        }),
    }),
  );
  app.use(attachmentRoutes(services, log));
  app.use(staticRoutes(config, services));
  app.use(jsonErrors(log));

  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve));
  const port = (http.address() as AddressInfo).port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  log.info({ url: `http://${host}:${port}${GRAPHQL_PATH}` }, "Sigap gateway ready");

  const timer = startSweeps(services, config.slaSweepMs, log);
  const stopUploadCleanup = services.uploadCleanup.start();
  return {
    url: `http://${host}:${port}`,
    port,
    services,
    sweep: () => services.tickets.sweep(),
    close: async () => {
      if (timer) clearInterval(timer);
      stopUploadCleanup();
      await apollo.stop();
      await closeServer(http);
      await bus.close();
      await ds.destroy();
    },
  };
}

function startSweeps(services: Services, everyMs: number, log: Logger): NodeJS.Timeout | null {
  if (everyMs <= 0) return null;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    services.tickets
      .sweep()
      .then((n) => n && log.info({ tickets: n }, "SLA sweep escalated or closed tickets"))
      .catch((err: unknown) => log.error({ err }, "SLA sweep failed"))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return timer;
}

function wsCredentials(params: Record<string, unknown> | undefined, origin: string | null): Credentials {
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  return {
    siteKey: str(params?.["siteKey"]),
    origin: origin ?? null,
    bearer: bearerOf(str(params?.["authorization"])) ?? str(params?.["token"]),
  };
}

function header(req: Request, name: string): string | null {
  const v = req.headers[name];
  return typeof v === "string" && v ? v : null;
}

/** Lets any page call the gateway from the browser; which origins a site accepts is checked per site key. */
function cors(req: Request, res: Response, next: NextFunction): void {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Vary", "Origin");
    res.setHeader("Access-Control-Allow-Headers", "content-type, authorization, x-sigap-site-key, x-sigap-reporter-token, apollo-require-preflight");
    res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    res.setHeader("Access-Control-Max-Age", "600");
  }
  if (req.method === "OPTIONS") {
    res.status(204).end();
    return;
  }
  next();
}

/** Errors outside GraphQL (bodies too large, malformed JSON) still answer in the GraphQL error shape. */
function jsonErrors(log: Logger) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const e = err as { status?: number; type?: string; message?: string };
    if (e.type === "entity.too.large") {
      res.status(413).json({ errors: [{ message: "The request body is too large (at most 256 KB).", extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
      return;
    }
    if (e.type === "entity.parse.failed") {
      res.status(400).json({ errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] });
      return;
    }
    log.error({ err }, "unexpected HTTP error");
    res.status(500).json({ errors: [{ message: "Something went wrong on our side; it has been logged.", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

