/**
 * The tickets behind a recap figure (the widget's drill-down): the figure's own SQL from
 * recap.rules.ts (figureSql), in the asker's scope, optionally within one breakdown row, newest
 * first, a page at a time (offset cursor: a drill-down is read by a person, a page or two deep).
 */
import { type DataSource, type SelectQueryBuilder } from "typeorm";
import { badField } from "../../errors.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { DIMENSION_COLUMN, scopedTo, type RecapWhere } from "./recap-counter.js";
import { figureSql, type Bounds, type RecapFigure } from "./recap.rules.js";
import type { RecapDimension, RecapTicketConnection } from "./recap.types.js";

/** The most tickets one drill-down page lists. */
export const MAX_RECAP_TICKETS_PAGE = 100;

/** Where a drill-down looks: a figure, and optionally one row of a breakdown (key null: tickets without one). */
export interface RecapTicketsAsk {
  figure: RecapFigure;
  dimension?: RecapDimension | null;
  key?: string | null;
  first: number;
  after?: string | null;
}

const SUMMARY_LENGTH = 120;

/** The offset an `after` cursor names, or a refusal naming the field. */
function offsetOf(after: string | null | undefined): number {
  if (!after) return 0;
  const n = Number(Buffer.from(after, "base64url").toString("utf8"));
  if (!Number.isSafeInteger(n) || n < 0) throw badField("after", "after must be a cursor this query returned.");
  return n;
}

/** Lists the tickets behind one figure of a period. */
export async function recapTickets(ds: DataSource, where: RecapWhere, bounds: Bounds, ask: RecapTicketsAsk): Promise<RecapTicketConnection> {
  if (!Number.isInteger(ask.first) || ask.first < 1 || ask.first > MAX_RECAP_TICKETS_PAGE) throw badField("first", `first must be between 1 and ${MAX_RECAP_TICKETS_PAGE}.`);
  if (!ask.dimension && ask.key != null) throw badField("key", "key is given with a dimension only.");
  const offset = offsetOf(ask.after);
  const query = (): SelectQueryBuilder<TicketEntity> => {
    const qb = scopedTo(ds.getRepository(TicketEntity).createQueryBuilder("t"), where).setParameters({ from: bounds.from, to: bounds.to, now: where.now });
    qb.andWhere(`(${figureSql(ask.figure)
      .map((cond) => `(${cond})`)
      .join(" OR ")})`);
    if (ask.dimension) {
      const column = `t.${DIMENSION_COLUMN[ask.dimension]}`;
      if (ask.key == null) qb.andWhere(`${column} IS NULL`);
      else qb.andWhere(`${column} = :rowKey`, { rowKey: ask.key });
    }
    return qb;
  };
  const totalCount = await query().getCount();
  const rows = await query().orderBy("t.created_at", "DESC").addOrderBy("t.id", "DESC").offset(offset).limit(ask.first).getMany();
  const next = offset + rows.length;
  return {
    nodes: rows.map((t) => ({
      id: t.id,
      code: t.code,
      status: t.status,
      priority: t.priority,
      createdAt: t.createdAt,
      summary: (t.reporterSubject?.trim() || t.description.split("\n", 1)[0]!.trim()).slice(0, SUMMARY_LENGTH),
    })),
    totalCount,
    pageInfo: { hasNextPage: next < totalCount, endCursor: rows.length ? Buffer.from(String(next), "utf8").toString("base64url") : null },
  };
}
