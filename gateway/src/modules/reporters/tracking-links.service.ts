import { randomBytes } from "node:crypto";
import { MoreThan, type DataSource } from "typeorm";
import { v7 as uuidv7 } from "uuid";
import type { Clock } from "../../clock.js";
import type { Transactor } from "../../db/transactions.js";
import { notFound } from "../../errors.js";
import type { Mail } from "../notifications/mail.js";
import type { Notifications } from "../notifications/notifications.service.js";
import type { SiteEntity } from "../sites/site.entity.js";
import { normalizeTicketCode } from "../tickets/ticket-code.rules.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { randomToken, sha256 } from "../tickets/tracking-token.js";
import { contactMatches, LINK_TTL_MINUTES, linkUsable, MAX_LINKS_PER_TICKET_PER_HOUR } from "./reporter-identity.rules.js";
import { TrackingLinkEntity } from "./tracking-link.entity.js";

const HOUR_MS = 3_600_000;

/**
 * One-time links that let an anonymous reporter back in: asked for with the code and the e-mail
 * or phone given on the report, mailed through the outbox to the report's e-mail, and exchanged
 * once for a fresh tracking token. Asking never says whether anything matched.
 */
export class TrackingLinks {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly clock: Clock,
    private readonly notifications: Notifications,
    private readonly mail: Pick<Mail, "trackingLink">,
  ) {}

  /** Mails a link when the code and contact match a ticket of the site with an e-mail; otherwise does nothing, silently. */
  async request(site: SiteEntity, code: string, contact: string): Promise<void> {
    const canonical = normalizeTicketCode(code);
    if (!canonical) return;
    const ticket = await this.ds.getRepository(TicketEntity).findOneBy({ siteId: site.id, code: canonical });
    if (!ticket?.reporterEmail || !contactMatches(ticket, contact)) return;
    const now = this.clock.now();
    await this.tx(async (em) => {
      const recent = await em.countBy(TrackingLinkEntity, { ticketId: ticket.id, createdAt: MoreThan(new Date(now.getTime() - HOUR_MS)) });
      if (recent >= MAX_LINKS_PER_TICKET_PER_HOUR) return;
      const secret = randomBytes(24).toString("base64url");
      const link = Object.assign(new TrackingLinkEntity(), {
        id: uuidv7(),
        ticketId: ticket.id,
        siteId: site.id,
        secretHash: sha256(secret),
        createdAt: now,
        expiresAt: new Date(now.getTime() + LINK_TTL_MINUTES * 60_000),
        usedAt: null,
      });
      await em.insert(TrackingLinkEntity, link);
      await this.notifications.enqueue(em, [this.mail.trackingLink(site, ticket, link.id, secret, LINK_TTL_MINUTES)]);
    });
  }

  /**
   * Exchanges a link for the ticket's code and a fresh tracking token, once: the token the
   * reporter lost stops working. NOT_FOUND for a link that is wrong, used, expired or another site's.
   */
  async open(site: SiteEntity, secret: string): Promise<{ code: string; trackingToken: string }> {
    const now = this.clock.now();
    const gone = () => notFound("This link has expired or was already used. Ask for a new one with the ticket code and your e-mail.");
    return this.tx(async (em) => {
      const link = await em.findOneBy(TrackingLinkEntity, { secretHash: sha256(secret) });
      if (!link || link.siteId !== site.id || !linkUsable(link, now)) throw gone();
      // Single use even when two clicks race: only the update that still sees it unused wins.
      const claimed = await em
        .createQueryBuilder()
        .update(TrackingLinkEntity)
        .set({ usedAt: now })
        .where("id = :id AND usedAt IS NULL", { id: link.id })
        .execute();
      if (!claimed.affected) throw gone();
      const ticket = await em.findOneBy(TicketEntity, { id: link.ticketId });
      if (!ticket) throw gone();
      const trackingToken = randomToken();
      // Keeps the version: a reporter getting back in is no change the desk's stale views should trip on.
      await em
        .createQueryBuilder()
        .update(TicketEntity)
        .set({ trackingTokenHash: sha256(trackingToken), version: () => "version" })
        .where("id = :id", { id: ticket.id })
        .execute();
      return { code: ticket.code, trackingToken };
    });
  }
}
