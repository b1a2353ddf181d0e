/**
 * A recap as an agent asks for it: the scope their role allows, the period's bounds in the
 * site's zone, totals, the previous period, breakdowns and trend. Counted from the daily rollups
 * (recap-rollup-reads.ts), caught up first so a recap right after a change is exact; counted live
 * (RecapCounter) while the site's rollups are still being backfilled, or when asked to.
 */
import type { DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import { badInput, forbidden } from "../../errors.js";
import type { AgentEntity } from "../agents/agent.entity.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import { mailLanguage, type MailLanguage } from "../notifications/mail-language.js";
import type { SiteService } from "../sites/site.service.js";
import { deflectionsBetween } from "../knowledge/deflection-days.js";
import { RecapCounter, type RecapWhere } from "./recap-counter.js";
import { labelsFor } from "./recap-labels.js";
import { rollupSource, wholeDays, type FigureSource } from "./recap-rollup-reads.js";
import type { RecapRollup } from "./recap-rollup.service.js";
import { recapTickets, type RecapTicketsAsk } from "./recap-tickets.js";
import { recapScope } from "./recap-scope.rules.js";
import { periodBounds, periodDays, periodOfDays, previousBounds, trendBounds, type Bounds, type RecapPeriod, type RecapProblem, type RecapTrendStep } from "./recap.rules.js";
import type { Recap, RecapBreakdown, RecapDimension, RecapFigures, RecapRow, RecapTicketConnection } from "./recap.types.js";
import { WorkOrderFigureCounter } from "./work-order-figures.js";

/** A recap request, from GraphQL or the CSV route. */
export interface RecapRequest {
  period: RecapPeriod;
  from?: Date | null;
  to?: Date | null;
  /** Instead of from/to: dates in the site's zone (see periodOfDays). */
  day?: string | null;
  lastDay?: string | null;
  groupBy?: readonly RecapDimension[] | null;
  trend?: RecapTrendStep | null;
  groupId?: string | null;
  agentId?: string | null;
  /** id or en: the rows' labels in it; the asker's language otherwise. */
  language?: string | null;
}

/** Recaps for the desk: scope, bounds and the counting. */
export class RecapService {
  private readonly counter: RecapCounter;
  /** The recap's work-order part (Recap.workOrders and the work-orders CSV). */
  readonly workOrders: WorkOrderFigureCounter;

  constructor(
    private readonly ds: DataSource,
    private readonly sites: SiteService,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
    private readonly rollup: RecapRollup | null = null,
  ) {
    this.counter = new RecapCounter(ds);
    this.workOrders = new WorkOrderFigureCounter(ds, catalog);
  }

  /** Where and when a request counts, or a FORBIDDEN / BAD_USER_INPUT refusal. */
  async resolve(asker: AgentEntity, request: RecapRequest): Promise<{ where: RecapWhere; bounds: Bounds }> {
    const scope = recapScope(asker, { groupId: request.groupId ?? null, agentId: request.agentId ?? null });
    if ("refused" in scope) throw forbidden(scope.refused);
    const site = await this.sites.get(asker.siteId);
    const named = this.named(request, site.timeZone);
    const bounds = periodBounds(request.period, named.from, named.to, site.timeZone);
    if (Array.isArray(bounds)) throw badInput(bounds);
    const dims = request.groupBy ?? [];
    if (new Set(dims).size !== dims.length) throw badInput([{ field: "groupBy", message: "Name each dimension once." }]);
    return { where: { site, scope, calendar: await this.counter.calendar(site), now: this.clock.now() }, bounds };
  }

  /** The instants a request names: its from/to, or its day/lastDay in the site's zone. */
  private named(request: RecapRequest, timeZone: string): { from: Date; to: Date | null } {
    if (request.day != null) {
      if (request.from || request.to) throw badInput([{ field: "day", message: "Give the period by from (and to) or by day (and lastDay), not both." }]);
      const days = periodOfDays(request.period, request.day, request.lastDay ?? null, timeZone);
      if (Array.isArray(days)) throw badInput(days);
      return days;
    }
    if (request.lastDay != null) throw badInput([{ field: "lastDay", message: "lastDay goes with day." }]);
    if (!request.from) throw badInput([{ field: "from", message: "Give the period's start: from, or day." }]);
    return { from: request.from, to: request.to ?? null };
  }

  /**
   * The whole recap in the asker's language. `counting` "live" skips the rollups (the reference
   * the rollups are tested against); not reachable from GraphQL.
   */
  async recap(asker: AgentEntity, request: RecapRequest, counting: "auto" | "live" = "auto"): Promise<Recap> {
    const { where, bounds } = await this.resolve(asker, request);
    const points = request.trend ? trendBounds(request.trend, bounds, where.site.timeZone) : [];
    if (points.length && !("from" in points[0]!)) throw badInput(points as RecapProblem[]);
    const previousPeriod = previousBounds(request.period, bounds, where.site.timeZone);
    const source = await this.source(where, [bounds, previousPeriod, ...(points as Bounds[])], request.groupBy ?? [], counting);
    // The parts read side by side: from the rollups they share one read already made (and one
    // backlog read per period end); what is left is labels, the live backlog and deflections.
    const [totals, previous, breakdowns, trend, deflections, workOrders] = await Promise.all([
      this.totals(where, bounds, source),
      this.totals(where, previousPeriod, source),
      Promise.all((request.groupBy ?? []).map(async (dimension): Promise<RecapBreakdown> => ({ dimension, rows: await this.rows(where, bounds, dimension, mailLanguage(request.language, asker.language), source) }))),
      Promise.all((points as Bounds[]).map(async (p) => ({ start: p.from, figures: await this.totals(where, p, source) }))),
      // A deflection has no group or assignee: only the site's recap counts them.
      where.scope.kind === "SITE" ? deflectionsBetween(this.ds, where.site.id, bounds.from, bounds.to, where.site.timeZone) : Promise.resolve(null),
      this.workOrders.recap(where, bounds, request.groupBy ?? [], mailLanguage(request.language, asker.language)),
    ]);
    return { from: bounds.from, to: bounds.to, timeZone: where.site.timeZone, ...periodDays(bounds, where.site.timeZone), totals, previous, breakdowns, trend, deflections, workOrders };
  }

  /**
   * Where the figures of `all` come from: the site's rollups, caught up to `where.now`, when they
   * are complete and every bounds is whole local days; else the live counter.
   */
  async source(where: RecapWhere, all: readonly Bounds[], dimensions: readonly RecapDimension[], counting: "auto" | "live" = "auto"): Promise<FigureSource> {
    const live: FigureSource = { figures: (b, d) => this.counter.figures(where, b, d) };
    if (counting === "live" || !this.rollup || !all.every((b) => wholeDays(b, where.site.timeZone))) return live;
    if (!(await this.rollup.catchUp(where.site, where.calendar, where.now))) return live;
    return rollupSource(this.ds, where, all, dimensions);
  }

  /** The tickets behind one figure of the period (or of one breakdown row), in the asker's scope. */
  async tickets(asker: AgentEntity, request: RecapRequest, ask: RecapTicketsAsk): Promise<RecapTicketConnection> {
    const { where, bounds } = await this.resolve(asker, request);
    return recapTickets(this.ds, where, bounds, ask);
  }

  /** The totals of [from, to) in a scope. */
  async totals(where: RecapWhere, bounds: Bounds, source?: FigureSource): Promise<RecapFigures> {
    const from = source ?? (await this.source(where, [bounds], []));
    return (await from.figures(bounds, null)).get(null)!;
  }

  /** One breakdown's rows, labelled in `lang` and ordered by label. */
  async rows(where: RecapWhere, bounds: Bounds, dimension: RecapDimension, lang: MailLanguage, source?: FigureSource): Promise<RecapRow[]> {
    const label = await labelsFor(this.ds, this.catalog, where.site.id, dimension, lang);
    const from = source ?? (await this.source(where, [bounds], [dimension]));
    const rows = [...(await from.figures(bounds, dimension))].map(([key, figures]) => ({ key, label: label(key), figures }));
    return rows.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.label.localeCompare(b.label)));
  }
}
