/**
 * Who is looking at a ticket: announcements merged into a list whose entries expire without a
 * heartbeat. Pure; the board (presence.service.ts) keeps the lists and the clock.
 */

/** An entry lives this long after its last heartbeat (the widget beats every 10 s). */
export const PRESENCE_TTL_MS = 30_000;

/** One agent's heartbeat, typing change or goodbye on a ticket, as the bus carries it (JSON-safe). */
export interface PresenceAnnouncement {
  siteId: string;
  ticketId: string;
  agentId: string;
  name: string;
  typing: boolean;
  /** Epoch milliseconds on the announcing gateway's clock. */
  at: number;
  /** The agent closed the ticket: their entry goes at once. */
  leaving: boolean;
}

/** One agent on a ticket. */
export interface PresenceEntry {
  agentId: string;
  name: string;
  typing: boolean;
  /** When they opened the ticket (epoch ms). */
  since: number;
  /** Their last heartbeat (epoch ms). */
  seenAt: number;
}

/** The list after an announcement: a goodbye removes, a first heartbeat adds, a later one refreshes (keeping `since`). */
export function mergePresence(entries: readonly PresenceEntry[], a: PresenceAnnouncement): PresenceEntry[] {
  const others = entries.filter((e) => e.agentId !== a.agentId);
  if (a.leaving) return others;
  const old = entries.find((e) => e.agentId === a.agentId);
  // An announcement older than what we hold (reordered on the bus) changes nothing.
  if (old && old.seenAt > a.at) return [...entries];
  return [...others, { agentId: a.agentId, name: a.name, typing: a.typing, since: old?.since ?? a.at, seenAt: a.at }];
}

/** The entries still alive at `now`. */
export function livePresence(entries: readonly PresenceEntry[], now: number, ttlMs = PRESENCE_TTL_MS): PresenceEntry[] {
  return entries.filter((e) => e.seenAt + ttlMs > now);
}

/** What one agent sees: everyone else alive, longest there first. */
export function viewersFor(entries: readonly PresenceEntry[], askingAgentId: string, now: number, ttlMs = PRESENCE_TTL_MS): PresenceEntry[] {
  return livePresence(entries, now, ttlMs)
    .filter((e) => e.agentId !== askingAgentId)
    .sort((a, b) => a.since - b.since || a.name.localeCompare(b.name));
}

/** Whether two lists show the same people doing the same thing (a heartbeat alone is no news). */
export function samePresence(a: readonly PresenceEntry[], b: readonly PresenceEntry[]): boolean {
  if (a.length !== b.length) return false;
  const key = (e: PresenceEntry) => `${e.agentId}\u0000${e.name}\u0000${e.typing}\u0000${e.since}`;
  const left = new Set(a.map(key));
  return b.every((e) => left.has(key(e)));
}
