import { IsOptional } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { Text } from "./field-rule.validator.js";
import { ReportedFields } from "./reported-fields.input.js";
import { Channel, Impact, Urgency } from "./ticket.enums.js";

/** Most characters of a caller's customer or account number (the ticket's customer_id column). */
export const CUSTOMER_ID_LIMIT = 64;

/**
 * A report the desk writes down for a caller (seed 002, figure 13: only the service desk fills
 * in the logging form, for phone, e-mail and walk-in reports): the report's fields, plus what
 * the desk settles while the caller is on the line.
 */
@InputType({ description: "A phone, e-mail or walk-in report the desk logs for the caller: the report's fields, the customer id, classification and allocation." })
export class LogTicketInput extends ReportedFields {
  @Field(() => Channel, { description: "How the caller reached the desk: PHONE, EMAIL or WALK_IN (WEB is the reporter's own form and is refused)." })
  channel: Channel;

  @Field(() => String, { nullable: true, description: `The caller's customer or account number (max ${CUSTOMER_ID_LIMIT}); shown to the desk only.` })
  @IsOptional()
  @Text("customerId", CUSTOMER_ID_LIMIT, false)
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: "A category of DeskDirectory.categories in use." })
  @IsOptional()
  categoryId?: string | null;

  @Field(() => Urgency, { nullable: true, description: "@default MEDIUM" })
  @IsOptional()
  urgency?: Urgency | null;

  @Field(() => Impact, { nullable: true, description: "The desk's impact; priority follows from the site's matrix (DeskDirectory.priorityMatrix). @default the site's default impact" })
  @IsOptional()
  impact?: Impact | null;

  @Field(() => ID, { nullable: true, description: "Allocate to a support group in use; with an assignee alone, the assignee's group." })
  @IsOptional()
  groupId?: string | null;

  @Field(() => ID, { nullable: true, description: "Allocate to an active agent of the site, or `me`." })
  @IsOptional()
  assigneeId?: string | null;
}
