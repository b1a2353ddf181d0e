import { Priority, TicketType } from "../tickets/ticket.enums.js";
import { addBusinessTime, businessTimeBetween, businessTimeUntil, type BusinessCalendar } from "./business-time.rules.js";

const MINUTE_MS = 60_000;

/** How long the desk has to respond to and to resolve a ticket of one priority, in minutes. */
export interface SlaTarget {
  responseMinutes: number;
  resolutionMinutes: number;
}

/** A site's SLA targets for every priority; data, not code, so each site can set its own. */
export type SlaPolicy = Record<Priority, SlaTarget>;

/** The seed's targets (seed 002, table 6), used until a site sets its own policy. */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  [Priority.P1]: { responseMinutes: 10, resolutionMinutes: 60 },
  [Priority.P2]: { responseMinutes: 30, resolutionMinutes: 3 * 60 },
  [Priority.P3]: { responseMinutes: 60, resolutionMinutes: 8 * 60 },
  [Priority.P4]: { responseMinutes: 4 * 60, resolutionMinutes: 12 * 60 },
  [Priority.P5]: { responseMinutes: 8 * 60, resolutionMinutes: 24 * 60 },
};

/** When a ticket's response and resolution are due. */
export interface SlaDueTimes {
  responseDueAt: Date;
  resolutionDueAt: Date;
}

/**
 * Due times of a ticket logged at `loggedAt`; both targets run from logging (seed 002, table 6),
 * counting the business time of the priority's calendar (none: 24×7).
 */
export function dueTimes(loggedAt: Date, target: SlaTarget, calendar: BusinessCalendar | null = null): SlaDueTimes {
  return {
    responseDueAt: addBusinessTime(calendar, loggedAt, target.responseMinutes * MINUTE_MS),
    resolutionDueAt: addBusinessTime(calendar, loggedAt, target.resolutionMinutes * MINUTE_MS),
  };
}

/**
 * Due times after re-prioritisation: measured from logging again, with the (business) time
 * already spent paused added to resolution only, because pausing never stopped the response clock.
 */
export function retarget(loggedAt: Date, target: SlaTarget, pausedMs: number, calendar: BusinessCalendar | null = null): SlaDueTimes {
  return {
    responseDueAt: addBusinessTime(calendar, loggedAt, target.responseMinutes * MINUTE_MS),
    resolutionDueAt: addBusinessTime(calendar, loggedAt, target.resolutionMinutes * MINUTE_MS + pausedMs),
  };
}

/** The stored SLA state of one ticket. */
export interface SlaClock {
  responseDueAt: Date;
  resolutionDueAt: Date;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  /** When the current pause began; null while the resolution clock runs. */
  pausedAt: Date | null;
  /** Total business time of the pauses that have ended (wall time on a 24×7 clock). */
  pausedMs: number;
}

/** Stops the resolution clock at `now`; a clock that is already paused stays as it is. */
export function pauseClock(clock: SlaClock, now: Date): SlaClock {
  if (clock.pausedAt !== null) return clock;
  return { ...clock, pausedAt: new Date(now.getTime()) };
}

/**
 * Restarts the resolution clock, pushing its due time later by the business time the pause
 * took (a pause over a weekend costs the weekend nothing); a running clock stays as it is.
 */
export function resumeClock(clock: SlaClock, now: Date, calendar: BusinessCalendar | null = null): SlaClock {
  if (clock.pausedAt === null) return clock;
  // A server clock that steps backwards must not pull the due time earlier (the span is then 0).
  const span = businessTimeBetween(calendar, clock.pausedAt, now);
  return {
    ...clock,
    resolutionDueAt: addBusinessTime(calendar, clock.resolutionDueAt, span),
    pausedMs: clock.pausedMs + span,
    pausedAt: null,
  };
}

/**
 * When a request that waits for approval counts as responded to (ITIL request fulfilment): at
 * the moment it goes to its approvers. The requester is told then, on the public timeline and in
 * the tracker, that it was received and whom it waits for, which is what the response target
 * measures; the desk cannot act on it before it is approved, so a response clock running through
 * the approval would breach with nobody able to prevent it. Its resolution clock is paused for the
 * wait instead (status.rules' holdForApprovalEffect), so fulfilment is still measured from the
 * approval. A response the desk already gave (a request it logged for a caller) stands.
 */
