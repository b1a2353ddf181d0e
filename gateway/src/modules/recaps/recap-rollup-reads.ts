/**
 * Counts a recap from the daily rollups (recap-rollup.service.ts): one read of the scope's
 * `recap_day` rows over every day the recap needs (period, previous period and trend points
 * together; the totals and the requested dimensions), merged per period and key. The backlog does
 * not add over days: a period's is its last day's snapshot of the tickets that have ended since
 * (recap-contribution.rules), plus the tickets open now with no end, read live by the open index.
 */
import type { DataSource } from "typeorm";
import { civilDayOf, instantOf } from "../sla/business-time.rules.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { ALL, NULL_KEY } from "./recap-contribution.rules.js";
import { DIMENSION_COLUMN, instant, scopedTo, type RecapWhere } from "./recap-counter.js";
import { figuresOf } from "./recap-figures.js";
import { addCount, addTally, durationKey, emptyTally, tallyOf, type RecapTally } from "./recap-tally.rules.js";
import { BACKLOG_AT_SQL, civilDayText, type Bounds } from "./recap.rules.js";
import type { RecapDimension, RecapFigures } from "./recap.types.js";

type Raw = Record<string, unknown>;

/** Where a recap's figures come from: the live counter or the rollups. */
export interface FigureSource {
  figures(bounds: Bounds, dimension: RecapDimension | null): Promise<Map<string | null, RecapFigures>>;
}

/** The rollups' scope name of a recap scope. */
export function scopeName(scope: RecapWhere["scope"]): string {
  return scope.kind === "SITE" ? "SITE" : scope.kind === "GROUP" ? `GROUP:${scope.groupId}` : `AGENT:${scope.agentId}`;
}

/** Whether bounds are whole local days (every recap period is; anything else is counted live). */
export function wholeDays(bounds: Bounds, timeZone: string): boolean {
  const whole = (d: Date) => instantOf(civilDayOf(d.getTime(), timeZone), 0, timeZone) === d.getTime();
  return whole(bounds.from) && whole(bounds.to);
}

/**
 * Reads the rollup rows the bounds need in one query and answers a source that counts each
 * bounds' figures from them (and the live backlog).
 */
export async function rollupSource(ds: DataSource, where: RecapWhere, all: readonly Bounds[], dimensions: readonly RecapDimension[]): Promise<FigureSource> {
  const zone = where.site.timeZone;
  const dayOf = (d: Date) => civilDayOf(d.getTime(), zone);
  const first = Math.min(...all.map((b) => dayOf(b.from)));
  const last = Math.max(...all.map((b) => dayOf(b.to) - 1));
  const dims = [ALL, ...dimensions];
  const rows = (await ds.query(`SELECT dimension, day, dim_key, tally FROM recap_day WHERE site_id = ? AND scope = ? AND dimension IN (${dims.map(() => "?").join(", ")}) AND day >= ? AND day <= ?`, [
    where.site.id,
    scopeName(where.scope),
    ...dims,
    civilDayText(first),
    civilDayText(last),
  ])) as Raw[];
  // dimension → key → [day, tally]
  const byDim = new Map<string, Map<string | null, Array<[number, RecapTally]>>>();
  for (const r of rows) {
    const dim = String(r["dimension"]);
    const raw = String(r["dim_key"]);
    const key = dim === ALL || raw === NULL_KEY ? null : raw;
    let keys = byDim.get(dim);
    if (!keys) byDim.set(dim, (keys = new Map()));
    let list = keys.get(key);
    if (!list) keys.set(key, (list = []));
    list.push([Math.round(Date.parse(`${String(r["day"])}T00:00:00Z`) / 86_400_000), tallyOf(JSON.parse(String(r["tally"])) as Partial<RecapTally>)]);
  }
  const backlogs = new Map<number, Promise<Raw[]>>();
  const backlogAt = (to: Date) => {
    let read = backlogs.get(to.getTime());
    if (!read) backlogs.set(to.getTime(), (read = readBacklog(ds, where, to, dimensions)));
    return read;
  };
  return {
    async figures(bounds, dimension) {
      const from = dayOf(bounds.from);
      const to = dayOf(bounds.to);
      const tallies = new Map<string | null, RecapTally>();
      const tally = (key: string | null) => {
        let t = tallies.get(key);
        if (!t) tallies.set(key, (t = emptyTally()));
        return t;
      };
      // Additive figures over the period's days; the backlog of its last day (the snapshot at `to`).
      for (const [key, days] of byDim.get(dimension ?? ALL) ?? []) {
        for (const [day, t] of days) {
          if (day < from || day >= to) continue;
          addTally(tally(key), t, 1, false);
          if (day === to - 1) for (const [age, n] of Object.entries(t.backlogAges)) addCount(tally(key).backlogAges, age, n);
        }
      }
      const column = dimension === null ? null : `k_${dimension}`;
      for (const r of await backlogAt(bounds.to)) {
        const k = column === null ? null : (r[column] ?? null);
        addCount(tally(k === null ? null : String(k)).backlogAges, durationKey(bounds.to.getTime() - instant(r["c"] as Date | string).getTime()));
      }
      if (dimension === null && !tallies.size) tally(null);
      return new Map([...tallies].map(([k, t]) => [k, figuresOf(t)]));
    },
  };
}

/**
 * The tickets open now with no resolution that were reported before `to` (recap.rules'
 * BACKLOG_AT_SQL's first set, by the (site, is_open, created_at) index), with their keys: the
 * part of the backlog the rollups cannot hold, having no end yet.
 */
async function readBacklog(ds: DataSource, where: RecapWhere, to: Date, dimensions: readonly RecapDimension[]): Promise<Raw[]> {
  const qb = scopedTo(ds.getRepository(TicketEntity).createQueryBuilder("t"), where)
    .select("t.created_at", "c")
    .andWhere(BACKLOG_AT_SQL[0], { to });
  for (const d of dimensions) qb.addSelect(`t.${DIMENSION_COLUMN[d]}`, `k_${d}`);
  return qb.getRawMany<Raw>();
}
