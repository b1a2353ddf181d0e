import { In, type DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import { badInput, type FieldProblem } from "../../errors.js";
import type { SiteService } from "../sites/site.service.js";
import { SiteEntity } from "../sites/site.entity.js";
import { recordAudit } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import { Priority } from "../tickets/ticket.enums.js";
import { clockAt, closedWeek, formatShifts, formatWeeklyHours, isIsoDate, parseWeeklyHours, WEEKDAYS, type Weekday } from "./business-time.rules.js";
import { calendarFor, DEFAULT_ROUND_THE_CLOCK, validateSiteHours, type SiteHours } from "./sla-calendar.rules.js";
import { SiteHolidayEntity } from "./site-holiday.entity.js";

/** A day off: a local date and what it is. */
export interface Holiday {
  day: string;
  name: string;
}

/** A site's calendar as the schema's BusinessCalendar shows it. */
export interface CalendarState {
  timeZone: string;
  hours: string | null;
  week: Array<{ day: Weekday; shifts: string[] }>;
  roundTheClock: Priority[];
  holidays: Holiday[];
  running: boolean;
  changesAt: Date | null;
}

const MAX_NAME = 120;

/**
 * A site's business calendar as the admin sets it (`sigap site:hours`, `site:holidays`, the
 * ADMIN mutations): weekly hours, the priorities kept 24×7, and holidays. New hours apply to
 * tickets from their next change (logging, pause, resume, reclassification); open tickets are
 * marked for the ladder sweep at once, since their next step may move.
 */
export class BusinessHoursService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly sites: SiteService,
  ) {}

  /** The site's calendar as the desk reads it, with whether business time runs now for the priorities that follow the hours. */
  async calendar(siteId: string): Promise<CalendarState> {
    const [site, holidays] = await Promise.all([this.sites.get(siteId), this.holidays(siteId)]);
    const hours = site.businessHours;
    const week = hours?.week ?? closedWeek();
    // Any priority that follows the hours reads the same calendar; none kept 24×7 gives it.
    const calendar = calendarFor({ timeZone: site.timeZone, hours: hours && { week: hours.week, roundTheClock: [] }, holidays: new Set(holidays.map((h) => h.day)) }, Priority.P5);
    return {
      timeZone: site.timeZone,
      hours: hours ? formatWeeklyHours(hours.week) : null,
      week: WEEKDAYS.map((day) => ({ day, shifts: formatShifts(week[day]).split(",").filter(Boolean) })),
      roundTheClock: hours ? hours.roundTheClock : Object.values(Priority),
      holidays,
      ...clockAt(calendar, this.clock.now()),
    };
  }

  /** A site's stored hours; null is 24×7 for every priority. */
  async hours(siteId: string): Promise<SiteHours | null> {
    return (await this.sites.get(siteId)).businessHours;
  }

  /**
   * Sets the weekly hours from text (`MON-FRI 08:00-17:00`) and the priorities kept 24×7 (kept
   * as they were, or P1 for a site that had no hours); null text removes the hours (24×7).
   */
  async setHours(siteId: string, text: string | null, roundTheClock: readonly Priority[] | undefined, actor: AuditActor): Promise<SiteHours | null> {
    const site = await this.sites.get(siteId);
    let hours: SiteHours | null = null;
    if (text !== null) {
      const { week, problems } = parseWeeklyHours(text);
      hours = { week, roundTheClock: [...(roundTheClock ?? site.businessHours?.roundTheClock ?? DEFAULT_ROUND_THE_CLOCK)] };
      if (!problems.length) problems.push(...validateSiteHours(hours));
      if (problems.length) throw badInput(problems.map((message) => ({ field: "hours", message })));
    } else if (roundTheClock) {
      throw badInput([{ field: "roundTheClock", message: "Priorities kept 24×7 need weekly hours for the others; give the hours too." }]);
    }
    await this.ds.transaction(async (em) => {
      await em.update(SiteEntity, { id: siteId }, { businessHours: hours });
      await this.sites.markLadderDue(em, siteId);
      const subject = { siteId, actor, action: "site.hours", subjectType: "site", subjectId: siteId };
      await recordAudit(em, { ...subject, before: { businessHours: site.businessHours }, after: { businessHours: hours } }, this.clock.now());
    });
    this.sites.changed(siteId);
    return hours;
  }

  /** The site's holidays in date order, of one year or all. */
  holidays(siteId: string, year?: number): Promise<Holiday[]> {
    const qb = this.ds.getRepository(SiteHolidayEntity).createQueryBuilder("h").select(["h.day", "h.name"]).where("h.siteId = :siteId", { siteId });
    if (year !== undefined) qb.andWhere("h.day LIKE :prefix", { prefix: `${year}-%` });
    return qb.orderBy("h.day", "ASC").getMany().then((rows) => rows.map((r) => ({ day: r.day, name: r.name })));
  }

  /** Adds holidays (a day already listed takes the new name); every bad one is named. Returns how many were written. */
  async addHolidays(siteId: string, holidays: readonly Holiday[], actor: AuditActor): Promise<number> {
    const problems: FieldProblem[] = [];
    const byDay = new Map<string, string>();
    holidays.forEach((h, i) => {
      const name = h.name.trim();
      if (!isIsoDate(h.day)) problems.push({ field: `holidays.${i}.day`, message: `"${h.day}" is not a date written YYYY-MM-DD.` });
      if (!name || name.length > MAX_NAME) problems.push({ field: `holidays.${i}.name`, message: `The holiday on ${h.day} needs a name of 1 to ${MAX_NAME} characters.` });
      byDay.set(h.day, name);
    });
    if (!holidays.length) problems.push({ field: "holidays", message: "Give at least one holiday." });
    if (problems.length) throw badInput(problems);
    await this.sites.get(siteId);
    await this.ds.transaction(async (em) => {
      const old = await em.findBy(SiteHolidayEntity, { siteId, day: In([...byDay.keys()]) });
      await em.delete(SiteHolidayEntity, { siteId, day: In([...byDay.keys()]) });
      const before = { holidays: old.map((h) => ({ day: h.day, name: h.name })).sort((a, b) => a.day.localeCompare(b.day)) };
      const after = { holidays: [...byDay].map(([day, name]) => ({ day, name })).sort((a, b) => a.day.localeCompare(b.day)) };
      await recordAudit(em, { siteId, actor, action: "site.holidays_add", subjectType: "site", subjectId: siteId, before, after }, this.clock.now());
      await em.insert(SiteHolidayEntity, [...byDay].map(([day, name]) => ({ siteId, day, name })));
      await this.sites.markLadderDue(em, siteId);
    });
    this.sites.changed(siteId);
    return byDay.size;
  }

  /** Removes holidays by date; returns how many there were. */
  async removeHolidays(siteId: string, days: readonly string[], actor: AuditActor): Promise<number> {
    const bad = days.filter((d) => !isIsoDate(d));
    if (bad.length) throw badInput(bad.map((d) => ({ field: "days", message: `"${d}" is not a date written YYYY-MM-DD.` })));
    await this.sites.get(siteId);
    if (!days.length) return 0;
    const removed = await this.ds.transaction(async (em) => {
      const old = await em.findBy(SiteHolidayEntity, { siteId, day: In([...days]) });
      const result = await em.delete(SiteHolidayEntity, { siteId, day: In([...days]) });
      if (old.length) {
        const before = { holidays: old.map((h) => ({ day: h.day, name: h.name })).sort((a, b) => a.day.localeCompare(b.day)) };
        await recordAudit(em, { siteId, actor, action: "site.holidays_remove", subjectType: "site", subjectId: siteId, before, after: { holidays: [] } }, this.clock.now());
      }
      await this.sites.markLadderDue(em, siteId);
      return result.affected ?? 0;
    });
    this.sites.changed(siteId);
    return removed;
  }
}
