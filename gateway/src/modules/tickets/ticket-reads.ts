import type { DataSource } from "typeorm";
import { selectRows } from "../../db/rows.js";
import { notFound } from "../../errors.js";
import { normalizeTicketCode } from "./ticket-code.rules.js";
import { TicketEventEntity } from "./ticket-event.entity.js";
import { TicketEntity } from "./ticket.entity.js";
import { Visibility } from "./ticket.enums.js";
import { tokenOpens } from "./tracking-token.js";

/** Reads of tickets and their timelines that both the commands and the views use; nothing here writes. */
export class TicketReads {
  constructor(private readonly ds: DataSource) {}

  /** A ticket by id within a site, or NOT_FOUND. */
  async byId(siteId: string, ticketId: string): Promise<TicketEntity> {
    const [ticket] = await selectRows(this.ds.manager, TicketEntity, { siteId, id: ticketId }, { limit: 1 });
    if (!ticket) throw notFound(`No ticket ${ticketId} in this site.`);
    return ticket;
  }

  /** A ticket of a site by id or by code, or NOT_FOUND. */
  async byIdOrCode(siteId: string, idOrCode: string): Promise<TicketEntity> {
    const repo = this.ds.getRepository(TicketEntity);
    const code = normalizeTicketCode(idOrCode);
    const ticket = code ? await repo.findOneBy({ siteId, code }) : await repo.findOneBy({ siteId, id: idOrCode });
    if (!ticket) throw notFound(`No ticket ${idOrCode} in this site.`);
    return ticket;
  }

  /** The ticket a code and tracking token open; one NOT_FOUND for a wrong code or a wrong token. */
  async byTracking(siteId: string, code: string, token: string): Promise<TicketEntity> {
    const canonical = normalizeTicketCode(code);
    const ticket = canonical ? ((await selectRows(this.ds.manager, TicketEntity, { siteId, code: canonical }, { limit: 1 }))[0] ?? null) : null;
    if (!ticket || !tokenOpens(ticket.trackingTokenHash, token)) {
      throw notFound("No ticket matches this code and tracking token. Check both against your receipt.");
    }
    return ticket;
  }

  /** Every timeline entry of a ticket, internal notes included, oldest first (the desk's). */
  allEntries(ticketId: string): Promise<TicketEventEntity[]> {
    return selectRows(this.ds.manager, TicketEventEntity, { ticketId }, { orderBy: [["id", "ASC"]] });
  }

  /** The PUBLIC timeline entries of a ticket, oldest first (what visibility.rules lets a reporter receive). */
  publicEntries(ticketId: string): Promise<TicketEventEntity[]> {
    return selectRows(this.ds.manager, TicketEventEntity, { ticketId, visibility: Visibility.PUBLIC }, { orderBy: [["id", "ASC"]] });
  }
}
