import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { badField } from "../../errors.js";
import { MAIL_LANGUAGES, type MailLanguage } from "../notifications/mail-language.js";
import { DeskAction } from "../agents/permissions.rules.js";
import { Agent } from "../agents/agent.type.js";
import type { AgentEntity } from "../agents/agent.entity.js";
import { QueueViewCount, SavedQueueView, SaveQueueViewInput } from "./queue-view.types.js";

/** The desk's queue views: counts, saved views, and the agent's remembered choice. */
@Resolver(() => Agent)
export class QueueViewsResolver {
  @Authorized(DeskAction.VIEW_QUEUE)
  @Query(() => [QueueViewCount], { description: "The views list in the desk's order, built-in views first, then your saved views, each with its count (capped)." })
  async queueViews(
    @Arg("language", () => String, { nullable: true, description: "id or en: the built-in views' names in it (the widget's language). Default: the agent's language." })
    language: string | null | undefined,
    @Ctx() ctx: SigapContext,
  ): Promise<QueueViewCount[]> {
    if (language != null && !MAIL_LANGUAGES.includes(language as MailLanguage)) throw badField("language", `language must be ${MAIL_LANGUAGES.join(" or ")}, got "${language}".`);
    const agent = await ctx.agent();
    return ctx.services.queueViews.counts(agent, (language as MailLanguage | null | undefined) ?? agent.language);
  }

  @Authorized(DeskAction.VIEW_QUEUE)
  @Query(() => [SavedQueueView], { description: "Your saved queue views, oldest first." })
  async savedQueueViews(@Ctx() ctx: SigapContext): Promise<SavedQueueView[]> {
    return ctx.services.queueViews.saved(await ctx.agent());
  }

  @Authorized(DeskAction.VIEW_QUEUE)
  @Mutation(() => SavedQueueView, { description: "Saves filters under a name (at most 20 views; names unique among yours: CONFLICT)." })
  async saveQueueView(@Arg("input", () => SaveQueueViewInput) input: SaveQueueViewInput, @Ctx() ctx: SigapContext): Promise<SavedQueueView> {
    return ctx.services.queueViews.save(await ctx.agent(), input);
  }

  @Authorized(DeskAction.VIEW_QUEUE)
  @Mutation(() => Boolean, { description: "Deletes one of your saved views." })
  async deleteQueueView(@Arg("id", () => ID) id: string, @Ctx() ctx: SigapContext): Promise<boolean> {
    return ctx.services.queueViews.delete(await ctx.agent(), id);
  }

  @Authorized(DeskAction.VIEW_QUEUE)
  @Mutation(() => Boolean, { description: "Remembers the view you chose (a QueueView name or saved:<id>), so it follows you to other devices; an empty string forgets it (the default queue)." })
  async setMyQueueView(@Arg("view", () => String) view: string, @Ctx() ctx: SigapContext): Promise<boolean> {
    return ctx.services.queueViews.choose(await ctx.agent(), view);
  }

  @FieldResolver(() => String, { nullable: true, description: "The queue view you last chose (a QueueView name or saved:<id>); null on anyone else's row." })
  async queueView(@Root() agent: Agent & Partial<Pick<AgentEntity, "queueView">>, @Ctx() ctx: SigapContext): Promise<string | null> {
    if (!agent.queueView) return null;
    return (await ctx.agent()).id === agent.id ? agent.queueView : null;
  }
}
