/**
 * Desk search: the tickets of the agent's site whose code, reporter or text matches a term,
 * combined with the queue's other filters, most recent first.
 *
 * Each way a term can be meant is one branch that reads an index: the reversed code (any ending
 * of a code is a prefix of it), the code's day (its middle: the tickets created around that day,
 * by their creation index, whose code carries it), the phone's digits, the e-mail, and the full-text indexes of the
 * ticket (reporter name, problem type, description) and of its timeline (replies, reporter
 * messages, internal notes) — InnoDB FULLTEXT on MariaDB, FTS5 kept by triggers on SQLite. The
 * branches' ticket ids are unioned into a small set that the filters and the page then read by
 * primary key, so the cost follows the number of matches, not the size of the site.
 */
import { Brackets, type DataSource, type SelectQueryBuilder } from "typeorm";
import { dialectOf, type Dialect } from "../../db/transactions.js";
import { badField } from "../../errors.js";
import { codeDayPattern, codeDayWindow, mysqlFullText, parseSearch, prefixEnd, type SearchQuery, searchable, sqliteFullText } from "./search-query.rules.js";
import type { TicketEntity } from "./ticket.entity.js";

/** One page of search results with a cursor per ticket. */
export interface SearchPage {
  tickets: TicketEntity[];
  cursors: string[];
  hasNextPage: boolean;
}

const CURSOR_KIND = "search";

/** Finds the site's tickets by code, reporter or text; the queue hands it its filtered query. */
export class TicketSearch {
  private readonly dialect: Dialect;

  constructor(ds: DataSource) {
    this.dialect = dialectOf(ds);
  }

  /** The query a search term means; a blank or too long term is a BAD_USER_INPUT on `search`. */
  parse(term: string): SearchQuery {
    const parsed = parseSearch(term);
    if (!parsed.ok) throw badField("search", parsed.problem);
    return parsed.query;
  }

  /**
   * Restricts the queue's query (alias `t`, already bound to the site) to the tickets the term
   * matches: the queue's page and the views' counts both read this.
   */
  restrict(qb: SelectQueryBuilder<TicketEntity>, query: SearchQuery): void {
    if (!searchable(query)) {
      qb.andWhere("1 = 0");
      return;
    }
    const { sql, params } = this.matches(query);
    // A derived table, not `IN (… UNION …)`: MariaDB would run a UNION in IN once per ticket row.
    qb.andWhere(`t.id IN (SELECT m.id FROM (${sql}) m)`, params);
  }

  /**
   * Reads one page of a restricted query, newest first. Relevance is not the order: the two
   * databases rank differently, and a rank moves as messages arrive, which a keyset cursor
   * cannot follow; (createdAt, id) is total, stable and what a desk looks for first.
   */
  async page(qb: SelectQueryBuilder<TicketEntity>, first: number, after: string | null | undefined): Promise<SearchPage> {
    if (after) {
      const c = decodeCursor(after);
      qb.andWhere(
        new Brackets((b) => b.where("t.createdAt < :s_created").orWhere("(t.createdAt = :s_created AND t.id < :s_id)")),
        { s_created: c.createdAt, s_id: c.id },
      );
    }
    const rows = await qb.orderBy("t.createdAt", "DESC").addOrderBy("t.id", "DESC").take(first + 1).getMany();
    const tickets = rows.slice(0, first);
    return { tickets, cursors: tickets.map(encodeCursor), hasNextPage: rows.length > first };
  }

  /** The UNION of every branch the query has, each reading its own index, as `id` rows. */
  private matches(q: SearchQuery): { sql: string; params: Record<string, unknown> } {
    const branches: string[] = [];
    const params: Record<string, unknown> = {};
    if (q.codeKey && this.dialect === "mysql") {
      // The key is letters and digits only, so the pattern has no wildcard but the trailing one.
      branches.push("SELECT id FROM ticket WHERE site_id = :siteId AND code_key LIKE :s_code");
      params["s_code"] = `${q.codeKey}%`;
    } else if (q.codeKey) {
      // A range on SQLite, which uses an index for LIKE only on NOCASE columns (its BINARY order
      // puts ":" after "9"; MariaDB's collation does not, hence LIKE there).
      branches.push("SELECT id FROM ticket WHERE site_id = :siteId AND code_key >= :s_code AND code_key < :s_code_end");
      Object.assign(params, { s_code: q.codeKey, s_code_end: prefixEnd(q.codeKey) });
    }
    if (q.codeDay) {
      const { from, to } = codeDayWindow(q.codeDay);
      branches.push("SELECT id FROM ticket WHERE site_id = :siteId AND created_at >= :s_day_from AND created_at < :s_day_to AND code LIKE :s_day_code");
      Object.assign(params, { s_day_from: from, s_day_to: to, s_day_code: codeDayPattern(q.codeDay) });
    }
    if (q.phone) {
      branches.push("SELECT id FROM ticket WHERE site_id = :siteId AND phone_key = :s_phone");
      params["s_phone"] = q.phone;
    }
    if (q.email) {
      branches.push("SELECT id FROM ticket WHERE site_id = :siteId AND reporter_email = :s_email");
      params["s_email"] = q.email;
    }
    if (q.words.length && this.dialect === "mysql") {
      branches.push("SELECT id FROM ticket WHERE MATCH (reporter_name, problem_type, description) AGAINST (:s_text IN BOOLEAN MODE)");
      branches.push("SELECT ticket_id AS id FROM ticket_event WHERE MATCH (body) AGAINST (:s_text IN BOOLEAN MODE)");
      params["s_text"] = mysqlFullText(q.words);
    } else if (q.words.length) {
      branches.push("SELECT id FROM ticket WHERE rowid IN (SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH :s_text)");
      branches.push("SELECT ticket_id AS id FROM ticket_event WHERE id IN (SELECT rowid FROM ticket_event_fts WHERE ticket_event_fts MATCH :s_text)");
      params["s_text"] = sqliteFullText(q.words);
    }
    return { sql: branches.join(" UNION "), params };
  }
}

function encodeCursor(t: TicketEntity): string {
  return Buffer.from(JSON.stringify([CURSOR_KIND, t.createdAt.getTime(), t.id])).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [kind, created, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, number, string];
    if (kind !== CURSOR_KIND || typeof created !== "number" || typeof id !== "string") throw new Error("shape");
    return { createdAt: new Date(created), id };
  } catch {
    throw badField("after", "after is not a cursor this search gave out");
  }
}
