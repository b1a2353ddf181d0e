import type { EntityManager } from "typeorm";
import type { Dialect } from "../../db/transactions.js";
import { TicketEntity } from "../tickets/ticket.entity.js";

/**
 * Holds a ticket row for an anonymization: FOR UPDATE on MySQL (SKIP LOCKED for the retention
 * sweep, so gateways sweeping together share the work instead of queueing); SQLite's writes are
 * already serial. Null when the row is gone, held elsewhere (skipLocked), or already anonymized.
 */
export async function claimTicket(em: EntityManager, dialect: Dialect, siteId: string, id: string, skipLocked: boolean): Promise<TicketEntity | null> {
  const qb = em.createQueryBuilder(TicketEntity, "t").where("t.id = :id AND t.siteId = :siteId AND t.anonymizedAt IS NULL", { id, siteId });
  if (dialect === "mysql") {
    qb.setLock("pessimistic_write");
    if (skipLocked) qb.setOnLocked("skip_locked");
  }
  return qb.getOne();
}
