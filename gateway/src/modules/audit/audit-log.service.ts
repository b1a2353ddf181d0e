import type { DataSource } from "typeorm";
import { badInput } from "../../errors.js";
import { AuditEntryEntity } from "./audit-entry.entity.js";
import { actionMatch, auditPageProblems, decodeAuditCursor, encodeAuditCursor } from "./audit-log.rules.js";

/** What an admin filters the audit log by; every field is optional. */
export interface AuditQuery {
  from?: Date | null;
  to?: Date | null;
  actorId?: string | null;
  /** Exact (`site.update`) or a prefix ending in a dot (`site.`). */
  action?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
}

/** One page of the log, newest first. */
export interface AuditLogPage {
  entries: AuditEntryEntity[];
  /** Where the next page starts; null on the last page. */
  nextCursor: string | null;
}

/** The read side of the audit trail: a site's lines, filtered and paged newest first by a keyset cursor. It never writes. */
export class AuditLog {
  constructor(private readonly ds: DataSource) {}

  /** One page of a site's lines; BAD_USER_INPUT names a bad page size, range or cursor. */
  async page(siteId: string, q: AuditQuery, first: number, after: string | null): Promise<AuditLogPage> {
    const problems = auditPageProblems({ first, from: q.from, to: q.to, after });
    if (problems.length) throw badInput(problems);
    const qb = this.ds.getRepository(AuditEntryEntity).createQueryBuilder("a").where("a.siteId = :siteId", { siteId });
    if (q.from) qb.andWhere("a.at >= :from", { from: q.from });
    if (q.to) qb.andWhere("a.at <= :to", { to: q.to });
    if (q.actorId) qb.andWhere("a.actorId = :actorId", { actorId: q.actorId });
    if (q.subjectType) qb.andWhere("a.subjectType = :subjectType", { subjectType: q.subjectType });
    if (q.subjectId) qb.andWhere("a.subjectId = :subjectId", { subjectId: q.subjectId });
    if (q.action?.trim()) {
      const m = actionMatch(q.action);
      // A prefix is matched with LIKE, `_` and `%` escaped; with "!" as the escape, which both databases read alike.
      if ("prefix" in m) qb.andWhere("a.action LIKE :prefix ESCAPE '!'", { prefix: `${m.prefix.replace(/[!%_]/g, (c) => `!${c}`)}%` });
      else qb.andWhere("a.action = :action", { action: m.exact });
    }
    const cursor = after ? decodeAuditCursor(after)! : null;
    if (cursor) qb.andWhere("(a.at < :cAt OR (a.at = :cAt AND a.id < :cId))", { cAt: cursor.at, cId: Number(cursor.id) });
    const rows = await qb.orderBy("a.at", "DESC").addOrderBy("a.id", "DESC").take(first + 1).getMany();
    const entries = rows.slice(0, first);
    const last = entries.at(-1);
    return { entries, nextCursor: rows.length > first && last ? encodeAuditCursor({ at: last.at, id: String(last.id) }) : null };
  }
}
