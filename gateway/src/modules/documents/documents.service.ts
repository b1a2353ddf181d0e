import type { DataSource } from "typeorm";
import type { AttachmentService } from "../attachments/attachment.service.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import { displayValue } from "../fields/custom-field.rules.js";
import type { CustomFieldService } from "../fields/custom-fields.service.js";
import type { MailLanguage } from "../notifications/mail-language.js";
import { labelsFor } from "../recaps/recap-labels.js";
import { ticketTimes } from "../recaps/recap.rules.js";
import type { RecapScope } from "../recaps/recap-scope.rules.js";
import { RecapDimension } from "../recaps/recap.types.js";
import type { SiteService } from "../sites/site.service.js";
import { readSiteCalendar } from "../sla/business-calendars.js";
import { calendarFor } from "../sla/sla-calendar.rules.js";
import type { TicketReads } from "../tickets/ticket-reads.js";
import { TicketEventEntity } from "../tickets/ticket-event.entity.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { TicketEventKind, TicketStatus } from "../tickets/ticket.enums.js";
import type { ClosedIncident } from "./closed-incidents.document.js";
import { renderPdf } from "./pdf-document.js";
import { type ReportAudience, ticketReportDocument } from "./ticket-report.document.js";

/** Rows read per page of the closed-incidents report, so a big month never sits in memory at once. */
export const CLOSED_PAGE = 500;

/** A closed-incidents report's request: the site, the period [from, to) and the asker's scope (recap-scope.rules). */
export interface ClosedIncidentsQuery {
  siteId: string;
  from: Date;
  to: Date;
  scope: RecapScope;
  language: MailLanguage;
}

/** Reads what the documents show and renders them (documents/*.document.ts build them). */
export class DocumentService {
  constructor(
    private readonly ds: DataSource,
    private readonly sites: SiteService,
    private readonly catalog: CatalogService,
    private readonly fields: CustomFieldService,
    private readonly attachments: AttachmentService,
    private readonly reads: TicketReads,
  ) {}

  /** One ticket's report as a PDF, for its reporter (public record) or the desk (everything). */
  async ticketReport(ticket: TicketEntity, audience: ReportAudience, language: MailLanguage): Promise<Buffer> {
    const [site, entries, files, values, serviceName, categoryName] = await Promise.all([
      this.sites.get(ticket.siteId),
      this.reads.allEntries(ticket.id),
      this.attachments.forTicket(ticket.id),
      this.fields.ofTicket(ticket.siteId, ticket.id),
      ticket.serviceId ? this.catalog.nameOf(ticket.serviceId, language) : null,
      ticket.categoryId ? this.catalog.nameOf(ticket.categoryId, language) : null,
    ]);
    return renderPdf(
      ticketReportDocument({
        audience,
        language,
        timeZone: site.timeZone,
        siteName: site.name,
        ticket,
        serviceName,
        categoryName,
        fields: values.map(({ field, values: v }) => ({ label: language === "id" ? field.labelId : field.labelEn, value: v.map((x) => displayValue(field, x)[language]).join(", ") })),
        entries: entries.map((e) => ({ at: e.at, kind: e.kind, visibility: e.visibility, actorName: e.actorName, body: e.body, toStatus: e.toStatus, data: e.data })),
        attachments: files,
      }),
    );
  }

  /**
   * The incidents closed in the query's period and scope, a page at a time (keyset on closed_at
   * and id), with names in the query's language, who closed each one, and their times to respond
   * and resolve as the recap measures them (business time on the site's calendar).
   */
  async *closedIncidents(q: ClosedIncidentsQuery): AsyncGenerator<ClosedIncident[]> {
    const label = (d: RecapDimension) => labelsFor(this.ds, this.catalog, q.siteId, d, q.language);
    const calendar = await readSiteCalendar(this.ds.manager, await this.sites.get(q.siteId));
    const [service, category, priority] = await Promise.all([label(RecapDimension.SERVICE), label(RecapDimension.CATEGORY), label(RecapDimension.PRIORITY)]);
    let after: { at: Date; id: string } | null = null;
    for (;;) {
      const qb = this.ds
        .getRepository(TicketEntity)
        .createQueryBuilder("t")
        .select(["t.id", "t.code", "t.createdAt", "t.firstRespondedAt", "t.resolvedAt", "t.closedAt", "t.pausedMs", "t.reporterName", "t.serviceId", "t.categoryId", "t.priority", "t.resolution", "t.closureCode"])
        .where("t.siteId = :siteId AND t.status = :closed AND t.closedAt >= :from AND t.closedAt < :to", { siteId: q.siteId, closed: TicketStatus.CLOSED, from: q.from, to: q.to });
      if (q.scope.kind === "GROUP") qb.andWhere("t.groupId = :g", { g: q.scope.groupId });
      if (q.scope.kind === "AGENT") qb.andWhere("t.assigneeId = :a", { a: q.scope.agentId });
      if (after) qb.andWhere("(t.closedAt > :at OR (t.closedAt = :at AND t.id > :id))", after);
      const page = await qb.orderBy("t.closedAt", "ASC").addOrderBy("t.id", "ASC").limit(CLOSED_PAGE).getMany();
      if (!page.length) return;
      const closers = await this.closers(page.map((t) => t.id));
      yield page.map((t) => ({
        code: t.code,
        createdAt: t.createdAt,
        closedAt: t.closedAt!,
        ...ticketTimes(calendarFor(calendar, t.priority), t),
        reporterName: t.reporterName,
        service: service(t.serviceId),
        category: category(t.categoryId),
        priority: priority(t.priority),
        resolution: t.resolution,
        closureCode: t.closureCode,
        closedBy: closers.get(t.id) ?? null,
      }));
      if (page.length < CLOSED_PAGE) return;
      const last = page[page.length - 1]!;
      after = { at: last.closedAt!, id: last.id };
    }
  }

  /** Who made each ticket's last CLOSED entry. */
  private async closers(ticketIds: string[]): Promise<Map<string, ClosedIncident["closedBy"]>> {
    const rows = await this.ds
      .getRepository(TicketEventEntity)
      .createQueryBuilder("e")
      .select(["e.id", "e.ticketId", "e.actorKind", "e.actorName"])
      .where("e.ticketId IN (:...ids) AND e.kind = :kind", { ids: ticketIds, kind: TicketEventKind.CLOSED })
      .orderBy("e.id", "ASC")
      .getMany();
    return new Map(rows.map((e) => [e.ticketId, { kind: e.actorKind, name: e.actorName }]));
  }
}
