/**
 * Counts the recap's work-order part (work-order-figures.rules.ts says what each figure means):
 * reads the facts of a period — work orders created and resolved, cost proposals made, decided
 * or still awaiting, payments recorded — each read bound by one index, in the recap's scope, with
 * the ticket columns of every dimension asked for, then folds them per breakdown row in memory.
 * A site's work orders are a small share of its tickets; only the columns the rules read are read.
 */
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { rawInstant } from "../../db/columns.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import type { MailLanguage } from "../notifications/mail-language.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { TicketType } from "../tickets/ticket.enums.js";
import { CostProposalEntity } from "../workorders/cost-proposal.entity.js";
import { WorkOrderEntity } from "../workorders/work-order.entity.js";
import { CostProposalStatus, type PaymentMethod, type PaymentStatus } from "../workorders/work-order.rules.js";
import { DIMENSION_COLUMN, scopedTo, type RecapWhere } from "./recap-counter.js";
import { labelsFor } from "./recap-labels.js";
import { RESOLVED_IN_SQL, TICKETS_IN_SQL, type Bounds } from "./recap.rules.js";
import { RecapDimension } from "./recap.types.js";
import { quiet, workOrderFigures, type CompletedJobFact, type PaymentFact, type ProposalFact, type WorkOrderFacts } from "./work-order-figures.rules.js";
import type { RecapWorkOrderBreakdown, RecapWorkOrders } from "./work-order-figures.types.js";

/**
 * The dimensions a work-order breakdown is counted by, of those a recap asks for: where the job
 * was (kecamatan), the technician group, the service and the technician. Not TYPE (every row would
 * be WORK_ORDER), nor priority, channel or category, which say little about money.
 */
export const WORK_ORDER_DIMENSIONS: readonly RecapDimension[] = [RecapDimension.LOCATION, RecapDimension.GROUP, RecapDimension.SERVICE, RecapDimension.AGENT];

type Raw = Record<string, unknown>;
/** A fact with the keys of the dimensions asked for (k0, k1… in the order asked). */
type Keyed<T> = { keys: (string | null)[]; fact: T };

const keyOf = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The recap's work-order figures: totals and one breakdown per dimension. */
export class WorkOrderFigureCounter {
  constructor(
    private readonly ds: DataSource,
    private readonly catalog: CatalogService,
  ) {}

