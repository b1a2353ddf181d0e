import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Max, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { ResolutionAnswer } from "./confirmation.rules.js";
import { Text } from "./field-rule.validator.js";
import { TEXT_LIMIT } from "./field.rules.js";
import { QueueView } from "./queue-views.rules.js";
import { EscalationKind, Impact, PendingReason, Priority, TicketStatus, TicketType, Urgency } from "./ticket.enums.js";

export { TEXT_LIMIT } from "./field.rules.js";

/** Logging and classification by the desk (seed 002, figure 13). */
@InputType()
export class ClassifyTicketInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  categoryId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  serviceId?: string | null;

  @Field(() => Urgency, { nullable: true })
  @IsOptional()
  urgency?: Urgency | null;

  @Field(() => Impact, { nullable: true })
  @IsOptional()
  impact?: Impact | null;

  @Field(() => String, { nullable: true, description: "Why the classification changed; goes to the internal timeline." })
  @IsOptional()
  @Text("note", TEXT_LIMIT, false)
  note?: string | null;
}

/** Allocation to a group and/or a person. */
@InputType()
export class AssignTicketInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  groupId?: string | null;

  @Field(() => ID, { nullable: true, description: "An agent of the site; omit to leave the person unchanged." })
  @IsOptional()
  assigneeId?: string | null;
}

/** A status change along the graph. */
@InputType()
export class ChangeStatusInput {
  @Field(() => TicketStatus)
  status: TicketStatus;

  @Field(() => PendingReason, { nullable: true, description: "Required when the status is PENDING." })
  @IsOptional()
  pendingReason?: PendingReason | null;

  @Field(() => String, { nullable: true, description: "Shown to the reporter with the change." })
  @IsOptional()
  @Text("note", TEXT_LIMIT, false)
  note?: string | null;

  @Field(() => String, { nullable: true, description: "Required when the status is RESOLVED." })
  @IsOptional()
  @Text("resolution", TEXT_LIMIT, false)
  resolution?: string | null;

  @Field(() => String, { nullable: true, description: "Required when the status is RESOLVED." })
  @IsOptional()
  @Text("closureCode", 40, false)
  closureCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Draft a knowledge-base article from the resolution, linked to the ticket (saveArticle and the review path take it from there). @default false" })
  @IsOptional()
  addToKnowledgeBase?: boolean | null;
}

/** The escalation form (seed 002, figure 14): level, the person, handling notes. */
@InputType()
export class EscalateTicketInput {
  @Field(() => EscalationKind)
  kind: EscalationKind;

  @Field(() => Int, {
    nullable: true,
    description: "Target level: support line 2–3 (functional) or 1 supervisor, 2 manager (hierarchical). @default one above the current",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3)
  level?: number | null;

  @Field(() => ID, { nullable: true, description: "Group to hand the ticket to (functional)." })
  @IsOptional()
  groupId?: string | null;

  @Field(() => ID, { nullable: true, description: "The person who takes it over or is informed." })
  @IsOptional()
  agentId?: string | null;

  @Field(() => String, { description: "Handling notes for whoever receives it." })
  @Text("notes", TEXT_LIMIT, true)
  notes: string;
}

/** The closure form (seed 002, figure 15). */
@InputType()
export class ResolveTicketInput {
  @Field(() => String)
  @Text("resolution", TEXT_LIMIT, true)
  resolution: string;

  @Field(() => String, { description: "A closure code of DeskDirectory.closureCodes, e.g. FIXED, WORKAROUND, NO_FAULT_FOUND." })
  @Text("closureCode", 40, true)
  closureCode: string;

