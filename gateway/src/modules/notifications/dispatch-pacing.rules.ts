/**
 * How the outbox dispatcher paces itself, pure: reports are what people wait for, mail and
 * webhooks can wait seconds. While the gateway is busy serving, a tick delivers nothing — but
 * never for longer than a bound, so the outbox always drains.
 */

/**
 * What a dispatcher tick does: `drain` delivers everything due (passes until one is not full);
 * `yield` delivers nothing and leaves it to later ticks; `overdue` delivers what is due at the tick
 * although the gateway is busy, because it has been held back for the whole bound.
 */
export type Pace = "drain" | "yield" | "overdue";

/** The operator's pacing settings. */
export interface PacingPolicy {
  /** Utilisation (0–1) at or above which the gateway counts as busy serving. */
  busyAt: number;
  /** The longest due messages are held back while the gateway is busy, in ms; 0: never yields. */
  maxDeferMs: number;
}

/** What the dispatcher knows at a tick. */
export interface PacingState {
  /** How busy serving kept the gateway and its machine (0–1) since the previous tick's delivery ended. */
  utilisation: number;
  /** How long, in ms, this dispatcher has been holding back messages that are due (0 when none is). */
  heldMs: number;
}

/** The pace of one tick. */
export function paceOf(state: PacingState, policy: PacingPolicy): Pace {
  if (policy.maxDeferMs <= 0 || state.utilisation < policy.busyAt) return "drain";
  return state.heldMs >= policy.maxDeferMs ? "overdue" : "yield";
}
