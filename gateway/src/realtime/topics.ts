import type { PresenceAnnouncement } from "../modules/awareness/presence.rules.js";

/**
 * The realtime contract: every topic and its payload. Payloads are plain JSON so the bus can
 * be carried by Redis between gateway processes without code changes.
 */
export enum Topic {
  /** A public change to one ticket (status, priority, public timeline, feedback). */
  TICKET_CHANGED = "TICKET_CHANGED",
  /** Anything that alters a site's desk queue. */
  QUEUE_CHANGED = "QUEUE_CHANGED",
  /** A public change to one of an identified reporter's tickets on a site (keyed by {@link reporterFeedId}). */
  REPORTER_TICKETS_CHANGED = "REPORTER_TICKETS_CHANGED",
  /** A site's settings changed: every gateway drops its cached copy (one feed, {@link SITES_FEED}). */
  SITE_CHANGED = "SITE_CHANGED",
  /** An agent's role changed: every gateway re-checks its open desk subscriptions (one feed, {@link AGENTS_FEED}). */
  AGENT_CHANGED = "AGENT_CHANGED",
  /** An agent's heartbeat, typing change or goodbye on a ticket (keyed by site; awareness/presence.service.ts). */
  PRESENCE_ANNOUNCED = "PRESENCE_ANNOUNCED",
  /** Who is on one ticket changed on this gateway; never published, only resynced locally by the presence board. */
  TICKET_PRESENCE = "TICKET_PRESENCE",
}

/** The feed id of an identified reporter's tickets on one site. */
export function reporterFeedId(siteId: string, subject: string): string {
  return `${siteId}:${subject}`;
}

/** Payload of {@link Topic.REPORTER_TICKETS_CHANGED}; `ticketId` is null for a resync. */
export interface ReporterTicketsChangedPayload {
  siteId: string;
  subject: string;
  ticketId: string | null;
}

/** The one feed id of {@link Topic.SITE_CHANGED}. */
export const SITES_FEED = "sites";

/**
 * Why a queue subscriber is told about a ticket. RESYNC carries no ticket: events may have been
 * missed (the gateway lost its event bus for a while), so the desk refetches its queue.
 */
export type QueueChangeKind = "CREATED" | "UPDATED" | "REMOVED" | "RESYNC";

/** Payload of {@link Topic.TICKET_CHANGED}; subscribers refetch the view they are allowed to see. */
export interface TicketChangedPayload {
  siteId: string;
  ticketId: string;
}

/** Payload of {@link Topic.QUEUE_CHANGED}; `ticketId` is null only for RESYNC. */
export interface QueueChangedPayload {
  siteId: string;
  ticketId: string | null;
  kind: QueueChangeKind;
}

/** The one feed id of {@link Topic.AGENT_CHANGED}. */
export const AGENTS_FEED = "agents";

/** Payload of {@link Topic.AGENT_CHANGED}. */
export interface AgentChangedPayload {
  siteId: string;
  agentId: string;
}

/** Payload of {@link Topic.SITE_CHANGED}. */
export interface SiteChangedPayload {
  siteId: string;
}

/** Payload of {@link Topic.TICKET_PRESENCE}: the ticket, and the agent the subscription answers for (left out of the list). */
export interface TicketPresencePayload {
  siteId: string;
  ticketId: string;
  viewerId: string;
}

/** The payload of a topic. */
export type PayloadOf<T extends Topic> = TopicPayloads[T][1];

/** Topic → payload map for the typed pub/sub. */
// A type alias, not an interface: the pub/sub wants an index signature.
export type TopicPayloads = {
  [Topic.TICKET_CHANGED]: [ticketId: string, payload: TicketChangedPayload];
  [Topic.QUEUE_CHANGED]: [siteId: string, payload: QueueChangedPayload];
  [Topic.REPORTER_TICKETS_CHANGED]: [feedId: string, payload: ReporterTicketsChangedPayload];
  [Topic.SITE_CHANGED]: [feed: string, payload: SiteChangedPayload];
  [Topic.AGENT_CHANGED]: [feed: string, payload: AgentChangedPayload];
  [Topic.PRESENCE_ANNOUNCED]: [siteId: string, payload: PresenceAnnouncement];
  [Topic.TICKET_PRESENCE]: [ticketId: string, payload: TicketPresencePayload];
};
