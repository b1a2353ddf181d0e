import type { DataSource } from "typeorm";
import { sharedWhileInFlight } from "../../db/shared-reads.js";
import { SiteEntity } from "../sites/site.entity.js";
import { mailLanguage } from "./mail-language.js";
import { isMailTemplate, renderMail, type RenderedMail } from "./mail-templates.js";

/** An EMAIL payload as planners write it. */
export interface MailPayload {
  template: string;
  language: string;
  to: string;
  vars: Record<string, unknown>;
}

/**
 * Renders stored EMAIL payloads with the site's current brand, at delivery (and for /demo/mail):
 * a brand changed before the mail left shows in it, and nothing on the request path renders.
 */
export class MailRenderer {
  /** A dispatcher round renders many mails of one site at once: they share one read of it. */
  private readonly site = sharedWhileInFlight((id: string) => this.ds.getRepository(SiteEntity).findOneBy({ id }));

  constructor(private readonly ds: DataSource) {}

  /** The mail of a payload; null when the payload names no known template (a bug upstream: dead, not retried). */
  async render(siteId: string, payload: Record<string, unknown>): Promise<RenderedMail | null> {
    const p = payload as Partial<MailPayload>;
    if (!isMailTemplate(p.template)) return null;
    const site = await this.site(siteId);
    return renderMail(p.template, mailLanguage(p.language, site?.language ?? "id"), p.vars ?? {}, {
      siteName: site?.name ?? "Sigap",
      accentColor: site?.accentColor ?? null,
      logoUrl: site?.logoUrl ?? null,
      timeZone: site?.timeZone ?? "UTC",
    });
  }
}
