/**
 * Who inside the routed group takes the ticket: the site's choice of round-robin or least-loaded
 * among the group's active agents who cover the ticket's region and know the rule's skill. Pure:
 * the service passes the candidates, their open loads and the group's pointer, read under a lock.
 */
import { tagKey } from "./routing.rules.js";

/** How a site picks the technician inside the routed group. */
export enum AssignmentStrategy {
  /** In turn, by agent id, after the last one given a ticket in the group. */
  ROUND_ROBIN = "ROUND_ROBIN",
  /** The one with the fewest open tickets; ties go in turn as ROUND_ROBIN. */
  LEAST_LOADED = "LEAST_LOADED",
}

/** An agent as assignment sees them. */
export interface Technician {
  id: string;
  active: boolean;
  groupId: string | null;
  /** Empty or null: works everywhere. */
  regions: readonly string[] | null;
  /** Empty or null: takes any job of the group. */
  skills: readonly string[] | null;
}

/** Whether a list of tags is empty (covers everything) or holds the wanted one. */
function covers(tags: readonly string[] | null, wanted: string | null): boolean {
  if (!wanted || !tags?.length) return true;
  const key = tagKey(wanted);
  return tags.some((t) => tagKey(t) === key);
}

/**
 * The group's active agents who cover the region and know the skill, sorted by id: the order
 * round-robin goes round in, the same on every gateway.
 */
export function candidatesFor(agents: readonly Technician[], groupId: string, region: string | null, skill: string | null): string[] {
  return agents
    .filter((a) => a.active && a.groupId === groupId && covers(a.regions, region) && covers(a.skills, skill))
    .map((a) => a.id)
    .sort();
}

/** The candidates in turn after `last`: the one after it first, wrapping round; from the start when `last` is gone or null. */
export function inTurn(candidates: readonly string[], last: string | null): string[] {
  const sorted = [...candidates].sort();
  const next = last === null ? 0 : sorted.findIndex((id) => id > last);
  const start = Math.max(next, 0);
  return [...sorted.slice(start), ...sorted.slice(0, start)];
}

/**
 * The agent who takes the ticket, or null when nobody qualifies (it then waits in the group).
 * `loads`: open tickets per candidate (missing: none). `last`: the group's pointer.
 */
export function chooseAssignee(strategy: AssignmentStrategy, candidates: readonly string[], loads: ReadonlyMap<string, number>, last: string | null): string | null {
  const order = inTurn(candidates, last);
  if (!order.length) return null;
  if (strategy === AssignmentStrategy.ROUND_ROBIN) return order[0]!;
  let best = order[0]!;
  for (const id of order) if ((loads.get(id) ?? 0) < (loads.get(best) ?? 0)) best = id;
  return best;
}
