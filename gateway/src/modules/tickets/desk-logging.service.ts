import { IsNull } from "typeorm";
import type { DataSource } from "typeorm";
import { badInput, type FieldProblem } from "../../errors.js";
import { AgentEntity } from "../agents/agent.entity.js";
import { CategoryEntity } from "../catalog/category.entity.js";
import { SupportGroupEntity } from "../catalog/support-group.entity.js";
import type { MailLinks } from "../notifications/mail-planners.js";
import { trackingLink } from "../notifications/mail.rules.js";
import type { SiteService } from "../sites/site.service.js";
import type { DeskLogged, IntakeService } from "./intake.service.js";
import type { LogTicketInput } from "./log-ticket.input.js";
import type { TicketEntity } from "./ticket.entity.js";
import { Channel, Urgency } from "./ticket.enums.js";
import { blankToNull } from "./timeline-entry.js";

/** A ticket the desk logged, with the link that opens it for the caller. */
export interface LoggedReceipt {
  ticket: TicketEntity;
  trackingLink: string;
}

/**
 * Desk-side logging (seed 002, figure 13): an agent writes down a phone, e-mail or walk-in report
 * for the caller. It checks what only the desk sets (channel, category, allocation) beside the
 * report's own checks, then creates the ticket by intake's one path.
 */
export class DeskLogging {
  constructor(
    private readonly ds: DataSource,
    private readonly intake: IntakeService,
    private readonly sites: SiteService,
    private readonly links: MailLinks,
  ) {}

  /**
   * Logs a ticket for a caller; BAD_USER_INPUT names every bad field at once. The dialog's
   * idempotency key makes a double click one ticket: the same key and input answer the same
   * ticket and link, the same key with other input is CONFLICT.
   */
  async log(agent: AgentEntity, input: LogTicketInput, ip: string | null): Promise<LoggedReceipt> {
    const site = await this.sites.get(agent.siteId);
    // The desk's door and agent are part of the request: a reporter's or another agent's key never answers this ticket.
    const request = { door: "desk", agentId: agent.id, ...input };
    const { ticket, trackingToken } = await this.intake.once(site.id, input.idempotencyKey ?? null, request, async (token, fingerprint) => {
      const problems: FieldProblem[] = [];
      if (input.channel === Channel.WEB) problems.push({ field: "channel", message: "channel must be PHONE, EMAIL or WALK_IN: a WEB report is the reporter's own, through the report form" });
      const { fieldValues, ticketType, needsApproval } = await this.intake.check(site, input, null, true, problems);
      const desk = await this.allocation(agent, input, ip, problems);
      if (problems.length) throw badInput(problems);
      return this.intake.create(site, await this.sites.policies(site.id), {
        fields: input,
        channel: input.channel,
        urgency: input.urgency ?? Urgency.MEDIUM,
        // The desk states the impact itself; the site's default only when it leaves it out.
        impact: input.impact ?? site.defaultImpact,
        reporter: null,
        token,
        idempotencyKey: input.idempotencyKey ?? null,
        fingerprint,
        fieldValues,
        ticketType,
        needsApproval,
        desk,
      });
    });
    return { ticket, trackingLink: trackingLink(site.trackingUrl, this.links.publicUrl(), ticket.code, trackingToken) };
  }

  /** The category and allocation the agent chose, each checked as classifyTicket and assignTicket check them. */
  private async allocation(agent: AgentEntity, input: LogTicketInput, ip: string | null, problems: FieldProblem[]): Promise<DeskLogged> {
    const siteId = agent.siteId;
    // A retired entry is not given to a new ticket.
    if (input.categoryId && !(await this.ds.getRepository(CategoryEntity).existsBy({ id: input.categoryId, siteId, retiredAt: IsNull() }))) {
      problems.push({ field: "categoryId", message: "categoryId is not a category of this site in use (retired ones are not offered)" });
    }
    const assigneeId = input.assigneeId === "me" ? agent.id : input.assigneeId;
    const assignee = assigneeId ? await this.ds.getRepository(AgentEntity).findOneBy({ id: assigneeId, siteId }) : null;
    if (assigneeId && !assignee?.active) problems.push({ field: "assigneeId", message: "assigneeId is not an active agent of this site" });
    const groups = this.ds.getRepository(SupportGroupEntity);
    const named = input.groupId ? await groups.findOneBy({ id: input.groupId, siteId, retiredAt: IsNull() }) : null;
    if (input.groupId && !named) problems.push({ field: "groupId", message: "groupId is not a support group of this site in use (retired ones are not offered)" });
    // As assignTicket does: a person alone brings their own group.
    const group = named ?? (!input.groupId && assignee?.active && assignee.groupId ? await groups.findOneBy({ id: assignee.groupId }) : null);
    return {
      agent,
      ip,
      customerId: blankToNull(input.customerId),
      categoryId: input.categoryId ?? null,
      group: group ? { id: group.id, name: group.name } : null,
      assignee: assignee?.active ? { id: assignee.id, name: assignee.name } : null,
    };
  }
}
