import type { Logger } from "pino";
import { In, type DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import type { Transactor } from "../../db/transactions.js";
import { AgentEntity } from "../agents/agent.entity.js";
import { Role } from "../agents/role.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import { recapDocument, recapPeriodText, recapTitle } from "../documents/recap.document.js";
import { renderPdf } from "../documents/pdf-document.js";
import { mailDraft } from "../notifications/mail-planners.js";
import type { MailAttachment } from "../notifications/mail.js";
import type { OutboxDraft } from "../notifications/notification.types.js";
import type { Notifications } from "../notifications/notifications.service.js";
import { OutboxMessageEntity } from "../notifications/outbox-message.entity.js";
import type { SiteEntity } from "../sites/site.entity.js";
import type { SiteService } from "../sites/site.service.js";
import { duePeriod, recapEventId, receivesRecap, SCHEDULED_PERIODS, type ScheduledPeriod } from "./recap-schedule.rules.js";
import type { RecapService } from "./recap.service.js";
import { RecapDimension } from "./recap.types.js";

/** What a recap mail's payload carries: enough to write its body, and to draw its PDF when it leaves. */
interface RecapMailVars {
  agentId: string;
  period: ScheduledPeriod;
  from: string;
  to: string;
  scope: string;
  ticketsIn: number;
  resolved: number;
  closed: number;
  backlog: number;
}

const SCOPE = { site: { en: "The whole site", id: "Seluruh situs" }, group: { en: "Group", id: "Grup" } } as const;

// The breakdowns the attached PDF shows after the headline figures.
const BREAKDOWNS = [RecapDimension.TYPE, RecapDimension.SERVICE, RecapDimension.CATEGORY, RecapDimension.PRIORITY, RecapDimension.GROUP];

/**
 * The weekly and monthly recap mail (recap-schedule.rules), run by every gateway's sweep. Each
 * recipient's message goes into the outbox under one event id per site and period, so two
 * gateways racing write it once; its figures are counted as the recipient asking (a supervisor's
 * are their group's) in their language, and its PDF is drawn when the mail leaves, so the outbox
 * row stays small.
 */
export class ScheduledRecaps {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly sites: SiteService,
    private readonly catalog: CatalogService,
    private readonly recaps: RecapService,
    private readonly notifications: Notifications,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Writes the recap mails that are due and not yet written; returns how many it wrote. */
  async run(): Promise<number> {
    const now = this.clock.now();
    let written = 0;
    for (const site of await this.sites.list()) {
      for (const period of SCHEDULED_PERIODS) {
        const bounds = duePeriod(site, period, now);
        if (!bounds) continue;
        written += await this.raise(site, period, bounds).catch((error: unknown) => {
          this.log.error({ err: error, siteId: site.id, period }, "scheduled recap failed");
          return 0;
        });
      }
    }
    return written;
  }

  private async raise(site: SiteEntity, period: ScheduledPeriod, bounds: { from: Date; to: Date }): Promise<number> {
    const eventId = recapEventId(site.id, period, bounds.from);
    const sent = new Set((await this.ds.getRepository(OutboxMessageEntity).find({ where: { eventId, channel: "EMAIL" }, select: { recipient: true } })).map((m) => m.recipient));
    const agents = await this.ds.getRepository(AgentEntity).findBy({ siteId: site.id, role: In([Role.MANAGER, Role.SUPERVISOR]), active: true });
    const due = agents.filter((a) => receivesRecap(a) && !sent.has(a.email.toLowerCase()));
    if (!due.length) return 0;
    const groups = new Map((await this.catalog.groups(site.id)).map((g) => [g.id, g.name]));
    const drafts: OutboxDraft[] = [];
    for (const agent of due) {
      const { totals } = await this.recaps.recap(agent, { period, from: bounds.from });
      const scope = agent.role === Role.SUPERVISOR ? `${SCOPE.group[agent.language]}: ${groups.get(agent.groupId!) ?? ""}` : SCOPE.site[agent.language];
      const vars: RecapMailVars = {
        agentId: agent.id,
        period,
        from: bounds.from.toISOString(),
        to: bounds.to.toISOString(),
        scope,
        ticketsIn: totals.ticketsIn,
        resolved: totals.resolved,
        closed: totals.closed,
        backlog: totals.backlog,
      };
      const words = { title: recapTitle(period, agent.language), periodText: recapPeriodText({ ...bounds, timeZone: site.timeZone }, agent.language) };
      drafts.push(mailDraft(eventId, site.id, null, agent.email.toLowerCase(), "recap", agent.language, { ...vars, ...words }));
    }
    // In a transaction of its own (on SQLite, queued with the others on the file), not a ticket's:
    // the outbox's unique event id keeps a second gateway's copy out.
    await this.tx((em) => this.notifications.enqueue(em, drafts));
    return drafts.length;
  }

  /** The recap PDF a recap mail carries, drawn as it leaves (as its recipient would see the recap now). */
  async attachment(siteId: string, vars: Record<string, unknown>): Promise<MailAttachment[]> {
    const v = vars as Partial<RecapMailVars>;
    const agent = v.agentId ? await this.ds.getRepository(AgentEntity).findOneBy({ id: v.agentId, siteId }) : null;
    if (!agent || !v.period || !v.from) return [];
    const site = await this.sites.get(siteId);
    const recap = await this.recaps.recap(agent, { period: v.period, from: new Date(v.from), groupBy: BREAKDOWNS });
    const pdf = await renderPdf(recapDocument(recap, { siteName: site.name, language: agent.language, period: v.period, scope: v.scope ?? "" }));
    return [{ filename: `recap-${v.period.toLowerCase()}-${v.from.slice(0, 10)}.pdf`, content: pdf, contentType: "application/pdf" }];
  }
}
