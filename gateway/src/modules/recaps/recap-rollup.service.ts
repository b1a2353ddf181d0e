/**
 * Keeps each site's daily recap rollups (`recap_day`) exact, by the sweep and before every recap
 * (issue 13 item 2). Chosen over updating them in the ticket's own transaction: one row per site
 * and day touched by every report would serialize the desk's writes and cost the report
 * throughput issue 7 measures; here the desk writes nothing more, and a recap first catches up.
 *
 * Catch-up, under the site's `recap_cursor` row (SELECT … FOR UPDATE on MySQL, so two gateways
 * take turns and never double count; SQLite has one writer), in one transaction: the tickets
 * changed since the watermark (less an overlap, for transactions that committed late: the diff is
 * idempotent) and those whose due times passed since the last catch-up (undecided targets become
 * missed with no update) get their contribution recomputed (recap-contribution.rules); the old
 * one, kept in `recap_contribution`, comes out of the rows and the new one goes in. Every change
 * that moves a figure goes through the ticket's change (ticket-change.ts) or intake, which set
 * `updated_at`: feedback, reopening, reassignment, escalation. Tickets are never deleted
 * (retention and erasure anonymize; the figures stay), so nothing is subtracted on delete.
 *
 * Backfill: a site's cursor starts empty; the sweep reads its tickets in id batches
 * ({@link BATCH}, with their entries and feedback) until done, and until then recaps count live.
 * A change of the site's time zone or business calendar (days and durations move) resets the
 * site's rollups and backfills them again.
 */
import type { DataSource, EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import { dialectOf, type Dialect, type Transactor } from "../../db/transactions.js";
import type { SiteEntity } from "../sites/site.entity.js";
import { readSiteCalendar } from "../sla/business-calendars.js";
import type { SiteCalendar } from "../sla/sla-calendar.rules.js";
import type { Priority } from "../tickets/ticket.enums.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { DIMENSION_COLUMN, instant } from "./recap-counter.js";
import { COUNTED_KINDS, rowsOf, ticketContribution, type Contribution, type CountedEvent, type TicketFacts } from "./recap-contribution.rules.js";
import { addTally, compactTally, emptyTally, isEmptyTally, tallyOf, type RecapTally } from "./recap-tally.rules.js";

/** Tickets read per backfill batch (with their entries and feedback). */
export const BATCH = 1_000;
/** How far before the watermark catch-up looks again, for changes that committed after a later one. */
const OVERLAP_MS = 5 * 60_000;
const ROWS_PER_INSERT = 400;

type Raw = Record<string, unknown>;
type Site = Pick<SiteEntity, "id" | "timeZone" | "businessHours">;

interface Cursor {
  calendarKey: string;
  backfillAfter: string | null;
  backfillDone: boolean;
  watermark: number | null;
  decidedAt: number | null;
}

/** What identifies a site's calendar: a change of it rebuilds the rollups. */
export function calendarKey(calendar: SiteCalendar): string {
  return JSON.stringify({ zone: calendar.timeZone, hours: calendar.hours, holidays: [...calendar.holidays].sort() });
}

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : instant(v as Date | string));

