import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import {
  Channel,
  Impact,
  PendingReason,
  Priority,
  TicketStatus,
  TicketType,
  Urgency,
} from "./ticket.enums.js";
import { Label } from "./label.type.js";
import { RecoveryKeyEnum } from "../reporters/reporter.types.js";
import { TimelineEntry } from "./timeline-entry.types.js";

/** Where a ticket stands against its SLA targets right now. */
@ObjectType({ description: "Where a ticket stands against its SLA targets right now." })
export class SlaState {
  @Field(() => Boolean, { description: "The response target passed before anyone handled the ticket." })
  responseBreached: boolean;

  @Field(() => Boolean, { description: "The resolution target passed before the service was restored." })
  resolutionBreached: boolean;

  @Field(() => Boolean, { description: "Less than a quarter of the running target's time is left." })
  atRisk: boolean;

  @Field(() => Boolean, { description: "The resolution clock is stopped (PENDING)." })
  paused: boolean;

  @Field(() => Float, { nullable: true, description: "Milliseconds to the response target (negative once past); null once responded." })
  responseRemainingMs: number | null;

  @Field(() => Float, { nullable: true, description: "Milliseconds to the resolution target (negative once past); null once resolved." })
  resolutionRemainingMs: number | null;

  @Field(() => Float, { description: "Length of the response target's window in milliseconds, from the policy of the ticket's type (or the incident policy it follows) and priority: `atRisk` is under a quarter of it left." })
  responseWindowMs: number;

  @Field(() => Float, { description: "Length of the resolution target's window in milliseconds, from the policy of the ticket's type (or the incident policy it follows) and priority." })
  resolutionWindowMs: number;

  @Field(() => Boolean, { description: "The clock counts the site's business hours only (its weekly hours less holidays); false: 24×7. The remaining times above are business time." })
  businessTime: boolean;

  @Field(() => Boolean, { description: "The calendar counts time now (inside business hours, or always on a 24×7 clock); a paused ticket also says `paused`." })
  running: boolean;

  @Field(() => Date, { description: "The gateway's instant the remaining times were measured at; a countdown subtracts only running time since." })
  measuredAt: Date;

  @Field(() => Date, { nullable: true, description: "When `running` next flips by the calendar (the next opening or closing time); null on a 24×7 clock. A countdown may tick between reads only while running and until this instant." })
  changesAt: Date | null;
}

/** An uploaded evidence file. */
@ObjectType({ description: "An evidence file; download it from `url` with the same credentials." })
export class AttachmentInfo {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  filename: string;

  @Field(() => String, { description: "The type sniffed from the file's bytes." })
  contentType: string;

  @Field(() => Int)
  size: number;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => String, { description: "Path on the gateway to download the file, e.g. /attachments/<id>." })
  url: string;
}

/** The reporter's answers (seed 002, figure 11). */
@ObjectType({ description: "The reporter's satisfaction answers (seed 002, figure 11)." })
export class FeedbackView {
  @Field(() => Int)
  serviceRating: number;

  @Field(() => Int)
  restoredRating: number;

  @Field(() => Int)
  informationRating: number;

  @Field(() => String, { nullable: true })
  suggestion: string | null;

  @Field(() => Date)
  createdAt: Date;
}

/** What a reporter gets back from a report. */
@ObjectType({ description: "The receipt of a report. Keep the tracking token: it is shown once and opens the ticket." })
export class IncidentReceipt {
  @Field(() => [RecoveryKeyEnum], {
    description: "Exactly what the tracker will ask for to open this ticket again: SIGN_IN, or CODE with EMAIL (or PHONE), or CODE with TRACKING_TOKEN.",
  })
  findAgainWith: RecoveryKeyEnum[];

  @Field(() => String, { description: "Readable aloud: unit.DDMMYYYY.sequence, e.g. 01.18072019.003." })
  code: string;

  @Field(() => String, { description: "Secret; with the code it opens the ticket." })
  trackingToken: string;

  @Field(() => TicketStatus)
  status: TicketStatus;

  @Field(() => Priority)
  priority: Priority;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  responseDueAt: Date;

  @Field(() => Date)
  resolutionDueAt: Date;
}

/** What the reporter and the desk both see of a ticket. */
@ObjectType({ description: "Shared by TicketView and Ticket; not a type of the schema itself." })
export abstract class TicketFields {
  @Field(() => String)
  code: string;

  @Field(() => TicketStatus)
  status: TicketStatus;

  @Field(() => TicketType, { name: "type", description: "Incident, service request or work order: from the service it was reported under." })
  ticketType: TicketType;

  @Field(() => PendingReason, { nullable: true })
  pendingReason: PendingReason | null;

  @Field(() => Priority)
  priority: Priority;

  @Field(() => Urgency)
  urgency: Urgency;

  @Field(() => Impact)
  impact: Impact;

