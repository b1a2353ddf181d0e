import type { AgentEntity } from "../agents/agent.entity.js";
import { TicketAction } from "../agents/permissions.rules.js";
import { requireAction, requireRole, statusAction } from "../tickets/ticket-actions.rules.js";
import { applyTransition, type TicketChanges } from "../tickets/ticket-change.js";
import type { TicketEntity } from "../tickets/ticket.entity.js";
import { ActorKind, TicketEventKind, TicketStatus, Visibility } from "../tickets/ticket.enums.js";
import { deskNote, fixReply, pathToResolved } from "./problem.rules.js";

/** The fix a resolved problem hands its incidents. */
export interface ProblemFix {
  code: string;
  resolution: string;
  closureCode: string;
}

const NO_SETTINGS = { reopenClosedWithinDays: 0 };

/**
 * What resolving a problem does to one linked incident, each in the ticket's own unit of work
 * (TicketChanges: row lock, timeline, audit, outbox, announce after commit) and checked against
 * the same role × state table as the desk's own commands — so the reporter gets the same mails
 * and live updates as from a desk resolve or reply.
 */
export class LinkedIncidents {
  constructor(private readonly changes: TicketChanges) {}

  /** Resolves an open incident with the problem's fix, through IN_PROGRESS when it is not there yet; a closed one is left as it is. */
  resolve(agent: AgentEntity, ip: string | null, ticketId: string, fix: ProblemFix): Promise<TicketEntity> {
    return this.changes.run(agent.siteId, ticketId, { kind: ActorKind.AGENT, agent, ip }, async (c) => {
      const path = pathToResolved(c.ticket.status);
      if (!path.length) return;
      c.audit("ticket.resolve");
      for (const to of path) {
        requireRole(agent.role, statusAction(c.ticket.status, to));
        await applyTransition(c, to === TicketStatus.RESOLVED ? { to, resolution: fix.resolution, closureCode: fix.closureCode } : { to });
      }
      c.record({ kind: TicketEventKind.INTERNAL_NOTE, visibility: Visibility.INTERNAL, body: deskNote("resolvedWith", agent.language, fix.code) });
    });
  }

  /** Shows the desk of an incident just linked to a known error its workaround, as an internal note on the ticket. */
  noteWorkaround(agent: AgentEntity, ip: string | null, ticketId: string, code: string, workaround: string): Promise<TicketEntity> {
    return this.changes.run(agent.siteId, ticketId, { kind: ActorKind.AGENT, agent, ip }, (c) => {
      requireAction(agent.role, TicketAction.INTERNAL_NOTE, c.ticket, NO_SETTINGS, c.now);
      c.audit("ticket.internal_note");
      c.record({ kind: TicketEventKind.INTERNAL_NOTE, visibility: Visibility.INTERNAL, body: deskNote("knownError", agent.language, code, workaround) });
    });
  }

  /** Tells an open incident's desk (internal note) and reporter (public reply, in their language) that the problem is fixed. */
  notify(agent: AgentEntity, ip: string | null, ticketId: string, fix: ProblemFix): Promise<TicketEntity> {
    return this.changes.run(agent.siteId, ticketId, { kind: ActorKind.AGENT, agent, ip }, (c) => {
      if (!pathToResolved(c.ticket.status).length) return;
      requireAction(agent.role, TicketAction.INTERNAL_NOTE, c.ticket, NO_SETTINGS, c.now);
      requireAction(agent.role, TicketAction.REPLY, c.ticket, NO_SETTINGS, c.now);
      c.audit("ticket.reply");
      c.record({ kind: TicketEventKind.INTERNAL_NOTE, visibility: Visibility.INTERNAL, body: deskNote("problemResolved", agent.language, fix.code, fix.resolution) });
      c.record({ kind: TicketEventKind.AGENT_REPLY, visibility: Visibility.PUBLIC, body: fixReply(c.ticket.reporterLanguage, fix.resolution) });
      c.ticket.firstRespondedAt ??= c.now;
    });
  }
}
