import { Ctx, Query, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import type { AgentEntity } from "../agents/agent.entity.js";
import { DeskAction } from "../agents/permissions.rules.js";
import type { SlaPolicy } from "../sla/sla.rules.js";
import { IMPACT_HELP, PRIORITY_LABEL, URGENCY_HELP } from "../tickets/priority.rules.js";
import { Priority } from "../tickets/ticket.enums.js";
import { Agent, DeskDirectory, PublicSite, type LevelHelp, type SlaTargetView } from "./site.types.js";

/** The site as widgets and the desk see it. */
@Resolver()
export class SiteResolver {
  @Query(() => PublicSite, { description: "The site of the widget's site key: its catalogue, help text and limits." })
  async site(@Ctx() ctx: SigapContext): Promise<PublicSite> {
    const { site, policy } = await ctx.publicSite();
    return {
      name: site.name,
      timeZone: site.timeZone,
      services: await ctx.services.catalog.services(site.id),
      urgencyHelp: Object.entries(URGENCY_HELP).map(([level, help]): LevelHelp => ({ level: level as LevelHelp["level"], ...help })),
      impactHelp: Object.entries(IMPACT_HELP).map(([level, help]): LevelHelp => ({ level: level as LevelHelp["level"], ...help })),
      slaPolicy: policyView(policy),
      maxUploadBytes: site.maxUploadBytes,
      maxAttachmentsPerTicket: site.maxAttachmentsPerTicket,
      allowedUploadTypes: site.allowedUploadTypes,
    };
  }

  @Query(() => Agent, { description: "The signed-in desk member." })
  me(@Ctx() ctx: SigapContext): Promise<AgentEntity> {
    return ctx.agent();
  }

  @Query(() => DeskDirectory, { description: "Services, categories, groups, agents and SLA policy of your site." })
  async deskDirectory(@Ctx() ctx: SigapContext): Promise<DeskDirectory> {
    const agent = await ctx.agent();
    ctx.services.agents.authorize(agent, DeskAction.VIEW_QUEUE);
    const { catalog, agents, sites } = ctx.services;
    const [services, categories, groups, people, policy] = await Promise.all([
      catalog.services(agent.siteId),
      catalog.categories(agent.siteId),
      catalog.groups(agent.siteId),
      agents.list(agent.siteId),
      sites.policy(agent.siteId),
    ]);
    return { services, categories, groups, agents: people, slaPolicy: policyView(policy) };
  }
}

function policyView(policy: SlaPolicy): SlaTargetView[] {
  return Object.values(Priority).map((priority) => ({
    priority,
    labelEn: PRIORITY_LABEL[priority].en,
    labelId: PRIORITY_LABEL[priority].id,
    ...policy[priority],
  }));
}