  @Field(() => Boolean, { nullable: true, description: "@default false" })
  @IsOptional()
  addToKnowledgeBase?: boolean | null;
}

/** A message on the ticket, public or internal. */
@InputType()
export class MessageInput {
  @Field(() => String)
  @Text("body", TEXT_LIMIT, true)
  body: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsUUID("all", { each: true, message: "attachmentIds must be ids returned by the upload endpoint" })
  attachmentIds?: string[] | null;
}

/** The reporter's answer to the closure check on a resolved ticket (seed 001). */
@InputType()
export class ConfirmResolutionInput {
  @Field(() => ResolutionAnswer)
  answer: ResolutionAnswer;

  @Field(() => String, { nullable: true, description: "What is still wrong; required when the answer is NOT_FIXED, optional thanks otherwise." })
  @Text("words", TEXT_LIMIT, false)
  words?: string | null;
}

/** The reporter's withdrawal of their ticket. */
@InputType({ description: "The reporter's withdrawal of their own ticket before it is resolved." })
export class WithdrawTicketInput {
  @Field(() => String, { nullable: true, description: "Why, for the desk: shown on the public timeline." })
  @Text("words", TEXT_LIMIT, false)
  words?: string | null;
}

/** Queue filters; all optional. */
@InputType()
export class QueueFilter {
  @Field(() => QueueView, { nullable: true, description: "A built-in view; the other filters narrow it. @default open tickets" })
  @IsOptional()
  view?: QueueView | null;

  @Field(() => [TicketStatus], { nullable: true, description: "@default NEW, ASSIGNED, IN_PROGRESS, PENDING" })
  @IsOptional()
  statuses?: TicketStatus[] | null;

  @Field(() => [Priority], { nullable: true })
  @IsOptional()
  priorities?: Priority[] | null;

  @Field(() => [TicketType], { nullable: true, description: "Only tickets of these types (incident, service request, work order)." })
  @IsOptional()
  types?: TicketType[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  groupId?: string | null;

  @Field(() => ID, { nullable: true, description: "An agent id, or `me`." })
  @IsOptional()
  assigneeId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Only tickets past a response or resolution target (true) or within them (false)." })
  @IsOptional()
  breached?: boolean | null;

  @Field(() => String, { nullable: true, description: "With fieldValue: only tickets whose custom field of this key holds that value (one of the values, for MULTI_CHOICE)." })
  @IsOptional()
  @Text("fieldKey", 40, false)
  fieldKey?: string | null;

  @Field(() => String, { nullable: true, description: "The stored value to match (a choice's value, true/false for YES_NO, YYYY-MM-DD for DATE)." })
  @IsOptional()
  @Text("fieldValue", 1000, false)
  fieldValue?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Find tickets by code (whole or an ending such as `001` or `2026-001`), reporter phone or e-mail, or words (3+ letters, each a word prefix) of the reporter name, problem, description and every message and note; 1–200 characters. Without statuses it spans every status. Results come newest first.",
  })
  @IsOptional()
  search?: string | null;
}

/** The three questions of seed 002 figure 11, each 1–5 stars, and a suggestion. */
@InputType()
export class FeedbackInput {
  @Field(() => Int, { description: "Are you satisfied with the reporting service? 1–5" })
  @IsInt()
  @Min(1, { message: "serviceRating must be 1 to 5 stars" })
  @Max(5, { message: "serviceRating must be 1 to 5 stars" })
  serviceRating: number;

  @Field(() => Int, { description: "Can the service be used properly again? 1–5" })
  @IsInt()
  @Min(1, { message: "restoredRating must be 1 to 5 stars" })
  @Max(5, { message: "restoredRating must be 1 to 5 stars" })
  restoredRating: number;

  @Field(() => Int, { description: "Did the information meet your needs? 1–5" })
  @IsInt()
  @Min(1, { message: "informationRating must be 1 to 5 stars" })
  @Max(5, { message: "informationRating must be 1 to 5 stars" })
  informationRating: number;

  @Field(() => String, { nullable: true, description: "A free suggestion (max 2000)." })
  @IsOptional()
  @Text("suggestion", 2000, false)
  suggestion?: string | null;
}
