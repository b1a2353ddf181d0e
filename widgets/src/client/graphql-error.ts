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
    /** Whole seconds to wait before trying again (RATE_LIMITED, SERVICE_UNAVAILABLE), when the gateway said. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "SigapRequestError";
  }

  /** Whether retrying the same request may succeed (the request may not have arrived). */
  get retryable(): boolean {
    return /^(NETWORK_ERROR|INTERNAL_SERVER_ERROR|RATE_LIMITED|SERVICE_UNAVAILABLE)$/.test(this.code);
  }
}

interface WireError {
  message?: string;
  extensions?: { code?: string; fields?: FieldProblem[]; retryAfter?: number };
}

/** Turns the first GraphQL error of a response into a SigapRequestError; `retryAfter` is the HTTP header's, used when the error has none. */
export function toRequestError(errors: readonly WireError[], retryAfter?: number): SigapRequestError {
  const first = errors[0] ?? {};
  const x = first.extensions;
  return new SigapRequestError(first.message ?? "The request failed.", x?.code ?? "INTERNAL_SERVER_ERROR", x?.fields ?? [], x?.retryAfter ?? retryAfter);
}
