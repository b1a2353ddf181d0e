import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import express, { type NextFunction, type Request, type Response } from "express";
import { Kind, type DocumentNode, type GraphQLError, type ValidationRule } from "graphql";
import { pino, type Logger } from "pino";
import { WebSocketServer } from "ws";
import { systemClock, type Clock } from "./clock.js";
import { describeDatabase, describeEvents, type Config } from "./config.js";
import { bearerOf, createContext, type Credentials, type SigapContext } from "./context.js";
import { databaseReady, openDatabase } from "./db/data-source.js";
import { availabilityPlugin } from "./http/availability.js";
import { answerClientErrors } from "./http/client-errors.js";
import { applyCors } from "./http/cors.js";
import { errorLogPlugin, formatError } from "./http/errors.js";
import { createGraphqlHandler, sendError } from "./http/graphql-handler.js";
import { measureSweep, metrics, observeOperation, operationMetricsPlugin, serveMetrics, trackSubscriptions } from "./http/metrics.js";
import { subscriptionsOverHttpPlugin } from "./http/operation-guards.js";
import { requestIdOf, requestInfo } from "./http/request-id.js";
import { countSubscriptionFailures, createLimits, downloadGuard, guardSubscription, LIMITED_PARSE_OPTIONS, limitsPlugin, rememberSocket, socketCaller, uploadGuard } from "./http/limits/index.js";
import { staticRoutes } from "./http/static.js";
import { lowerPriority } from "./modules/notifications/lower-priority.js";
import { oidcRoutes } from "./modules/agents/oidc.routes.js";
import { attachmentRoutes } from "./modules/attachments/attachment.routes.js";
import { recapExportRoutes } from "./modules/recaps/recap-export.routes.js";
import { workOrderRoutes } from "./modules/workorders/work-order.routes.js";
import { documentRoutes, TICKET_REPORT_PATH } from "./modules/documents/documents.routes.js";
import { confirmPageRoutes } from "./modules/tickets/confirm-page.routes.js";
import { approvalDocumentRoutes } from "./modules/approvals/approval-document.routes.js";
import { localDiskStorage } from "./modules/attachments/blob-store.js";
import { startInbound } from "./modules/inbound/inbound.js";
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
  /** The inbound SMTP listener's port; null when `SMTP_INBOUND_PORT` is unset. */
  smtpInboundPort: number | null;
  /** Runs one SLA sweep now (the timer runs it every `slaSweepMs`). */
  sweep(): Promise<number>;
  /** Reads the `IMAP_URL` mailbox now (its timer does every minute); returns mails handled. Rejects when `IMAP_URL` is unset. */
  pollMailbox(): Promise<number>;
  /** Runs one outbox dispatch pass now (the timer runs it every `NOTIFY_DISPATCH_MS`); returns messages attempted. */
  dispatch(): Promise<number>;
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
  const services = createServices(ds, clock, bus, config.secret, log, localDiskStorage(config.dataDir), config.notify, config.webhookAllowPrivate, config.inbound.replyDomain, config.signIn, {
    rateLimits: config.limits.rates,
    maxUploadBytesCap: config.maxUploadBytesCap,
  });
  const schema = await buildSigapSchema();
  const documents = new DocumentCache(schema);
  const untrackSubscriptions = trackSubscriptions(() => services.live.active);
  const limits = createLimits({
    config: config.limits,
    redis: config.redis,
    secret: config.secret,
    clock,
    log,
    schema,
    onRefusal: (limit) => metrics.rateLimitRefusals.inc({ limit }),
  });
  await limits.start();

  // Everything but GraphQL (uploads and downloads, widgets, demo pages, health) stays on Express.
  const app = express();
  app.disable("x-powered-by");
  // An ETag means hashing every response body; none of these answers is revalidated.
  app.set("etag", false);
  let graphql: ((req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<void>) | null = null;
  const http = createServer((req, res) => {
    const requestId = requestIdOf(req.headers["x-request-id"]);
    res.setHeader("x-request-id", requestId);
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    if (path === GRAPHQL_PATH) {
      if (applyCors(req, res)) return;
      if (graphql) void graphql(req, res, requestId);
      else sendError(res, 503, "SERVICE_UNAVAILABLE", "The gateway is starting; try again in a moment.");
      return;
    }
    if (path === "/metrics") {
      void serveMetrics(req, res, config.metricsToken);
      return;
    }
    app(req as Request, res as Response);
  });
  answerClientErrors(http);
  const wss = new WebSocketServer({ server: http, path: GRAPHQL_PATH });
  wss.on("connection", (socket, req) => rememberSocket(limits, socket, req));
  const wsServer = serveGraphqlWs(
    {
      schema,
      // A socket is known by its agent token from the moment it is acknowledged (the widget shows
      // "live" then): a deactivation between the acknowledgement and the first subscription still closes it.
      onConnect: (ctx) => {
        const { bearer } = wsCredentials(ctx.connectionParams, ctx.extra.origin);
        if (bearer) services.sessions.track(ctx.extra.socket, bearer);
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        // Parsed and validated once per query text, not once per subscriber; and the subscriber
        // keeps the cache's copy of the text, not its own.
        const { text, document } = documents.get(payload.query);
        (payload as { query: string }).query = text;
        if (Array.isArray(document)) return document as GraphQLError[];
        const { extra } = ctx;
        const creds = wsCredentials(ctx.connectionParams, extra.origin);
        const caller = socketCaller(extra.socket, creds);
        const contextValue = limits.attach(createContext(services, creds, requestInfo(log, extra.requestId, caller.address, extra.forwardedFor)), caller);
        const refused = await guardSubscription(limits, contextValue, document as DocumentNode, payload.operationName);
        if (refused) return [refused];
        const socket = extra.socket;
        if (creds.bearer) services.sessions.track(socket, creds.bearer, contextValue.agent());
        services.live.bindSocket(contextValue, id, (data) => socket.readyState === socket.OPEN && socket.send(data));
        return { schema, document: document as DocumentNode, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      // Executed once per distinct subscription shape, not once per subscriber: see LiveSubscriptions.
      subscribe: async (args) => {
        const started = process.hrtime.bigint();
        const result = await services.live.subscribe(args);
        const first = "errors" in result ? result.errors?.[0] : undefined;
        const outcome = first ? String(formatError(first.toJSON(), first, null).extensions?.["code"] ?? "error") : "ok";
        observeOperation(args.operationName ?? operationNameOf(args.document), "subscription", outcome, started);
        return result;
      },
      onError: (ctx, _id, _payload, errors) => errors.map((e) => formatError(e, e, log.child({ reqId: ctx.extra.requestId }))),
      onNext: (ctx, _id, _payload, args, result) => {
        if (!result.errors) return result;
        countSubscriptionFailures(limits, args.contextValue, result.errors);
        const reqLog = log.child({ reqId: ctx.extra.requestId });
        return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e, reqLog)) };
      },
    },
    wss,
  );

  // Other parts of the gateway (rate and cost limits) add their plugins and rules here.
  const plugins: ApolloServerPlugin<SigapContext>[] = [
    limitsPlugin(limits),
    ApolloServerPluginDrainHttpServer({ httpServer: http }),
    { async serverWillStart() { return { async drainServer() { await wsServer.dispose(); } }; } },
    subscriptionsOverHttpPlugin(),
    errorLogPlugin(),
    availabilityPlugin(),
    operationMetricsPlugin(),
    // Nothing here is cacheable by HTTP caches (every answer depends on a key, a token or a role),
    // and the default cache-control plugin wraps every field's resolver to compute hints nobody reads.
    ApolloServerPluginCacheControlDisabled(),
  ];
  const validationRules: ValidationRule[] = [];
  const apollo = new ApolloServer<SigapContext>({
    schema,
    // Logged by errorLogPlugin, with the request's logger.
    formatError: (formatted, original) => formatError(formatted, original, null),
    includeStacktraceInErrorResponses: false,
    introspection: config.limits.introspection,
    ...(config.limits.enabled ? { parseOptions: LIMITED_PARSE_OPTIONS } : {}),
    // main.ts owns shutdown: Apollo's own SIGTERM handler would stop it and re-raise the signal,
    // ending the process with 143 before the database and the event bus are closed.
    stopOnTerminationSignals: false,
    plugins,
    validationRules,
  });
  await apollo.start();
  graphql = createGraphqlHandler({
    apollo,
    log,
    context: async (req, requestId) => {
      const creds = {
        siteKey: header(req, "x-sigap-site-key"),
        origin: header(req, "origin"),
        bearer: bearerOf(header(req, "authorization")),
        reporterToken: header(req, "x-sigap-reporter-token"),
      };
      // The client address as the limiter computes it (trusted proxies only): limits and the audit trail's "from where".
      const address = limits.addressOf(req);
      return limits.attach(createContext(services, creds, requestInfo(log, requestId, address, header(req, "x-forwarded-for"))), { ...creds, address });
    },
  });

  app.use((req, res, next) => applyCors(req, res) || next());
  app.get("/healthz", (_req, res) => void res.json({ status: "ok" }));
  // Ready means the database answers. Redis is reported, not required: without it this process
  // still serves HTTP and its own subscribers, and resyncs them when Redis is back.
  app.get("/readyz", async (_req, res) => {
    const ready = await databaseReady(ds);
    const status = ready ? "ready" : "database unreachable";
    res.status(ready ? 200 : 503).json(config.redis ? { status, events: bus.state } : { status });
  });
  app.get("/attachments/:id", downloadGuard(limits));
  // A ticket report opened by code and tracking token is a guess like an attachment's: the same budget.
  app.get(`${TICKET_REPORT_PATH}/:code`, downloadGuard(limits));
  app.use(attachmentRoutes(services, log, uploadGuard(limits)));
  app.use(recapExportRoutes(services, log));
  app.use(workOrderRoutes(services, log));
  app.use(documentRoutes(services, log));
  app.use(confirmPageRoutes(services, log));
  app.use(approvalDocumentRoutes(services, log));
  if (services.oidc) app.use(oidcRoutes(services.oidc, log));
  app.use(staticRoutes(config, services));
  app.use(jsonErrors(log));

  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve));
  const port = (http.address() as AddressInfo).port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  log.info({ url: `http://${host}:${port}${GRAPHQL_PATH}` }, "Sigap gateway ready");

  const sweep = () => measureSweep(() => services.tickets.sweep());
  const timer = startSweeps(sweep, config.slaSweepMs, log);
  const stopUploadCleanup = services.uploadCleanup.start();
  services.mail.listening(`http://${host}:${port}`);
  services.oidc?.listening(`http://${host}:${port}`);
  const stopSessionChecks = services.sessions.start(config.signIn.sessionCheckMs);
  const notify = config.notify;
  if (notify.dispatchMs > 0 && notify.dispatchNice > 0) log.info({ nice: lowerPriority(notify.dispatchNice) }, "outbox dispatcher: process CPU priority lowered");
  const stopDispatch = services.notifications.start(notify.dispatchMs, { busyAt: notify.dispatchBusyPercent / 100, maxDeferMs: notify.dispatchDeferMs }, (pace, messages) => {
    metrics.outboxTicks.inc({ pace });
    if (messages) metrics.outboxAttempts.inc({ pace }, messages);
  });
  const inbound = await startInbound(config.inbound, services.inbound, log);
  return {
    url: `http://${host}:${port}`,
    port,
    services,
    smtpInboundPort: inbound.smtpPort,
    sweep,
    dispatch: () => services.notifications.dispatch(),
    pollMailbox: () => inbound.pollMailbox?.() ?? Promise.reject(new Error("IMAP_URL is not set: there is no mailbox to read")),
    close: async () => {
      if (timer) clearInterval(timer);
      await stopDispatch();
      untrackSubscriptions();
      stopSessionChecks();
      stopUploadCleanup();
      await inbound.close();
      await apollo.stop();
      await closeServer(http);
      services.presence.close();
      await bus.close();
      await limits.close();
      services.mail.close();
      await ds.destroy();
    },
  };
}

