import { Field, InputType, ObjectType } from "type-graphql";
import { Priority } from "../tickets/ticket.enums.js";
import { WEEKDAYS, type Weekday } from "./business-time.rules.js";

/** One weekday's working time as the schema shows it. */
@ObjectType({ description: "One weekday's business hours in the site's time zone." })
export class BusinessDay {
  @Field(() => String, { description: `The weekday: ${WEEKDAYS.join(", ")}.` })
  day: Weekday;

  @Field(() => [String], { description: "Shifts as HH:MM-HH:MM; an end not after the start runs overnight. Empty: closed." })
  shifts: string[];
}

/** A day off. */
@ObjectType({ description: "A day off the SLA clock: a local date on which no shift starts." })
export class Holiday {
  @Field(() => String, { description: "The local date, YYYY-MM-DD." })
  day: string;

  @Field(() => String)
  name: string;
}

/** The site's business calendar, as the desk and its admin read it. */
@ObjectType({ description: "The site's business calendar: the SLA clock of every priority not kept 24×7 counts only these hours, less holidays." })
export class BusinessCalendar {
  @Field(() => String, { description: "The IANA time zone the hours are in (the site's)." })
  timeZone: string;

  @Field(() => String, { nullable: true, description: "The hours as `sigap site:hours` writes them, e.g. MON-FRI 08:00-17:00; null: no hours, every clock 24×7." })
  hours: string | null;

  @Field(() => [BusinessDay], { description: "Every weekday, Monday first; all empty when the site has no hours." })
  week: BusinessDay[];

  @Field(() => [Priority], { description: "Priorities whose clock runs 24×7 whatever the hours (every priority when the site has none)." })
  roundTheClock: Priority[];

  @Field(() => [Holiday], { description: "The site's holidays in date order." })
  holidays: Holiday[];

  @Field(() => Boolean, { description: "Business time is running now for the priorities that follow the hours." })
  running: boolean;

  @Field(() => Date, { nullable: true, description: "When `running` next flips (the next opening or closing); null without hours." })
  changesAt: Date | null;
}

/** New hours for the site. */
@InputType({ description: "The site's weekly hours and the priorities kept 24×7." })
export class SetBusinessHoursInput {
  @Field(() => String, { nullable: true, description: "Days then shifts, groups joined by `;`, e.g. MON-FRI 08:00-12:00,13:00-17:00; SAT 08:00-12:00. Null removes the hours (every clock 24×7)." })
  hours: string | null;

  @Field(() => [Priority], { nullable: true, description: "Priorities whose clock stays 24×7; omitted keeps the current ones (P1 for a site without hours)." })
  roundTheClock?: Priority[] | null;
}

/** A holiday to add. */
@InputType({ description: "A day off the SLA clock." })
export class HolidayInput {
  @Field(() => String, { description: "The local date, YYYY-MM-DD." })
  day: string;

  @Field(() => String, { description: "What the day is, up to 120 characters." })
  name: string;
}
