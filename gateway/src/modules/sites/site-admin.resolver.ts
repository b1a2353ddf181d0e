import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction } from "../agents/permissions.rules.js";
import { agentActor } from "../audit/audit-trail.js";
import type { LadderRecipient, LadderStep } from "../sla/ladder.rules.js";
import type { SiteAdminView, SiteSettingsPatch } from "./site-admin.service.js";
import { TicketType } from "../tickets/ticket.enums.js";
import { ladderStepViews } from "./site.resolver.js";
import { PriorityCellInput, SetSlaLadderInput, SiteSettingsView, SlaTargetInput, SlaTargetSetting, UpdateSiteSettingsInput, type SlaLadderStepInput } from "./site-admin.types.js";

/** The signed-in admin's site settings: what `sigap site:set` and `site:ladder` change, over GraphQL. */
@Resolver(() => SiteSettingsView)
export class SiteAdminResolver {
  @FieldResolver(() => [SlaTargetSetting], {
    description: "The SLA targets new tickets of a type get, one per priority, P1 first (setSlaPolicy); a SERVICE_REQUEST or WORK_ORDER without targets of its own (slaPolicyTypes) shows the incident targets it follows.",
  })
  slaPolicy(@Root() settings: SiteSettingsView, @Arg("ticketType", () => TicketType, { defaultValue: TicketType.INCIDENT }) ticketType: TicketType): SlaTargetSetting[] {
    return settings.slaPolicies[ticketType];
  }

  @Authorized(DeskAction.ADMINISTER)
  @Query(() => SiteSettingsView, { description: "The site's handling, mail and escalation settings (ADMIN)." })
  async siteSettings(@Ctx() ctx: SigapContext): Promise<SiteSettingsView> {
    return view(await ctx.services.siteAdmin.view((await ctx.agent()).siteId));
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => SiteSettingsView, { description: "Changes the settings given (ADMIN); every bad field is named (BAD_USER_INPUT) and then nothing changes." })
  async updateSiteSettings(@Arg("input", () => UpdateSiteSettingsInput) input: UpdateSiteSettingsInput, @Ctx() ctx: SigapContext): Promise<SiteSettingsView> {
    const agent = await ctx.agent();
    const { languages, ...rest } = input;
    // Languages are plain strings in the schema; the service names any it does not speak.
    return view(await ctx.services.siteAdmin.update(agent.siteId, { ...rest, languages: languages as SiteSettingsPatch["languages"] }, agentActor(agent, ctx.request)));
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => SiteSettingsView, { description: "Sets the SLA escalation ladder of the targets given (ADMIN); open tickets follow it from the next sweep." })
  async setSlaLadder(@Arg("input", () => SetSlaLadderInput) input: SetSlaLadderInput, @Ctx() ctx: SigapContext): Promise<SiteSettingsView> {
    // The ladder's rules check the recipients' names (BAD_USER_INPUT naming the step).
    const steps = (given: SlaLadderStepInput[] | null | undefined): LadderStep[] | null | undefined =>
      given === null || given === undefined ? given : given.map((s) => ({ share: s.share, escalate: s.escalate, notify: s.notify as LadderRecipient[] }));
    const agent = await ctx.agent();
    return view(await ctx.services.siteAdmin.setLadder(agent.siteId, { RESPONSE: steps(input.response), RESOLUTION: steps(input.resolution) }, agentActor(agent, ctx.request)));
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => SiteSettingsView, {
    description:
      "Replaces the SLA policy of one ticket type (ADMIN; INCIDENT's, the default, which types without their own follow): give all five priorities, each once. Every bad field is named (BAD_USER_INPUT, field `targets.P2.responseMinutes`, or `targets.P2` for a priority missing or repeated) and then nothing changes. New tickets of the type follow the policy at once on every gateway; open tickets keep the due times they were given.",
  })
  async setSlaPolicy(
    @Arg("targets", () => [SlaTargetInput]) targets: SlaTargetInput[],
    @Arg("ticketType", () => TicketType, { defaultValue: TicketType.INCIDENT }) ticketType: TicketType,
    @Ctx() ctx: SigapContext,
  ): Promise<SiteSettingsView> {
    const agent = await ctx.agent();
    return view(await ctx.services.siteAdmin.setSlaPolicy(agent.siteId, targets, agentActor(agent, ctx.request), ticketType));
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => SiteSettingsView, {
    description:
      "Drops a SERVICE_REQUEST or WORK_ORDER policy (ADMIN), so new tickets of that type follow the incident policy again; open tickets keep their due times. INCIDENT is BAD_USER_INPUT (field `ticketType`: replace it instead); a type without targets of its own is NOT_FOUND.",
  })
  async clearSlaPolicy(@Arg("ticketType", () => TicketType) ticketType: TicketType, @Ctx() ctx: SigapContext): Promise<SiteSettingsView> {
    const agent = await ctx.agent();
    return view(await ctx.services.siteAdmin.clearSlaPolicy(agent.siteId, ticketType, agentActor(agent, ctx.request)));
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => SiteSettingsView, {
    description:
      "Sets the urgency × impact priority matrix (ADMIN): all nine cells, each once; null or omitted puts back seed 002's matrix. Every bad cell is named (BAD_USER_INPUT, field `cells.<URGENCY>.<IMPACT>`, e.g. `cells.HIGH.LOW`) and then nothing changes. New reports and reclassifications use it at once; tickets keep their priority.",
  })
  async setPriorityMatrix(@Arg("cells", () => [PriorityCellInput], { nullable: true }) cells: PriorityCellInput[] | null | undefined, @Ctx() ctx: SigapContext): Promise<SiteSettingsView> {
    const agent = await ctx.agent();
    return view(await ctx.services.siteAdmin.setPriorityMatrix(agent.siteId, cells ?? null, agentActor(agent, ctx.request)));
  }
}

function view({ slaLadder, ...rest }: SiteAdminView): SiteSettingsView {
  return { ...rest, slaLadder: ladderStepViews(slaLadder) };
}