  @Field(() => Channel)
  channel: Channel;

  @Field(() => String, { nullable: true })
  problemType: string | null;

  @Field(() => String)
  description: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => Date)
  responseDueAt: Date;

  @Field(() => Date)
  resolutionDueAt: Date;

  @Field(() => Date, { nullable: true })
  firstRespondedAt: Date | null;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => String, { nullable: true })
  resolution: string | null;
}

/** The reporter's view of a ticket. */
@ObjectType({ description: "A ticket as its reporter sees it: no internal notes, no internal detail." })
export class TicketView extends TicketFields {
  /** Not in the schema: which ticket this is, for field resolvers that read more of it (shared live executions have no site key). */
  ticketId: string;

  /** Not in the schema: the ticket's site. */
  siteId: string;

  @Field(() => String, { nullable: true })
  serviceName: string | null;

  @Field(() => SlaState)
  sla: SlaState;

  @Field(() => [TimelineEntry], { description: "Public entries, oldest first." })
  timeline: TimelineEntry[];

  @Field(() => [AttachmentInfo])
  attachments: AttachmentInfo[];

  @Field(() => Boolean, { description: "Feedback can be sent now: resolved or closed, and none sent yet." })
  feedbackOpen: boolean;

  @Field(() => FeedbackView, { nullable: true })
  feedback: FeedbackView | null;

  @Field(() => Boolean, { description: "The reporter may answer the closure check now (confirmResolution): the ticket is RESOLVED." })
  confirmationOpen: boolean;

  @Field(() => Boolean, { description: "The reporter may withdraw the ticket now (withdrawTicket): the desk has not resolved, closed or cancelled it." })
  withdrawOpen: boolean;

  @Field(() => Label, { nullable: true, description: "Label of the closure code, when resolved." })
  closureLabel: Label | null;
}

/** The desk's view of a ticket: everything, including reporter contact and internal state. */
@ObjectType({ description: "A ticket as the desk sees it." })
export class Ticket extends TicketFields {
  @Field(() => ID)
  id: string;

  @Field(() => Boolean)
  isOpen: boolean;

  @Field(() => String, { nullable: true, description: "The caller's customer or account number, when the desk logged the ticket with one." })
  customerId: string | null;

  @Field(() => String)
  reporterName: string;

  @Field(() => String, { nullable: true })
  reporterPhone: string | null;

  @Field(() => String, { nullable: true })
  reporterEmail: string | null;

  @Field(() => String, { description: "The reporter's language, id or en: mail to them is in it, and the composer offers canned responses in it first." })
  reporterLanguage: string;

  @Field(() => Date, { nullable: true, description: "When the reporter's personal data was removed (retention or an erasure request, UU PDP); null: not." })
  anonymizedAt: Date | null;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true })
  kelurahan: string | null;

  @Field(() => String, { nullable: true })
  kecamatan: string | null;

  @Field(() => Date, { nullable: true })
  occurredAt: Date | null;

  @Field(() => ID, { nullable: true })
  serviceId: string | null;

  @Field(() => String, { nullable: true })
  systemState: string | null;

  @Field(() => String, { nullable: true })
  stepsTried: string | null;

  @Field(() => ID, { nullable: true })
  categoryId: string | null;

  @Field(() => ID, { nullable: true })
  groupId: string | null;

  @Field(() => ID, { nullable: true })
  assigneeId: string | null;

  @Field(() => Int, { description: "Support line holding the ticket: 1 service desk … 3 specialists." })
  supportLevel: number;

  @Field(() => Int, { description: "Management informed: 0 none, 1 supervisor, 2 manager." })
  hierarchyLevel: number;

  @Field(() => Date, { nullable: true })
  pausedAt: Date | null;

  @Field(() => String, { nullable: true })
  closureCode: string | null;

  @Field(() => Boolean)
  knowledgeBase: boolean;

  @Field(() => Int, { description: "Increases with every change." })
  version: number;
}

/** One row of the queue with its cursor. */
@ObjectType()
export class TicketEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Ticket)
  node: Ticket;
}

/** Relay-style page information. */
@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** A page of the desk queue. */
@ObjectType({ description: "A page of the desk queue: priority, then SLA due time, then arrival." })
export class TicketConnection {
  @Field(() => [TicketEdge])
  edges: TicketEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

/** A change to the desk queue. */
@ObjectType({ description: "A ticket that entered, changed in or left the queue; or RESYNC: refetch the queue." })
export class QueueEvent {
  @Field(() => String, {
    description: "CREATED or UPDATED; or RESYNC: events may have been missed while the gateway was cut off from its event bus, so refetch the queue.",
  })
  kind: string;

  @Field(() => Ticket, { nullable: true, description: "The ticket; null only when kind is RESYNC." })
  ticket: Ticket | null;
}
