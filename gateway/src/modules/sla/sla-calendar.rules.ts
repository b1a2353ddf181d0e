/**
 * Which business calendar a ticket's SLA clock follows: the site's weekly hours and holidays,
 * unless its priority is kept 24×7 (P1 by default) or the site has no hours at all.
 */
import { priorityRank } from "../tickets/priority.rules.js";
import { Priority } from "../tickets/ticket.enums.js";
import { validateWeeklyHours, type BusinessCalendar, type WeeklyHours } from "./business-time.rules.js";

/** A site's stored hours: the week, and the priorities whose clock ignores it. */
export interface SiteHours {
  week: WeeklyHours;
  /** Priorities that keep a 24×7 clock. */
  roundTheClock: Priority[];
}

/** Priorities kept 24×7 when a site sets hours without saying: a major incident does not wait for Monday. */
export const DEFAULT_ROUND_THE_CLOCK: readonly Priority[] = Object.freeze([Priority.P1]);

/** Everything of a site the SLA clock reads: its zone, hours and holidays. */
export interface SiteCalendar {
  timeZone: string;
  hours: SiteHours | null;
  holidays: ReadonlySet<string>;
}

/** The calendar of one priority at a site; null is 24×7. */
export function calendarFor(site: SiteCalendar, priority: Priority): BusinessCalendar | null {
  if (!site.hours || site.hours.roundTheClock.includes(priority)) return null;
  return { timeZone: site.timeZone, week: site.hours.week, holidays: site.holidays };
}

/** Whether a priority's clock needs the site's holidays (saves reading them for 24×7 clocks). */
export function needsHolidays(hours: SiteHours | null, priority: Priority): boolean {
  return hours !== null && !hours.roundTheClock.includes(priority);
}

/** Reads a list of priorities such as `P1,P2` (or `none`); every problem is named. */
export function parsePriorities(text: string): { priorities: Priority[]; problems: string[] } {
  const priorities: Priority[] = [];
  const problems: string[] = [];
  if (text.trim().toLowerCase() === "none") return { priorities, problems };
  for (const raw of text.split(",").map((p) => p.trim().toUpperCase()).filter((p) => p !== "")) {
    if (!(Object.values(Priority) as string[]).includes(raw)) problems.push(`"${raw}" is not a priority; use P1 to P5, or none.`);
    else if (!priorities.includes(raw as Priority)) priorities.push(raw as Priority);
  }
  return { priorities: priorities.sort((a, b) => priorityRank(a) - priorityRank(b)), problems };
}

/** Every problem with stored hours as a sentence for the admin; empty when valid. */
export function validateSiteHours(hours: SiteHours): string[] {
  const problems = validateWeeklyHours(hours.week);
  if (Object.values(Priority).every((p) => hours.roundTheClock.includes(p))) {
    problems.push("Every priority is kept 24×7, so the hours would never be used; remove the hours instead.");
  }
  return problems;
}
