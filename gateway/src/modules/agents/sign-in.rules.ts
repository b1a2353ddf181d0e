/**
 * The rules of signing in with a password, pure: how many failures lock an address and for how
 * long, what a password must be, and how long one-time links live. The lock is kept per site and
 * e-mail address whether or not an agent has that address, so the answers never tell who exists.
 */

/** How failures turn into a lock. */
export interface LockoutPolicy {
  /** Failures within the window that lock the address. @default 5 */
  maxFailures: number;
  /** The window failures are counted in, in ms. @default 15 minutes */
  windowMs: number;
  /** How long a lock lasts, in ms. @default 15 minutes */
  lockMs: number;
}

/** The policy Sigap runs with: 5 failures in 15 minutes lock the address for 15 minutes. */
export const LOCKOUT: LockoutPolicy = Object.freeze({ maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 });

/** An address's failed sign-ins as stored. */
export interface LockState {
  /** Failures counted since `windowStartedAt`. */
  failures: number;
  /** When the first failure of the current window happened; null: none counted. */
  windowStartedAt: Date | null;
  /** Refused until then; null: not locked. */
  lockedUntil: Date | null;
}

/** No failures, no lock. */
export const UNLOCKED: LockState = Object.freeze({ failures: 0, windowStartedAt: null, lockedUntil: null });

/** Whether an address is locked at `now`. */
export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * The state after one more failure at `now`: a failure outside the window starts a new one, and
 * the failure that reaches `maxFailures` locks the address for `lockMs` and starts the count over.
 */
export function afterFailure(state: LockState, now: Date, policy: LockoutPolicy = LOCKOUT): LockState {
  const t = now.getTime();
  const inWindow = state.windowStartedAt !== null && t - state.windowStartedAt.getTime() < policy.windowMs;
  const failures = inWindow ? state.failures + 1 : 1;
  const windowStartedAt = inWindow ? state.windowStartedAt : now;
  if (failures >= policy.maxFailures) return { failures: 0, windowStartedAt: null, lockedUntil: new Date(t + policy.lockMs) };
  return { failures, windowStartedAt, lockedUntil: isLocked(state, now) ? state.lockedUntil : null };
}

/** Shortest password accepted. */
export const PASSWORD_MIN_LENGTH = 10;
/** Longest password accepted (hashing time grows with it). */
export const PASSWORD_MAX_LENGTH = 200;

/** What is wrong with a new password, in a sentence; null when it will do. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`;
  if (!password.trim()) return "The password must not be only spaces.";
  if (new Set(password).size < 4) return "The password must use at least 4 different characters.";
  return null;
}

/** What a one-time link is for. */
export enum LinkPurpose {
  /** Set a new password after "forgot password". */
  RESET = "RESET",
  /** Set a first password after an admin's invitation. */
  INVITE = "INVITE",
  /** Exchange a finished OpenID Connect sign-in for a token (the popup's code). */
  OIDC = "OIDC",
}

/** How long each kind of one-time link is valid, in ms. */
export const LINK_TTL_MS: Readonly<Record<LinkPurpose, number>> = Object.freeze({
  [LinkPurpose.RESET]: 60 * 60_000,
  [LinkPurpose.INVITE]: 7 * 24 * 3600_000,
  [LinkPurpose.OIDC]: 2 * 60_000,
});

/** Lifetime of a token a sign-in returns, in seconds. @default 12 hours */
export const SESSION_TTL_SECONDS = 12 * 3600;
