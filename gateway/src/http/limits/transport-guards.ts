/**
 * The limits at the doors outside Apollo's pipeline: graphql-ws subscriptions, evidence uploads
 * and downloads. Written against node:http and plain objects so any server front can call them.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { getOperationAST, type DocumentNode, type GraphQLError } from "graphql";
import { SigapError } from "../../errors.js";
import type { SiteEntity } from "../../modules/sites/site.entity.js";
import type { Caller, LimitedContext, Limits } from "./limits.js";
import { rootFields } from "./root-fields.js";

const socketAddresses = new WeakMap<object, string>();

/** Remembers a WebSocket's client address from its upgrade request (graphql-ws keeps only the socket). */
export function rememberSocket(limits: Limits, socket: object, upgrade: IncomingMessage): void {
  socketAddresses.set(socket, limits.addressOf(upgrade));
}

/** The caller of a graphql-ws connection. */
export function socketCaller(socket: object, creds: Omit<Caller, "address">): Caller {
  return { ...creds, address: socketAddresses.get(socket) ?? "unknown" };
}

const siteOf = (ctx: LimitedContext): Promise<SiteEntity | null> =>
  ctx.publicSite().then(
    (s) => s.site,
    () => null,
  );

/**
 * Judges a subscription about to open: the cost limits, the guess budget and one point of the
 * subscriptions budget per root field. Returns the refusal to send, or null.
 */
export async function guardSubscription(limits: Limits, ctx: LimitedContext & object, document: DocumentNode, operationName?: string | null): Promise<SigapError | null> {
  const caller = limits.callerOf(ctx);
  const operation = getOperationAST(document, operationName);
  if (!caller || !operation || !limits.enabled) return null;
  const kind = await limits.kindOf(ctx, caller);
  const tooComplex = limits.costError(document, kind);
  if (tooComplex || kind === "agent") return tooComplex;
  const fields = rootFields(document, operation);
  const site = await siteOf(ctx);
  try {
    await limits.admit(caller, site, fields);
    return null;
  } catch (error) {
    if (error instanceof SigapError) return error;
    throw error;
  }
}

/** Counts a subscription refused with NOT_FOUND (a wrong code or token) as a failed guess. */
export function countSubscriptionFailures(limits: Limits, ctx: unknown, errors: readonly GraphQLError[]): void {
  const caller = ctx && typeof ctx === "object" ? limits.callerOf(ctx) : undefined;
  const failures = errors.filter((e) => e.extensions?.["code"] === "NOT_FOUND").length;
  if (!caller || !failures) return;
  void siteOf(ctx as LimitedContext).then((site) => limits.recordFailures(caller, site, failures)).catch(() => undefined);
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return typeof v === "string" && v ? v : null;
}

function httpCaller(limits: Limits, req: IncomingMessage): Caller {
  const auth = header(req, "authorization");
  return { address: limits.addressOf(req), siteKey: header(req, "x-sigap-site-key"), origin: header(req, "origin"), bearer: auth && /^Bearer\s/i.test(auth) ? auth : null };
}

/**
 * The upload hook: a reporter's upload spends one point of the uploads budget. A refusal is
 * thrown as RATE_LIMITED, with Retry-After already set on the response.
 */
export function uploadGuard(limits: Limits): (req: IncomingMessage, res: ServerResponse, site: SiteEntity, byReporter: boolean) => Promise<void> {
  return async (req, res, site, byReporter) => {
    if (!byReporter) return;
    try {
      await limits.spendOne(httpCaller(limits, req), site, "uploads");
    } catch (error) {
      if (error instanceof SigapError && error.code === "RATE_LIMITED") res.setHeader("Retry-After", String(error.extensions["retryAfter"]));
      throw error;
    }
  };
}

/**
 * Middleware before `GET /attachments/:id`: a reporter's download that ends 404 (a wrong code,
 * token or id) is a failed guess, and a caller out of guesses is refused with 429 up front.
 */
export function downloadGuard(limits: Limits): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    const caller = httpCaller(limits, req);
    if (caller.bearer || !limits.enabled) return next();
    limits.checkGuesses(caller, null, 1).then(
      () => {
        res.once("finish", () => {
          if (res.statusCode === 404) limits.recordFailures(caller, null, 1).catch(() => undefined);
        });
        next();
      },
      (error: unknown) => {
        if (!(error instanceof SigapError)) return next();
        res.statusCode = 429;
        res.setHeader("Retry-After", String(error.extensions["retryAfter"]));
        res.setHeader("Content-Type", "application/json");
        res.end(JSON.stringify({ errors: [{ message: error.message, extensions: { ...error.extensions } }] }));
      },
    );
  };
}
