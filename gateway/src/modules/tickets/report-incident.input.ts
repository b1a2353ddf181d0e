import { IsOptional, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { ReportedFields } from "./reported-fields.input.js";
import { Channel, Impact, Urgency } from "./ticket.enums.js";

/** What a reporter tells the desk (seed 002, figure 9; seed 001, SOP step 1); the desk logs the same for a caller (LogTicketInput). */
@InputType({ description: "An incident report from the embedded form." })
export class ReportIncidentInput extends ReportedFields {
  @Field(() => Channel, { nullable: true, description: "How it was reported. @default WEB" })
  @IsOptional()
  channel?: Channel | null;

  @Field(() => Urgency, { nullable: true, description: "The reporter's urgency. @default MEDIUM" })
  @IsOptional()
  urgency?: Urgency | null;

  @Field(() => Impact, { nullable: true, description: "The impact, taken only where the site lets reporters state it (PublicSite.reporterSetsImpact); otherwise the site's default impact. The desk confirms it." })
  @IsOptional()
  impact?: Impact | null;

  @Field(() => String, { nullable: true, description: "The site's formToken from when the form was loaded; required from browsers." })
  @IsOptional()
  @MaxLength(200, { message: "formToken is not one the gateway issued; reload the form" })
  formToken?: string | null;

  @Field(() => String, { nullable: true, description: "Leave empty: a field people never see, filled only by robots." })
  @IsOptional()
  @MaxLength(1000, { message: "website must be left empty" })
  website?: string | null;
}
