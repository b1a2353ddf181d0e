import type { EntityManager } from "typeorm";
import { AgentEntity } from "../agents/agent.entity.js";
import { Role } from "../agents/role.js";
import type { TicketEntity } from "../tickets/ticket.entity.js";
import type { LadderRecipient, ReachedPeople } from "./ladder.rules.js";

/** One person a ladder step reaches, and as what. */
export interface LadderContact {
  kind: LadderRecipient;
  agent: AgentEntity;
}

const ROLE_OF: Partial<Record<LadderRecipient, Role>> = { SUPERVISOR: Role.SUPERVISOR, MANAGER: Role.MANAGER };

/**
 * The active desk members a step's recipients mean on this ticket: its assignee, the members of
 * its group, the site's supervisors, its managers. Read on the caller's transaction, so the
 * sweep's entry and the planner's mails name the same people.
 */
export async function ladderContacts(
  em: EntityManager,
  ticket: Pick<TicketEntity, "siteId" | "assigneeId" | "groupId">,
  notify: readonly LadderRecipient[],
): Promise<LadderContact[]> {
  const out: LadderContact[] = [];
  for (const kind of notify) {
    const role = ROLE_OF[kind];
    const where =
      kind === "ASSIGNEE"
        ? ticket.assigneeId && { siteId: ticket.siteId, id: ticket.assigneeId, active: true }
        : kind === "GROUP"
          ? ticket.groupId && { siteId: ticket.siteId, groupId: ticket.groupId, active: true }
          : role && { siteId: ticket.siteId, role, active: true };
    if (!where) continue;
    for (const agent of await em.find(AgentEntity, { where, order: { name: "ASC" } })) out.push({ kind, agent });
  }
  return out;
}

/** The names reached, by kind, for the step's timeline entry. */
export function reachedPeople(contacts: readonly LadderContact[]): ReachedPeople {
  const out: Partial<Record<LadderRecipient, string[]>> = {};
  for (const c of contacts) (out[c.kind] ??= []).push(c.agent.name);
  return out;
}
