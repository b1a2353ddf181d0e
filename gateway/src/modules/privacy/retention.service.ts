import type { Logger } from "pino";
import { In, IsNull, LessThan, type DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import { dialectOf, type Dialect, type Transactor } from "../../db/transactions.js";
import { recordAudit, systemActor } from "../audit/audit-trail.js";
import type { AttachmentStorage } from "../attachments/blob-store.js";
import type { SiteService } from "../sites/site.service.js";
import type { TicketChanges } from "../tickets/ticket-change.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { TicketStatus } from "../tickets/ticket.enums.js";
import { anonymizeTicket } from "./anonymize.js";
import { retentionCutoff } from "./privacy.rules.js";
import { claimTicket } from "./ticket-claim.js";

const BATCH = 200;
const ACTOR = systemActor("retention");

/**
 * A site's retention (UU PDP): reporters' personal data on tickets CLOSED or CANCELLED more
 * than the site's `retentionMonths` ago is anonymized (privacy/anonymize.ts), one ticket per
 * transaction with its audit line. It runs with the SLA sweep, on the same timer in every
 * gateway; each ticket is claimed with SKIP LOCKED and re-checked (`anonymized_at IS NULL`)
 * while held, so it is anonymized exactly once however many gateways sweep.
 */
export class Retention {
  private readonly dialect: Dialect;

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly sites: SiteService,
    private readonly changes: TicketChanges,
    private readonly storage: AttachmentStorage | null,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    this.dialect = dialectOf(ds);
  }

  /** One pass over every site that keeps data for a limited time; returns how many tickets were anonymized. */
  async run(): Promise<number> {
    const now = this.clock.now();
    let total = 0;
    for (const site of await this.sites.list()) {
      if (site.retentionMonths === null) continue;
      const cutoff = retentionCutoff(now, site.retentionMonths);
      for (;;) {
        const due = await this.ds.getRepository(TicketEntity).find({
          select: { id: true },
          where: { siteId: site.id, anonymizedAt: IsNull(), closedAt: LessThan(cutoff), status: In([TicketStatus.CLOSED, TicketStatus.CANCELLED]) },
          order: { closedAt: "ASC" },
          take: BATCH,
        });
        let done = 0;
        for (const { id } of due) {
          if (await this.anonymizeOne(site.id, id, cutoff).catch((err: unknown) => void this.log.error({ err, ticketId: id }, "retention failed on a ticket"))) done++;
        }
        total += done;
        // A batch whose tickets all went elsewhere (another gateway) or failed would come back the same: stop.
        if (due.length < BATCH || done === 0) break;
      }
    }
    if (total) this.log.info({ tickets: total }, "retention anonymized reporters' data on old closed tickets");
    return total;
  }

  private async anonymizeOne(siteId: string, id: string, cutoff: Date): Promise<boolean> {
    const now = this.clock.now();
    const result = await this.tx(async (em) => {
      const t = await claimTicket(em, this.dialect, siteId, id, true);
      // Re-checked while held: a ticket reopened since the read is not closed any more.
      if (!t || t.isOpen || !t.closedAt || t.closedAt >= cutoff) return null;
      const { fileIds } = await anonymizeTicket(em, t, now);
      await recordAudit(em, { siteId, actor: ACTOR, action: "ticket.anonymize", subjectType: "ticket", subjectId: t.code, after: { reason: "retention", files: fileIds.length } }, now);
      return { ticket: t, fileIds };
    });
    if (!result) return false;
    // Bytes go only after their rows: a row without bytes is never served.
    for (const fileId of result.fileIds) await this.storage?.blobs.remove(fileId);
    // Trackers and caches drop the old view (the tracker cache listens to the queue's events).
    this.changes.announce(result.ticket, "UPDATED", true);
    return true;
  }
}
