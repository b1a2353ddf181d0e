/**
 * How the outbox dispatcher paces itself, pure: reports are what people wait for, mail and
 * webhooks can wait seconds. While the gateway is busy serving, a tick delivers nothing — but
 * never for longer than a bound, so the outbox always drains.
 */

/**
 * What a dispatcher tick does: `drain` delivers everything due (passes until one is not full);
 * `yield` delivers nothing and leaves it to later ticks; `overdue` drains although the gateway is
 * busy, because delivery has yielded for the whole bound.
 */
export type Pace = "drain" | "yield" | "overdue";

/** The operator's pacing settings. */
export interface PacingPolicy {
  /** Utilisation (0–1) at or above which the gateway counts as busy serving. */
  busyAt: number;
  /** The longest delivery yields, in ms, counted from the last time nothing due was left; 0: never yields. */
  maxDeferMs: number;
}

/** What the dispatcher knows at a tick. */
export interface PacingState {
  /** How busy serving kept the gateway and its machine (0–1) since the previous tick's delivery ended. */
  utilisation: number;
  /** Milliseconds since the dispatcher last left nothing due behind. */
  deferredMs: number;
}

/** The pace of one tick. */
export function paceOf(state: PacingState, policy: PacingPolicy): Pace {
  if (policy.maxDeferMs <= 0 || state.utilisation < policy.busyAt) return "drain";
  return state.deferredMs >= policy.maxDeferMs ? "overdue" : "yield";
}
