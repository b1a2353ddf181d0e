/** One offending field, as the gateway names it in `extensions.fields`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** What a request that never reached the gateway says (English; the widgets reword it per language). */
export const NETWORK_MESSAGE = "The service desk could not be reached. Check your connection and try again.";

/** An error the gateway answered with, or a network failure (`code` NETWORK_ERROR). */
export class SigapRequestError extends Error {
  constructor(
    message: string,
    /** The gateway's `extensions.code` (BAD_USER_INPUT, NOT_FOUND, …) or NETWORK_ERROR. */
    readonly code: string,
    /** Field problems of a BAD_USER_INPUT error. */
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = "SigapRequestError";
  }

  /** Whether retrying the same request may succeed (the request may not have arrived). */
  get retryable(): boolean {
    return this.code === "NETWORK_ERROR" || this.code === "INTERNAL_SERVER_ERROR" || this.code === "RATE_LIMITED";
  }
}

interface WireError {
  message?: string;
  extensions?: { code?: string; fields?: FieldProblem[] };
}

/** Turns the first GraphQL error of a response into a SigapRequestError. */
export function toRequestError(errors: readonly WireError[]): SigapRequestError {
  const first = errors[0] ?? {};
  return new SigapRequestError(first.message ?? "The request failed.", first.extensions?.code ?? "INTERNAL_SERVER_ERROR", first.extensions?.fields ?? []);
}
