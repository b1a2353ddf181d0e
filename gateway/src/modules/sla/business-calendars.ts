/**
 * Reading the business calendar a ticket's SLA clock follows, on whatever connection the caller
 * holds (a change's transaction, intake, the views). A 24×7 clock reads nothing more.
 */
import type { EntityManager } from "typeorm";
import type { SiteEntity } from "../sites/site.entity.js";
import type { Priority } from "../tickets/ticket.enums.js";
import type { BusinessCalendar } from "./business-time.rules.js";
import { calendarFor, needsHolidays, type SiteCalendar } from "./sla-calendar.rules.js";
import { SiteHolidayEntity } from "./site-holiday.entity.js";

/** The site's holidays as local dates. */
export async function readHolidays(em: EntityManager, siteId: string): Promise<Set<string>> {
  const rows = await em.find(SiteHolidayEntity, { where: { siteId }, select: { day: true } });
  return new Set(rows.map((r) => r.day));
}

/** Everything of a site the SLA clock reads; holidays only when the site has hours. */
export async function readSiteCalendar(em: EntityManager, site: Pick<SiteEntity, "id" | "timeZone" | "businessHours">): Promise<SiteCalendar> {
  return { timeZone: site.timeZone, hours: site.businessHours, holidays: site.businessHours ? await readHolidays(em, site.id) : new Set() };
}

/** The calendar of one priority at a site (null: 24×7), reading holidays only when it needs them. */
export async function readCalendar(em: EntityManager, site: Pick<SiteEntity, "id" | "timeZone" | "businessHours">, priority: Priority): Promise<BusinessCalendar | null> {
  if (!needsHolidays(site.businessHours, priority)) return null;
  return calendarFor(await readSiteCalendar(em, site), priority);
}
