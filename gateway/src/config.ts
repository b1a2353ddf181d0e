import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { folderProblems } from "./folders.js";
import { parseTrustProxy, type TrustProxy } from "./http/limits/client-address.js";
import { parseOverrides, type RateLimitOverrides } from "./http/limits/limits.rules.js";

/** Which database the gateway runs on, resolved from `DATABASE_URL`. */
export type DatabaseConfig =
  | { kind: "mysql"; url: string }
  | { kind: "sqlite"; file: string };

/** The gateway's validated configuration; the only place `process.env` is read. */
export interface Config {
  /** `production`, `development` or `test`. @default "development" */
  env: "production" | "development" | "test";
  /** HTTP port; 0 picks a free one. @default 4000 */
  port: number;
  /** Interface to listen on; 0.0.0.0 exposes the gateway to the network. @default "127.0.0.1" */
  host: string;
  /** Where embedded data lives: the SQLite file, uploads, the development secret. @default "./.data" */
  dataDir: string;
  database: DatabaseConfig;
  /** Signs agent tokens and derives tracking tokens. Required in production. */
  secret: string;
  /** How often the SLA sweep looks for overdue tickets, in ms; 0 turns it off. @default 30000 */
  slaSweepMs: number;
  /** How many times to try reaching the database at start-up before giving up. @default 10 */
  dbConnectAttempts: number;
  /** Seed the demo site on start and serve the demo pages at /demo. @default false */
  demo: boolean;
  /** Log level for pino. @default "info" */
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Redis that carries subscription events between gateway processes; null keeps them in-process. @default null */
  redis: RedisConfig | null;
  /** Bearer token `/metrics` asks for; null answers only to loopback callers. @default null */
  metricsToken: string | null;
  /** Rate limits, cost limits, the client address and introspection. */
  limits: LimitsConfig;
  /** Mail out and the outbox's dispatcher. */
  notify: NotifyConfig;
  /** `WEBHOOK_ALLOW_PRIVATE=1`: webhooks may target loopback and private addresses (tests, development). @default false */
  webhookAllowPrivate: boolean;
  /** Mail in: the SMTP listener, reply addresses, the IMAP mailbox. */
  inbound: InboundConfig;
  /** Agents signing in without the CLI: links in mail, the identity provider, session checks. */
  signIn: SignInConfig;
  /** `MAX_UPLOAD_BYTES`: the largest evidence file any site of this deployment may allow (a site's own limit is at most this). @default 26214400 (25 MB) */
  maxUploadBytesCap: number;
}

/** How agents sign in (see modules/agents/sign-in.service.ts and oidc.service.ts). */
export interface SignInConfig {
  /** `SIGN_IN_URL`: the page with the agent queue; reset and invitation links open it. null: PUBLIC_URL (or the gateway's URL). @default null */
  signInUrl: string | null;
  /** `AGENT_SESSION_CHECK_MS`: how often open subscriptions' agent tokens are re-checked; 0 turns it off. @default 30000 */
  sessionCheckMs: number;
  /** The company identity provider (OpenID Connect); null when `OIDC_ISSUER` is unset. */
  oidc: OidcConfig | null;
}

/** The OpenID Connect identity provider agents may sign in with. */
export interface OidcConfig {
  /** `OIDC_ISSUER`: the provider's issuer URL (https, or http on loopback for development). */
  issuer: string;
  /** `OIDC_CLIENT_ID`. */
  clientId: string;
  /** `OIDC_CLIENT_SECRET`; null: a public client (PKCE only). @default null */
  clientSecret: string | null;
  /** `OIDC_NAME`: the button's label. @default "Company account" */
  name: string;
}

/** Where mail goes out and how often the outbox is dispatched. */
export interface NotifyConfig {
  /** `SMTP_URL` (`smtp://user:pass@host:587`, STARTTLS when offered, or `smtps://…:465`); null keeps mail in the outbox. @default null */
  smtpUrl: string | null;
  /** `SMTP_FROM`, the sender of every mail. @default "Sigap <no-reply@sigap.local>" */
  smtpFrom: string;
  /** `NOTIFY_DISPATCH_MS`: how often the outbox is dispatched; 0 turns the timer off. @default 2000 */
  dispatchMs: number;
  /** `NOTIFY_DISPATCH_BUSY_PERCENT`: utilisation (the event loop's, or the machine's CPUs' at normal priority) at or above which a tick yields to serving (delivers nothing). @default 60 */
  dispatchBusyPercent: number;
  /** `NOTIFY_DISPATCH_DEFER_MS`: the longest delivery yields to a busy gateway before draining anyway; 0: never yields. @default 10000 */
  dispatchDeferMs: number;
  /** `NOTIFY_DISPATCH_NICE`: lowers this process's CPU priority by that much (0–19), for a gateway started only to dispatch. @default 0 */
  dispatchNice: number;
  /** `PUBLIC_URL`: where links in mail point (tracking pages); null for the gateway's own URL. @default null */
  publicUrl: string | null;
}

