import { Field, ObjectType } from "type-graphql";
import type { TicketEntity } from "./ticket.entity.js";
import { Ticket } from "./ticket.types.js";

/** What logTicket answers: the new ticket, and the link the agent may read out or send to the caller. */
@ObjectType({ description: "A ticket the desk logged for a caller: read the code out, or send the tracking link." })
export class LoggedTicket {
  @Field(() => Ticket)
  ticket: TicketEntity;

  @Field(() => String, { nullable: true, description: "The tracker page with the code and the ticket's tracking token (shown once, as a reporter's receipt is): it opens the ticket for the caller." })
  trackingLink: string | null;
}
