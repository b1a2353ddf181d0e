import type { ApolloServerPlugin } from "@apollo/server";

/** Seconds a client is told to wait before retrying while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

// mysql2 connection failures (socket and protocol level) and SQLite's "someone else holds the
// file" or "the file went away" codes: faults of the infrastructure, worth retrying, never the
// client's. "Data too long" and constraint errors are not here: retrying those cannot help.
const TRANSIENT_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  "PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR",
  "PROTOCOL_ENQUEUE_AFTER_QUIT",
  "ER_CON_COUNT_ERROR",
  "ER_SERVER_SHUTDOWN",
  "ER_LOCK_WAIT_TIMEOUT",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_CANTOPEN",
  "SQLITE_IOERR",
]);

/**
 * Whether an error (or any error it wraps: TypeORM's `driverError`, `cause`, GraphQL's
 * `originalError`) says the database cannot be reached or used right now.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const { code, fatal, message } = e as { code?: unknown; fatal?: unknown; message?: unknown };
    if (typeof code === "string" && (TRANSIENT_CODES.has(code) || code.startsWith("SQLITE_IOERR"))) return true;
    // mysql2 marks errors that killed the connection as fatal.
    if (fatal === true) return true;
    if (typeof message === "string" && /connection is in closed state|Pool is closed|connect ETIMEDOUT/.test(message)) return true;
    const next = e as { driverError?: unknown; cause?: unknown; originalError?: unknown };
    e = next.driverError ?? next.originalError ?? next.cause;
  }
  return false;
}

// Statuses of the retryable refusals; a RATE_LIMITED error is raised by the rate limits.
const RETRY_STATUS: Record<string, number> = { SERVICE_UNAVAILABLE: 503, RATE_LIMITED: 429 };

/**
 * Gives an HTTP answer carrying a retryable refusal (SERVICE_UNAVAILABLE, RATE_LIMITED) the
 * status and header caches and clients understand: 503 or 429 with `Retry-After`.
 */
export function availabilityPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const body = response.body;
          const errors = body.kind === "single" ? body.singleResult.errors : body.initialResult.errors;
          const refusal = errors?.find((e) => RETRY_STATUS[String(e.extensions?.["code"])]);
          if (!refusal) return;
          const retryAfter = Number(refusal.extensions?.["retryAfter"]);
          response.http.status = RETRY_STATUS[String(refusal.extensions?.["code"])];
          response.http.headers.set("retry-after", String(retryAfter >= 1 ? Math.ceil(retryAfter) : UNAVAILABLE_RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