/** Where mail to Sigap arrives (replies to tickets, mail to a site's desk address). */
export interface InboundConfig {
  /** `SMTP_INBOUND_PORT`: the SMTP listener's port (0 picks a free one); null: no listener. @default null */
  smtpPort: number | null;
  /** `SMTP_INBOUND_HOST`: the listener's interface; it has no authentication, so only the company's MX/relay should reach it. @default "127.0.0.1" */
  smtpHost: string;
  /** `SMTP_REPLY_DOMAIN`: the domain of ticket reply addresses `reply+<ticket>.<mac>@domain`; null: no reply addresses. @default null */
  replyDomain: string | null;
  /** `IMAP_URL`: a mailbox polled for the same mail, `imaps://user:password@host:993/INBOX`; null: none. @default null */
  imapUrl: string | null;
  /** `IMAP_POLL_MS`: how often the `IMAP_URL` mailbox is read; 0 turns the timer off (tests read it on demand). @default 60000 */
  imapPollMs: number;
}

/** How the public surface is protected from floods and expensive operations. */
export interface LimitsConfig {
  /** `SIGAP_LIMITS=off` turns rate and cost limits off (only to measure what they cost). @default true */
  enabled: boolean;
  /** `TRUST_PROXY`: how far `X-Forwarded-For` is believed. @default false */
  trustProxy: TrustProxy;
  /** `SIGAP_RATE_LIMITS`: JSON laid over the default rate budgets for every site. @default null */
  rates: RateLimitOverrides | null;
  /** Introspection is off in production unless `SIGAP_INTROSPECTION=1`. */
  introspection: boolean;
}

/** Where subscription events travel between gateway processes. */
export interface RedisConfig {
  /** `redis://[:password@]host:6379[/db]` or `rediss://…` for TLS. */
  url: string;
  /** Channel prefix, so several Sigap deployments can share one Redis. @default "sigap" */
  prefix: string;
}

