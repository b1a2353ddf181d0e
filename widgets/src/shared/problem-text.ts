import { NETWORK_MESSAGE, SigapRequestError } from "../client/graphql-error.js";
import type { LocaleController, Messages } from "./locale.js";

/** A key of {@link problemMessages}. */
export type ProblemKey = "NETWORK_ERROR" | "RATE_LIMITED" | "INTERNAL_SERVER_ERROR" | "fallback";

/** How every widget words a failed request; Indonesian in problem-text.id.ts. */
export const problemMessages: Messages<ProblemKey> = {
  en: {
    NETWORK_ERROR: NETWORK_MESSAGE,
    RATE_LIMITED: "Too many requests just now; wait a moment and try again.",
    INTERNAL_SERVER_ERROR: "Something went wrong at the service desk; try again shortly.",
    fallback: "The request failed.",
  },
};

/**
 * What went wrong with a request, in the reader's language where the gateway gave no detail.
 * Only the failures with no useful detail are reworded; the gateway's own sentences for
 * CONFLICT, FORBIDDEN and field problems say exactly what to fix, so they are shown as sent.
 */
export function problemText(lc: LocaleController, error: unknown): string {
  if (!(error instanceof SigapRequestError)) return lc.t(problemMessages, "fallback");
  const code = error.code;
  if (code === "NETWORK_ERROR" || code === "RATE_LIMITED" || code === "INTERNAL_SERVER_ERROR") return lc.t(problemMessages, code);
  return error.message || lc.t(problemMessages, "fallback");
}

/** The request error's code, or "" for anything that is not one. */
export function problemCode(error: unknown): string {
  return error instanceof SigapRequestError ? error.code : "";
}
