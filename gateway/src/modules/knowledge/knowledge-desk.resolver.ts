import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction } from "../agents/permissions.rules.js";
import type { Role } from "../agents/role.js";
import { agentActor } from "../audit/audit-trail.js";
import type { ArticleEntity } from "./article.entity.js";
import { articleRights, articleSummary, ArticleStatus, ArticleVisibility, mayEdit, nextArticleStatuses, publiclyReadable } from "./article.rules.js";
import { Article, ArticleFilter, ArticleInput, ArticleVersion } from "./knowledge.types.js";

/** The knowledge base at the desk: any desk member searches and drafts; SUPERVISOR and up review and publish (article.rules). */
@Resolver(() => Article)
export class KnowledgeDeskResolver {
  @Authorized(DeskAction.VIEW_QUEUE)
  @Query(() => [Article], { description: "The site's articles, drafts and internal ones included: ranked by the filter's query (title hits first), or newest first without one." })
  async deskArticles(
    @Arg("filter", () => ArticleFilter, { nullable: true }) filter: ArticleFilter | null,
    @Arg("status", () => ArticleStatus, { nullable: true }) status: ArticleStatus | null,
    @Arg("first", () => Int, { defaultValue: 20, description: "1 to 50." }) first: number,
    @Ctx() ctx: SigapContext,
  ): Promise<Article[]> {
    const agent = await ctx.agent();
    const rows = await ctx.services.knowledge.reads.desk(agent.siteId, queryOf(filter, first), status ?? null);
    return rows.map((a) => articleView(a, agent.role));
  }

  @Authorized(DeskAction.VIEW_QUEUE)
  @Query(() => Article, { description: "One article of the site; NOT_FOUND for another site's." })
  async article(@Arg("id", () => ID) id: string, @Ctx() ctx: SigapContext): Promise<Article> {
    const agent = await ctx.agent();
    return articleView(await ctx.services.knowledge.reads.byId(agent.siteId, id), agent.role);
  }

  @Authorized(DeskAction.VIEW_TICKET)
  @Query(() => [Article], { description: "The articles linked to a ticket (linkArticleToTicket, or drafted from it), newest link first." })
  async ticketArticles(@Arg("ticketId", () => ID) ticketId: string, @Ctx() ctx: SigapContext): Promise<Article[]> {
    const agent = await ctx.agent();
    const ticket = await ctx.services.reads.byIdOrCode(agent.siteId, ticketId);
    return (await ctx.services.knowledge.reads.forTicket(agent.siteId, ticket.id)).map((a) => articleView(a, agent.role));
  }

  @FieldResolver(() => [ArticleVersion], { description: "Every saved version, newest first." })
  async versions(@Root() a: Article, @Ctx() ctx: SigapContext): Promise<ArticleVersion[]> {
    return (await ctx.services.knowledge.reads.versions(a.id)).map((v) => ({ version: v.version, title: v.title, body: v.body, status: v.status as ArticleStatus, savedAt: v.savedAt, savedBy: v.savedBy }));
  }

  @FieldResolver(() => [ID], { description: "The tickets it was used on (ids), oldest link first." })
  async ticketIds(@Root() a: Article, @Ctx() ctx: SigapContext): Promise<string[]> {
    return ctx.services.knowledge.reads.ticketIds(a.id);
  }

  @FieldResolver(() => [String], { description: "The tickets it was used on (linked, or drafted from), by code, oldest link first." })
  async ticketCodes(@Root() a: Article, @Ctx() ctx: SigapContext): Promise<string[]> {
    return ctx.services.knowledge.reads.ticketCodes((await ctx.agent()).siteId, a.id);
  }

  @Authorized(DeskAction.WRITE_ARTICLES)
  @Mutation(() => Article, {
    description: "Creates a draft (no id) or changes an article, keeping a new version. BAD_USER_INPUT names every bad field; FORBIDDEN a published article for a role below SUPERVISOR; CONFLICT an archived one.",
  })
  async saveArticle(@Arg("input", () => ArticleInput) input: ArticleInput, @Ctx() ctx: SigapContext): Promise<Article> {
    const agent = await ctx.agent();
    const change = {
      id: input.id ?? null,
      language: input.language,
      title: input.title,
      body: input.body,
      serviceId: input.serviceId || null,
      categoryId: input.categoryId || null,
      visibility: input.visibility ?? ArticleVisibility.PUBLIC,
    };
    return articleView(await ctx.services.knowledge.articles.save(agent, change, agentActor(agent, ctx.request)), agent.role);
  }

  @Authorized(DeskAction.WRITE_ARTICLES)
  @Mutation(() => Article, {
    description: "Moves an article along DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED (and back to DRAFT from review or the archive). FORBIDDEN: publishing or archiving below SUPERVISOR; CONFLICT: a move the path has not.",
  })
  async changeArticleStatus(@Arg("id", () => ID) id: string, @Arg("status", () => ArticleStatus) status: ArticleStatus, @Ctx() ctx: SigapContext): Promise<Article> {
    const agent = await ctx.agent();
    return articleView(await ctx.services.knowledge.articles.move(agent, id, status, agentActor(agent, ctx.request)), agent.role);
  }

  @Authorized(DeskAction.WRITE_ARTICLES)
  @Mutation(() => Article, {
    description: "A new draft from a resolved ticket (id or code): the report as the symptom, the resolution as the fix, its service and category, linked to it. CONFLICT: the ticket has no resolution yet.",
  })
  async draftArticleFromTicket(@Arg("ticketId", () => ID) ticketId: string, @Ctx() ctx: SigapContext): Promise<Article> {
    const agent = await ctx.agent();
    return articleView(await ctx.services.knowledge.articles.draftFromTicket(agent, ticketId, agentActor(agent, ctx.request)), agent.role);
  }

  @Authorized(DeskAction.WRITE_ARTICLES)
  @Mutation(() => Article, { description: "Records that an article was used on a ticket (id or code) of the site; linking twice is one link." })
  async linkArticleToTicket(@Arg("articleId", () => ID) articleId: string, @Arg("ticketId", () => ID) ticketId: string, @Ctx() ctx: SigapContext): Promise<Article> {
    const agent = await ctx.agent();
    await ctx.services.knowledge.articles.link(agent, articleId, ticketId, agentActor(agent, ctx.request));
    return articleView(await ctx.services.knowledge.reads.byId(agent.siteId, articleId), agent.role);
  }
}

/** A search's arguments as the reads take them. */
export function queryOf(filter: ArticleFilter | null, first: number) {
  return { query: filter?.query ?? null, language: filter?.language ?? null, serviceId: filter?.serviceId ?? null, categoryId: filter?.categoryId ?? null, first };
}

/** An article as the schema shows it to a desk member of this role. */
export function articleView(a: ArticleEntity, role: Role): Article {
  const rights = articleRights(role);
  return {
    id: a.id,
    language: a.language,
    title: a.title,
    body: a.body,
    summary: articleSummary(a.body),
    serviceId: a.serviceId,
    categoryId: a.categoryId,
    visibility: a.visibility,
    status: a.status,
    nextStatuses: nextArticleStatuses(a.status, rights),
    editable: mayEdit(a.status, rights),
    reporterMayRead: publiclyReadable(a),
    version: a.version,
    sourceTicketId: a.sourceTicketId,
    helpfulYes: a.helpfulYes,
    helpfulNo: a.helpfulNo,
    deflections: a.deflections,
    updatedAt: a.updatedAt,
    updatedBy: a.updatedBy,
    publishedAt: a.publishedAt,
  };
}
