import { conflict } from "../../errors.js";
import type { FeedbackInput } from "../tickets/desk.inputs.js";
import { acceptsFeedback } from "../tickets/status.rules.js";
import type { TicketChanges } from "../tickets/ticket-change.js";
import type { TicketEntity } from "../tickets/ticket.entity.js";
import { ActorKind, TicketEventKind, Visibility } from "../tickets/ticket.enums.js";
import { blankToNull } from "../tickets/timeline-entry.js";
import { FeedbackEntity } from "./feedback.entity.js";

/** The reporter's satisfaction (seed 002, figure 11): taken once per resolved ticket (read through FeedbackReads). */
export class FeedbackService {
  constructor(private readonly changes: TicketChanges) {}

  /** Records the reporter's answers on a ticket they opened; once per ticket, only once it is RESOLVED or CLOSED. */
  submit(found: TicketEntity, input: FeedbackInput): Promise<TicketEntity> {
    return this.changes.run(found.siteId, found.id, { kind: ActorKind.REPORTER, name: found.reporterName }, async (c) => {
      if (!acceptsFeedback(c.ticket.status)) {
        throw conflict(`Feedback opens once the ticket is resolved; it is ${c.ticket.status.replace("_", " ").toLowerCase()} now.`);
      }
      if (await c.em.existsBy(FeedbackEntity, { ticketId: c.ticket.id })) throw conflict("Feedback for this ticket was already sent; thank you.");
      await c.em.insert(FeedbackEntity, {
        ticketId: c.ticket.id,
        siteId: c.ticket.siteId,
        serviceRating: input.serviceRating,
        restoredRating: input.restoredRating,
        informationRating: input.informationRating,
        suggestion: blankToNull(input.suggestion),
        createdAt: c.now,
      });
      c.record({ kind: TicketEventKind.FEEDBACK, visibility: Visibility.PUBLIC });
      c.audit("ticket.reporter_feedback");
    });
  }
}
