import { Field, ID, Int, ObjectType } from "type-graphql";
import { ActorKind, Channel, Priority, TicketEventKind, TicketStatus, Visibility } from "./ticket.enums.js";
import { Label } from "./label.type.js";

/** One entry of a ticket's activity timeline. */
@ObjectType({ description: "One entry of a ticket's activity timeline: who, when, what changed." })
export class TimelineEntry {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field(() => TicketEventKind)
  kind: TicketEventKind;

  @Field(() => Visibility)
  visibility: Visibility;

  @Field(() => ActorKind)
  actorKind: ActorKind;

  @Field(() => String, { nullable: true })
  actorName: string | null;

  @Field(() => TicketStatus, { nullable: true })
  fromStatus: TicketStatus | null;

  @Field(() => TicketStatus, { nullable: true })
  toStatus: TicketStatus | null;

  @Field(() => String, { nullable: true, description: "The message, note, resolution or handling notes." })
  message: string | null;

  @Field(() => Int, { nullable: true, description: "Support line after a functional escalation." })
  supportLevel: number | null;

  @Field(() => Int, { nullable: true, description: "Management level after a hierarchical escalation: 1 supervisor, 2 manager." })
  hierarchyLevel: number | null;

  @Field(() => Priority, { nullable: true, description: "Priority after a classification." })
  priority: Priority | null;

  @Field(() => String, { nullable: true, description: "Closure code of a resolution; PENDING reason of a hold." })
  code: string | null;

  @Field(() => Label, { nullable: true, description: "Label of the closure code or pending reason, when known." })
  codeLabel: Label | null;

  @Field(() => Label, {
    nullable: true,
    description:
      "What the gateway itself says of this entry, in both languages: why the SLA ladder escalated it, why it closed by itself, that the reporter withdrew it, that an approval step went to the site's managers. `message` then holds only a person's own words.",
  })
  systemNote: Label | null;

  @Field(() => [ID])
  attachmentIds: string[];

  @Field(() => String, { nullable: true, description: "Desk only: group a ticket was assigned or escalated to." })
  groupName: string | null;

  @Field(() => String, { nullable: true, description: "Desk only: person a ticket was assigned or escalated to." })
  assigneeName: string | null;

  @Field(() => Channel, { nullable: true, description: "On a REPORTED entry the desk logged for a caller: how the caller reached it (the actor is the agent who logged it)." })
  channel: Channel | null;
}
