/**
 * Counts a recap with SQL aggregates, each bound by one of the recap indexes (migration
 * RecapIndexes): a count per timestamp range, and column-only reads of the durations the
 * percentiles and the business clock need (tickets first answered, resolved, or open at the end
 * of the period). Nothing else of a ticket is loaded.
 */
import type { DataSource, SelectQueryBuilder } from "typeorm";
import type { SiteEntity } from "../sites/site.entity.js";
import { businessTimeBetween } from "../sla/business-time.rules.js";
import { readSiteCalendar } from "../sla/business-calendars.js";
import { calendarFor, type SiteCalendar } from "../sla/sla-calendar.rules.js";
import type { Priority } from "../tickets/ticket.enums.js";
import { TicketEventEntity } from "../tickets/ticket-event.entity.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import type { RecapScope } from "./recap-scope.rules.js";
import { figuresOf } from "./recap-figures.js";
import { addCount, durationKey, emptyTally, type RecapTally } from "./recap-tally.rules.js";
import { BACKLOG_AT_SQL, CLOSED_IN_SQL, escalationDirection, EVENT_KINDS, eventsInSql, FIRST_RESPONDED_IN_SQL, firstContactSql, RESOLVED_IN_SQL, resolutionTime, targetSql, TICKETS_IN_SQL, type Bounds } from "./recap.rules.js";
import { RecapDimension, type RecapFigures } from "./recap.types.js";

/** The ticket column each dimension groups by. */
export const DIMENSION_COLUMN: Readonly<Record<RecapDimension, string>> = {
  [RecapDimension.SERVICE]: "service_id",
  [RecapDimension.CATEGORY]: "category_id",
  [RecapDimension.GROUP]: "group_id",
  [RecapDimension.AGENT]: "assignee_id",
  [RecapDimension.PRIORITY]: "priority",
  [RecapDimension.CHANNEL]: "channel",
  [RecapDimension.LOCATION]: "kecamatan",
  [RecapDimension.TYPE]: "ticket_type",
};

/** Where a recap counts: the site, its calendar, the asker's scope. */
export interface RecapWhere {
  site: Pick<SiteEntity, "id" | "timeZone" | "businessHours">;
  calendar: SiteCalendar;
  scope: RecapScope;
  /** When the recap is counted: targets not yet due are undecided. */
  now: Date;
}

/** A timestamp as either driver returns it raw: a Date (mysql2, zone Z) or SQLite's UTC text. */
export function instant(v: Date | string): Date {
  return v instanceof Date ? v : new Date(`${v.replace(" ", "T")}Z`);
}

type Raw = Record<string, unknown>;

/** The figures of a period, counted per key of one dimension (or once, under key null). */
export class RecapCounter {
  constructor(private readonly ds: DataSource) {}

  /** The site's calendar, read once per recap. */
  calendar(site: RecapWhere["site"]): Promise<SiteCalendar> {
    return readSiteCalendar(this.ds.manager, site);
  }

