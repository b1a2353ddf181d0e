import type { EntityManager } from "typeorm";
import { AgentEntity } from "../agents/agent.entity.js";
import { Role } from "../agents/role.js";
import { SiteEntity } from "../sites/site.entity.js";
import { HIERARCHY } from "../tickets/escalation.rules.js";
import type { TicketEntity } from "../tickets/ticket.entity.js";
import { systemNote, systemWroteText, type NoteSource } from "../tickets/system-note.rules.js";
import { EscalationKind, TicketEventKind, Visibility } from "../tickets/ticket.enums.js";
import type { MailLanguage } from "./mail-language.js";
import type { MailTemplate } from "./mail-templates.js";
import { deskMailsEntry, mailsReporter, trackingLink } from "./mail.rules.js";
import { entryEventId } from "./outbox.rules.js";
import type { DomainEvent, NotificationPlanner, OutboxDraft } from "./notification.types.js";

/** Where links in mail point; the gateway's own URL is known only once it listens. */
export interface MailLinks {
  publicUrl(): string;
  /** The resolution mail's signed link to the closure check of this resolution; null when none is offered. */
  confirmUrl?(ticketId: string, resolvedAt: Date): string | null;
}

/** The EMAIL draft of one template to one address. */
export function mailDraft(eventId: string, siteId: string, ticketId: string | null, to: string, template: MailTemplate, language: MailLanguage, vars: Record<string, unknown>): OutboxDraft {
  return { eventId, channel: "EMAIL", recipient: to, siteId, ticketId, payload: { template, language, to, vars } };
}

/** The reporter's receipt (of the ticket.created event), planned by intake, the only place that knows the tracking token. */
export function receiptPlanner(links: MailLinks) {
  return (site: SiteEntity, ticket: TicketEntity, token: string): OutboxDraft[] => {
    if (!ticket.reporterEmail) return [];
    return [
      mailDraft(entryEventId(ticket.id, ticket.version, 0), site.id, ticket.id, ticket.reporterEmail, "receipt", ticket.reporterLanguage, {
        code: ticket.code,
        reporterName: ticket.reporterName,
        priority: ticket.priority,
        responseDueAt: ticket.responseDueAt.toISOString(),
        resolutionDueAt: ticket.resolutionDueAt.toISOString(),
        link: trackingLink(site.trackingUrl, links.publicUrl(), ticket.code, token),
        // What the tracker will ask for to open it again (reporters/reporter-identity.rules' recoveryKeys).
        identified: ticket.reporterSubject !== null,
      }),
    ];
  };
}

/** The one-time link mail: the site's tracking page with the code and `link=<secret>`, in the reporter's language. */
export function trackingLinkPlanner(links: MailLinks) {
  return (site: SiteEntity, ticket: TicketEntity, linkId: string, secret: string, minutes: number): OutboxDraft => {
    const url = new URL(trackingLink(site.trackingUrl, links.publicUrl(), ticket.code, null));
    url.searchParams.delete("token");
    url.searchParams.set("link", secret);
    return mailDraft(`link:${linkId}`, site.id, ticket.id, ticket.reporterEmail!, "tracking-link", ticket.reporterLanguage, { code: ticket.code, minutes, link: url.href });
  };
}

// One change raises several events (an assignment and its status change); they share one read of the site.
const sitesOf = new WeakMap<EntityManager, Map<string, Promise<SiteEntity | null>>>();
function siteOf(em: EntityManager, siteId: string): Promise<SiteEntity | null> {
  let byId = sitesOf.get(em);
  if (!byId) sitesOf.set(em, (byId = new Map()));
  let site = byId.get(siteId);
  if (!site) byId.set(siteId, (site = em.findOneBy(SiteEntity, { id: siteId })));
  return site;
}

