import { SigapRequestError } from "../client/graphql-error.js";

/** Any thrown value as a SigapRequestError, so a bug of ours still ends in a message, not an unhandled rejection. */
export function asRequestError(e: unknown): SigapRequestError {
  return e instanceof SigapRequestError ? e : new SigapRequestError(e instanceof Error ? e.message : String(e), "INTERNAL_SERVER_ERROR");
}
