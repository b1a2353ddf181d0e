import { ArrayMaxSize, IsIn, IsOptional, IsUUID, Matches, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { CustomFieldValueInput } from "../fields/custom-field.types.js";
import { MAIL_LANGUAGES, type MailLanguage } from "../notifications/mail-language.js";
import { FollowsRule } from "./field-rule.validator.js";
import { reportFieldRule } from "./field.rules.js";

/** Field limits of a report, from field.rules (the one source the schema's reportFields also reads). */
export const REPORT_LIMITS = {
  reporterName: reportFieldRule("reporterName").maxLength,
  reporterPhone: reportFieldRule("reporterPhone").maxLength,
  reporterEmail: reportFieldRule("reporterEmail").maxLength,
  location: reportFieldRule("location").maxLength,
  kelurahan: reportFieldRule("kelurahan").maxLength,
  kecamatan: reportFieldRule("kecamatan").maxLength,
  problemType: reportFieldRule("problemType").maxLength,
  description: reportFieldRule("description").maxLength,
  systemState: reportFieldRule("systemState").maxLength,
  stepsTried: reportFieldRule("stepsTried").maxLength,
  attachments: 10,
} as const;

/**
 * What a report says, whoever writes it down: the reporter in the embedded form
 * (ReportIncidentInput) or the desk for a caller (LogTicketInput). One declaration, so both
 * doors take the same fields with the same limits.
 */
@InputType({ description: "Shared by ReportIncidentInput and LogTicketInput; not a type of the schema itself." })
export abstract class ReportedFields {
  @Field(() => String, {
    nullable: true,
    description: "Client-generated key (8–64 of A-Z a-z 0-9 _ -). The same key with the same report returns the same ticket; with another report, CONFLICT.",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: "idempotencyKey must be 8–64 letters, digits, _ or -" })
  idempotencyKey?: string | null;

  @Field(() => String, { description: `Who reports (max ${REPORT_LIMITS.reporterName}).` })
  @FollowsRule(reportFieldRule("reporterName"))
  reporterName: string;

  @Field(() => String, { nullable: true, description: `Phone number (max ${REPORT_LIMITS.reporterPhone}).` })
  @IsOptional()
  @FollowsRule(reportFieldRule("reporterPhone"))
  reporterPhone?: string | null;

  @Field(() => String, { nullable: true, description: `E-mail address (max ${REPORT_LIMITS.reporterEmail}).` })
  @IsOptional()
  @FollowsRule(reportFieldRule("reporterEmail"))
  reporterEmail?: string | null;

  @Field(() => String, { nullable: true, description: "The reporter's language for mail about the ticket: `id` (Indonesian) or `en` (English); the site's language when not given." })
  @IsOptional()
  @IsIn(MAIL_LANGUAGES, { message: "language must be id or en" })
  language?: MailLanguage | null;

  @Field(() => String, { nullable: true, description: `Address or location (max ${REPORT_LIMITS.location}).` })
  @IsOptional()
  @FollowsRule(reportFieldRule("location"))
  location?: string | null;

  @Field(() => String, { nullable: true, description: `Village office (kelurahan) (max ${REPORT_LIMITS.kelurahan}).` })
  @IsOptional()
  @FollowsRule(reportFieldRule("kelurahan"))
  kelurahan?: string | null;

  @Field(() => String, { nullable: true, description: `Sub-district (kecamatan) (max ${REPORT_LIMITS.kecamatan}).` })
  @IsOptional()
  @FollowsRule(reportFieldRule("kecamatan"))
  kecamatan?: string | null;

  @Field(() => Date, { nullable: true, description: "When it happened; not in the future." })
  @IsOptional()
  occurredAt?: Date | null;

  @Field(() => ID, { nullable: true, description: "The affected IT service, from `site.services`." })
  @IsOptional()
  serviceId?: string | null;

  @Field(() => String, { nullable: true, description: `Problem type in the reporter's words (max ${REPORT_LIMITS.problemType}).` })
  @IsOptional()
  @FollowsRule(reportFieldRule("problemType"))
  problemType?: string | null;

  @Field(() => String, { description: `What is wrong (max ${REPORT_LIMITS.description}).` })
  @FollowsRule(reportFieldRule("description"))
  description: string;

  @Field(() => String, { nullable: true, description: `The state of the system now (max ${REPORT_LIMITS.systemState}).` })
  @IsOptional()
  @FollowsRule(reportFieldRule("systemState"))
  systemState?: string | null;

  @Field(() => String, { nullable: true, description: `What the reporter already tried (max ${REPORT_LIMITS.stepsTried}).` })
  @IsOptional()
  @FollowsRule(reportFieldRule("stepsTried"))
  stepsTried?: string | null;

  @Field(() => [ID], { nullable: true, description: `Evidence uploaded beforehand (at most ${REPORT_LIMITS.attachments}).` })
  @IsOptional()
  @ArrayMaxSize(REPORT_LIMITS.attachments, { message: `attachmentIds may list at most ${REPORT_LIMITS.attachments} files` })
  @IsUUID("all", { each: true, message: "attachmentIds must be ids returned by the upload endpoint" })
  attachmentIds?: string[] | null;

  @Field(() => [CustomFieldValueInput], {
    nullable: true,
    description: "Values for the site's custom fields (site.customFields): one entry per value, a MULTI_CHOICE key repeated per choice. A field the report's service does not ask, or a retired or unknown one, is refused (BAD_USER_INPUT naming fields.<key>).",
  })
  @IsOptional()
  @ArrayMaxSize(200, { message: "fields may hold at most 200 values" })
  @ValidateNested({ each: true })
  fields?: CustomFieldValueInput[] | null;
}
