/**
 * How a webhook attempt's answer is judged and when it is tried again. Following the Standard
 * Webhooks guidance, any 2xx is a success and every other answer a failure to retry, 4xx
 * included: a 401 or 404 usually comes from a receiver being redeployed or a secret being
 * rotated, and is fixed within the day the schedule covers. Redirects are failures too (never
 * followed: a redirect could lead to an address the SSRF guard refuses). The one exception is
 * 410 Gone, the receiver's way to say "stop": the message dies at once and the endpoint is
 * disabled.
 */

/** Delays between attempts, in seconds: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (about 28 h in all). */
export const WEBHOOK_RETRY_DELAYS_SECONDS: readonly number[] = Object.freeze([5, 300, 1800, 7200, 18_000, 36_000, 36_000]);

/** How long one attempt may take before it counts as a (retryable) timeout. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** After failing without a success for this many days, an endpoint is disabled. */
export const DISABLE_AFTER_FAILING_DAYS = 5;

/** How much of a receiver's answer the delivery log keeps. */
export const RESPONSE_EXCERPT_CHARS = 500;

/** What to do after an HTTP answer. */
export interface StatusVerdict {
  ok: boolean;
  retryable: boolean;
  /** The endpoint asked to be stopped (410 Gone). */
  disable: boolean;
}

/** Judges an HTTP status code. */
export function judgeStatus(status: number): StatusVerdict {
  if (status >= 200 && status < 300) return { ok: true, retryable: false, disable: false };
  if (status === 410) return { ok: false, retryable: false, disable: true };
  return { ok: false, retryable: true, disable: false };
}

/** Whether an endpoint failing since `since` has failed long enough at `now` to be disabled. */
export function failedTooLong(since: Date | null, now: Date, days = DISABLE_AFTER_FAILING_DAYS): boolean {
  return since !== null && now.getTime() - since.getTime() >= days * 86_400_000;
}

/** The first characters of an answer, for the delivery log. */
export function excerpt(text: string): string {
  return text.length > RESPONSE_EXCERPT_CHARS ? text.slice(0, RESPONSE_EXCERPT_CHARS) : text;
}
