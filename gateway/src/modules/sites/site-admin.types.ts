import { Field, InputType, Int, ObjectType } from "type-graphql";
import { Impact, Priority, TicketType, Urgency } from "../tickets/ticket.enums.js";
import { QueueOrder } from "./site-settings.rules.js";
import { SlaLadderStepView } from "./site.types.js";

/** A site's settings as an admin reads and changes them (`sigap site:set`, `site:ladder`). */
@ObjectType({ description: "A site's handling, mail and escalation settings (ADMIN only)." })
export class SiteSettingsView {
  @Field(() => String, { description: "The site's name, in mail and the desk; 1 to 120 characters." })
  name: string;

  @Field(() => String, { description: "The unit part of new ticket codes (01 in 01.18072019.003): 1 to 6 digits or capital letters." })
  unitCode: string;

  @Field(() => String, { description: "IANA time zone of the site's day (ticket codes) and business hours." })
  timeZone: string;

  @Field(() => [String], { description: "The languages the site's widgets offer (id, en); the default language is among them." })
  languages: string[];

  @Field(() => Boolean, { description: "The public form may state impact; otherwise defaultImpact applies." })
  reporterSetsImpact: boolean;

  @Field(() => Impact, { description: "The impact a public report gets when the reporter may not state it." })
  defaultImpact: Impact;

  @Field(() => QueueOrder)
  queueOrder: QueueOrder;

  @Field(() => Int, { description: "A CLOSED ticket may be reopened within this many days of closure; 0 never." })
  reopenClosedWithinDays: number;

  @Field(() => Int, { description: "A RESOLVED ticket with no word from the reporter closes by itself after this many hours." })
  autoCloseHours: number;

  @Field(() => Boolean, { description: "The weekly (Monday) and monthly (1st) recap, with its PDF, is mailed to the site's managers and supervisors." })
  scheduledRecaps: boolean;

  @Field(() => String, { nullable: true, description: "Mail to this address opens a ticket (channel EMAIL); null: none." })
  deskEmail: string | null;

  @Field(() => Int, { nullable: true, description: "Reporters' personal data on tickets closed or cancelled more than this many months ago is anonymized (UU PDP); null: kept." })
  retentionMonths: number | null;

  @Field(() => Boolean, { description: "The public form also offers the site's request items (SERVICE_REQUEST services); otherwise only report-a-problem services and work orders." })
  offersRequests: boolean;

  @Field(() => String, { description: "The language of mail to people who did not choose one: id or en." })
  language: string;

  @Field(() => String, { nullable: true, description: "Accent colour of mail, #rrggbb; null: Sigap's." })
  accentColor: string | null;

  @Field(() => String, { nullable: true, description: "https URL of the logo shown in mail; null: none." })
  logoUrl: string | null;

  @Field(() => String, { nullable: true, description: "The reporter's tracking link in mail, with {code} and {token}; null: the demo portal's." })
  trackingUrl: string | null;

  @Field(() => [String], { nullable: true, description: "Which status events mail the reporter (some of reporterMailEventChoices); null: all, [] none." })
  reporterMailEvents: string[] | null;

  @Field(() => [String], { description: "The events reporterMailEvents may hold." })
  reporterMailEventChoices: string[];

  @Field(() => [SlaLadderStepView], { description: "The SLA escalation ladder in effect, RESPONSE steps then RESOLUTION steps." })
  slaLadder: SlaLadderStepView[];

  @Field(() => [String], { description: "Who a ladder step may notify: the values SlaLadderStepInput.notify takes." })
  ladderNotifyChoices: string[];

  /** Every ticket type's targets; the field `slaPolicy(ticketType)` (SiteAdminResolver) serves one type's. */
  slaPolicies: Record<TicketType, SlaTargetSetting[]>;

  @Field(() => [TicketType], { description: "The ticket types other than INCIDENT with SLA targets of their own (setSlaPolicy with a ticketType); the others follow the incident policy." })
  slaPolicyTypes: TicketType[];

  @Field(() => [PriorityCellSetting], { description: "The urgency × impact matrix in effect, nine cells, urgency HIGH first (setPriorityMatrix)." })
  priorityMatrix: PriorityCellSetting[];
}

/** One cell of the priority matrix as an admin reads it. */
@ObjectType({ description: "The priority a report of this urgency and impact gets." })
export class PriorityCellSetting {
  @Field(() => Urgency)
  urgency: Urgency;

  @Field(() => Impact)
  impact: Impact;