/** Raised when the environment is invalid; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Sigap cannot start; fix the configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const intFrom = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${name} must be a whole number from ${min} to ${max}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const EnvSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  PORT: intFrom("PORT", 0, 65535, 4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  SIGAP_DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined || v === "" || /^(mysql|mariadb):\/\/[^/]+\/[^/?]+/.test(v) || v.startsWith("sqlite:")) return;
      ctx.addIssue({
        code: "custom",
        message: `DATABASE_URL must look like mysql://user:password@host:3306/database or sqlite:path/to/file.sqlite, got "${redact(v)}"`,
      });
    }),
  SIGAP_SECRET: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.length >= 32, {
      message: "SIGAP_SECRET must be at least 32 characters (try: openssl rand -base64 48)",
    }),
  SLA_SWEEP_MS: intFrom("SLA_SWEEP_MS", 0, 86_400_000, 30_000),
  DB_CONNECT_ATTEMPTS: intFrom("DB_CONNECT_ATTEMPTS", 1, 1000, 10),
  SIGAP_DEMO: z
    .enum(["", "0", "1", "false", "true"], { message: 'SIGAP_DEMO must be "1"/"true" or "0"/"false"' })
    .default("")
    .transform((v) => v === "1" || v === "true"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  REDIS_URL: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined || v.trim() === "" || /^rediss?:\/\/[^/?#]*[^/?#:@]/.test(v.trim())) return;
      ctx.addIssue({ code: "custom", message: `REDIS_URL must look like redis://host:6379 or rediss://user:password@host:6380/0, got "${redact(v)}"` });
    }),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/, "REDIS_PREFIX must be 1–40 letters, digits, dots, dashes or underscores")
    .default("sigap"),
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  TRUST_PROXY: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (parseTrustProxy(v) === null) {
        ctx.addIssue({ code: "custom", message: `TRUST_PROXY must be false, true, a hop count, or a comma-separated list of proxy addresses/CIDRs, got "${v}"` });
      }
    }),
  SIGAP_LIMITS: z.enum(["", "on", "off"], { message: 'SIGAP_LIMITS must be "on" or "off"' }).default(""),
  SIGAP_RATE_LIMITS: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (!v?.trim()) return;
      const parsed = parseOverrides(v);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: `SIGAP_RATE_LIMITS: ${parsed.problems.join("; ")}` });
    }),
  SIGAP_INTROSPECTION: z
    .enum(["", "0", "1", "false", "true"], { message: 'SIGAP_INTROSPECTION must be "1"/"true" or "0"/"false"' })
    .default(""),
  SMTP_URL: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined || v.trim() === "" || /^smtps?:\/\/[^/?#]*[^/?#:@]/.test(v.trim())) return;
      ctx.addIssue({ code: "custom", message: `SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465, got "${redact(v)}"` });
    }),
  SMTP_FROM: z.string().trim().min(3, "SMTP_FROM must be an address such as Sigap <desk@example.com>").default("Sigap <no-reply@sigap.local>"),
  NOTIFY_DISPATCH_MS: intFrom("NOTIFY_DISPATCH_MS", 0, 3_600_000, 2000),
  NOTIFY_DISPATCH_BUSY_PERCENT: intFrom("NOTIFY_DISPATCH_BUSY_PERCENT", 1, 100, 60),
  NOTIFY_DISPATCH_DEFER_MS: intFrom("NOTIFY_DISPATCH_DEFER_MS", 0, 3_600_000, 10_000),
  NOTIFY_DISPATCH_NICE: intFrom("NOTIFY_DISPATCH_NICE", 0, 19, 0),
  IMAP_POLL_MS: intFrom("IMAP_POLL_MS", 0, 86_400_000, 60_000),
  PUBLIC_URL: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined || v.trim() === "" || /^https?:\/\/[^/?#]+/.test(v.trim())) return;
      ctx.addIssue({ code: "custom", message: `PUBLIC_URL must be an http(s) URL such as https://desk.example.com, got "${v}"` });
    }),
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(["", "0", "1", "false", "true"], { message: 'WEBHOOK_ALLOW_PRIVATE must be "1"/"true" or "0"/"false"' })
    .default("")
    .transform((v) => v === "1" || v === "true"),
  SMTP_INBOUND_PORT: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined || v.trim() === "") return;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) ctx.addIssue({ code: "custom", message: `SMTP_INBOUND_PORT must be a port from 0 to 65535 (or unset for no listener), got "${v}"` });
    }),
  SMTP_INBOUND_HOST: z.string().min(1).default("127.0.0.1"),
  SMTP_REPLY_DOMAIN: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.trim() === "" || /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(v.trim()), {
      message: "SMTP_REPLY_DOMAIN must be a mail domain like reply.example.com",
    }),
  IMAP_URL: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined || v.trim() === "" || /^imaps?:\/\/[^/?#]*@[^/?#:@]+(:\d+)?(\/[^?#]*)?$/.test(v.trim())) return;
      ctx.addIssue({ code: "custom", message: `IMAP_URL must look like imaps://user:password@imap.example.com:993/INBOX, got "${redact(v)}"` });
    }),
  SIGN_IN_URL: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined || v.trim() === "" || /^https?:\/\/[^/?#]+/.test(v.trim())) return;
      ctx.addIssue({ code: "custom", message: `SIGN_IN_URL must be an http(s) URL such as https://intranet.example.com/desk, got "${v}"` });
    }),
  AGENT_SESSION_CHECK_MS: intFrom("AGENT_SESSION_CHECK_MS", 0, 60_000, 30_000),
  OIDC_ISSUER: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined || v.trim() === "" || /^https:\/\/[^/?#]+/.test(v.trim()) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(v.trim())) return;
      ctx.addIssue({ code: "custom", message: `OIDC_ISSUER must be an https URL (http only on 127.0.0.1 or localhost), got "${v}"` });
    }),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().trim().min(1).max(60).default("Company account"),
  MAX_UPLOAD_BYTES: intFrom("MAX_UPLOAD_BYTES", 1024, 1_073_741_824, 25 * 1024 * 1024),
});

function redact(url: string | undefined): string {
  return (url ?? "").replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@");
}

/**
 * Reads and validates the configuration once. Throws a {@link ConfigError} naming every bad
 * variable. Outside production a missing secret is generated and kept in the data folder, so
 * tokens survive restarts on a developer's machine.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === "production" && !e.SIGAP_SECRET) {
    problems.push("SIGAP_SECRET is required when NODE_ENV=production (at least 32 characters; try: openssl rand -base64 48)");
  }
  const dataDir = resolve(e.SIGAP_DATA_DIR);
  const url = e.DATABASE_URL?.trim() ?? "";
  const database: DatabaseConfig =
    url === ""
      ? { kind: "sqlite", file: join(dataDir, "sigap.sqlite") }
      : url.startsWith("sqlite:")
        ? { kind: "sqlite", file: url.slice("sqlite:".length) === ":memory:" ? ":memory:" : resolve(url.slice("sqlite:".length)) }
        : { kind: "mysql", url: url.replace(/^mariadb:/, "mysql:") };
  problems.push(...folderProblems(dataDir, database));
  const issuer = e.OIDC_ISSUER?.trim().replace(/\/+$/, "") || null;
  if (issuer && !e.OIDC_CLIENT_ID?.trim()) problems.push("OIDC_CLIENT_ID is required when OIDC_ISSUER is set (the client id the identity provider gave Sigap)");
  if (problems.length) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database,
    secret: e.SIGAP_SECRET ?? developmentSecret(dataDir),
    slaSweepMs: e.SLA_SWEEP_MS,
    dbConnectAttempts: e.DB_CONNECT_ATTEMPTS,
    demo: e.SIGAP_DEMO,
    logLevel: e.LOG_LEVEL,
    redis: e.REDIS_URL?.trim() ? { url: e.REDIS_URL.trim(), prefix: e.REDIS_PREFIX } : null,
    metricsToken: e.METRICS_TOKEN ?? null,
    limits: {
      enabled: e.SIGAP_LIMITS !== "off",
      trustProxy: parseTrustProxy(e.TRUST_PROXY) ?? false,
      rates: e.SIGAP_RATE_LIMITS?.trim() ? (JSON.parse(e.SIGAP_RATE_LIMITS) as RateLimitOverrides) : null,
      introspection: e.SIGAP_INTROSPECTION === "" ? e.NODE_ENV !== "production" : e.SIGAP_INTROSPECTION === "1" || e.SIGAP_INTROSPECTION === "true",
    },
    notify: {
      smtpUrl: e.SMTP_URL?.trim() || null,
      smtpFrom: e.SMTP_FROM,
      dispatchMs: e.NOTIFY_DISPATCH_MS,
      dispatchBusyPercent: e.NOTIFY_DISPATCH_BUSY_PERCENT,
      dispatchDeferMs: e.NOTIFY_DISPATCH_DEFER_MS,
      dispatchNice: e.NOTIFY_DISPATCH_NICE,
      publicUrl: e.PUBLIC_URL?.trim().replace(/\/+$/, "") || null,
    },
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    inbound: {
      smtpPort: e.SMTP_INBOUND_PORT?.trim() ? Number(e.SMTP_INBOUND_PORT) : null,
      smtpHost: e.SMTP_INBOUND_HOST,
      replyDomain: e.SMTP_REPLY_DOMAIN?.trim().toLowerCase() || null,
      imapUrl: e.IMAP_URL?.trim() || null,
      imapPollMs: e.IMAP_POLL_MS,
    },
    signIn: {
      signInUrl: e.SIGN_IN_URL?.trim() || null,
      sessionCheckMs: e.AGENT_SESSION_CHECK_MS,
      oidc: issuer ? { issuer, clientId: e.OIDC_CLIENT_ID!.trim(), clientSecret: e.OIDC_CLIENT_SECRET?.trim() || null, name: e.OIDC_NAME } : null,
    },
    maxUploadBytesCap: e.MAX_UPLOAD_BYTES,
  };
}

function developmentSecret(dataDir: string): string {
  const file = join(dataDir, "secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Where events travel, with any password hidden, for logs. */
export function describeEvents(redis: RedisConfig | null): string {
  return redis ? `${redact(redis.url)} (channel prefix ${redis.prefix})` : "in-process";
}

/** The database URL with its password hidden, for logs. */
export function describeDatabase(db: DatabaseConfig): string {
  return db.kind === "mysql" ? redact(db.url) : `sqlite:${db.file}`;
}
