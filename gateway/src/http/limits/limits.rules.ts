/**
 * Rate budgets of the public surface: which limit each public operation spends, the defaults,
 * and how a site's overrides merge over them. Pure: no store, no GraphQL, no database.
 */
import { z } from "zod";

/** A named rate limit; the name is what `extensions.limit` of a refusal says. */
export type LimitName = "reports" | "messages" | "feedback" | "uploads" | "lookups" | "subscriptions" | "failedLookups" | "trackingLinks";

/** So many points per window of so many seconds. */
export interface Budget {
  points: number;
  seconds: number;
}

/** One limit counted per client address and per site key. */
export interface ScopedBudget {
  perAddress: Budget;
  perSite: Budget;
}

/** Every rate budget plus the report form's minimum fill time. */
export interface RateLimitSettings {
  reports: ScopedBudget;
  messages: ScopedBudget;
  feedback: ScopedBudget;
  uploads: ScopedBudget;
  lookups: ScopedBudget;
  subscriptions: ScopedBudget;
  /** Requests for a one-time link by code and e-mail or phone: each one is a guess at a ticket's contact. */
  trackingLinks: ScopedBudget;
  /** Lookups that ended NOT_FOUND (a wrong code or token): counted per client address only, so a guesser cannot lock a whole site out. */
  failedLookups: { perAddress: Budget };
  /** A browser report sent sooner than this after the form loaded is refused. */
  formMinSeconds: number;
}

const HOUR = 3600;
const TEN_MINUTES = 600;

/**
 * The defaults, in the spirit of Zammad's web form (about 20 tickets per client per hour); a
 * site's budget is large enough for a busy office behind one NAT address to stay under its own.
 */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  reports: { perAddress: { points: 20, seconds: HOUR }, perSite: { points: 1000, seconds: HOUR } },
  messages: { perAddress: { points: 60, seconds: HOUR }, perSite: { points: 3000, seconds: HOUR } },
  feedback: { perAddress: { points: 30, seconds: HOUR }, perSite: { points: 1000, seconds: HOUR } },
  uploads: { perAddress: { points: 100, seconds: HOUR }, perSite: { points: 5000, seconds: HOUR } },
  lookups: { perAddress: { points: 600, seconds: TEN_MINUTES }, perSite: { points: 30_000, seconds: TEN_MINUTES } },
  subscriptions: { perAddress: { points: 120, seconds: TEN_MINUTES }, perSite: { points: 20_000, seconds: TEN_MINUTES } },
  trackingLinks: { perAddress: { points: 5, seconds: HOUR }, perSite: { points: 500, seconds: HOUR } },
  failedLookups: { perAddress: { points: 10, seconds: TEN_MINUTES } },
  formMinSeconds: 3,
};

/** The public root fields and the limit each one spends; any other field a site-key caller runs counts as a lookup. */
export const FIELD_LIMITS: Readonly<Record<string, LimitName>> = {
  reportIncident: "reports",
  addReporterMessage: "messages",
  submitFeedback: "feedback",
  trackTicket: "lookups",
  ticketUpdated: "subscriptions",
  requestTrackingLink: "trackingLinks",
  myTicketsChanged: "subscriptions",
  // A deflection or a rating is a count a client could inflate: the survey's budget limits both.
  articleSolvedMyProblem: "feedback",
  rateArticle: "feedback",
};

/** Root fields that take a ticket's code and tracking token: each one may be a guess. */
export const GUESS_FIELDS: ReadonlySet<string> = new Set(["trackTicket", "addReporterMessage", "submitFeedback", "ticketUpdated", "openTrackingLink"]);

/** The range of a budget's points and seconds (a site's or the deployment's), and of the form's fill time. */
export const RATE_BOUNDS = Object.freeze({
  points: { min: 1, max: 1_000_000_000 },
  seconds: { min: 1, max: 31 * 24 * HOUR },
  formMinSeconds: { min: 0, max: HOUR },
});

const budget = z.object({
  points: z.number().int().min(RATE_BOUNDS.points.min).max(RATE_BOUNDS.points.max),
  seconds: z.number().int().min(RATE_BOUNDS.seconds.min).max(RATE_BOUNDS.seconds.max),
}).strict();
const scoped = z.object({ perAddress: budget.optional(), perSite: budget.optional() }).strict();

