/**
 * The scheduled recap mail (issue 13 item 5): each Monday the last ISO week's recap, each 1st the
 * last month's, in the site's time zone, to its MANAGERs (the site) and SUPERVISORs (their
 * group); an ADMIN administers, a recap is not theirs to receive. One outbox message per site,
 * period and recipient, whichever gateway's sweep writes it first (the outbox's unique event id).
 */
import { Role } from "../agents/role.js";
import { type Bounds, lastCompletePeriod, RecapPeriod } from "./recap.rules.js";

/** The periods recapped by mail. */
export type ScheduledPeriod = RecapPeriod.WEEK | RecapPeriod.MONTH;

/** Every scheduled period, weekly first. */
export const SCHEDULED_PERIODS: readonly ScheduledPeriod[] = Object.freeze([RecapPeriod.WEEK, RecapPeriod.MONTH]);

/** The roles that receive the scheduled recap. */
export const RECAP_RECIPIENT_ROLES: readonly Role[] = Object.freeze([Role.MANAGER, Role.SUPERVISOR]);

/** The site as the schedule reads it. */
export interface ScheduledSite {
  id: string;
  timeZone: string;
  scheduledRecaps: boolean;
  createdAt: Date;
}

/**
 * The period of `period` to mail now: the last whole one before `now`; null when the site turned
 * the mail off or did not exist yet when that period ended (a new site gets no recap of before).
 */
export function duePeriod(site: ScheduledSite, period: ScheduledPeriod, now: Date): Bounds | null {
  if (!site.scheduledRecaps) return null;
  const bounds = lastCompletePeriod(period, now, site.timeZone);
  return site.createdAt.getTime() < bounds.to.getTime() ? bounds : null;
}

/** The outbox event id of one site's recap of one period: the same in every gateway, so it is written once per recipient. */
export function recapEventId(siteId: string, period: ScheduledPeriod, from: Date): string {
  return `recap:${period}:${siteId}:${from.toISOString()}`;
}

/** Whether an agent receives the scheduled recap: an active MANAGER, or an active SUPERVISOR with a group. */
export function receivesRecap(agent: { role: Role; active: boolean; groupId: string | null }): boolean {
  if (!agent.active || !RECAP_RECIPIENT_ROLES.includes(agent.role)) return false;
  return agent.role !== Role.SUPERVISOR || agent.groupId !== null;
}
