import { Brackets, In, type DataSource, type SelectQueryBuilder } from "typeorm";
import type { Clock } from "../../clock.js";
import { dialectOf, type Dialect } from "../../db/transactions.js";
import { badField, notFound } from "../../errors.js";
import { mysqlFullText, sqliteFullText } from "../tickets/search-query.rules.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { ProblemEventEntity } from "./problem-event.entity.js";
import { ProblemTicketEntity } from "./problem-ticket.entity.js";
import { ProblemEntity } from "./problem.entity.js";
import { acceptsIncidents, daysIssue, ProblemStatus, SIMILAR_LIST_LIMIT, similarWords } from "./problem.rules.js";

/** One page of problems with a cursor per problem. */
export interface ProblemPage {
  problems: ProblemEntity[];
  cursors: string[];
  hasNextPage: boolean;
}

/** What similarIncidents answers. */
export interface Similar {
  days: number;
  count: number;
  tickets: TicketEntity[];
}

const DAY_MS = 86_400_000;
const CURSOR_KIND = "problem";

/** Reads of problems, their incidents and timelines, and a ticket's similar incidents; nothing here writes. */
export class ProblemReads {
  private readonly dialect: Dialect;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {
    this.dialect = dialectOf(ds);
  }

  /** A problem of the site by id or code, or NOT_FOUND. */
  async byIdOrCode(siteId: string, idOrCode: string): Promise<ProblemEntity> {
    const repo = this.ds.getRepository(ProblemEntity);
    const problem = idOrCode.toUpperCase().startsWith("PRB-") ? await repo.findOneBy({ siteId, code: idOrCode.toUpperCase() }) : await repo.findOneBy({ siteId, id: idOrCode });
    if (!problem) throw notFound(`No problem ${idOrCode} in this site.`);
    return problem;
  }

  /** A page of the site's problems, most recently changed first. */
  async page(siteId: string, filter: { status?: ProblemStatus[] | null; serviceId?: string | null; linkable?: boolean | null }, first: number, after: string | null): Promise<ProblemPage> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badField("first", `first must be from 1 to 100, got ${first}`);
    const qb = this.ds.getRepository(ProblemEntity).createQueryBuilder("p").where("p.siteId = :siteId", { siteId });
    if (filter.status?.length) qb.andWhere("p.status IN (:...statuses)", { statuses: filter.status });
    if (filter.serviceId) qb.andWhere("p.serviceId = :serviceId", { serviceId: filter.serviceId });
    if (filter.linkable) qb.andWhere("p.status IN (:...linkable)", { linkable: Object.values(ProblemStatus).filter(acceptsIncidents) });
    if (after) {
      const c = decodeCursor(after);
      qb.andWhere(new Brackets((b) => b.where("p.updatedAt < :c_at").orWhere("(p.updatedAt = :c_at AND p.id < :c_id)")), { c_at: c.at, c_id: c.id });
    }
    const rows = await qb.orderBy("p.updatedAt", "DESC").addOrderBy("p.id", "DESC").take(first + 1).getMany();
    const problems = rows.slice(0, first);
    return { problems, cursors: problems.map(encodeCursor), hasNextPage: rows.length > first };
  }

  /** The problem's timeline, oldest first. */
  timeline(problemId: string): Promise<ProblemEventEntity[]> {
    return this.ds.getRepository(ProblemEventEntity).find({ where: { problemId }, order: { id: "ASC" } });
  }

  /** The problem's linked incidents, in the order they were linked. */
  async incidents(problem: ProblemEntity): Promise<TicketEntity[]> {
    const links = await this.ds.getRepository(ProblemTicketEntity).find({ where: { problemId: problem.id }, order: { linkedAt: "ASC" } });
    if (!links.length) return [];
    const tickets = await this.ds.getRepository(TicketEntity).findBy({ siteId: problem.siteId, id: In(links.map((l) => l.ticketId)) });
    const byId = new Map(tickets.map((t) => [t.id, t]));
    return links.map((l) => byId.get(l.ticketId)).filter((t): t is TicketEntity => t !== undefined);
  }

  /** The problem a ticket is linked to, or null. */
  async ofTicket(ticket: TicketEntity): Promise<ProblemEntity | null> {
    const link = await this.ds.getRepository(ProblemTicketEntity).findOneBy({ ticketId: ticket.id });
    return link ? this.ds.getRepository(ProblemEntity).findOneBy({ siteId: ticket.siteId, id: link.problemId }) : null;
  }

  /** How many tickets of the last `days` days are like this one (the ticket view's cue). */
  similarCount(ticket: TicketEntity, days: number): Promise<number> {
    return this.similarQuery(ticket, days).getCount();
  }

  /** The tickets of the last `days` days like this one: the count and the newest 50. */
  async similar(ticket: TicketEntity, days: number): Promise<Similar> {
    const issue = daysIssue(days);
    if (issue) throw badField(issue.field, issue.message);
    const [count, tickets] = await Promise.all([
      this.similarCount(ticket, days),
      this.similarQuery(ticket, days).orderBy("t.createdAt", "DESC").addOrderBy("t.id", "DESC").take(SIMILAR_LIST_LIMIT).getMany(),
    ]);
    return { days, count, tickets };
  }

  /**
   * The site's tickets created in the window (read through ix_ticket_recap_created, so the cost
   * follows the site's recent tickets, not all of them), other than this one, with the same
   * service and category, or matching the telling words of its text in the desk search's
   * full-text index (InnoDB FULLTEXT, FTS5).
   */
  private similarQuery(ticket: TicketEntity, days: number): SelectQueryBuilder<TicketEntity> {
    const since = new Date(this.clock.now().getTime() - days * DAY_MS);
    const qb = this.ds.getRepository(TicketEntity).createQueryBuilder("t").where("t.siteId = :siteId AND t.createdAt >= :since AND t.id <> :id", { siteId: ticket.siteId, since, id: ticket.id });
    const branches: string[] = [];
    const params: Record<string, unknown> = {};
    if (ticket.serviceId && ticket.categoryId) {
      branches.push("(t.serviceId = :serviceId AND t.categoryId = :categoryId)");
      Object.assign(params, { serviceId: ticket.serviceId, categoryId: ticket.categoryId });
    }
    const words = similarWords(ticket.problemType, ticket.description);
    if (words.length && this.dialect === "mysql") {
      branches.push("t.id IN (SELECT m.id FROM (SELECT id FROM ticket WHERE MATCH (reporter_name, problem_type, description) AGAINST (:text IN BOOLEAN MODE)) m)");
      params["text"] = mysqlFullText(words);
    } else if (words.length) {
      branches.push("t.id IN (SELECT id FROM ticket WHERE rowid IN (SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH :text))");
      params["text"] = sqliteFullText(words);
    }
    return qb.andWhere(branches.length ? `(${branches.join(" OR ")})` : "1 = 0", params);
  }
}

function encodeCursor(p: ProblemEntity): string {
  return Buffer.from(JSON.stringify([CURSOR_KIND, p.updatedAt.getTime(), p.id])).toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [kind, at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, number, string];
    if (kind !== CURSOR_KIND || typeof at !== "number" || typeof id !== "string") throw new Error("shape");
    return { at: new Date(at), id };
  } catch {
    throw badField("after", "after is not a cursor this list gave out");
  }
}
