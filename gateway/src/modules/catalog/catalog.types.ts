import { Field, ID, Int, ObjectType } from "type-graphql";
import { TicketType } from "../tickets/ticket.enums.js";

/** An IT service of the catalogue, named in the reader's language. */
@ObjectType({ description: "An IT service, named in the reader's language (the other language when it has no translation)." })
export class ItService {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true, description: "Its help text in the reader's language." })
  description: string | null;

  @Field(() => Boolean, { description: "Retired by an admin: not offered any more, still named on old tickets. Never true in `site`." })
  retired: boolean;

  @Field(() => TicketType, { description: "The type of ticket a report under it opens: INCIDENT (report a problem), SERVICE_REQUEST (ask for something) or WORK_ORDER (a repair job)." })
  ticketType: TicketType;
}

/** An incident category, named in the reader's language. */
@ObjectType({ description: "An incident category, named in the reader's language (the other language when it has no translation)." })
export class Category {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true, description: "Its help text in the reader's language." })
  description: string | null;

  @Field(() => ID, { nullable: true })
  parentId: string | null;

  @Field(() => Boolean, { description: "Retired by an admin: not offered any more, still named on old tickets." })
  retired: boolean;
}

/** A support group at a support level. */
@ObjectType()
export class SupportGroup {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => Int)
  level: number;

  @Field(() => Boolean, { description: "Retired by an admin: not offered for allocation any more." })
  retired: boolean;
}