export function respondedAtApprovalRequest(firstRespondedAt: Date | null, requestedAt: Date): Date {
  return firstRespondedAt ?? new Date(requestedAt.getTime());
}

/** Share of a target window below which a running target counts as at risk. */
export const AT_RISK_FRACTION = 0.25;

/** The lengths of a ticket's two target windows, in milliseconds: what the at-risk share is a share of. */
export interface SlaWindows {
  responseWindowMs: number;
  resolutionWindowMs: number;
}

/**
 * The windows of the target a ticket's type and priority get (its type's policy, or the incident
 * policy it follows): the one reading of "how long" that both {@link slaStatus} and a widget's
 * live countdown colour judge risk against.
 */
export function slaWindows(target: SlaTarget): SlaWindows {
  return { responseWindowMs: target.responseMinutes * MINUTE_MS, resolutionWindowMs: target.resolutionMinutes * MINUTE_MS };
}

/** Where a ticket stands against its SLA at one instant. */
export interface SlaStatus {
  responseBreached: boolean;
  resolutionBreached: boolean;
  /** Time left to respond (negative once overdue); null once responded. */
  responseRemainingMs: number | null;
  /** Time left to resolve (negative once overdue, frozen while paused); null once resolved. */
  resolutionRemainingMs: number | null;
  paused: boolean;
  atRisk: boolean;
}

/** A clock field that holds an instant, possibly null. */
type ClockInstant = "firstRespondedAt" | "resolvedAt" | "pausedAt";

/**
 * The two targets (response, resolution) as data, so "breached" is written once and both the
 * pure functions below and the SQL the queue filter runs are read off them.
 */
const TARGETS: ReadonlyArray<{
  due: "responseDueAt" | "resolutionDueAt";
  /** The target's window in the policy, which the at-risk share is a share of. */
  window: keyof SlaTarget;
  /** The target's clock stops at the first of these that is set (a paused clock stops where the pause began). */
  stoppedAt: readonly ClockInstant[];
}> = [
  { due: "responseDueAt", window: "responseMinutes", stoppedAt: ["firstRespondedAt"] },
  { due: "resolutionDueAt", window: "resolutionMinutes", stoppedAt: ["resolvedAt", "pausedAt"] },
];

function stoppedAt(clock: SlaClock, fields: readonly ClockInstant[]): Date | null {
  for (const f of fields) if (clock[f] !== null) return clock[f];
  return null;
}

/** Whether one target is breached at `now`: its clock stopped (or is still running) past its due instant. */
function targetBreached(t: (typeof TARGETS)[number], clock: SlaClock, now: Date): boolean {
  return (stoppedAt(clock, t.stoppedAt) ?? now).getTime() > clock[t.due].getTime();
}

/** Whether a ticket is breached at `now`: its response or its resolution target passed (the one definition). */
export function isBreached(clock: SlaClock, now: Date): boolean {
  return TARGETS.some((t) => targetBreached(t, clock, now));
}

/**
 * {@link isBreached} as an SQL condition over the ticket alias, with the instant as `:now`.
 * COALESCE takes the first stop instant as the pure function does; every column it reads is
 * NOT NULL or coalesced to `:now`, so the condition is TRUE or FALSE, never NULL, and `NOT (…)`
 * selects exactly the rest.
 */
export function breachedSql(alias: string): string {
  const terms = TARGETS.map((t) => `COALESCE(${[...t.stoppedAt.map((f) => `${alias}.${f}`), ":now"].join(", ")}) > ${alias}.${t.due}`);
  return `(${terms.join(" OR ")})`;
}

/** How an SQL dialect writes the milliseconds from one instant to a later one (both SQL expressions). */
export type MillisBetweenSql = (from: string, to: string) => string;

/** {@link MillisBetweenSql} for the two databases Sigap runs on. */
export const MILLIS_BETWEEN: Readonly<Record<"mysql" | "sqlite", MillisBetweenSql>> = {
  mysql: (from, to) => `(TIMESTAMPDIFF(MICROSECOND, ${from}, ${to}) / 1000)`,
  sqlite: (from, to) => `((julianday(${to}) - julianday(${from})) * 86400000.0)`,
};