  @Field(() => Priority)
  priority: Priority;
}

/** One cell of the priority matrix as an admin sets it. */
@InputType({ description: "One cell: each urgency × impact pair once; a higher urgency or impact may not give a lower priority." })
export class PriorityCellInput {
  @Field(() => Urgency)
  urgency: Urgency;

  @Field(() => Impact)
  impact: Impact;

  @Field(() => Priority)
  priority: Priority;
}

/** One priority's SLA targets as an admin reads them. */
@ObjectType({ description: "How long the desk has to respond to and resolve a ticket of one priority, in minutes." })
export class SlaTargetSetting {
  @Field(() => Priority)
  priority: Priority;

  @Field(() => Int, { description: "Minutes from logging to the first response." })
  responseMinutes: number;

  @Field(() => Int, { description: "Minutes from logging to resolution (paused time not counted)." })
  resolutionMinutes: number;
}

/** One priority's SLA targets as an admin sets them. */
@InputType({
  description:
    "One priority's targets in whole minutes: response 1 or more and no longer than resolution, resolution at most 525600 (365 days); a less urgent priority may not get a shorter target than a more urgent one.",
})
export class SlaTargetInput {
  @Field(() => Priority)
  priority: Priority;

  @Field(() => Int)
  responseMinutes: number;

  @Field(() => Int)
  resolutionMinutes: number;
}

/** A change of settings: only the fields given change; null clears a nullable one. */
@InputType({ description: "Settings to change; fields left out stay as they are, null clears a nullable one." })
export class UpdateSiteSettingsInput {
  @Field(() => String, { nullable: true, description: "1 to 120 characters." })
  name?: string;

  @Field(() => String, { nullable: true, description: "1 to 6 digits or capital letters; only new ticket codes use it, codes already given keep theirs." })
  unitCode?: string;

  @Field(() => String, { nullable: true, description: "An IANA zone such as Asia/Makassar. New ticket codes follow its day; open tickets keep their due times." })
  timeZone?: string;

  @Field(() => [String], { nullable: true, description: "Some of id, en, each once, including the default language." })
  languages?: string[];

  @Field(() => Boolean, { nullable: true })
  reporterSetsImpact?: boolean;

  @Field(() => Boolean, { nullable: true, description: "The public form also offers the site's request items." })
  offersRequests?: boolean;

  @Field(() => Impact, { nullable: true })
  defaultImpact?: Impact;

  @Field(() => QueueOrder, { nullable: true })
  queueOrder?: QueueOrder;

  @Field(() => Int, { nullable: true, description: "0 (never) to 365." })
  reopenClosedWithinDays?: number;

  @Field(() => Int, { nullable: true, description: "1 to 8760." })
  autoCloseHours?: number;

  @Field(() => Boolean, { nullable: true, description: "false stops the weekly and monthly recap mail." })
  scheduledRecaps?: boolean;

  @Field(() => String, { nullable: true, description: "A lowercase address; null: none." })
  deskEmail?: string | null;

  @Field(() => Int, { nullable: true, description: "1 to 120 months; null: keep reporters' data." })
  retentionMonths?: number | null;

  @Field(() => String, { nullable: true, description: "id or en." })
  language?: string;

  @Field(() => String, { nullable: true })
  accentColor?: string | null;

  @Field(() => String, { nullable: true })
  logoUrl?: string | null;

  @Field(() => String, { nullable: true })
  trackingUrl?: string | null;

  @Field(() => [String], { nullable: true, description: "null: all events; [] none." })
  reporterMailEvents?: string[] | null;
}

/** One step of a ladder as an admin gives it. */
@InputType({ description: "One step: at share % of the target's window, escalate and/or notify." })
export class SlaLadderStepInput {
  @Field(() => Int, { description: "1 to 1000; 100 is the due time. Shares go up along the ladder." })
  share: number;

  @Field(() => Boolean)
  escalate: boolean;

  @Field(() => [String], { description: "Some of ASSIGNEE, GROUP, SUPERVISOR, MANAGER." })
  notify: string[];
}

/** The ladder of the targets given. */
@InputType({ description: "Steps per target; a target left out stays, null puts it back on the default ladder." })
export class SetSlaLadderInput {
  @Field(() => [SlaLadderStepInput], { nullable: true })
  response?: SlaLadderStepInput[] | null;

  @Field(() => [SlaLadderStepInput], { nullable: true })
  resolution?: SlaLadderStepInput[] | null;
}
