import { MaxLength } from "class-validator";
import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { Label } from "../tickets/label.type.js";
import { CustomFieldType, MAX_TEXT_LENGTH } from "./custom-field.rules.js";

/** One allowed value of a choice field. */
@ObjectType({ description: "One allowed value of a CHOICE or MULTI_CHOICE field." })
export class CustomFieldChoice {
  @Field(() => String, { description: "What a report sends and the ticket stores; never changes." })
  value: string;

  @Field(() => Label)
  label: Label;
}

/** A custom field as the admin, the report form and the desk read it. */
@ObjectType({ description: "A custom field of the site: what the report form asks and the gateway validates (custom-field.rules)." })
export class CustomFieldDefinition {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "The key a report sends values under (fields.key in errors); unique per site, never changes." })
  key: string;

  @Field(() => CustomFieldType)
  type: CustomFieldType;

  @Field(() => Label)
  label: Label;

  @Field(() => Label, { nullable: true, description: "Help shown under the field; a language left empty shows the other's." })
  help: Label | null;

  @Field(() => String, { nullable: true, description: "The Indonesian help as saved (null: none), for editing: help falls back to the other language." })
  helpId: string | null;

  @Field(() => String, { nullable: true, description: "The English help as saved (null: none), for editing: help falls back to the other language." })
  helpEn: string | null;

  @Field(() => Boolean, { description: "A report in scope must give a value (BAD_USER_INPUT naming fields.<key> otherwise)." })
  required: boolean;

  @Field(() => [CustomFieldChoice], { description: "CHOICE and MULTI_CHOICE: the allowed values, in form order; [] otherwise." })
  choices: CustomFieldChoice[];

  @Field(() => Int, { nullable: true, description: "TEXT: most characters, counted as the database counts them (code points)." })
  maxLength: number | null;

  @Field(() => Float, { nullable: true, description: "NUMBER: least value." })
  min: number | null;

  @Field(() => Float, { nullable: true, description: "NUMBER: greatest value." })
  max: number | null;

  @Field(() => String, { nullable: true, description: "DATE: earliest, YYYY-MM-DD." })
  minDate: string | null;

  @Field(() => String, { nullable: true, description: "DATE: latest, YYYY-MM-DD." })
  maxDate: string | null;

  @Field(() => [ID], { nullable: true, description: "Asked only on reports about these services (site.services ids); null: on every report." })
  serviceIds: string[] | null;

  @Field(() => Int, { description: "Form order, from 0." })
  position: number;

  @Field(() => Boolean, { description: "No longer asked; values on old tickets still show." })
  retired: boolean;
}

/** A value of a ticket's custom field, with labels. */
@ObjectType({ description: "What a report gave for one custom field, with the field's label and the values in words." })
export class CustomFieldValue {
  @Field(() => String)
  key: string;

  @Field(() => CustomFieldType)
  type: CustomFieldType;

  @Field(() => Label)
  label: Label;

  @Field(() => [String], { description: "As stored: one for most types, one per chosen value for MULTI_CHOICE; YES_NO is true or false, DATE YYYY-MM-DD." })
  values: string[];

  @Field(() => [Label], { description: "The values in words (choice labels, Ya/Yes), in the order of values." })
  display: Label[];

  @Field(() => Label, { description: "The values in words joined with \", \", as a tracker or the queue shows them." })
  text: Label;
}

/** One choice as an admin gives it. */
@InputType({ description: "One allowed value of a choice field." })
export class CustomFieldChoiceInput {
  @Field(() => String, { description: "1–64 of A-Z a-z 0-9 _ . -; stored on tickets, so keep it stable." })
  value: string;

  @Field(() => String, { description: "Indonesian label." })
  labelId: string;

  @Field(() => String, { description: "English label." })
  labelEn: string;
}

/** A field to create (no id) or change (id). */
@InputType({ description: "A custom field to create (no id) or change (id; key and type cannot change once saved)." })
export class CustomFieldInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { description: "1–40 of a-z 0-9 _ -, starting with a letter." })
  key: string;

  @Field(() => CustomFieldType)
  type: CustomFieldType;

  @Field(() => String)
  labelId: string;

  @Field(() => String)
  labelEn: string;

  @Field(() => String, { nullable: true })
  helpId?: string | null;

  @Field(() => String, { nullable: true })
  helpEn?: string | null;

  @Field(() => Boolean, { nullable: true, description: "@default false" })
  required?: boolean | null;

  @Field(() => [CustomFieldChoiceInput], { nullable: true, description: "CHOICE and MULTI_CHOICE only." })
  choices?: CustomFieldChoiceInput[] | null;

  @Field(() => Int, { nullable: true, description: "TEXT only: 1 to 1000. @default 255" })
  maxLength?: number | null;

  @Field(() => Float, { nullable: true, description: "NUMBER only." })
  min?: number | null;

  @Field(() => Float, { nullable: true, description: "NUMBER only." })
  max?: number | null;

  @Field(() => String, { nullable: true, description: "DATE only, YYYY-MM-DD." })
  minDate?: string | null;

  @Field(() => String, { nullable: true, description: "DATE only, YYYY-MM-DD." })
  maxDate?: string | null;

  @Field(() => [ID], { nullable: true, description: "Services of the site it is asked for; null: every report." })
  serviceIds?: string[] | null;
}

/** One value a report gives for a custom field. */
@InputType({ description: "A value for one custom field; a MULTI_CHOICE field repeats its key once per chosen value. YES_NO: true or false; DATE: YYYY-MM-DD." })
export class CustomFieldValueInput {
  @Field(() => String)
  @MaxLength(40, { message: "a custom field key is at most 40 characters" })
  key: string;

  @Field(() => String, { description: "At most 1000 characters; a TEXT field's own maxLength applies." })
  @MaxLength(MAX_TEXT_LENGTH, { message: `a custom field value is at most ${MAX_TEXT_LENGTH} characters` })
  value: string;
}
