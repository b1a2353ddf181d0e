import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import type { AgentEntity } from "../agents/agent.entity.js";
import { Agent } from "../agents/agent.type.js";
import { DeskAction } from "../agents/permissions.rules.js";
import { formatStep, LADDER_TARGETS, ladderOf, type SlaLadder } from "../sla/ladder.rules.js";
import { CATALOG_LANGUAGES, catalogTicketTypes, isCatalogLanguage } from "../catalog/catalog.rules.js";
import { groupInfo } from "../catalog/catalog.service.js";
import { badField } from "../../errors.js";
import { AT_RISK_FRACTION, type SlaPolicy } from "../sla/sla.rules.js";
import { CLOSURE_CODE_LIST, CLOSURE_CODES, PENDING_REASON_LABEL } from "../tickets/closure.rules.js";
import { HOLD_REASONS } from "../tickets/status.rules.js";
import { MANAGEMENT_LEVELS } from "../tickets/escalation.rules.js";
import { REPORT_FIELD_RULES } from "../tickets/field.rules.js";
import { IMPACT_HELP, PRIORITY_LABEL, priorityMatrix, URGENCY_HELP } from "../tickets/priority.rules.js";
import { isFinal, isOpen, LIFECYCLE_ORDER, STATUS_LABEL } from "../tickets/status.rules.js";
import { Priority } from "../tickets/ticket.enums.js";
import { TICKET_TYPE_LABEL } from "../tickets/ticket-type.labels.js";
import { offeredOnForm } from "./site-settings.rules.js";
import { languagesOf } from "./site-basics.rules.js";
import { DeskDirectory, PublicSite, type LevelHelp, type ReportFieldRule, type SlaLadderStepView, type SlaTargetView } from "./site.types.js";

/** The site as widgets and the desk see it: the rules they would otherwise copy come from here. */
@Resolver()
export class SiteResolver {
  @Query(() => PublicSite, { description: "The site of the widget's site key: its catalogue (in the widget's language), help text, limits and field rules." })
  async site(
    @Arg("language", () => String, { nullable: true, description: "id or en: the catalogue's names in it, a missing translation in the other. Default: the site's language." })
    language: string | null | undefined,
    @Ctx() ctx: SigapContext,
  ): Promise<PublicSite> {
    if (language != null && !isCatalogLanguage(language)) throw badField("language", `language must be ${CATALOG_LANGUAGES.join(" or ")}, got "${language}".`);
    const { site, policies } = await ctx.publicSite();
    const { catalog } = ctx.services;
    return {
      name: site.name,
      timeZone: site.timeZone,
      // The default first, so a widget without a lang of its own knows which to start in.
      languages: [site.language, ...languagesOf(site).filter((l) => l !== site.language)],
      // Retired services are not offered; the reporter reads every name in the page's language.
      // Request items only where the site takes requests on its form (site-settings.rules' offeredOnForm).
      services: catalog.localized(await catalog.services(site.id), language ?? site.language).filter((s) => !s.retired && offeredOnForm(s.ticketType, site)),
      urgencyHelp: Object.entries(URGENCY_HELP).map(([level, help]): LevelHelp => ({ level: level as LevelHelp["level"], ...help })),
      impactHelp: Object.entries(IMPACT_HELP).map(([level, help]): LevelHelp => ({ level: level as LevelHelp["level"], ...help })),
      slaPolicy: policyView(policies.byType.INCIDENT),
      maxUploadBytes: site.maxUploadBytes,
      maxAttachmentsPerTicket: site.maxAttachmentsPerTicket,
      allowedUploadTypes: site.allowedUploadTypes,
      reportFields: REPORT_FIELD_RULES.map(
        (r): ReportFieldRule => ({ field: r.field, minLength: r.minLength, maxLength: r.maxLength, pattern: r.pattern?.source ?? null, required: r.required }),
      ),
      reporterSetsImpact: site.reporterSetsImpact,
      offersRequests: site.offersRequests,
      atRiskFraction: AT_RISK_FRACTION,
    };
  }

  @Authorized()
  @Query(() => Agent, { description: "The signed-in desk member." })
  me(@Ctx() ctx: SigapContext): Promise<AgentEntity> {
    return ctx.agent();
  }

  @Authorized(DeskAction.VIEW_QUEUE)
  @Query(() => DeskDirectory, { description: "Services, categories, groups, agents, SLA policy and the desk's rules (priority matrix, closure codes, statuses)." })
  async deskDirectory(@Ctx() ctx: SigapContext): Promise<DeskDirectory> {
    const agent = await ctx.agent();
    const { catalog, agents, sites } = ctx.services;
    const [services, categories, groups, people, policy, site] = await Promise.all([
      catalog.services(agent.siteId),
      catalog.categories(agent.siteId),
      catalog.groups(agent.siteId),
      agents.list(agent.siteId),
      sites.policy(agent.siteId),
      sites.get(agent.siteId),
    ]);
    // In the agent's language, retired entries kept and marked: the desk still names them on old tickets.
    return {
      services: catalog.localized(services, agent.language),
      categories: catalog.localized(categories, agent.language),
      groups: groups.map(groupInfo),
      agents: people,
      slaPolicy: policyView(policy),
      priorityMatrix: priorityMatrix(site.priorityMatrix),
      closureCodes: CLOSURE_CODE_LIST.map((code) => ({ code, label: CLOSURE_CODES[code] })),
      ticketTypes: catalogTicketTypes(services).map((type) => ({ type, label: TICKET_TYPE_LABEL[type] })),
      statuses: LIFECYCLE_ORDER.map((status) => ({ status, open: isOpen(status), final: isFinal(status), label: STATUS_LABEL[status] })),
      pendingReasons: HOLD_REASONS.map((reason) => ({ reason, label: PENDING_REASON_LABEL[reason] })),
      managementLevels: Object.entries(MANAGEMENT_LEVELS).map(([level, label]) => ({ level: Number(level), label })),
      atRiskFraction: AT_RISK_FRACTION,
      slaLadder: ladderStepViews(ladderOf(site.slaLadder)),
    };
  }
}

/** A ladder as the schema lists it: RESPONSE steps, then RESOLUTION steps. */
export function ladderStepViews(ladder: SlaLadder): SlaLadderStepView[] {
  return LADDER_TARGETS.flatMap((target) =>
    ladder[target].map((s): SlaLadderStepView => ({ target, share: s.share, escalate: s.escalate, notify: [...s.notify], action: formatStep(s).replace(/^\d+:/, "") })),
  );
}

function policyView(policy: SlaPolicy): SlaTargetView[] {
  return Object.values(Priority).map((priority) => ({
    priority,
    labelEn: PRIORITY_LABEL[priority].en,
    labelId: PRIORITY_LABEL[priority].id,
    ...policy[priority],
  }));
}
