import { In, IsNull, type DataSource, type EntityManager } from "typeorm";
import { badField, badInput } from "../../errors.js";
import type { SiteEntity } from "../sites/site.entity.js";
import { AttachmentEntity } from "./attachment.entity.js";

/** Evidence files: linking uploads to tickets and listing them. */
export class AttachmentService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Links uploaded files to a ticket inside the caller's transaction. Each id must be an
   * upload of this site not yet linked elsewhere, and the ticket must stay within the site's
   * per-ticket limit.
   */
  async link(em: EntityManager, site: SiteEntity, ticketId: string, ids: readonly string[], field = "attachmentIds"): Promise<void> {
    if (!ids.length) return;
    const unique = [...new Set(ids)];
    const rows = await em.findBy(AttachmentEntity, { id: In(unique), siteId: site.id });
    const usable = rows.filter((r) => r.ticketId === null || r.ticketId === ticketId);
    if (usable.length !== unique.length) {
      throw badField(field, "Some attachments are unknown or already belong to another ticket; upload them again.");
    }
    const already = await em.countBy(AttachmentEntity, { ticketId });
    const adding = usable.filter((r) => r.ticketId === null).length;
    if (already + adding > site.maxAttachmentsPerTicket) {
      throw badInput([{ field, message: `A ticket can have at most ${site.maxAttachmentsPerTicket} attachments.` }]);
    }
    await em.update(AttachmentEntity, { id: In(unique), ticketId: IsNull() }, { ticketId });
  }

  /** Attachments of a ticket, oldest first. */
  forTicket(ticketId: string): Promise<AttachmentEntity[]> {
    return this.ds.getRepository(AttachmentEntity).find({ where: { ticketId }, order: { createdAt: "ASC" } });
  }
}
