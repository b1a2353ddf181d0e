/** How a ticket stands against its running SLA target right now. */
export type SlaTone = "ok" | "risk" | "breached" | "paused" | "met" | "none";

/** The fields of a ticket (desk or reporter view) the clock reads. */
export interface SlaClockFields {
  createdAt: string;
  responseDueAt: string;
  resolutionDueAt: string;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** Desk view only; the reporter's view says `sla.paused` instead. */
  pausedAt?: string | null;
  sla: {
    paused: boolean;
    responseBreached: boolean;
    resolutionBreached: boolean;
    resolutionRemainingMs: number | null;
    /** Desk view: the gateway's business-time reading (time left, whether its calendar runs, until when, measured when). */
    responseRemainingMs?: number | null;
    running?: boolean;
    changesAt?: string | null;
    measuredAt?: string;
    /** The windows of the ticket's own type and priority (the gateway's policy), which the at-risk share is a share of. */
    responseWindowMs?: number;
    resolutionWindowMs?: number;
  };
}

/** The running target at one instant: which one, how long is left (negative once past), and its tone. */
export interface SlaReading {
  tone: SlaTone;
  /** The target the clock is running for; null once resolved or when none runs. */
  target: "response" | "resolution" | null;
  remainingMs: number;
  /** Whether any target was missed, even one that is no longer running. */
  everBreached: boolean;
}

/**
 * Reads the SLA clock of a ticket at `now` (ms since epoch). `atRiskFraction` is the gateway's
 * (`atRiskFraction` of the site or the desk directory): the share of a target window below which a
 * running target counts as at risk, of the window the gateway gives the ticket (`sla.responseWindowMs`,
 * `sla.resolutionWindowMs`: its own type's policy and priority); without one the window is measured
 * from logging to the due time, which is exact for response and at most generous for resolution.
 * When the gateway measured the time left (the desk's `sla.measuredAt`), that reading is used: it
 * counts the site's business hours, and only time its calendar runs after the reading is taken off.
 */
export function readSla(t: SlaClockFields, now: number, atRiskFraction: number): SlaReading {
  const ms = (iso: string): number => new Date(iso).getTime();
  const everBreached = t.sla.responseBreached || t.sla.resolutionBreached;
  if (t.resolvedAt) {
    const late = ms(t.resolvedAt) > ms(t.resolutionDueAt) || everBreached;
    return { tone: late ? "breached" : "met", target: null, remainingMs: 0, everBreached: late };
  }
  // Cancelled tickets end without a resolution; no clock runs for them.
  if (t.closedAt) return { tone: "none", target: null, remainingMs: 0, everBreached };
  const target = t.firstRespondedAt ? "resolution" : "response";
  const due = ms(target === "response" ? t.responseDueAt : t.resolutionDueAt);
  const window = (target === "response" ? t.sla.responseWindowMs : t.sla.resolutionWindowMs) ?? due - ms(t.createdAt);
  const paused = target === "resolution" && (t.pausedAt != null || t.sla.paused);
  const measured = gatewayLeft(t, target, now);
  if (paused) {
    // A paused clock is frozen where the pause began, so the time left does not shrink.
    const left = measured === null ? (t.pausedAt ? due - ms(t.pausedAt) : (t.sla.resolutionRemainingMs ?? due - now)) : (t.sla.resolutionRemainingMs ?? 0);
    return { tone: "paused", target, remainingMs: left, everBreached: everBreached || left < 0 };
  }
  const remainingMs = measured ?? due - now;
  const tone = remainingMs < 0 ? "breached" : remainingMs < window * atRiskFraction ? "risk" : "ok";
  return { tone, target, remainingMs, everBreached: everBreached || remainingMs < 0 };
}

/**
 * The gateway's business-time reading of a target, less the time its calendar ran since: all
 * of it while running up to `changesAt`, or from `changesAt` on when it was stopped (until the
 * next read brings the following flip). Null when the gateway gave no reading (reporter view).
 */
function gatewayLeft(t: SlaClockFields, target: "response" | "resolution", now: number): number | null {
  const left = target === "response" ? t.sla.responseRemainingMs : t.sla.resolutionRemainingMs;
  if (left == null || !t.sla.measuredAt || t.sla.running === undefined) return null;
  const since = new Date(t.sla.measuredAt).getTime();
  const flip = t.sla.changesAt ? new Date(t.sla.changesAt).getTime() : Infinity;
  const ran = t.sla.running ? Math.max(0, Math.min(now, flip) - since) : Math.max(0, now - Math.max(flip, since));
  return left - ran;
}

/** The next due instant the gateway orders its queue by: response until first handled, then resolution. */
export function nextDueAt(t: Pick<SlaClockFields, "firstRespondedAt" | "responseDueAt" | "resolutionDueAt">): string {
  return t.firstRespondedAt ? t.resolutionDueAt : t.responseDueAt;
}

/** A glyph per tone, drawn beside the words so the state never rests on colour alone. */
export const SLA_ICON: Readonly<Record<SlaTone, string>> = { ok: "◷", risk: "▲", breached: "✖", paused: "‖", met: "✔", none: "" };
