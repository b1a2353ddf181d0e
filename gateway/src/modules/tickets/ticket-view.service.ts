import type { Clock } from "../../clock.js";
import type { TicketChangedPayload } from "../../realtime/topics.js";
import type { AgentService } from "../agents/agent.service.js";
import { TicketAction } from "../agents/permissions.rules.js";
import type { Role } from "../agents/role.js";
import type { AttachmentEntity } from "../attachments/attachment.entity.js";
import type { AttachmentService } from "../attachments/attachment.service.js";
import { groupInfo, type CatalogService } from "../catalog/catalog.service.js";
import type { FeedbackEntity } from "../feedback/feedback.entity.js";
import type { FeedbackReads } from "../feedback/feedback-reads.js";
import type { SiteService } from "../sites/site.service.js";
import { slaStatus, slaWindows } from "../sla/sla.rules.js";
import { clockAt } from "../sla/business-time.rules.js";
import { calendarFor } from "../sla/sla-calendar.rules.js";
import { codeLabel } from "./closure.rules.js";
import { systemNote, systemWroteText } from "./system-note.rules.js";
import { MANAGEMENT_LEVELS, rolesForLevel, SUPPORT_LEVELS, functionalLevels, hierarchicalLevels } from "./escalation.rules.js";
import type { EscalationTargets } from "./escalation.types.js";
import type { Label } from "./label.type.js";
import { confirmationOpen } from "./confirmation.rules.js";
import { withdrawalOpen } from "./withdrawal.rules.js";
import { acceptsFeedback } from "./status.rules.js";
import { allowedActions, nextStatuses, type ActionSettings } from "./ticket-actions.rules.js";
import type { TicketEventEntity } from "./ticket-event.entity.js";
import type { TicketReads } from "./ticket-reads.js";
import { normalizeTicketCode } from "./ticket-code.rules.js";
import { tokenOpens } from "./tracking-token.js";
import type { TrackedTicket, TrackerViewCache } from "./tracker-view.cache.js";
import type { TicketEntity } from "./ticket.entity.js";
import { Channel, Priority, type TicketStatus } from "./ticket.enums.js";
import type { AttachmentInfo, FeedbackView, SlaState, TicketView } from "./ticket.types.js";
import type { TimelineEntry } from "./timeline-entry.types.js";
import { workOrderEntryLabel } from "../workorders/work-order.rules.js";
import { reporterAttachmentIds, reporterDetail, reporterSeesAttachment } from "./visibility.rules.js";

/**
 * The read side: turns tickets into what the reporter and the desk may see. It reads through
 * TicketReads and never calls a command; what a reporter receives passes visibility.rules.
 */
export class TicketViewService {
  /** One view per event, whatever the number of trackers and documents it reaches; gone with the event. */
  private readonly eventViews = new WeakMap<TicketChangedPayload, Promise<TicketView>>();

  constructor(
    private readonly clock: Clock,
    private readonly reads: TicketReads,
    private readonly sites: SiteService,
    private readonly attachments: AttachmentService,
    private readonly feedback: FeedbackReads,
    private readonly catalog: CatalogService,
    private readonly agents: AgentService,
    private readonly tracked: TrackerViewCache,
  ) {}

  /**
   * The reporter's view of the ticket a code and tracking token open (trackTicket). A view read
   * recently comes from the tracker cache, which drops it at the ticket's next change; a wrong
   * code or token always goes to the database and its one NOT_FOUND.
   */
  async trackedView(siteId: string, code: string, token: string): Promise<{ ticket: TicketEntity; view: TicketView }> {
    const canonical = normalizeTicketCode(code);
    const hit = canonical ? this.tracked.get(siteId, canonical) : null;
    if (hit && tokenOpens(hit.ticket.trackingTokenHash, token)) return { ticket: hit.ticket, view: { ...hit.view, sla: await this.sla(hit.ticket) } };
    const read = this.tracked.begin(siteId);
    let got: TrackedTicket | undefined;
    try {
      const ticket = await this.reads.byTracking(siteId, code, token);
      const { sla, ...view } = await this.reporterView(ticket);
      got = { ticket, view };
      return { ticket, view: { ...view, sla } };
    } finally {
      this.tracked.end(read, got);
    }
  }

