import { Field, ID, InputType, ObjectType } from "type-graphql";

/** A canned response as the desk sees it. */
@ObjectType({ description: "A stock reply of the site that agents insert from the composer; renderCannedResponse fills its placeholders for a ticket." })
export class CannedResponse {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "Unique within the site and language (max 120)." })
  title: string;

  @Field(() => String, { description: "The text with its placeholders ({{reporter.name}} and the rest of cannedPlaceholders) as written (max 5000)." })
  body: string;

  @Field(() => String, { nullable: true, description: "id or en; null: offered whatever the reporter's language." })
  language: string | null;

  @Field(() => ID, { nullable: true, description: "The support group whose agents see it; null: the whole site." })
  groupId: string | null;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => String, { description: "The name of who saved it last." })
  updatedBy: string;
}

/** What a supervisor saves: a new response (no id) or a change to one. */
@InputType({ description: "A canned response to create (no id) or change; BAD_USER_INPUT names every bad field, CONFLICT a title already used in that language." })
export class CannedResponseInput {
  @Field(() => ID, { nullable: true, description: "The response to change; omit to create one." })
  id?: string | null;

  @Field(() => String, { description: "Required, max 120 characters; unique within the site and language." })
  title: string;

  @Field(() => String, { description: "Required, max 5000 characters; may use the placeholders of cannedPlaceholders." })
  body: string;

  @Field(() => String, { nullable: true, description: "id or en; omit or null for any language." })
  language?: string | null;

  @Field(() => ID, { nullable: true, description: "A support group of the site whose agents alone see it; omit or null for the whole site." })
  groupId?: string | null;
}
