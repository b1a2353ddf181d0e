import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction } from "../agents/permissions.rules.js";
import { Priority } from "../tickets/ticket.enums.js";
import { clockAt, closedWeek, formatShifts, formatWeeklyHours, WEEKDAYS } from "./business-time.rules.js";
import { BusinessCalendar, HolidayInput, SetBusinessHoursInput } from "./business-hours.types.js";
import { calendarFor } from "./sla-calendar.rules.js";

/** The signed-in desk's business calendar; only admins change it. */
@Resolver()
export class BusinessHoursResolver {
  @Authorized(DeskAction.VIEW_QUEUE)
  @Query(() => BusinessCalendar, { description: "The site's business hours, the priorities kept 24×7 and its holidays." })
  async businessCalendar(@Ctx() ctx: SigapContext): Promise<BusinessCalendar> {
    return calendarView(ctx, (await ctx.agent()).siteId);
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => BusinessCalendar, { description: "Sets (or with hours null removes) the site's weekly hours; ADMIN only. Open tickets' ladder steps are recomputed; due times move at each ticket's next change." })
  async setBusinessHours(@Arg("input", () => SetBusinessHoursInput) input: SetBusinessHoursInput, @Ctx() ctx: SigapContext): Promise<BusinessCalendar> {
    const { siteId } = await ctx.agent();
    await ctx.services.hours.setHours(siteId, input.hours, input.roundTheClock ?? undefined);
    return calendarView(ctx, siteId);
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => BusinessCalendar, { description: "Adds holidays (a listed day takes the new name); ADMIN only." })
  async addHolidays(@Arg("holidays", () => [HolidayInput]) holidays: HolidayInput[], @Ctx() ctx: SigapContext): Promise<BusinessCalendar> {
    const { siteId } = await ctx.agent();
    await ctx.services.hours.addHolidays(siteId, holidays);
    return calendarView(ctx, siteId);
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => BusinessCalendar, { description: "Removes holidays by date (YYYY-MM-DD); ADMIN only." })
  async removeHolidays(@Arg("days", () => [String]) days: string[], @Ctx() ctx: SigapContext): Promise<BusinessCalendar> {
    const { siteId } = await ctx.agent();
    await ctx.services.hours.removeHolidays(siteId, days);
    return calendarView(ctx, siteId);
  }
}

async function calendarView(ctx: SigapContext, siteId: string): Promise<BusinessCalendar> {
  const { services } = ctx;
  const [site, holidays] = await Promise.all([services.sites.get(siteId), services.hours.holidays(siteId)]);
  const hours = site.businessHours;
  const week = hours?.week ?? closedWeek();
  const calendar = calendarFor({ timeZone: site.timeZone, hours: hours ? { ...hours, roundTheClock: [] } : null, holidays: new Set(holidays.map((h) => h.day)) }, Priority.P5);
  const clock = calendar ? clockAt(calendar, services.clock.now()) : { running: true, changesAt: null };
  return {
    timeZone: site.timeZone,
    hours: hours ? formatWeeklyHours(hours.week) : null,
    week: WEEKDAYS.map((day) => ({ day, shifts: formatShifts(week[day]).split(",").filter(Boolean) })),
    roundTheClock: hours ? hours.roundTheClock : Object.values(Priority),
    holidays,
    running: clock.running,
    changesAt: clock.changesAt,
  };
}