  /** The reporter's view: public timeline with desk detail redacted, public files only, feedback state. */
  async reporterView(ticket: TicketEntity): Promise<TicketView> {
    const [events, feedback, service, files, sla] = await Promise.all([
      this.reads.publicEntries(ticket.id),
      this.feedback.ofTicket(ticket.id),
      // In the reporter's language (the form's), retired or not: an old ticket keeps its service's name.
      ticket.serviceId ? this.catalog.nameOf(ticket.serviceId, ticket.reporterLanguage) : null,
      this.attachments.forTicket(ticket.id),
      this.sla(ticket),
    ]);
    return {
      ticketId: ticket.id,
      siteId: ticket.siteId,
      code: ticket.code,
      status: ticket.status,
      ticketType: ticket.ticketType,
      pendingReason: ticket.pendingReason,
      priority: ticket.priority,
      urgency: ticket.urgency,
      impact: ticket.impact,
      channel: ticket.channel,
      serviceName: service,
      problemType: ticket.problemType,
      description: ticket.description,
      createdAt: ticket.createdAt,
      updatedAt: ticket.updatedAt,
      responseDueAt: ticket.responseDueAt,
      resolutionDueAt: ticket.resolutionDueAt,
      firstRespondedAt: ticket.firstRespondedAt,
      resolvedAt: ticket.resolvedAt,
      closedAt: ticket.closedAt,
      resolution: ticket.resolution,
      closureLabel: codeLabel(ticket.closureCode),
      sla,
      timeline: events.map((e) => reporterEntry(e)),
      attachments: files.filter(reporterSeesAttachment).map(attachmentInfo),
      feedbackOpen: acceptsFeedback(ticket.status) && !feedback,
      feedback: feedback ? feedbackView(feedback) : null,
      confirmationOpen: confirmationOpen(ticket.status),
      withdrawOpen: withdrawalOpen(ticket.status),
    };
  }

  /** The reporter's view after an event, fetched once for every subscriber the event reaches. */
  reporterViewOfEvent(event: TicketChangedPayload): Promise<TicketView> {
    let view = this.eventViews.get(event);
    if (!view) {
      view = this.reads.byId(event.siteId, event.ticketId).then((t) => this.reporterView(t));
      this.eventViews.set(event, view);
    }
    return view;
  }

  /** The desk's timeline: every entry, internal notes included. */
  async deskTimeline(ticket: TicketEntity): Promise<TimelineEntry[]> {
    return (await this.reads.allEntries(ticket.id)).map(deskEntry);
  }

  /** Every file of a ticket, for the desk. */
  async deskAttachments(ticket: TicketEntity): Promise<AttachmentInfo[]> {
    return (await this.attachments.forTicket(ticket.id)).map(attachmentInfo);
  }

  /** The reporter's answers on a ticket, if given. */
  async feedbackOf(ticket: TicketEntity): Promise<FeedbackView | null> {
    const f = await this.feedback.ofTicket(ticket.id);
    return f ? feedbackView(f) : null;
  }

  /** Where a ticket stands against its SLA now, in the business time of its priority's calendar, with its type's windows. */
  async sla(ticket: TicketEntity): Promise<SlaState> {
    const [policies, site] = await Promise.all([this.sites.cachedPolicies(ticket.siteId), this.sites.cachedCalendar(ticket.siteId)]);
    const calendar = calendarFor(site, ticket.priority);
    const now = this.clock.now();
    const target = policies.byType[ticket.ticketType][ticket.priority];
    return { ...slaStatus(ticket, now, target, calendar), ...slaWindows(target), businessTime: calendar !== null, ...clockAt(calendar, now), measuredAt: now };
  }

