import { type DataSource } from "typeorm";
import { badField, notFound } from "../../errors.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { ArticleTicketEntity } from "./article-ticket.entity.js";
import { ArticleVersionEntity } from "./article-version.entity.js";
import { ArticleEntity } from "./article.entity.js";
import { ARTICLE_LANGUAGES, ArticleStatus, publiclyReadable } from "./article.rules.js";
import type { KnowledgeSearch } from "./knowledge-search.js";

/** Most articles one search or browse returns. */
export const MAX_ARTICLES = 50;
/** Most suggestions the report form shows. */
export const MAX_SUGGESTIONS = 3;

/** A search as the resolvers pass it on. */
export interface ArticleQuery {
  query: string | null;
  language: string | null;
  serviceId: string | null;
  categoryId: string | null;
  first: number;
}

/** Reads of the knowledge base: the desk's (everything of its site) and the reporters' (published and public). */
export class KnowledgeReads {
  constructor(
    private readonly ds: DataSource,
    private readonly search: KnowledgeSearch,
  ) {}

  /** The desk's search or browse of its site, drafts and internal articles included. */
  async desk(siteId: string, q: ArticleQuery, status: ArticleStatus | null): Promise<ArticleEntity[]> {
    checkQuery(q);
    return this.search.find({ siteId, publicOnly: false, language: q.language, serviceId: q.serviceId, categoryId: q.categoryId, status }, q.query, q.first);
  }

  /** The help centre's search or browse: published, public articles of the site only. */
  async help(siteId: string, q: ArticleQuery): Promise<ArticleEntity[]> {
    checkQuery(q);
    return this.search.find({ siteId, publicOnly: true, language: q.language, serviceId: q.serviceId, categoryId: q.categoryId, status: null }, q.query, q.first);
  }

  /** Up to three published, public articles matching what a reporter is typing. */
  async suggest(siteId: string, text: string, language: string | null, serviceId: string | null): Promise<ArticleEntity[]> {
    return this.help(siteId, { query: text, language, serviceId, categoryId: null, first: MAX_SUGGESTIONS });
  }

  /** One article of the site for the desk, or NOT_FOUND. */
  async byId(siteId: string, id: string): Promise<ArticleEntity> {
    const a = await this.ds.getRepository(ArticleEntity).findOneBy({ siteId, id });
    if (!a) throw notFound("No such article in this site.");
    return a;
  }

  /** One published, public article for a reporter; anything else is as unknown as another site's. */
  async published(siteId: string, id: string): Promise<ArticleEntity> {
    const a = await this.ds.getRepository(ArticleEntity).findOneBy({ siteId, id });
    if (!a || !publiclyReadable(a)) throw notFound("No such article in this help centre.");
    return a;
  }

  /** Every saved version of an article, newest first. */
  async versions(articleId: string): Promise<ArticleVersionEntity[]> {
    return this.ds.getRepository(ArticleVersionEntity).find({ where: { articleId }, order: { version: "DESC" } });
  }

  /** The tickets an article was used on (ids), oldest link first. */
  async ticketIds(articleId: string): Promise<string[]> {
    return (await this.ds.getRepository(ArticleTicketEntity).find({ where: { articleId }, order: { linkedAt: "ASC", ticketId: "ASC" } })).map((l) => l.ticketId);
  }

  /** The codes of the site's tickets an article was used on, oldest link first. */
  async ticketCodes(siteId: string, articleId: string): Promise<string[]> {
    const rows = await this.ds
      .getRepository(ArticleTicketEntity)
      .createQueryBuilder("l")
      .innerJoin(TicketEntity, "t", "t.id = l.ticketId AND t.siteId = :siteId", { siteId })
      .where("l.articleId = :articleId", { articleId })
      .orderBy("l.linkedAt", "ASC")
      .addOrderBy("l.ticketId", "ASC")
      .select("t.code", "code")
      .getRawMany<{ code: string }>();
    return rows.map((r) => r.code);
  }

  /** The articles linked to a ticket of the site, newest link first. */
  async forTicket(siteId: string, ticketId: string): Promise<ArticleEntity[]> {
    const links = await this.ds.getRepository(ArticleTicketEntity).find({ where: { ticketId }, order: { linkedAt: "DESC" } });
    const out: ArticleEntity[] = [];
    for (const l of links) {
      const a = await this.ds.getRepository(ArticleEntity).findOneBy({ siteId, id: l.articleId });
      if (a) out.push(a);
    }
    return out;
  }
}

function checkQuery(q: ArticleQuery): void {
  if (q.language !== null && !(ARTICLE_LANGUAGES as readonly string[]).includes(q.language)) throw badField("language", `language must be id or en (got ${JSON.stringify(q.language)})`);
  if (!Number.isInteger(q.first) || q.first < 1 || q.first > MAX_ARTICLES) throw badField("first", `first must be 1 to ${MAX_ARTICLES} (got ${q.first})`);
  if (q.query !== null && [...q.query].length > 5000) throw badField("query", "query is too long: at most 5000 characters");
}