  /** The figures of [from, to) in a scope, by the keys of `dimension` (null: totals under key null). */
  async figures(where: RecapWhere, bounds: Bounds, dimension: RecapDimension | null): Promise<Map<string | null, RecapFigures>> {
    const tallies = new Map<string | null, RecapTally>();
    const tally = (row: Raw): RecapTally => {
      const key = dimension === null || row["k"] === null || row["k"] === undefined ? null : String(row["k"]);
      let t = tallies.get(key);
      if (!t) tallies.set(key, (t = emptyTally()));
      return t;
    };
    const n = (v: unknown) => Number(v ?? 0);
    const key = dimension === null ? "NULL" : `t.${DIMENSION_COLUMN[dimension]}`;
    const tickets = (): SelectQueryBuilder<TicketEntity> => scopedTo(this.ds.getRepository(TicketEntity).createQueryBuilder("t"), where).select(`${key}`, "k").setParameters({ from: bounds.from, to: bounds.to, now: where.now });
    const grouped = <T extends SelectQueryBuilder<TicketEntity>>(qb: T): T => (dimension === null ? qb : (qb.groupBy(key) as T));

    for (const r of await grouped(tickets().addSelect("COUNT(*)", "n").andWhere(TICKETS_IN_SQL)).getRawMany<Raw>()) tally(r).ticketsIn += n(r["n"]);
    for (const r of await grouped(
      tickets()
        .addSelect("SUM(CASE WHEN t.status = 'CANCELLED' THEN 0 ELSE 1 END)", "closed")
        .addSelect("SUM(CASE WHEN t.status = 'CANCELLED' THEN 1 ELSE 0 END)", "cancelled")
        .andWhere(CLOSED_IN_SQL),
    ).getRawMany<Raw>()) {
      tally(r).closed += n(r["closed"]);
      tally(r).cancelled += n(r["cancelled"]);
    }
    for (const [met, due, kept, all] of [["first_responded_at", "response_due_at", "responseKept", "responseTargets"], ["resolved_at", "resolution_due_at", "resolutionKept", "resolutionTargets"]] as const) {
      const sql = targetSql("t", met, due);
      for (const r of await grouped(tickets().addSelect("COUNT(*)", "n").andWhere(sql.keptIn)).getRawMany<Raw>()) {
        tally(r)[kept] += n(r["n"]);
        tally(r)[all] += n(r["n"]);
      }
      for (const r of await grouped(tickets().addSelect("COUNT(*)", "n").andWhere(sql.missedIn)).getRawMany<Raw>()) tally(r)[all] += n(r["n"]);
    }
    // Backlog at `to`: three disjoint sets, each bound by its own index.
    for (const cond of BACKLOG_AT_SQL) {
      for (const r of await tickets().addSelect("t.created_at", "c").andWhere(cond).getRawMany<Raw>()) addCount(tally(r).backlogAges, durationKey(bounds.to.getTime() - instant(r["c"] as Date | string).getTime()));
    }
    const clockOf = (p: unknown) => calendarFor(where.calendar, p as Priority);
    for (const r of await tickets().addSelect(["t.created_at AS c", "t.first_responded_at AS f", "t.priority AS p"]).andWhere(FIRST_RESPONDED_IN_SQL).getRawMany<Raw>()) {
      addCount(tally(r).firstResponse, durationKey(businessTimeBetween(clockOf(r["p"]), instant(r["c"] as string), instant(r["f"] as string))));
    }
    const resolved = tickets()
      .addSelect(["t.created_at AS c", "t.resolved_at AS r", "t.paused_ms AS pm", "t.priority AS p"])
      .addSelect(`CASE WHEN ${firstContactSql("t")} THEN 1 ELSE 0 END`, "fc")
      .addSelect(["f.service_rating AS q1", "f.restored_rating AS q2", "f.information_rating AS q3", "f.suggestion AS s"])
      .leftJoin("feedback", "f", "f.ticket_id = t.id")
      .andWhere(RESOLVED_IN_SQL);
    for (const r of await resolved.getRawMany<Raw>()) {
      const t = tally(r);
      t.resolved++;
      addCount(t.resolution, durationKey(resolutionTime(businessTimeBetween(clockOf(r["p"]), instant(r["c"] as string), instant(r["r"] as string)), n(r["pm"]))));
      if (n(r["fc"]) === 1) t.firstContact++;
      if (r["q1"] !== null && r["q1"] !== undefined) {
        addCount(t.answers[0], String(n(r["q1"])));
        addCount(t.answers[1], String(n(r["q2"])));
        addCount(t.answers[2], String(n(r["q3"])));
        if (typeof r["s"] === "string" && r["s"].trim()) t.suggestions++;
      }
    }
    const events = scopedTo(this.ds.getRepository(TicketEventEntity).createQueryBuilder("e").innerJoin("ticket", "t", "t.id = e.ticket_id"), where, "e")
      .select(key, "k")
      .addSelect("e.kind", "kind")
      .addSelect("e.data", "data")
      .andWhere(eventsInSql([...EVENT_KINDS.reopened, ...EVENT_KINDS.escalations]), { from: bounds.from, to: bounds.to });
    for (const r of await events.getRawMany<Raw>()) {
      const t = tally(r);
      if (r["kind"] === "REOPENED") t.reopened++;
      else if (escalationDirection(r["data"]) === "HIERARCHICAL") t.hierarchical++;
      else t.functional++;
    }
    if (dimension === null && !tallies.size) tallies.set(null, emptyTally());
    return new Map([...tallies].map(([k, t]) => [k, figuresOf(t)]));
  }
}

/** Narrows a query over tickets `t` to the recap's site (`siteAlias`.site_id) and the asker's scope. */
export function scopedTo<T extends SelectQueryBuilder<object>>(qb: T, where: RecapWhere, siteAlias = "t"): T {
  qb.where(`${siteAlias}.site_id = :siteId`, { siteId: where.site.id });
  if (where.scope.kind === "GROUP") qb.andWhere("t.group_id = :scopeGroup", { scopeGroup: where.scope.groupId });
  if (where.scope.kind === "AGENT") qb.andWhere("t.assignee_id = :scopeAgent", { scopeAgent: where.scope.agentId });
  return qb;
}