  /** What a desk member of this role may do to the ticket now (ticket-actions.rules). */
  async actionsFor(ticket: TicketEntity, role: Role): Promise<TicketAction[]> {
    return allowedActions(role, ticket, await this.actionSettings(ticket.siteId), this.clock.now());
  }

  /** Statuses a desk member of this role may move the ticket to now. */
  async statusesFor(ticket: TicketEntity, role: Role): Promise<TicketStatus[]> {
    return nextStatuses(role, ticket, await this.actionSettings(ticket.siteId), this.clock.now());
  }

  /** Where a desk member of this role may escalate the ticket now, with the groups and people at each level. */
  async escalationTargets(ticket: TicketEntity, role: Role): Promise<EscalationTargets> {
    const actions = await this.actionsFor(ticket, role);
    const functional = actions.includes(TicketAction.ESCALATE_FUNCTIONAL) ? functionalLevels(ticket.supportLevel) : [];
    const hierarchical = actions.includes(TicketAction.ESCALATE_HIERARCHICAL) ? hierarchicalLevels(ticket.hierarchyLevel) : [];
    const [groups, people] = await Promise.all([
      functional.length ? this.catalog.activeGroups(ticket.siteId) : [],
      hierarchical.length ? this.agents.list(ticket.siteId) : [],
    ]);
    return {
      functional: functional.map((level) => ({ level, label: SUPPORT_LEVELS[level]!, groups: groups.filter((g) => g.level === level).map(groupInfo) })),
      hierarchical: hierarchical.map((level) => {
        const roles = [...rolesForLevel(level)];
        return { level, label: MANAGEMENT_LEVELS[level]!, roles, agents: people.filter((a) => a.active && roles.includes(a.role)) };
      }),
    };
  }

  /** The closure code's label of a resolved ticket. */
  closureLabel(ticket: TicketEntity): Label | null {
    return codeLabel(ticket.closureCode);
  }

  private async actionSettings(siteId: string): Promise<ActionSettings> {
    return { reopenClosedWithinDays: (await this.sites.settings(siteId)).reopenClosedWithinDays };
  }

}

function deskEntry(e: TicketEventEntity): TimelineEntry {
  const priority = e.data?.changes?.["priority"]?.to;
  const code = e.data?.closureCode ?? e.data?.reason ?? null;
  return {
    id: String(e.id),
    at: e.at,
    kind: e.kind,
    visibility: e.visibility,
    actorKind: e.actorKind,
    actorName: e.actorName,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    message: systemWroteText(e) ? null : e.body,
    supportLevel: e.data?.supportLevel ?? null,
    hierarchyLevel: e.data?.hierarchyLevel ?? null,
    priority: priority && Object.values(Priority).includes(priority as Priority) ? (priority as Priority) : null,
    code,
    codeLabel: codeLabel(code) ?? workOrderEntryLabel(e.kind),
    systemNote: systemNote(e),
    attachmentIds: e.data?.attachmentIds ?? [],
    groupName: e.data?.groupName ?? null,
    assigneeName: e.data?.assigneeName ?? null,
    channel: e.data?.channel && Object.values(Channel).includes(e.data.channel as Channel) ? (e.data.channel as Channel) : null,
  };
}

/** An entry as the reporter may receive it (visibility.rules): desk detail emptied, files only of public entries. */
function reporterEntry(e: TicketEventEntity): TimelineEntry {
  const entry = deskEntry(e);
  return { ...reporterDetail(e.kind, entry), attachmentIds: reporterAttachmentIds(e.visibility, entry.attachmentIds) };
}

function feedbackView(f: FeedbackEntity): FeedbackView {
  return {
    serviceRating: f.serviceRating,
    restoredRating: f.restoredRating,
    informationRating: f.informationRating,
    suggestion: f.suggestion,
    createdAt: f.createdAt,
  };
}

function attachmentInfo(a: AttachmentEntity): AttachmentInfo {
  return { id: a.id, filename: a.filename, contentType: a.contentType, size: a.size, createdAt: a.createdAt, url: `/attachments/${a.id}` };
}