/**
 * {@link slaStatus}'s `atRisk` as an SQL condition over the ticket alias, with the instant as
 * `:now`, read off the same targets as {@link breachedSql}: risk is judged on the first target
 * not yet met (response until the first response, then resolution until resolved), measured
 * where its clock stands (a paused clock where the pause began), and at risk when what is left
 * is under the window of the ticket's type and priority (`policies`, every type's policy) times
 * {@link AT_RISK_FRACTION} but not yet overdue. It counts wall time, as a 24×7 calendar does; on
 * a business-hours calendar the ticket's own `sla.atRisk` counts business time and may differ
 * near the edges of the working day.
 */
export function atRiskSql(alias: string, policies: Readonly<Record<TicketType, SlaPolicy>>, millisBetween: MillisBetweenSql): string {
  const terms = TARGETS.map((t, i) => {
    const [done, ...frozen] = t.stoppedAt;
    // SQLite wants COALESCE to have two arguments at least.
    const measuredAt = frozen.length ? `COALESCE(${[...frozen.map((f) => `${alias}.${f}`), ":now"].join(", ")})` : ":now";
    const shareOf = (policy: SlaPolicy) =>
      `CASE ${alias}.priority ${Object.entries(policy).map(([p, target]) => `WHEN '${p}' THEN ${Math.round(target[t.window] * MINUTE_MS * AT_RISK_FRACTION)}`).join(" ")} ELSE 0 END`;
    const typed = Object.values(TicketType).filter((type) => type !== TicketType.INCIDENT);
    const share = `CASE ${typed.map((type) => `WHEN ${alias}.ticketType = '${type}' THEN ${shareOf(policies[type])}`).join(" ")} ELSE ${shareOf(policies.INCIDENT)} END`;
    return `(${[
      ...TARGETS.slice(0, i).map((earlier) => `${alias}.${earlier.stoppedAt[0]} IS NOT NULL`),
      `${alias}.${done} IS NULL`,
      `${measuredAt} <= ${alias}.${t.due}`,
      `${millisBetween(measuredAt, `${alias}.${t.due}`)} < ${share}`,
    ].join(" AND ")})`;
  });
  return `(${terms.join(" OR ")})`;
}

/**
 * The SLA status of a clock at `now`; the due instant itself is still on time. Pass the ticket's
 * target to learn whether it is at risk, since the clock alone does not know the window length;
 * a paused ticket keeps the risk it had when the pause began, as its clock is frozen there.
 * Time left counts the business time of the ticket's calendar (none: 24×7).
 */
export function slaStatus(clock: SlaClock, now: Date, target?: SlaTarget, calendar: BusinessCalendar | null = null): SlaStatus {
  const [response, resolution] = TARGETS;
  const responded = clock.firstRespondedAt;
  const responseBreached = targetBreached(response!, clock, now);
  const responseRemainingMs = responded ? null : businessTimeUntil(calendar, now, clock.responseDueAt);

  const resolved = clock.resolvedAt;
  // A paused clock is stopped, so time after the pause began does not count.
  const measuredAt = (stoppedAt(clock, resolution!.stoppedAt) ?? now).getTime();
  const resolutionBreached = targetBreached(resolution!, clock, now);
  const resolutionRemainingMs = resolved ? null : businessTimeUntil(calendar, new Date(measuredAt), clock.resolutionDueAt);

  let atRisk = false;
  if (target) {
    const windows = slaWindows(target);
    if (responseRemainingMs !== null) {
      atRisk = !responseBreached && responseRemainingMs < windows.responseWindowMs * AT_RISK_FRACTION;
    } else if (resolutionRemainingMs !== null) {
      atRisk = !resolutionBreached && resolutionRemainingMs < windows.resolutionWindowMs * AT_RISK_FRACTION;
    }
  }

  return {
    responseBreached,
    resolutionBreached,
    responseRemainingMs,
    resolutionRemainingMs,
    paused: clock.pausedAt !== null,
    atRisk,
  };
}
