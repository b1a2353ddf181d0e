import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { agentActor } from "../audit/audit-trail.js";
import type { AgentAdminCaller, AdminAgentView } from "./agent-admin.service.js";
import { AdminAgent, UpdateAgentInput } from "./agent-admin.types.js";
import type { AgentEntity } from "./agent.entity.js";
import { DeskAction } from "./permissions.rules.js";

/** The agents of the desk as an ADMIN (all) or a SUPERVISOR (their own group's) reads and changes them. */
@Resolver()
export class AgentAdminResolver {
  @Authorized(DeskAction.MANAGE_AGENTS)
  @Query(() => [AdminAgent], { description: "The site's agents (ADMIN) or your support group's (SUPERVISOR), by name." })
  async adminAgents(
    @Arg("includeInactive", () => Boolean, { nullable: true, defaultValue: false, description: "Also deactivated agents." }) includeInactive: boolean | null,
    @Ctx() ctx: SigapContext,
  ): Promise<AdminAgentView[]> {
    return ctx.services.agentAdmin.list(callerOf(await ctx.agent()), includeInactive === true);
  }

  @Authorized(DeskAction.MANAGE_AGENTS)
  @Mutation(() => AdminAgent, {
    description:
      "Changes an agent (BAD_USER_INPUT naming every bad field). FORBIDDEN: another group's agent for a SUPERVISOR, or a field they may not change; your own role; ADMIN granted or removed by a non-ADMIN. CONFLICT: demoting the last active ADMIN. A new role holds at once, open subscriptions included.",
  })
  async updateAgent(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateAgentInput) input: UpdateAgentInput, @Ctx() ctx: SigapContext): Promise<AdminAgentView> {
    const agent = await ctx.agent();
    return ctx.services.agentAdmin.update(callerOf(agent), id, { ...input }, agentActor(agent, ctx.request));
  }
}

function callerOf(agent: AgentEntity): AgentAdminCaller {
  return { id: agent.id, role: agent.role, groupId: agent.groupId, siteId: agent.siteId };
}
