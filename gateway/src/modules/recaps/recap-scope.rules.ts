/**
 * Who sees which recap (issue 13 item 6): a role holding "view recaps" sees the site (MANAGER,
 * ADMIN) or its own group (SUPERVISOR); every other desk role sees only the tickets assigned to
 * itself. A request narrowed to a group or an agent outside that is FORBIDDEN.
 */
import { can, SiteAction } from "../agents/permissions.rules.js";
import { Role } from "../agents/role.js";

/** The tickets a recap counts: the site's, one group's, or one agent's (assigned to them). */
export type RecapScope = { kind: "SITE" } | { kind: "GROUP"; groupId: string } | { kind: "AGENT"; agentId: string };

/** The asker, as the scope rule reads them. */
export interface RecapAsker {
  id: string;
  role: Role;
  groupId: string | null;
}

/** What the asker narrowed the recap to, if anything. */
export interface RecapNarrowing {
  groupId?: string | null;
  agentId?: string | null;
}

/** The scope a recap is counted in, or the reason it is refused. */
export function recapScope(asker: RecapAsker, narrow: RecapNarrowing = {}): RecapScope | { refused: string } {
  const own: RecapScope = { kind: "AGENT", agentId: asker.id };
  const wide = can(asker.role, SiteAction.VIEW_RECAP);
  if (narrow.agentId) {
    if (narrow.agentId === asker.id) return own;
    if (wide && asker.role !== Role.SUPERVISOR) return { kind: "AGENT", agentId: narrow.agentId };
    return { refused: "You may see recaps of your own tickets and, as a supervisor, your group's; not another agent's." };
  }
  if (!wide) {
    if (narrow.groupId) return { refused: `A ${asker.role} sees the recap of their own tickets only.` };
    return own;
  }
  if (asker.role === Role.SUPERVISOR) {
    if (!asker.groupId) return { refused: "A SUPERVISOR without a group has no group recap to see." };
    if (narrow.groupId && narrow.groupId !== asker.groupId) return { refused: "A SUPERVISOR sees their own group's recap only." };
    return { kind: "GROUP", groupId: asker.groupId };
  }
  return narrow.groupId ? { kind: "GROUP", groupId: narrow.groupId } : { kind: "SITE" };
}
