import { Field, Float, Int, ObjectType } from "type-graphql";
import { Agent } from "../agents/agent.type.js";
import { Category, ItService, SupportGroup } from "../catalog/catalog.types.js";
import { Label } from "../tickets/label.type.js";
import { Impact, PendingReason, Priority, TicketStatus, TicketType, Urgency } from "../tickets/ticket.enums.js";

/** Help text for one urgency or impact level, in English and Indonesian. */
@ObjectType()
export class LevelHelp {
  @Field(() => String)
  level: Urgency | Impact;

  @Field(() => [String])
  en: string[];

  @Field(() => [String])
  id: string[];
}

/** The SLA targets of one priority. */
@ObjectType()
export class SlaTargetView {
  @Field(() => Priority)
  priority: Priority;

  @Field(() => String)
  labelEn: string;

  @Field(() => String)
  labelId: string;

  @Field(() => Int)
  responseMinutes: number;

  @Field(() => Int)
  resolutionMinutes: number;
}

/** One field of the report form, as the gateway validates it (tickets/field.rules). */
@ObjectType({ description: "One field of the report form, as the gateway validates it." })
export class ReportFieldRule {
  @Field(() => String, { description: "ReportIncidentInput field name, e.g. reporterPhone." })
  field: string;

  @Field(() => Int, { nullable: true, description: "Fewest characters, counted as the database counts them (code points)." })
  minLength: number | null;

  @Field(() => Int, { nullable: true, description: "Most characters, counted as the database counts them (code points)." })
  maxLength: number | null;

  @Field(() => String, { nullable: true, description: "ECMAScript regular expression source the whole value must match, or null." })
  pattern: string | null;

  @Field(() => Boolean, { description: "Required by the gateway itself (reporterName, description)." })
  required: boolean;
}

/** One cell of the priority matrix. */
@ObjectType({ description: "One cell of the urgency × impact matrix (seed 002, table 5)." })
export class PriorityCell {
  @Field(() => Urgency)
  urgency: Urgency;

  @Field(() => Impact)
  impact: Impact;

  @Field(() => Priority)
  priority: Priority;
}

/** A closure code resolveTicket accepts. */
@ObjectType({ description: "A closure code resolveTicket accepts, with its label." })
export class ClosureCodeInfo {
  @Field(() => String)
  code: string;

  @Field(() => Label)
  label: Label;
}

/** A reason a PENDING ticket waits on. */
@ObjectType({ description: "A reason changeTicketStatus takes for PENDING, with its label." })
export class PendingReasonInfo {
  @Field(() => PendingReason)
  reason: PendingReason;

  @Field(() => Label)
  label: Label;
}

/** A management level a hierarchical escalation informs. */
@ObjectType({ description: "A management level (Ticket.hierarchyLevel): 1 supervisor, 2 manager, with its label." })
export class ManagementLevelInfo {
  @Field(() => Int)
  level: number;

  @Field(() => Label)
  label: Label;
}

/** A ticket type the desk's queue filters on. */
@ObjectType({ description: "A ticket type the site's catalogue opens, with what it is called (as Ticket.typeLabel)." })
export class TicketTypeInfo {
  @Field(() => TicketType)
  type: TicketType;

  @Field(() => Label)
  label: Label;
}

/** A status of the lifecycle. */
@ObjectType({ description: "A status of the lifecycle with its flags and label." })
export class StatusInfo {
  @Field(() => TicketStatus)
  status: TicketStatus;

  @Field(() => Boolean, { description: "Still waits for the desk (in the default queue)." })
  open: boolean;

  @Field(() => Boolean, { description: "An end state no transition leaves." })
  final: boolean;

  @Field(() => Label)
  label: Label;
}

/** What a public widget needs to know about its site. */
@ObjectType({ description: "What the report form needs: the catalogue, help text and limits." })
export class PublicSite {
  @Field(() => String)
  name: string;

  @Field(() => String, { description: "IANA time zone of the site." })
  timeZone: string;

  @Field(() => [String], { description: "The languages the site's widgets offer (id, en), its default language first." })
  languages: string[];

