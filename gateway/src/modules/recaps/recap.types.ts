import { IsOptional } from "class-validator";
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Priority, TicketStatus } from "../tickets/ticket.enums.js";
import { PageInfo } from "../tickets/ticket.types.js";
import { RecapFigure, RecapPeriod, RecapTrendStep } from "./recap.rules.js";
import { RecapWorkOrders } from "./work-order-figures.types.js";

/** What a breakdown groups tickets by. */
export enum RecapDimension {
  SERVICE = "SERVICE",
  CATEGORY = "CATEGORY",
  GROUP = "GROUP",
  AGENT = "AGENT",
  PRIORITY = "PRIORITY",
  CHANNEL = "CHANNEL",
  /** The kecamatan the report names. */
  LOCATION = "LOCATION",
  /** Incident, service request or work order. */
  TYPE = "TYPE",
}

/** The three satisfaction questions (seed 002, figure 11). */
export enum SatisfactionQuestion {
  SERVICE = "SERVICE",
  RESTORED = "RESTORED",
  INFORMATION = "INFORMATION",
}

registerEnumType(RecapPeriod, { name: "RecapPeriod", description: "A recap's period: a day, an ISO week (Monday), a month, or CUSTOM days, in the site's time zone." });
registerEnumType(RecapTrendStep, { name: "RecapTrendStep", description: "The step of a recap's trend." });
registerEnumType(RecapDimension, { name: "RecapDimension", description: "What a recap breakdown groups tickets by (LOCATION: the kecamatan; TYPE: incident, service request or work order)." });
registerEnumType(RecapFigure, {
  name: "RecapFigure",
  description: "A recap figure whose tickets a drill-down lists (recapTickets); definitions in gateway/src/modules/recaps/recap.rules.ts (figureSql).",
});
registerEnumType(SatisfactionQuestion, { name: "SatisfactionQuestion", description: "One of the satisfaction survey's questions." });

/** What a recap is asked for. */
@InputType({ description: "A recap request: from, the local start of the period (CUSTOM also takes to, the local start of the day after its last); or day (CUSTOM also lastDay), dates in the site's time zone." })
export class RecapInput {
  @Field(() => RecapPeriod)
  period: RecapPeriod;

  @Field(() => Date, { nullable: true, description: "The start of the period, at local midnight in the site's time zone. Give from or day." })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: "CUSTOM only: the end of the period (exclusive), at local midnight." })
  @IsOptional()
  to?: Date | null;

  @Field(() => String, { nullable: true, description: "Instead of from: a date YYYY-MM-DD in the site's time zone; the period is the day, ISO week or month containing it (CUSTOM: starting on it)." })
  @IsOptional()
  day?: string | null;

  @Field(() => String, { nullable: true, description: "With day, CUSTOM only: the period's last day, YYYY-MM-DD, inclusive." })
  @IsOptional()
  lastDay?: string | null;

  @Field(() => [RecapDimension], { nullable: true, description: "Breakdowns wanted, each once." })
  @IsOptional()
  groupBy?: RecapDimension[] | null;

  @Field(() => RecapTrendStep, { nullable: true, description: "A trend over the period in this step; none when omitted." })
  @IsOptional()
  trend?: RecapTrendStep | null;

  @Field(() => ID, { nullable: true, description: "Narrow to one support group (within the asker's scope)." })
  @IsOptional()
  groupId?: string | null;

  @Field(() => ID, { nullable: true, description: "Narrow to one agent's assigned tickets (within the asker's scope)." })
  @IsOptional()
  agentId?: string | null;

  @Field(() => String, { nullable: true, description: "id or en: breakdown rows' labels in it (the widget's language). Default: the asker's language." })
  @IsOptional()
  language?: string | null;
}

/** One satisfaction question's answers in a period. */
@ObjectType({ description: "One satisfaction question's answers on the tickets resolved in the period." })
export class RecapSatisfaction {
  @Field(() => SatisfactionQuestion)
  question: SatisfactionQuestion;

  @Field(() => Float, { nullable: true, description: "Mean of the 1–5 answers, two decimals; null without answers." })
  mean: number | null;

  @Field(() => [Int], { description: "How many answered 1, 2, 3, 4 and 5." })
  distribution: number[];

  @Field(() => Int)
  responses: number;
}

/** Every figure of a recap, for the whole scope or one breakdown row. */
@ObjectType({ description: "A recap's figures; definitions in gateway/src/modules/recaps/recap.rules.ts. Durations in hours (business time where the site has a calendar)." })
export class RecapFigures {
  @Field(() => Int, { description: "Tickets created in the period." })
  ticketsIn: number;

  @Field(() => Int, { description: "Tickets resolved in the period (their latest resolution)." })
  resolved: number;

  @Field(() => Int, { description: "Tickets closed in the period (not counting cancellations)." })
  closed: number;

  @Field(() => Int)
  cancelled: number;

  @Field(() => Int, { description: "Reopenings in the period." })
  reopened: number;

