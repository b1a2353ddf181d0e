import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { badField } from "../../errors.js";
import { DeskAction } from "../agents/permissions.rules.js";
import type { CalendarState } from "./business-hours.service.js";
import { BusinessCalendar, HolidayInput, SetBusinessHoursInput } from "./business-hours.types.js";

/** The signed-in desk's business calendar; only admins change it. */
@Resolver()
export class BusinessHoursResolver {
  @Authorized(DeskAction.VIEW_QUEUE)
  @Query(() => BusinessCalendar, { description: "The site's business hours, the priorities kept 24×7 and its holidays." })
  async businessCalendar(@Ctx() ctx: SigapContext): Promise<CalendarState> {
    return ctx.services.hours.calendar((await ctx.agent()).siteId);
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => BusinessCalendar, { description: "Sets (or with hours null removes) the site's weekly hours; ADMIN only. Open tickets' ladder steps are recomputed; due times move at each ticket's next change." })
  async setBusinessHours(@Arg("input", () => SetBusinessHoursInput) input: SetBusinessHoursInput, @Ctx() ctx: SigapContext): Promise<CalendarState> {
    const { siteId } = await ctx.agent();
    // The field is nullable because null removes the hours; left out, it would be read as text.
    if (input.hours === undefined) throw badField("hours", "Give the weekly hours, or null to remove them (every clock 24×7).");
    await ctx.services.hours.setHours(siteId, input.hours, input.roundTheClock ?? undefined);
    return ctx.services.hours.calendar(siteId);
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => BusinessCalendar, { description: "Adds holidays (a listed day takes the new name); ADMIN only." })
  async addHolidays(@Arg("holidays", () => [HolidayInput]) holidays: HolidayInput[], @Ctx() ctx: SigapContext): Promise<CalendarState> {
    const { siteId } = await ctx.agent();
    await ctx.services.hours.addHolidays(siteId, holidays);
    return ctx.services.hours.calendar(siteId);
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => BusinessCalendar, { description: "Removes holidays by date (YYYY-MM-DD); ADMIN only." })
  async removeHolidays(@Arg("days", () => [String]) days: string[], @Ctx() ctx: SigapContext): Promise<CalendarState> {
    const { siteId } = await ctx.agent();
    await ctx.services.hours.removeHolidays(siteId, days);
    return ctx.services.hours.calendar(siteId);
  }
}