  @Field(() => [ItService])
  services: ItService[];

  @Field(() => [LevelHelp], { description: "Seed 002 table 3." })
  urgencyHelp: LevelHelp[];

  @Field(() => [LevelHelp], { description: "Seed 002 table 4." })
  impactHelp: LevelHelp[];

  @Field(() => [SlaTargetView])
  slaPolicy: SlaTargetView[];

  @Field(() => Int)
  maxUploadBytes: number;

  @Field(() => Int)
  maxAttachmentsPerTicket: number;

  @Field(() => [String])
  allowedUploadTypes: string[];

  @Field(() => [ReportFieldRule], { description: "The report form's text fields with the limits and patterns the gateway validates." })
  reportFields: ReportFieldRule[];

  @Field(() => Boolean, { description: "Whether the public form may state impact; otherwise the site's default impact applies." })
  reporterSetsImpact: boolean;

  @Field(() => Boolean, { description: "The site takes requests on its form: `services` then holds request items (SERVICE_REQUEST) beside the incident services, and the form asks first whether the reporter reports a problem or requests something." })
  offersRequests: boolean;

  @Field(() => Float, { description: "Share of a target's window below which a running SLA target counts as at risk." })
  atRiskFraction: number;
}

/** One step of the site's SLA escalation ladder (sla/ladder.rules). */
@ObjectType({ description: "One step of the site's SLA escalation ladder: at a share of a target's window, escalate and/or notify." })
export class SlaLadderStepView {
  @Field(() => String, { description: "RESPONSE or RESOLUTION." })
  target: string;

  @Field(() => Int, { description: "Percent of the target's window; 100 is the due time." })
  share: number;

  @Field(() => Boolean, { description: "Escalates one level (the automatic escalation)." })
  escalate: boolean;

  @Field(() => [String], { description: "Who is mailed: ASSIGNEE, GROUP, SUPERVISOR, MANAGER." })
  notify: string[];

  @Field(() => String, { description: "The step as `sigap site:ladder` writes it, e.g. ESCALATE+ALERT_SUPERVISOR." })
  action: string;
}

/** Everything the desk picks from when classifying and allocating. */
@ObjectType()
export class DeskDirectory {
  @Field(() => [ItService])
  services: ItService[];

  @Field(() => [Category])
  categories: Category[];

  @Field(() => [SupportGroup])
  groups: SupportGroup[];

  @Field(() => [Agent])
  agents: Agent[];

  @Field(() => [SlaTargetView])
  slaPolicy: SlaTargetView[];

  @Field(() => [PriorityCell], { description: "All nine cells of the site's urgency × impact matrix (seed 002's until an admin sets its own with setPriorityMatrix)." })
  priorityMatrix: PriorityCell[];

  @Field(() => [ClosureCodeInfo], { description: "The closure codes resolveTicket accepts (BAD_USER_INPUT otherwise)." })
  closureCodes: ClosureCodeInfo[];

  @Field(() => [TicketTypeInfo], { description: "The ticket types the site's catalogue opens (INCIDENT always, the others where a service, retired or not, carries them), with their labels: what QueueFilter.types filters on." })
  ticketTypes: TicketTypeInfo[];

  @Field(() => [StatusInfo], { description: "Every status in lifecycle order, with open/final flags." })
  statuses: StatusInfo[];

  @Field(() => [PendingReasonInfo], { description: "The reasons a PENDING ticket may wait on, in the order a form offers them." })
  pendingReasons: PendingReasonInfo[];

  @Field(() => [ManagementLevelInfo], { description: "The management levels Ticket.hierarchyLevel counts, lowest first." })
  managementLevels: ManagementLevelInfo[];

  @Field(() => Float, { description: "Share of a target's window below which a running SLA target counts as at risk." })
  atRiskFraction: number;

  @Field(() => [SlaLadderStepView], { description: "The site's SLA escalation ladder, RESPONSE steps then RESOLUTION steps (an ADMIN sets it with setSlaLadder or `sigap site:ladder`)." })
  slaLadder: SlaLadderStepView[];
}