  @Field(() => Int, { description: "Tickets open at the period's end." })
  backlog: number;

  @Field(() => Float, { nullable: true })
  backlogAgeMedianHours: number | null;

  @Field(() => Float, { nullable: true })
  backlogAgeP90Hours: number | null;

  @Field(() => Int, { description: "Response targets decided in the period (met on time, or fallen due unmet)." })
  responseTargets: number;

  @Field(() => Int)
  responseTargetsKept: number;

  @Field(() => Float, { nullable: true, description: "responseTargetsKept / responseTargets, %, one decimal." })
  responseKeptPercent: number | null;

  @Field(() => Int)
  resolutionTargets: number;

  @Field(() => Int)
  resolutionTargetsKept: number;

  @Field(() => Float, { nullable: true })
  resolutionKeptPercent: number | null;

  @Field(() => Float, { nullable: true, description: "Median hours to first response, of tickets first answered in the period." })
  firstResponseMedianHours: number | null;

  @Field(() => Float, { nullable: true })
  firstResponseP90Hours: number | null;

  @Field(() => Float, { nullable: true, description: "Median hours to resolution less time on hold, of tickets resolved in the period." })
  resolutionMedianHours: number | null;

  @Field(() => Float, { nullable: true })
  resolutionP90Hours: number | null;

  @Field(() => Int, { description: "Resolved in the period without escalation or reassignment." })
  firstContactResolved: number;

  @Field(() => Float, { nullable: true, description: "firstContactResolved / resolved, %." })
  firstContactPercent: number | null;

  @Field(() => Int)
  escalationsFunctional: number;

  @Field(() => Int)
  escalationsHierarchical: number;

  @Field(() => [RecapSatisfaction])
  satisfaction: RecapSatisfaction[];

  @Field(() => Float, { nullable: true, description: "Answered surveys / tickets resolved in the period, %." })
  satisfactionResponseRate: number | null;

  @Field(() => Int, { description: "Answered surveys that carry a suggestion." })
  suggestions: number;
}

/** One row of a breakdown. */
@ObjectType({ description: "One row of a breakdown: a service, group, agent, priority… (key null: none set)." })
export class RecapRow {
  @Field(() => String, { nullable: true, description: "The id or code grouped by; null for tickets without one." })
  key: string | null;

  @Field(() => String, { description: "The key's name in the asker's language." })
  label: string;

  @Field(() => RecapFigures)
  figures: RecapFigures;
}

/** A breakdown by one dimension. */
@ObjectType({ description: "The period's figures by one dimension." })
export class RecapBreakdown {
  @Field(() => RecapDimension)
  dimension: RecapDimension;

  @Field(() => [RecapRow])
  rows: RecapRow[];
}

/** One point of a trend. */
@ObjectType({ description: "The figures of one step of the trend, from start to the next point's start (or the period's end)." })
export class RecapPoint {
  @Field(() => Date)
  start: Date;

  @Field(() => RecapFigures)
  figures: RecapFigures;
}

/** A recap of a period. */
@ObjectType({ description: "A recap of [from, to) in the site's time zone, in the asker's scope." })
export class Recap {
  @Field(() => Date)
  from: Date;

  @Field(() => Date)
  to: Date;

  @Field(() => String)
  timeZone: string;

  @Field(() => String, { description: "The period's first day, YYYY-MM-DD in the site's time zone." })
  firstDay: string;

  @Field(() => String, { description: "The period's last day, YYYY-MM-DD in the site's time zone (the day before the next period's)." })
  lastDay: string;

  @Field(() => RecapFigures)
  totals: RecapFigures;

  @Field(() => RecapFigures, { description: "The previous period of the same length." })
  previous: RecapFigures;

  @Field(() => [RecapBreakdown])
  breakdowns: RecapBreakdown[];

  @Field(() => [RecapPoint])
  trend: RecapPoint[];

  @Field(() => Int, {
    nullable: true,
    description: "Reports a published article ended in the period (\"this solved it\" in the report form, no ticket made); site-wide, so null for a recap of a group or an agent.",
  })
  deflections: number | null;

  @Field(() => RecapWorkOrders, { nullable: true, description: "Work-order cost and payment figures (seed 003); null when the scope had no work order, cost or payment in the period." })
  workOrders: RecapWorkOrders | null;
}

/** One ticket behind a recap figure. */
@ObjectType({ description: "A ticket behind a recap figure, as a drill-down lists it (open it with ticket(id))." })
export class RecapTicket {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  code: string;

  @Field(() => TicketStatus)
  status: TicketStatus;

  @Field(() => Priority)
  priority: Priority;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => String, { description: "The reporter's subject, or the description's first line (at most 120 characters)." })
  summary: string;
}

/** A page of the tickets behind a figure. */
@ObjectType({ description: "A page of the tickets behind a recap figure, newest first." })
export class RecapTicketConnection {
  @Field(() => [RecapTicket])
  nodes: RecapTicket[];

  @Field(() => Int, { description: "How many tickets the figure's definition lists in all." })
  totalCount: number;

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
