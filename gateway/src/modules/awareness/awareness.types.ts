import { Field, ID, ObjectType } from "type-graphql";

/** Another agent on a ticket you have open. */
@ObjectType({ description: "Another agent on a ticket you have open, as their heartbeats tell (gone about 30 s after the last)." })
export class TicketViewer {
  @Field(() => ID)
  agentId: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean, { description: "They are writing a reply or a note now." })
  typing: boolean;

  @Field(() => Date, { description: "When they opened the ticket." })
  since: Date;
}
