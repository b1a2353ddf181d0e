import { IsEmail, IsOptional, Length, Matches, MaxLength, ArrayMaxSize, IsUUID } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { Channel, Impact, Urgency } from "./ticket.enums.js";

/** Field limits of a report; the widgets read the same numbers from the schema's descriptions. */
export const REPORT_LIMITS = {
  reporterName: 120,
  reporterPhone: 40,
  reporterEmail: 254,
  location: 255,
  kelurahan: 80,
  kecamatan: 80,
  problemType: 120,
  description: 5000,
  systemState: 2000,
  stepsTried: 2000,
  attachments: 10,
} as const;

/** What a reporter tells the desk (seed 002, figure 9; seed 001, SOP step 1). */
@InputType({ description: "An incident report from the embedded form." })
export class ReportIncidentInput {
  @Field(() => String, {
    nullable: true,
    description: "Client-generated key (8–64 of A-Z a-z 0-9 _ -). The same key twice returns the same receipt.",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: "idempotencyKey must be 8–64 letters, digits, _ or -" })
  idempotencyKey?: string | null;

  @Field(() => Channel, { nullable: true, description: "How it was reported. @default WEB" })
  @IsOptional()
  channel?: Channel | null;

  @Field(() => String, { description: `Who reports (max ${REPORT_LIMITS.reporterName}).` })
  @Length(1, REPORT_LIMITS.reporterName, { message: `reporterName is required, at most ${REPORT_LIMITS.reporterName} characters` })
  reporterName: string;

  @Field(() => String, { nullable: true, description: `Phone number (max ${REPORT_LIMITS.reporterPhone}).` })
  @IsOptional()
  @Matches(/^\+?[0-9 ().-]{6,40}$/, { message: "reporterPhone must be a phone number: digits, spaces, + ( ) . -" })
  reporterPhone?: string | null;

  @Field(() => String, { nullable: true, description: `E-mail address (max ${REPORT_LIMITS.reporterEmail}).` })
  @IsOptional()
  @MaxLength(REPORT_LIMITS.reporterEmail, { message: `reporterEmail must be at most ${REPORT_LIMITS.reporterEmail} characters` })
  @IsEmail({}, { message: "reporterEmail must be an e-mail address like name@example.com" })
  reporterEmail?: string | null;

  @Field(() => String, { nullable: true, description: `Address or location (max ${REPORT_LIMITS.location}).` })
  @IsOptional()
  @MaxLength(REPORT_LIMITS.location, { message: `location must be at most ${REPORT_LIMITS.location} characters` })
  location?: string | null;

  @Field(() => String, { nullable: true, description: `Village office (kelurahan) (max ${REPORT_LIMITS.kelurahan}).` })
  @IsOptional()
  @MaxLength(REPORT_LIMITS.kelurahan, { message: `kelurahan must be at most ${REPORT_LIMITS.kelurahan} characters` })
  kelurahan?: string | null;

  @Field(() => String, { nullable: true, description: `Sub-district (kecamatan) (max ${REPORT_LIMITS.kecamatan}).` })
  @IsOptional()
  @MaxLength(REPORT_LIMITS.kecamatan, { message: `kecamatan must be at most ${REPORT_LIMITS.kecamatan} characters` })
  kecamatan?: string | null;

  @Field(() => Date, { nullable: true, description: "When it happened; not in the future." })
  @IsOptional()
  occurredAt?: Date | null;

  @Field(() => ID, { nullable: true, description: "The affected IT service, from `site.services`." })
  @IsOptional()
  serviceId?: string | null;

  @Field(() => String, { nullable: true, description: `Problem type in the reporter's words (max ${REPORT_LIMITS.problemType}).` })
  @IsOptional()
  @MaxLength(REPORT_LIMITS.problemType, { message: `problemType must be at most ${REPORT_LIMITS.problemType} characters` })
  problemType?: string | null;

  @Field(() => String, { description: `What is wrong (max ${REPORT_LIMITS.description}).` })
  @Length(1, REPORT_LIMITS.description, { message: `description is required, at most ${REPORT_LIMITS.description} characters` })
  description: string;

  @Field(() => String, { nullable: true, description: `The state of the system now (max ${REPORT_LIMITS.systemState}).` })
  @IsOptional()
  @MaxLength(REPORT_LIMITS.systemState, { message: `systemState must be at most ${REPORT_LIMITS.systemState} characters` })
  systemState?: string | null;

  @Field(() => String, { nullable: true, description: `What the reporter already tried (max ${REPORT_LIMITS.stepsTried}).` })
  @IsOptional()
  @MaxLength(REPORT_LIMITS.stepsTried, { message: `stepsTried must be at most ${REPORT_LIMITS.stepsTried} characters` })
  stepsTried?: string | null;

  @Field(() => Urgency, { nullable: true, description: "The reporter's urgency. @default MEDIUM" })
  @IsOptional()
  urgency?: Urgency | null;

  @Field(() => Impact, { nullable: true, description: "The impact, if the form asks for it; the desk confirms it. @default MEDIUM" })
  @IsOptional()
  impact?: Impact | null;

  @Field(() => [ID], { nullable: true, description: `Evidence uploaded beforehand (at most ${REPORT_LIMITS.attachments}).` })
  @IsOptional()
  @ArrayMaxSize(REPORT_LIMITS.attachments, { message: `attachmentIds may list at most ${REPORT_LIMITS.attachments} files` })
  @IsUUID("all", { each: true, message: "attachmentIds must be ids returned by the upload endpoint" })
  attachmentIds?: string[] | null;

  @Field(() => String, { nullable: true, description: "The site's formToken from when the form was loaded; required from browsers." })
  @IsOptional()
  @MaxLength(200, { message: "formToken is not one the gateway issued; reload the form" })
  formToken?: string | null;

  @Field(() => String, { nullable: true, description: "Leave empty: a field people never see, filled only by robots." })
  @IsOptional()
  @MaxLength(1000, { message: "website must be left empty" })
  website?: string | null;
}