  /** The work-order part of a recap of [from, to), or null when the period had none (quiet). */
  async recap(where: RecapWhere, bounds: Bounds, groupBy: readonly RecapDimension[], lang: MailLanguage): Promise<RecapWorkOrders | null> {
    const dims = groupBy.filter((d) => WORK_ORDER_DIMENSIONS.includes(d));
    const facts = await this.facts(where, bounds, dims);
    const totals = workOrderFigures(fold(facts, () => true), bounds);
    if (quiet(totals)) return null;
    const breakdowns: RecapWorkOrderBreakdown[] = [];
    for (const [i, dimension] of dims.entries()) {
      const label = await labelsFor(this.ds, this.catalog, where.site.id, dimension, lang);
      const keys = new Set<string | null>([...facts.tickets, ...facts.completed, ...facts.proposals, ...facts.payments].map((f) => f.keys[i]!));
      const rows = [...keys]
        .map((key) => ({ key, label: label(key), figures: workOrderFigures(fold(facts, (k) => k[i] === key), bounds) }))
        .filter((r) => !quiet(r.figures))
        .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.label.localeCompare(b.label)));
      breakdowns.push({ dimension, rows });
    }
    return { totals, breakdowns };
  }

  private async facts(where: RecapWhere, bounds: Bounds, dims: readonly RecapDimension[]) {
    const params = { from: bounds.from, to: bounds.to };
    const keys = (r: Raw) => dims.map((_, i) => keyOf(r[`k${i}`]));
    const withKeys = <T extends SelectQueryBuilder<object>>(qb: T): T => {
      for (const [i, d] of dims.entries()) qb.addSelect(`t.${DIMENSION_COLUMN[d]}`, `k${i}`);
      return qb;
    };
    const tickets = () => withKeys(scopedTo(this.ds.getRepository(TicketEntity).createQueryBuilder("t"), where).select("t.id", "id").andWhere("t.ticket_type = :wo", { wo: TicketType.WORK_ORDER }).setParameters(params));
    // Each proposal read is bound by one (site, time) or (site, status) index; a proposal several match is counted once.
    const proposals = (cond: string) =>
      withKeys(
        scopedTo(this.ds.getRepository(CostProposalEntity).createQueryBuilder("p").innerJoin("ticket", "t", "t.id = p.ticket_id"), where, "p")
          .select(["p.id AS id", "p.status AS status", "p.total AS total", "p.proposed_at AS proposed_at", "p.decided_at AS decided_at"])
          .andWhere(cond, { ...params, awaiting: CostProposalStatus.AWAITING }),
      ).getRawMany<Raw>();

    const created = await tickets().andWhere(TICKETS_IN_SQL).getRawMany<Raw>();
    const resolved = await tickets().addSelect(["w.payment_status AS payment_status", "t.payment_due AS payment_due"]).leftJoin("work_order", "w", "w.ticket_id = t.id").andWhere(RESOLVED_IN_SQL).getRawMany<Raw>();
    const proposalRows = new Map<string, Raw>();
    for (const cond of [
      "p.proposed_at >= :from AND p.proposed_at < :to",
      "p.decided_at >= :from AND p.decided_at < :to",
      "p.status = :awaiting AND p.proposed_at < :to",
      "p.decided_at >= :to AND p.proposed_at < :to",
    ]) {
      for (const r of await proposals(cond)) proposalRows.set(String(r["id"]), r);
    }
    const paid = await withKeys(
      scopedTo(this.ds.getRepository(WorkOrderEntity).createQueryBuilder("w").innerJoin("ticket", "t", "t.id = w.ticket_id"), where, "w")
        .select(["w.payment_status AS status", "w.payment_method AS method", "w.payment_amount AS amount", "w.payment_recorded_at AS recorded_at"])
        .andWhere("w.payment_recorded_at >= :from AND w.payment_recorded_at < :to", params),
    ).getRawMany<Raw>();

    const num = (v: unknown) => Number(v ?? 0);
    const at = (v: unknown) => (v === null || v === undefined ? null : rawInstant(v as Date | string));
    return {
      tickets: created.map((r): Keyed<null> => ({ keys: keys(r), fact: null })),
      completed: resolved.map((r): Keyed<CompletedJobFact> => ({ keys: keys(r), fact: { paymentStatus: (r["payment_status"] as PaymentStatus | null) ?? null, paymentDue: num(r["payment_due"]) === 1 } })),
      proposals: [...proposalRows.values()].map(
        (r): Keyed<ProposalFact> => ({ keys: keys(r), fact: { status: r["status"] as CostProposalStatus, total: num(r["total"]), proposedAt: at(r["proposed_at"])!, decidedAt: at(r["decided_at"]) } }),
      ),
      payments: paid.map(
        (r): Keyed<PaymentFact> => ({
          keys: keys(r),
          fact: { status: r["status"] as PaymentStatus, method: (r["method"] as PaymentMethod | null) ?? null, amount: r["amount"] === null ? null : num(r["amount"]), recordedAt: at(r["recorded_at"]) },
        }),
      ),
    };
  }
}

/** The facts whose keys `match` accepts, as the rules take them. */
function fold(
  facts: { tickets: Keyed<null>[]; completed: Keyed<CompletedJobFact>[]; proposals: Keyed<ProposalFact>[]; payments: Keyed<PaymentFact>[] },
  match: (keys: (string | null)[]) => boolean,
): WorkOrderFacts {
  const pick = <T>(xs: Keyed<T>[]) => xs.filter((x) => match(x.keys)).map((x) => x.fact);
  return { workOrdersIn: pick(facts.tickets).length, completed: pick(facts.completed), proposals: pick(facts.proposals), payments: pick(facts.payments) };
}
