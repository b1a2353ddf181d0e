import { NETWORK_MESSAGE, SigapRequestError } from "../client/graphql-error.js";
import type { LocaleController, Messages } from "./locale.js";

/** A key of {@link problemMessages}. */
export type ProblemKey = "NETWORK_ERROR" | "RATE_LIMITED" | "wait" | "SERVICE_UNAVAILABLE" | "INTERNAL_SERVER_ERROR" | "fallback";

/** How every widget words a failed request; Indonesian in problem-text.id.ts. */
export const problemMessages: Messages<ProblemKey> = {
  en: {
    NETWORK_ERROR: NETWORK_MESSAGE,
    RATE_LIMITED: "Too many attempts; try again in a moment.",
    wait: "Too many attempts; try again in {n} second{s}.",
    SERVICE_UNAVAILABLE: "The desk is briefly unavailable; try again in a moment.",
    INTERNAL_SERVER_ERROR: "Something went wrong at the service desk; try again shortly.",
    fallback: "The request failed.",
  },
};

/**
 * What went wrong with a request, in the reader's language where the gateway gave no detail.
 * Only the failures with no useful detail (or a wait to state) are reworded; the gateway's own
 * sentences for CONFLICT, FORBIDDEN and field problems say exactly what to fix, so they are shown as sent.
 */
export function problemText(lc: LocaleController, error: unknown): string {
  if (!(error instanceof SigapRequestError)) return lc.t(problemMessages, "fallback");
  const { code, retryAfter: n } = error;
  if (code === "RATE_LIMITED" && n) return lc.t(problemMessages, "wait", { n, s: n === 1 ? "" : "s" });
  if (/^(NETWORK_ERROR|RATE_LIMITED|SERVICE_UNAVAILABLE|INTERNAL_SERVER_ERROR)$/.test(code)) return lc.t(problemMessages, code as ProblemKey);
  return error.message || lc.t(problemMessages, "fallback");
}

/** The request error's code, or "" for anything that is not one. */
export function problemCode(error: unknown): string {
  return error instanceof SigapRequestError ? error.code : "";
}
