/** The reporter's view of a ticket's type in words: what the tracker shows beside a request or work order. */
import { FieldResolver, Resolver, Root } from "type-graphql";
import { Label } from "./label.type.js";
import { TICKET_TYPE_LABEL } from "./ticket-type.labels.js";
import { TicketView } from "./ticket.types.js";

/** Ticket.typeLabel's twin on TicketView, read off the view itself (a shared live execution has no ticket row). */
@Resolver(() => TicketView)
export class TrackedTypeResolver {
  @FieldResolver(() => Label, { description: "What the ticket's type (incident, service request, work order) is called, in both languages." })
  typeLabel(@Root() view: TicketView): Label {
    return TICKET_TYPE_LABEL[view.ticketType];
  }
}
