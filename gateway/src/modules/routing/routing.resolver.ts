import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction } from "../agents/permissions.rules.js";
import { agentActor } from "../audit/audit-trail.js";
import type { RoutingRuleEntity } from "./routing-rule.entity.js";
import { DispatchSettings, DispatchSettingsInput, RoutingRule, RoutingRuleInput } from "./routing.types.js";

/** The site's routing rules and dispatch settings (ADMIN; audited by the service). */
@Resolver()
export class RoutingResolver {
  @Authorized(DeskAction.ADMINISTER)
  @Query(() => [RoutingRule], { description: "The site's routing rules in the order they are tried." })
  async routingRules(@Ctx() ctx: SigapContext): Promise<RoutingRule[]> {
    return (await ctx.services.routing.rules((await ctx.agent()).siteId)).map(ruleView);
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => [RoutingRule], { description: "Replaces the site's routing rules with these, tried in this order; BAD_USER_INPUT names every bad field (rules.<i>.<field>)." })
  async setRoutingRules(@Arg("rules", () => [RoutingRuleInput]) rules: RoutingRuleInput[], @Ctx() ctx: SigapContext): Promise<RoutingRule[]> {
    const agent = await ctx.agent();
    const specs = rules.map((r) => ({ region: r.region ?? null, serviceId: r.serviceId ?? null, categoryId: r.categoryId ?? null, skill: r.skill ?? null, groupId: r.groupId }));
    return (await ctx.services.routing.setRules(agent.siteId, specs, agentActor(agent, ctx.request))).map(ruleView);
  }

  @Authorized(DeskAction.ADMINISTER)
  @Query(() => DispatchSettings, { description: "How the site assigns routed tickets and handles declined work-order costs." })
  async dispatchSettings(@Ctx() ctx: SigapContext): Promise<DispatchSettings> {
    return ctx.services.routing.settings((await ctx.agent()).siteId);
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => DispatchSettings, { description: "Changes the dispatch settings; audited." })
  async setDispatchSettings(@Arg("input", () => DispatchSettingsInput) input: DispatchSettingsInput, @Ctx() ctx: SigapContext): Promise<DispatchSettings> {
    const agent = await ctx.agent();
    const patch = { assignment: input.assignment ?? undefined, routeIncidents: input.routeIncidents ?? undefined, declinedCost: input.declinedCost ?? undefined };
    return ctx.services.routing.setSettings(agent.siteId, patch, agentActor(agent, ctx.request));
  }
}

function ruleView(r: RoutingRuleEntity): RoutingRule {
  return { id: r.id, position: r.position, region: r.region, serviceId: r.serviceId, categoryId: r.categoryId, skill: r.skill, groupId: r.groupId };
}
