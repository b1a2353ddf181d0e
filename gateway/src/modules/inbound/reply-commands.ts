import type { DataSource } from "typeorm";
import { ReporterCommands } from "../tickets/reporter-commands.js";
import type { TicketChanges } from "../tickets/ticket-change.js";
import { TicketReads } from "../tickets/ticket-reads.js";
import type { TicketEntity } from "../tickets/ticket.entity.js";

/**
 * Reads that open a ticket by its id where the reporter's commands open it by code and tracking
 * token. A reply mail is authorized differently: its reply address carries the ticket id under
 * the gateway's HMAC and its sender is the ticket's reporter, both checked before this is used.
 */
class TicketByReplyAddress extends TicketReads {
  /** `code` is the ticket id the reply address named; there is no token to check. */
  override byTracking(siteId: string, ticketId: string, _token: string): Promise<TicketEntity> {
    return this.byId(siteId, ticketId);
  }
}

/**
 * The reporter's own commands (ReporterCommands: resume a PENDING ticket, reopen a RESOLVED one,
 * refuse a final one), opened by ticket id for mail. Call `message(site, ticketId, "", input)`.
 */
export function replyCommands(ds: DataSource, changes: TicketChanges): ReporterCommands {
  return new ReporterCommands(changes, new TicketByReplyAddress(ds));
}
