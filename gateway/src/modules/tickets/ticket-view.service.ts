import type { DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import { selectRows } from "../../db/rows.js";
import type { TicketChangedPayload } from "../../realtime/topics.js";
import type { AttachmentEntity } from "../attachments/attachment.entity.js";
import type { AttachmentService } from "../attachments/attachment.service.js";
import { ItServiceEntity } from "../catalog/it-service.entity.js";
import type { FeedbackEntity } from "../feedback/feedback.entity.js";
import type { SiteService } from "../sites/site.service.js";
import { slaStatus, type SlaPolicy } from "../sla/sla.rules.js";
import { acceptsFeedback } from "./status.rules.js";
import type { TicketEventEntity } from "./ticket-event.entity.js";
import type { TicketEntity } from "./ticket.entity.js";
import { Priority, TicketEventKind } from "./ticket.enums.js";
import type { TicketService } from "./ticket.service.js";
import type { AttachmentInfo, FeedbackView, SlaState, TicketView, TimelineEntry } from "./ticket.types.js";

/** Kinds whose text and people are desk detail; the reporter sees only that they happened. */
const REDACTED_FOR_REPORTER = new Set([TicketEventKind.ESCALATED, TicketEventKind.AUTO_ESCALATED, TicketEventKind.ASSIGNED, TicketEventKind.CLASSIFIED]);

/** Turns tickets into what the reporter and the desk are allowed to see. */
export class TicketViewService {
  /** One view per event, whatever the number of trackers and documents it reaches; gone with the event. */
  private readonly eventViews = new WeakMap<TicketChangedPayload, Promise<TicketView>>();
  /** Policy reads in flight, shared: a queue page of 50 tickets asks once, not 50 times, and nothing goes stale. */
  private readonly policies = new Map<string, Promise<SlaPolicy>>();

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly tickets: TicketService,
    private readonly sites: SiteService,
    private readonly attachments: AttachmentService,
  ) {}

  /** The reporter's view: public timeline, redacted escalations, feedback state. */
  async reporterView(ticket: TicketEntity): Promise<TicketView> {
    const [events, feedback, service, files, sla] = await Promise.all([
      this.tickets.timeline(ticket.id, false),
      this.tickets.feedback(ticket.id),
      ticket.serviceId ? selectRows(this.ds.manager, ItServiceEntity, { id: ticket.serviceId }, { limit: 1 }).then((r) => r[0] ?? null) : null,
      this.attachments.forTicket(ticket.id),
      this.sla(ticket),
    ]);
    return {
      code: ticket.code,
      status: ticket.status,
      pendingReason: ticket.pendingReason,
      priority: ticket.priority,
      urgency: ticket.urgency,
      impact: ticket.impact,
      channel: ticket.channel,
      serviceName: service?.name ?? null,
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
      sla,
      timeline: events.map((e) => timelineEntry(e, true)),
      attachments: files.map(attachmentInfo),
      feedbackOpen: acceptsFeedback(ticket.status) && !feedback,
      feedback: feedback ? feedbackView(feedback) : null,
    };
  }

  /** The reporter's view after an event, fetched once for every subscriber the event reaches. */
  reporterViewOfEvent(event: TicketChangedPayload): Promise<TicketView> {
    let view = this.eventViews.get(event);
    if (!view) {
      view = this.tickets.byId(event.siteId, event.ticketId).then((t) => this.reporterView(t));
      this.eventViews.set(event, view);
    }
    return view;
  }

  /** The desk's timeline: every entry, internal notes included. */
  async deskTimeline(ticket: TicketEntity): Promise<TimelineEntry[]> {
    return (await this.tickets.timeline(ticket.id, true)).map((e) => timelineEntry(e, false));
  }

  /** Where a ticket stands against its SLA now. */
  async sla(ticket: TicketEntity): Promise<SlaState> {
    const policy = await this.policy(ticket.siteId);
    return slaStatus(ticket, this.clock.now(), policy[ticket.priority]);
  }

  private policy(siteId: string): Promise<SlaPolicy> {
    let read = this.policies.get(siteId);
    if (!read) {
      read = this.sites.policy(siteId).finally(() => this.policies.delete(siteId));
      this.policies.set(siteId, read);
    }
    return read;
  }

  /** Feedback on a ticket, if given. */
  async feedback(ticket: TicketEntity): Promise<FeedbackView | null> {
    const f = await this.tickets.feedback(ticket.id);
    return f ? feedbackView(f) : null;
  }

  /** Files attached to a ticket. */
  async attachmentsOf(ticket: TicketEntity): Promise<AttachmentInfo[]> {
    return (await this.attachments.forTicket(ticket.id)).map(attachmentInfo);
  }
}

function timelineEntry(e: TicketEventEntity, forReporter: boolean): TimelineEntry {
  const redact = forReporter && REDACTED_FOR_REPORTER.has(e.kind);
  const priority = e.data?.changes?.["priority"]?.to;
  return {
    id: String(e.id),
    at: e.at,
    kind: e.kind,
    visibility: e.visibility,
    actorKind: e.actorKind,
    actorName: redact ? null : e.actorName,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    message: redact ? null : e.body,
    supportLevel: e.data?.supportLevel ?? null,
    hierarchyLevel: e.data?.hierarchyLevel ?? null,
    priority: priority && Object.values(Priority).includes(priority as Priority) ? (priority as Priority) : null,
    code: e.data?.closureCode ?? e.data?.reason ?? null,
    attachmentIds: e.data?.attachmentIds ?? [],
    groupName: redact ? null : (e.data?.groupName ?? null),
    assigneeName: redact ? null : (e.data?.assigneeName ?? null),
  };
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