/** The daily recap rollups' writer: backfill and catch-up. */
export class RecapRollup {
  private readonly dialect: Dialect;
  /** Each site's last queued step in this process. */
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly listSites: () => Promise<Site[]>,
    private readonly clock: Clock,
  ) {
    this.dialect = dialectOf(ds);
  }

  /**
   * The sweep's pass: backfills sites (batches until `budgetMs` has passed) and catches up those
   * already filled. Answers whether every site's rollups are complete.
   */
  async sweep(budgetMs = 10_000): Promise<boolean> {
    const until = Date.now() + budgetMs;
    let complete = true;
    for (const site of await this.listSites()) {
      const calendar = await readSiteCalendar(this.ds.manager, site);
      let done = await this.step(site, calendar, this.clock.now());
      while (!done && Date.now() < until) done = await this.step(site, calendar, this.clock.now());
      complete &&= done;
    }
    return complete;
  }

  /**
   * Catches the site up to `now` before a recap is counted. While its backfill is not done this
   * does one backfill batch and answers whether that finished it (a small site is filled by its
   * first recap; a large one by the sweep), so the recap counts live until it is.
   */
  async catchUp(site: Site, calendar: SiteCalendar, now: Date): Promise<boolean> {
    const [row] = (await this.ds.query("SELECT * FROM recap_cursor WHERE site_id = ?", [site.id])) as Raw[];
    const filled = !!row && Number(row["backfill_done"]) === 1 && row["calendar_key"] === calendarKey(calendar);
    if (!filled) return (await this.step(site, calendar, now)) && this.step(site, calendar, now);
    // Nothing committed since the cursor that moves a figure: the rollups are current, no lock needed.
    if (!(await this.pending(this.ds.manager, site.id, cursorOf(row), now)).ids.length) return true;
    return this.step(site, calendar, now);
  }

  /** The tickets a catch-up from `cursor` to `now` recomputes: changed since the watermark, or due in between. */
  private async pending(em: EntityManager, siteId: string, cursor: Cursor, now: Date): Promise<{ ids: string[]; seen: number }> {
    const lo = Math.min(cursor.decidedAt ?? now.getTime(), now.getTime());
    const hi = Math.max(cursor.decidedAt ?? now.getTime(), now.getTime());
    const tickets = () => em.getRepository(TicketEntity).createQueryBuilder("t").where("t.site_id = :siteId", { siteId });
    const changed = await tickets()
      .select(["t.id AS id", "t.updated_at AS u"])
      .andWhere("t.updated_at >= :since", { since: new Date(cursor.watermark ?? 0) })
      .getRawMany<Raw>();
    const ids = new Set(changed.map((r) => String(r["id"])));
    if (lo < hi) {
      for (const due of ["response_due_at", "resolution_due_at"]) {
        const passed = await tickets()
          .select("t.id", "id")
          .andWhere(`t.${due} >= :lo AND t.${due} < :hi`, { lo: new Date(lo), hi: new Date(hi) })
          .getRawMany<Raw>();
        for (const r of passed) ids.add(String(r["id"]));
      }
    }
    return { ids: [...ids], seen: Math.max(...changed.map((r) => instant(r["u"] as Date | string).getTime()), -Infinity) };
  }

  /**
   * One transaction of work on a site: a backfill batch, or the catch-up. Answers whether the site
   * is complete after it. A process runs one at a time per site (recaps drawn side by side, e.g.
   * the PDFs of a batch of recap mails, queue here rather than contend for the cursor's lock).
   */
  private step(site: Site, calendar: SiteCalendar, now: Date): Promise<boolean> {
    const run = (this.running.get(site.id) ?? Promise.resolve()).then(() => this.stepNow(site, calendar, now));
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.running.set(site.id, tail);
    void tail.then(() => {
      if (this.running.get(site.id) === tail) this.running.delete(site.id);
    });
    return run;
  }

  private stepNow(site: Site, calendar: SiteCalendar, now: Date): Promise<boolean> {
    return this.tx(async (em) => {
      const key = calendarKey(calendar);
      let cursor = await this.lock(em, site.id, key, now);
      if (cursor.calendarKey !== key) {
        await em.query("DELETE FROM recap_day WHERE site_id = ?", [site.id]);
        await em.query("DELETE FROM recap_contribution WHERE site_id = ?", [site.id]);
        cursor = this.fresh(key, now);
        await this.save(em, site.id, cursor);
      }
      if (!cursor.backfillDone) {
        const ids = (
          await em
            .getRepository(TicketEntity)
            .createQueryBuilder("t")
            .select("t.id", "id")
            .where("t.site_id = :siteId", { siteId: site.id })
            .andWhere(cursor.backfillAfter === null ? "1 = 1" : "t.id > :after", { after: cursor.backfillAfter })
            .orderBy("t.id", "ASC")
            .limit(BATCH)
            .getRawMany<Raw>()
        ).map((r) => String(r["id"]));
        if (ids.length) await this.apply(em, site, calendar, now, ids);
        cursor.backfillAfter = ids.at(-1) ?? cursor.backfillAfter;
        cursor.backfillDone = ids.length < BATCH;
        await this.save(em, site.id, cursor);
        return cursor.backfillDone;
      }
      const { ids, seen } = await this.pending(em, site.id, cursor, now);
      for (let i = 0; i < ids.length; i += BATCH) await this.apply(em, site, calendar, now, ids.slice(i, i + BATCH));
      if (Number.isFinite(seen)) cursor.watermark = Math.max(cursor.watermark ?? 0, seen - OVERLAP_MS);
      cursor.decidedAt = now.getTime();
      await this.save(em, site.id, cursor);
      return true;
    });
  }

  private fresh(key: string, now: Date): Cursor {
    // Changes made while the backfill runs are caught up after it; targets decided after `now` too.
    return { calendarKey: key, backfillAfter: null, backfillDone: false, watermark: now.getTime() - OVERLAP_MS, decidedAt: now.getTime() };
  }

  /** The site's cursor, created if missing, held for the transaction (MySQL: FOR UPDATE). */
  private async lock(em: EntityManager, siteId: string, key: string, now: Date): Promise<Cursor> {
    const fresh = this.fresh(key, now);
    const select = async () => ((await em.query(`SELECT * FROM recap_cursor WHERE site_id = ?${this.dialect === "mysql" ? " FOR UPDATE" : ""}`, [siteId])) as Raw[])[0];
    // The exclusive lock first: an INSERT IGNORE on an existing row takes a shared lock, and two
    // transactions each holding one and asking for the exclusive lock deadlock.
    let row = await select();
    if (!row) {
      await em.query(`${this.dialect === "mysql" ? "INSERT IGNORE" : "INSERT OR IGNORE"} INTO recap_cursor (site_id, calendar_key, backfill_after, backfill_done, watermark, decided_at) VALUES (?, ?, NULL, 0, ?, ?)`, [
        siteId,
        key,
        fresh.watermark,
        fresh.decidedAt,
      ]);
      row = await select();
    }
    return cursorOf(row!);
  }

  private async save(em: EntityManager, siteId: string, c: Cursor): Promise<void> {
    await em.query("UPDATE recap_cursor SET calendar_key = ?, backfill_after = ?, backfill_done = ?, watermark = ?, decided_at = ? WHERE site_id = ?", [
      c.calendarKey,
      c.backfillAfter,
      c.backfillDone ? 1 : 0,
      c.watermark,
      c.decidedAt,
      siteId,
    ]);
  }

  /** Recomputes the tickets' contributions and moves the rows by the difference from what they last added. */
  private async apply(em: EntityManager, site: Site, calendar: SiteCalendar, now: Date, ids: string[]): Promise<void> {
    const facts = await this.facts(em, ids);
    const marks = ids.map(() => "?").join(", ");
    const stored = new Map<string, string>();
    for (const r of (await em.query(`SELECT ticket_id, facts FROM recap_contribution WHERE ticket_id IN (${marks})`, ids)) as Raw[]) stored.set(String(r["ticket_id"]), String(r["facts"]));
    const deltas = new Map<string, { scope: string; dimension: string; day: string; key: string; tally: RecapTally }>();
    const move = (c: Contribution, sign: 1 | -1) => {
      for (const row of rowsOf(c.placement)) {
        for (const [day, t] of Object.entries(c.days)) {
          const id = JSON.stringify([row.scope, row.dimension, day, row.key]);
          let d = deltas.get(id);
          if (!d) deltas.set(id, (d = { ...row, day, tally: emptyTally() }));
          addTally(d.tally, t, sign);
        }
      }
    };
    const fresh: Array<[string, string]> = [];
    for (const id of ids) {
      const before = stored.get(id);
      const f = facts.get(id);
      const after = f ? ticketContribution(f, calendar, now) : null;
      const json = after ? storedForm(after) : null;
      if (before === json) continue;
      if (before) move(parsed(before), -1);
      if (after) move(after, 1);
      if (json) fresh.push([id, json]);
    }
    if (!deltas.size && !fresh.length) return;
    // The rows the deltas land on, read whole (a superset: every key of those scopes, dimensions and days).
    const touched = [...deltas.values()];
    const existing = new Map<string, RecapTally>();
    const scopes = [...new Set(touched.map((d) => d.scope))];
    const dims = [...new Set(touched.map((d) => d.dimension))];
    const days = [...new Set(touched.map((d) => d.day))];
    if (touched.length) {
      const list = (xs: string[]) => xs.map(() => "?").join(", ");
      const rows = (await em.query(`SELECT scope, dimension, day, dim_key, tally FROM recap_day WHERE site_id = ? AND scope IN (${list(scopes)}) AND dimension IN (${list(dims)}) AND day IN (${list(days)})`, [
        site.id,
        ...scopes,
        ...dims,
        ...days,
      ])) as Raw[];
      for (const r of rows) existing.set(JSON.stringify([r["scope"], r["dimension"], r["day"], r["dim_key"]]), tallyOf(JSON.parse(String(r["tally"])) as Partial<RecapTally>));
    }
    const upserts: unknown[][] = [];
    const deletes: unknown[][] = [];
    for (const [id, d] of deltas) {
      if (isEmptyTally(d.tally)) continue;
      const merged = addTally(existing.get(id) ?? emptyTally(), d.tally);
      if (isEmptyTally(merged)) deletes.push([site.id, d.scope, d.dimension, d.day, d.key]);
      else upserts.push([site.id, d.scope, d.dimension, d.day, d.key, JSON.stringify(compactTally(merged))]);
    }
    await this.upsert(em, "recap_day", ["site_id", "scope", "dimension", "day", "dim_key", "tally"], ["site_id", "scope", "dimension", "day", "dim_key"], upserts);
    for (let i = 0; i < deletes.length; i += ROWS_PER_INSERT) {
      const chunk = deletes.slice(i, i + ROWS_PER_INSERT);
      await em.query(`DELETE FROM recap_day WHERE site_id = ? AND (scope, dimension, day, dim_key) IN (${chunk.map(() => "(?, ?, ?, ?)").join(", ")})`, [site.id, ...chunk.flatMap(([, ...k]) => k)]);
    }
    await this.upsert(
      em,
      "recap_contribution",
      ["ticket_id", "site_id", "facts"],
      ["ticket_id"],
      fresh.map(([id, json]) => [id, site.id, json]),
    );
  }

  /**
   * Writes `rows` into `table` in multi-row statements; where a row's primary key (`key`) is already
   * there, its last column is replaced.
   */
  private async upsert(em: EntityManager, table: string, columns: readonly string[], key: readonly string[], rows: readonly unknown[][]): Promise<void> {
    const replaced = columns.at(-1)!;
    const onConflict = this.dialect === "mysql" ? `ON DUPLICATE KEY UPDATE ${replaced} = VALUES(${replaced})` : `ON CONFLICT (${key.join(", ")}) DO UPDATE SET ${replaced} = excluded.${replaced}`;
    const group = `(${columns.map(() => "?").join(", ")})`;
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT);
      await em.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${chunk.map(() => group).join(", ")} ${onConflict}`, chunk.flat());
    }
  }

  /** The facts of the tickets (of `ids`) a contribution needs: columns, counted entries, feedback. */
  private async facts(em: EntityManager, ids: string[]): Promise<Map<string, TicketFacts>> {
    const dims = Object.entries(DIMENSION_COLUMN);
    const tickets = await em
      .getRepository(TicketEntity)
      .createQueryBuilder("t")
      .select(["t.id AS id", "t.created_at AS c", "t.first_responded_at AS f", "t.resolved_at AS r", "t.closed_at AS cl", "t.status AS s", "t.response_due_at AS rd", "t.resolution_due_at AS sd", "t.paused_ms AS pm", "t.priority AS p", "t.group_id AS g", "t.assignee_id AS a"])
      .addSelect(dims.map(([dim, col]) => `t.${col} AS k_${dim}`))
      .where("t.id IN (:...ids)", { ids })
      .getRawMany<Raw>();
    const events = new Map<string, CountedEvent[]>();
    const feedback = new Map<string, TicketFacts["feedback"]>();
    const marks = ids.map(() => "?").join(", ");
    const kinds = COUNTED_KINDS.map(() => "?").join(", ");
    for (const e of (await em.query(`SELECT ticket_id, kind, at, data FROM ticket_event WHERE ticket_id IN (${marks}) AND kind IN (${kinds})`, [...ids, ...COUNTED_KINDS])) as Raw[]) {
      const list = events.get(String(e["ticket_id"])) ?? [];
      list.push({ kind: String(e["kind"]), at: date(e["at"])!, data: e["data"] ?? null });
      events.set(String(e["ticket_id"]), list);
    }
    for (const f of (await em.query(`SELECT ticket_id, service_rating, restored_rating, information_rating, suggestion FROM feedback WHERE ticket_id IN (${marks})`, ids)) as Raw[]) {
      feedback.set(String(f["ticket_id"]), { answers: [Number(f["service_rating"]), Number(f["restored_rating"]), Number(f["information_rating"])], suggestion: (f["suggestion"] as string | null) ?? null });
    }
    const out = new Map<string, TicketFacts>();
    for (const t of tickets) {
      const id = String(t["id"]);
      const key = (v: unknown) => (v === null || v === undefined ? null : String(v));
      out.set(id, {
        createdAt: date(t["c"])!,
        firstRespondedAt: date(t["f"]),
        resolvedAt: date(t["r"]),
        closedAt: date(t["cl"]),
        status: String(t["s"]),
        responseDueAt: date(t["rd"]),
        resolutionDueAt: date(t["sd"]),
        pausedMs: Number(t["pm"] ?? 0),
        priority: t["p"] as Priority,
        groupId: key(t["g"]),
        assigneeId: key(t["a"]),
        keys: Object.fromEntries(dims.map(([dim]) => [dim, key(t[`k_${dim}`])])),
        events: events.get(id) ?? [],
        feedback: feedback.get(id) ?? null,
      });
    }
    return out;
  }
}

/** A `recap_cursor` row as read. */
function cursorOf(row: Raw): Cursor {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    calendarKey: String(row["calendar_key"]),
    backfillAfter: (row["backfill_after"] as string | null) ?? null,
    backfillDone: Number(row["backfill_done"]) === 1,
    watermark: num(row["watermark"]),
    decidedAt: num(row["decided_at"]),
  };
}

/** A contribution as `recap_contribution` keeps it: day tallies without their zeros. */
function storedForm(c: Contribution): string {
  return JSON.stringify({ days: Object.fromEntries(Object.entries(c.days).map(([day, t]) => [day, compactTally(t)])), placement: c.placement });
}

function parsed(json: string): Contribution {
  const c = JSON.parse(json) as { days: Record<string, Partial<RecapTally>>; placement: Contribution["placement"] };
  return { days: Object.fromEntries(Object.entries(c.days).map(([day, t]) => [day, tallyOf(t)])), placement: c.placement };
}