/** The shape of an override: any part of {@link RateLimitSettings}, validated. */
export const RateLimitOverridesSchema = z
  .object({
    reports: scoped.optional(),
    messages: scoped.optional(),
    feedback: scoped.optional(),
    uploads: scoped.optional(),
    lookups: scoped.optional(),
    subscriptions: scoped.optional(),
    trackingLinks: scoped.optional(),
    failedLookups: z.object({ perAddress: budget.optional() }).strict().optional(),
    formMinSeconds: z.number().int().min(RATE_BOUNDS.formMinSeconds.min).max(RATE_BOUNDS.formMinSeconds.max).optional(),
  })
  .strict();

/** Any part of the settings, as a deployment or a site overrides them. */
export type RateLimitOverrides = z.infer<typeof RateLimitOverridesSchema>;

/** Parses an override (JSON text or a value); returns the problems instead of throwing. */
export function parseOverrides(input: unknown): { ok: true; value: RateLimitOverrides } | { ok: false; problems: string[] } {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch {
      return { ok: false, problems: ["rate limits must be a JSON object"] };
    }
  }
  const parsed = RateLimitOverridesSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".") || "rate limits"}: ${i.message}`) };
}

/** Lays overrides over settings, later ones winning, part by part. */
export function mergeLimits(base: RateLimitSettings, ...overrides: Array<RateLimitOverrides | null | undefined>): RateLimitSettings {
  let out = base;
  for (const o of overrides) {
    if (!o) continue;
    const scope = (name: Exclude<LimitName, "failedLookups">): ScopedBudget => ({
      perAddress: o[name]?.perAddress ?? out[name].perAddress,
      perSite: o[name]?.perSite ?? out[name].perSite,
    });
    out = {
      reports: scope("reports"),
      messages: scope("messages"),
      feedback: scope("feedback"),
      uploads: scope("uploads"),
      lookups: scope("lookups"),
      subscriptions: scope("subscriptions"),
      trackingLinks: scope("trackingLinks"),
      failedLookups: { perAddress: o.failedLookups?.perAddress ?? out.failedLookups.perAddress },
      formMinSeconds: o.formMinSeconds ?? out.formMinSeconds,
    };
  }
  return out;
}

/**
 * Parses one `limit.scope=points/seconds` assignment of the CLI (e.g. `reports.perAddress=5/3600`,
 * `formMinSeconds=0`) into an override.
 */
export function parseAssignment(text: string): { ok: true; value: RateLimitOverrides } | { ok: false; problem: string } {
  const m = /^([A-Za-z]+)(?:\.(perAddress|perSite))?=(\d+)(?:\/(\d+))?$/.exec(text.trim());
  if (!m) return { ok: false, problem: `"${text}" must look like reports.perAddress=20/3600 or formMinSeconds=3` };
  const [, name, scope, points, seconds] = m;
  const value =
    name === "formMinSeconds" && !scope && seconds === undefined
      ? { formMinSeconds: Number(points) }
      : scope && seconds !== undefined
        ? { [name!]: { [scope]: { points: Number(points), seconds: Number(seconds) } } }
        : null;
  if (!value) return { ok: false, problem: `"${text}" must look like reports.perAddress=20/3600 or formMinSeconds=3` };
  const parsed = parseOverrides(value);
  return parsed.ok ? parsed : { ok: false, problem: parsed.problems.join("; ") };
}

/** Deep-merges two overrides (for adding one CLI assignment to what a site already has). */
export function combineOverrides(a: RateLimitOverrides | null, b: RateLimitOverrides): RateLimitOverrides {
  const out: Record<string, unknown> = { ...(a ?? {}) };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = typeof v === "object" && v !== null && typeof prev === "object" && prev !== null ? { ...prev, ...v } : v;
  }
  return out as RateLimitOverrides;
}

/** Whole seconds until a refused client may try again: never 0, so a client never retries at once. */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

/** How many points each limit spends for the root fields of one operation. */
export function spendOf(rootFields: readonly string[]): { spend: Map<LimitName, number>; guesses: number } {
  const spend = new Map<LimitName, number>();
  let guesses = 0;
  for (const field of rootFields) {
    if (field === "__typename") continue;
    const limit = FIELD_LIMITS[field] ?? "lookups";
    spend.set(limit, (spend.get(limit) ?? 0) + 1);
    if (GUESS_FIELDS.has(field)) guesses++;
  }
  return { spend, guesses };
}