function startSweeps(sweep: () => Promise<number>, everyMs: number, log: Logger): NodeJS.Timeout | null {
  if (everyMs <= 0) return null;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweep()
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
    reporterToken: str(params?.["reporterToken"]),
  };
}

function operationNameOf(document: DocumentNode): string | undefined {
  const op = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return op?.kind === Kind.OPERATION_DEFINITION ? op.name?.value : undefined;
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return typeof v === "string" && v ? v : null;
}

/** Errors outside GraphQL (upload routes, static files) still answer in the GraphQL error shape. */
function jsonErrors(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const e = err as { status?: number; type?: string };
    if (e.type === "entity.too.large") {
      res.status(413).json({ errors: [{ message: "The request body is too large.", extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
      return;
    }
    if (e.type === "entity.parse.failed") {
      res.status(400).json({ errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] });
      return;
    }
    if (typeof e.status === "number" && e.status >= 400 && e.status < 500) {
      // express.static's "no such file", a malformed path: the client's mistake, not a fault.
      const notFound = e.status === 404;
      res.status(e.status).json({ errors: [{ message: notFound ? "Nothing here." : "The request could not be understood.", extensions: { code: notFound ? "NOT_FOUND" : "BAD_REQUEST" } }] });
      return;
    }
    log.error({ err, reqId: res.getHeader("x-request-id"), path: req.path }, "unexpected HTTP error");
    res.status(500).json({ errors: [{ message: "Something went wrong on our side; it has been logged.", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
