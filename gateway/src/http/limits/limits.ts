/**
 * The gateway's abuse controls in one object: who the caller is (address, site key, agent or
 * not), rate budgets per executed root field, the budget of failed token guesses, the report
 * form's guard and operation cost limits. Transports (the HTTP front, graphql-ws, the upload
 * routes) call in through a few methods; nothing here knows which server framework is in use.
 */
import type { IncomingMessage } from "node:http";
import type { DocumentNode, GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import type { Clock } from "../../clock.js";
import type { LimitsConfig, RedisConfig } from "../../config.js";
import { badField, SigapError } from "../../errors.js";
import type { SiteEntity } from "../../modules/sites/site.entity.js";
import { clientAddress, compileTrust, type TrustFn } from "./client-address.js";
import { checkForm, signFormToken } from "./form-guard.rules.js";
import { DEFAULT_RATE_LIMITS, mergeLimits, retryAfterSeconds, spendOf, type RateLimitSettings } from "./limits.rules.js";
import { createCostGuard, type CallerKind, type CostGuard, type CostViolation } from "./operation-cost.js";
import { createRateStore, type CounterStep, type RateStore } from "./rate-store.js";
import type { RootField } from "./root-fields.js";

/** Who sent a request, as the limits count it. */
export interface Caller {
  /** The client address, behind trusted proxies only. */
  address: string;
  siteKey: string | null;
  /** A browser's Origin header; its presence marks a browser. */
  origin: string | null;
  bearer: string | null;
}

/** What the limits need from a request's context: lazily checked credentials. */
export interface LimitedContext {
  publicSite(): Promise<{ site: SiteEntity }>;
  agent(): Promise<unknown>;
}

/** Options of {@link createLimits}. */
export interface LimitsOptions {
  config: LimitsConfig;
  redis: RedisConfig | null;
  /** Signs form tokens. */
  secret: string;
  clock: Clock;
  log: Logger;
  schema: GraphQLSchema;
  /** Called with the limit's name on every refusal, for metrics. */
  onRefusal?: (limit: string) => void;
}

/** The abuse controls of one gateway process. */
export interface Limits {
  readonly enabled: boolean;
  readonly cost: CostGuard;
  /** The client address of an HTTP request (or a WebSocket upgrade). */
  addressOf(req: IncomingMessage): string;
  /** Remembers who a context's request came from; returns the context. */
  attach<C extends object>(ctx: C, caller: Caller): C;
  /** Who a context's request came from, if it came through a transport. */
  callerOf(ctx: object): Caller | undefined;
  /** Whether the caller is a signed-in agent (a bearer that verifies); everyone else gets public limits. */
  kindOf(ctx: LimitedContext, caller: Caller): Promise<CallerKind>;
  /** The cost limit an operation breaks, as the error to send, or null. */
  costError(document: DocumentNode, kind: CallerKind): SigapError | null;
  /**
   * Admits a public operation, with one call to the counters: refuses a caller whose failed
   * guesses leave less than the operation's token lookups need, then spends the rate budgets of
   * its executed root fields (address first, then site); throws RATE_LIMITED naming the limit.
   */
  admit(caller: Caller, site: SiteEntity | null, fields: readonly RootField[]): Promise<void>;
  /** Spends one point of a single limit (uploads); throws RATE_LIMITED. */
  spendOne(caller: Caller, site: SiteEntity, limit: "uploads"): Promise<void>;
  /** Refuses a caller whose failed guesses leave less than `guesses` to spend. */
  checkGuesses(caller: Caller, site: SiteEntity | null, guesses: number): Promise<void>;
  /** Counts lookups that ended NOT_FOUND against the caller. */
  recordFailures(caller: Caller, site: SiteEntity | null, failures: number): Promise<void>;
  /** A form token for the site, issued now. */
  formToken(siteId: string): string;
  /** Judges a report's form token and honeypot; throws BAD_USER_INPUT or RATE_LIMITED. */
  guardReport(caller: Caller, site: SiteEntity, form: { formToken?: string | null; website?: string | null }): void;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A rate refusal: `RATE_LIMITED` with whole seconds to wait and the limit's name. */
export function rateLimited(limit: string, retryAfter: number): SigapError {
  const wait = retryAfter === 1 ? "1 second" : `${retryAfter} seconds`;
  return new SigapError("RATE_LIMITED", `Too many attempts; try again in ${wait}.`, { retryAfter, limit });
}

/** A cost refusal naming the broken limit and its maximum. */
export function queryTooComplex(v: CostViolation): SigapError {
  const what = { depth: "nests deeper than", aliases: "has more aliases than", tokens: "has more tokens than", cost: "costs more than", directives: "has more directives than" }[v.limit];
  return new SigapError("QUERY_TOO_COMPLEX", `This operation ${what} the limit of ${v.max}; split it into smaller operations.`, { limit: v.limit, max: v.max });
}

// A symbol property rather than a WeakMap: the context reaches resolvers as a shallow copy, which keeps it.
const ATTACHED = Symbol("sigap.limits");
type Attached = { caller: Caller; limits: Limits };

/** The limits and caller a transport attached to a request's context, if any. */
export function limitsOf(ctx: object): Attached | undefined {
  return (ctx as { [ATTACHED]?: Attached })[ATTACHED];
}

/** Creates the limits of a gateway from its configuration. */
export function createLimits(options: LimitsOptions): Limits {
  const { config, clock, secret, log } = options;
  const trust: TrustFn = compileTrust(config.trustProxy);
  const store: RateStore = createRateStore(options.redis, log);
  const cost = createCostGuard(options.schema);
  const deployment = mergeLimits(DEFAULT_RATE_LIMITS, config.rates);
  // Sites come from the site cache, the same object for a while: merge their overrides once per object, not per request.
  const perSite = new WeakMap<SiteEntity, RateLimitSettings>();
  const settingsOf = (site: SiteEntity | null): RateLimitSettings => {
    if (!site?.rateLimits) return deployment;
    let s = perSite.get(site);
    if (!s) perSite.set(site, (s = mergeLimits(deployment, site.rateLimits)));
    return s;
  };
  if (!config.enabled) log.warn("SIGAP_LIMITS=off: rate and cost limits are OFF; anyone with a site key can flood this desk");
  const siteKeyOf = (caller: Caller, site: SiteEntity | null) => site?.id ?? `key:${caller.siteKey ?? "-"}`;

  const refuse = (limit: string, ms: number): never => {
    options.onRefusal?.(limit);
    throw rateLimited(limit, retryAfterSeconds(ms));
  };

  const limits: Limits = {
    enabled: config.enabled,
    cost,
    addressOf: (req) => clientAddress(req, trust),
    attach(ctx, caller) {
      (ctx as { [ATTACHED]?: Attached })[ATTACHED] = { caller, limits };
      return ctx;
    },
    callerOf: (ctx) => limitsOf(ctx)?.caller,
    async kindOf(ctx, caller) {
      if (!caller.bearer) return "public";
      return ctx.agent().then(
        () => "agent",
        () => "public",
      );
    },
    costError(document, kind) {
      if (!config.enabled) return null;
      const v = cost.check(document, kind);
      if (!v) return null;
      options.onRefusal?.(v.limit);
      return queryTooComplex(v);
    },
    async admit(caller, site, fields) {
      if (!config.enabled) return;
      const { spend, guesses } = spendOf(fields.map((f) => f.name));
      const settings = settingsOf(site);
      const address = `a:${caller.address}`;
      const steps: CounterStep[] = [];
      if (guesses) steps.push({ op: "peek", name: "failedLookups", key: address, points: guesses, budget: settings.failedLookups.perAddress });
      for (const [limit, points] of spend) {
        if (limit === "failedLookups") continue;
        // The address first: one noisy client is refused before it spends the whole site's budget.
        steps.push({ op: "consume", name: limit, key: address, points, budget: settings[limit].perAddress });
        steps.push({ op: "consume", name: limit, key: `s:${siteKeyOf(caller, site)}`, points, budget: settings[limit].perSite });
      }
      const refused = await store.admit(steps);
      if (refused) refuse(refused.name, refused.waitMs);
    },
    async spendOne(caller, site, limit) {
      if (!config.enabled) return;
      const settings = settingsOf(site);
      const refused = await store.admit([
        { op: "consume", name: limit, key: `a:${caller.address}`, points: 1, budget: settings[limit].perAddress },
        { op: "consume", name: limit, key: `s:${site.id}`, points: 1, budget: settings[limit].perSite },
      ]);
      if (refused) refuse(refused.name, refused.waitMs);
    },
    async checkGuesses(caller, site, guesses) {
      if (!config.enabled || guesses === 0) return;
      const wait = await store.peek("failedLookups", `a:${caller.address}`, guesses, settingsOf(site).failedLookups.perAddress);
      if (wait !== null) refuse("failedLookups", wait);
    },
    async recordFailures(caller, site, failures) {
      if (!config.enabled || failures === 0) return;
      await store.penalize("failedLookups", `a:${caller.address}`, failures, settingsOf(site).failedLookups.perAddress);
    },
    formToken: (siteId) => signFormToken(secret, siteId, clock.now().getTime()),
    guardReport(caller, site, form) {
      const verdict = checkForm({
        secret,
        siteId: site.id,
        nowMs: clock.now().getTime(),
        fromBrowser: caller.origin !== null,
        token: form.formToken,
        website: form.website,
        minFillSeconds: settingsOf(site).formMinSeconds,
      });
      if (verdict.ok) return;
      if (verdict.problem === "honeypot") throw badField("website", "This field must be left empty.");
      if (verdict.problem === "too-fast") refuse("formMinSeconds", verdict.retryAfter * 1000);
      throw badField("formToken", "This form is out of date or incomplete; reload the page and send it again.");
    },
    start: () => store.start(),
    close: () => store.close(),
  };
  return limits;
}
