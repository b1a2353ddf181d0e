import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction, SiteAction, siteActionsOf } from "../agents/permissions.rules.js";
import { agentActor } from "../audit/audit-trail.js";
import type { CannedResponseEntity } from "./canned-response.entity.js";
import { PLACEHOLDERS } from "./canned.rules.js";
import { CannedResponse, CannedResponseInput } from "./canned.types.js";

/** Canned responses: agents list and render them, supervisors and up manage them (audited by the service). */
@Resolver()
export class CannedResponseResolver {
  @Authorized(DeskAction.VIEW_QUEUE)
  @Query(() => [CannedResponse], {
    description: "The canned responses you may insert: the whole site's and your group's, by title; language (id or en) keeps that language's and the any-language ones, search keeps those holding every word in title or body.",
  })
  async cannedResponses(
    @Arg("language", () => String, { nullable: true }) language: string | null,
    @Arg("search", () => String, { nullable: true }) search: string | null,
    @Ctx() ctx: SigapContext,
  ): Promise<CannedResponse[]> {
    return (await ctx.services.canned.forAgent(await ctx.agent(), { language: language ?? null, search: search ?? null })).map(cannedView);
  }

  @Authorized(DeskAction.MANAGE_CANNED_RESPONSES)
  @Query(() => [CannedResponse], { description: "Every canned response of the site, any group and language, by title: what a supervisor manages (SUPERVISOR and up)." })
  async allCannedResponses(@Ctx() ctx: SigapContext): Promise<CannedResponse[]> {
    return (await ctx.services.canned.all((await ctx.agent()).siteId)).map(cannedView);
  }

  @Authorized(DeskAction.VIEW_QUEUE)
  @Query(() => [String], { description: "The placeholders a canned response's body may use, each written {{name}}, e.g. {{reporter.name}}." })
  cannedPlaceholders(): string[] {
    return [...PLACEHOLDERS];
  }

  @Authorized(DeskAction.VIEW_TICKET)
  @Query(() => String, { description: "A canned response's body with its placeholders filled in for this ticket and you: the text to insert into a reply or note." })
  async renderCannedResponse(@Arg("id", () => ID) id: string, @Arg("ticketId", () => ID) ticketId: string, @Ctx() ctx: SigapContext): Promise<string> {
    return ctx.services.canned.render(await ctx.agent(), id, ticketId);
  }

  @Authorized(DeskAction.VIEW_QUEUE)
  @Query(() => [SiteAction], { description: "What your role may do beyond single tickets: the administration widget offers the sections these allow." })
  async myDeskActions(@Ctx() ctx: SigapContext): Promise<SiteAction[]> {
    return siteActionsOf((await ctx.agent()).role);
  }

  @Authorized(DeskAction.MANAGE_CANNED_RESPONSES)
  @Mutation(() => CannedResponse, { description: "Creates a canned response (no id) or changes one (SUPERVISOR and up); BAD_USER_INPUT names every bad field, CONFLICT a title already used in that language." })
  async saveCannedResponse(@Arg("input", () => CannedResponseInput) input: CannedResponseInput, @Ctx() ctx: SigapContext): Promise<CannedResponse> {
    const agent = await ctx.agent();
    const change = { id: input.id ?? null, title: input.title, body: input.body, language: input.language || null, groupId: input.groupId || null };
    return cannedView(await ctx.services.canned.save(agent.siteId, change, agentActor(agent, ctx.request)));
  }

  @Authorized(DeskAction.MANAGE_CANNED_RESPONSES)
  @Mutation(() => Boolean, { description: "Deletes a canned response (SUPERVISOR and up)." })
  async deleteCannedResponse(@Arg("id", () => ID) id: string, @Ctx() ctx: SigapContext): Promise<boolean> {
    const agent = await ctx.agent();
    await ctx.services.canned.remove(agent.siteId, id, agentActor(agent, ctx.request));
    return true;
  }
}

/** A stored response as the schema shows it. */
export function cannedView(r: CannedResponseEntity): CannedResponse {
  return { id: r.id, title: r.title, body: r.body, language: r.language || null, groupId: r.groupId, updatedAt: r.updatedAt, updatedBy: r.updatedBy };
}