/** Mail to the reporter: public desk replies, the status changes the site chooses, resolution, closure. */
export function reporterPlanner(links: MailLinks): NotificationPlanner {
  return async (em, event) => {
    const t = event.ticket;
    if (!t.reporterEmail || !event.entry) return [];
    const template = reporterTemplate(event);
    if (!template) return [];
    const site = await siteOf(em, t.siteId);
    if (!site || !mailsReporter(site.reporterMailEvents, event.type)) return [];
    const vars: Record<string, unknown> = { code: t.code, link: trackingLink(site.trackingUrl, links.publicUrl(), t.code, null) };
    if (template === "agent-reply") Object.assign(vars, { agentName: event.entry.actorName, body: event.entry.body });
    if (template === "status-changed") Object.assign(vars, { from: event.detail["from"], to: event.detail["to"], note: statusNote(event.entry, t.reporterLanguage) });
    if (template === "resolved") {
      // The closure check opens from the mail itself: the reporter may have no tracking token at hand.
      const confirm = t.resolvedAt ? links.confirmUrl?.(t.id, t.resolvedAt) : null;
      Object.assign(vars, { resolution: t.resolution }, confirm ? { link: confirm } : {});
    }
    if (template === "closed") Object.assign(vars, { closureCode: t.closureCode });
    if (template === "cost-proposed") {
      const cost = event.entry.data?.["cost"] as { total?: number; lines?: unknown[] } | undefined;
      Object.assign(vars, { total: cost?.total ?? 0, lines: cost?.lines ?? [], findings: event.entry.body });
    }
    return [mailDraft(event.id, t.siteId, t.id, t.reporterEmail, template, t.reporterLanguage, vars)];
  };
}

function reporterTemplate(event: DomainEvent): MailTemplate | null {
  const entry = event.entry!;
  if (entry.visibility !== Visibility.PUBLIC) return null;
  switch (event.type) {
    case "ticket.message_added":
      return entry.kind === TicketEventKind.AGENT_REPLY ? "agent-reply" : null;
    case "ticket.status_changed":
      return "status-changed";
    case "ticket.resolved":
      return "resolved";
    case "ticket.closed":
      return "closed";
    case "work_order.cost_proposed":
      return "cost-proposed";
    default:
      return null;
  }
}

/**
 * Mail to the desk: an assignment to the agent (else the group's members), a functional
 * escalation to the new person or group, a hierarchical one to the site's supervisors (level 1)
 * or managers (level 2), and a reporter's message to the ticket's assignee. Each in its recipient's language.
 * The ladder's automatic escalations are the ladder's to mail (mail.rules' deskMailsEntry).
 */
export function deskPlanner(): NotificationPlanner {
  return async (em, event) => {
    const t = event.ticket;
    const entry = event.entry;
    if (!entry || !deskMailsEntry(entry.kind)) return [];
    let template: MailTemplate;
    let to: AgentEntity[];
    const vars: Record<string, unknown> = { code: t.code, priority: t.priority, reporterName: t.reporterName };
    const data = entry.data ?? {};
    if (event.type === "ticket.assigned") {
      template = "desk-assigned";
      to = await assignees(em, t);
      Object.assign(vars, { assignee: data["assigneeName"] ?? data["groupName"] ?? "", description: t.description });
    } else if (event.type === "ticket.escalated") {
      template = "desk-escalated";
      const hierarchical = data["escalationKind"] === EscalationKind.HIERARCHICAL;
      const level = Number(data["hierarchyLevel"] ?? 0);
      to = hierarchical
        ? await em.findBy(AgentEntity, { siteId: t.siteId, role: level >= HIERARCHY.MANAGER ? Role.MANAGER : Role.SUPERVISOR, active: true })
        : await assignees(em, t);
      const target = hierarchical
        ? level >= HIERARCHY.MANAGER ? "Manager" : "Supervisor"
        : String(data["assigneeName"] ?? data["groupName"] ?? `L${String(data["supportLevel"] ?? t.supportLevel)}`);
      Object.assign(vars, { target, notes: entry.body });
    } else if (event.type === "ticket.message_added" && entry.kind === TicketEventKind.REPORTER_MESSAGE && t.assigneeId) {
      template = "desk-reporter-message";
      to = await em.findBy(AgentEntity, { id: t.assigneeId, active: true });
      Object.assign(vars, { body: entry.body });
    } else {
      return [];
    }
    // One mail an address, in the language of the person it goes to.
    const byEmail = new Map(to.map((a) => [a.email.toLowerCase(), a.language] as const));
    return [...byEmail].map(([email, language]) => mailDraft(event.id, t.siteId, t.id, email, template, language, vars));
  };
}

/** The ticket's agent, else its group's active members. */
async function assignees(em: EntityManager, t: TicketEntity): Promise<AgentEntity[]> {
  if (t.assigneeId) return em.findBy(AgentEntity, { id: t.assigneeId, active: true });
  if (t.groupId) return em.findBy(AgentEntity, { siteId: t.siteId, groupId: t.groupId, active: true });
  return [];
}

/** A status change's note in the reporter's language: what the gateway says of it (system-note.rules), then the person's own words. */
function statusNote(entry: NoteSource & { body: string | null }, language: MailLanguage): string | null {
  const words = systemWroteText(entry) ? null : entry.body;
  return [systemNote(entry)?.[language], words].filter(Boolean).join(" ") || null;
}
