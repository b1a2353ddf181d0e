import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { badField } from "../../errors.js";
import type { ArticleEntity } from "./article.entity.js";
import { articleSummary } from "./article.rules.js";
import { queryOf } from "./knowledge-desk.resolver.js";
import { ArticleFilter, HelpArticle } from "./knowledge.types.js";

/** The knowledge base for reporters, by site key: published, public articles of that site only. */
@Resolver()
export class HelpCentreResolver {
  @Query(() => [HelpArticle], { description: "The help centre's published, public articles: ranked by the filter's query (title hits first), or newest first without one." })
  async helpArticles(
    @Arg("filter", () => ArticleFilter, { nullable: true }) filter: ArticleFilter | null,
    @Arg("first", () => Int, { defaultValue: 20, description: "1 to 50." }) first: number,
    @Ctx() ctx: SigapContext,
  ): Promise<HelpArticle[]> {
    const { site } = await ctx.publicSite();
    return (await ctx.services.knowledge.reads.help(site.id, queryOf(filter, first))).map(helpView);
  }

  @Query(() => HelpArticle, { description: "One published, public article; NOT_FOUND for anything else." })
  async helpArticle(@Arg("id", () => ID) id: string, @Ctx() ctx: SigapContext): Promise<HelpArticle> {
    const { site } = await ctx.publicSite();
    return helpView(await ctx.services.knowledge.reads.published(site.id, id));
  }

  @Query(() => [HelpArticle], { description: "Up to three published, public articles matching what a reporter is typing (the report form's suggestions)." })
  async suggestArticles(
    @Arg("text", () => String) text: string,
    @Arg("language", () => String, { nullable: true, description: "id or en." }) language: string | null,
    @Arg("serviceId", () => ID, { nullable: true }) serviceId: string | null,
    @Ctx() ctx: SigapContext,
  ): Promise<HelpArticle[]> {
    const { site } = await ctx.publicSite();
    if ([...text].length > 5000) throw badField("text", "text is too long: at most 5000 characters");
    return (await ctx.services.knowledge.reads.suggest(site.id, text, language ?? null, serviceId ?? null)).map(helpView);
  }

  @Mutation(() => Boolean, { description: "\"This solved it\": counts a report the article ended (per article and day); no ticket is made. Spends the feedback rate budget." })
  async articleSolvedMyProblem(@Arg("articleId", () => ID) articleId: string, @Ctx() ctx: SigapContext): Promise<boolean> {
    const { site } = await ctx.publicSite();
    await ctx.services.knowledge.feedback.solved(site, articleId);
    return true;
  }

  @Mutation(() => Boolean, { description: "\"Was this helpful?\": counts a yes or a no for a published, public article. Spends the feedback rate budget." })
  async rateArticle(@Arg("articleId", () => ID) articleId: string, @Arg("helpful", () => Boolean) helpful: boolean, @Ctx() ctx: SigapContext): Promise<boolean> {
    const { site } = await ctx.publicSite();
    await ctx.services.knowledge.feedback.rate(site, articleId, helpful);
    return true;
  }
}

/** An article as a reporter reads it: no status, counts or authors. */
export function helpView(a: ArticleEntity): HelpArticle {
  return { id: a.id, language: a.language, title: a.title, body: a.body, summary: articleSummary(a.body), serviceId: a.serviceId, categoryId: a.categoryId, updatedAt: a.updatedAt };
}
