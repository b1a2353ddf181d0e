/**
 * Who a step of a ticket's approval chain asks, pure (issue 12's loose ends): a step's approvers
 * are resolved when the step starts, not when the chain does (a supervisor who joins the group
 * between step 1 and step 2 is asked at step 2); an approver who is deactivated or leaves the
 * step's pool (another group, another role) before deciding no longer counts (ANY_OF: the others
 * decide; ALL_OF: the remaining ones must); and a step with nobody to ask falls back to the
 * site's MANAGERs, then its ADMINs, the requester never among them, so no request waits forever
 * on an empty group. The fallback is shown on the step and its timeline entry, and audited.
 */
import { Role } from "../agents/role.js";
import type { FieldIssue } from "../tickets/refusal.js";
import { ApprovalDecision, type Approver, type DecisionRecord, type FallbackRole, type PoolAgent, type StepConfig, type StepSnapshot, stepApprovers } from "./approval.rules.js";

/** The roles asked, in order, when nobody a step names can decide. */
export const FALLBACK_ROLES: readonly FallbackRole[] = Object.freeze([Role.MANAGER, Role.ADMIN] as FallbackRole[]);

/** What a step's approvers are resolved from: the site's agents now, the ticket's group and who asked. */
export interface StepPool {
  /** The site's agents (inactive ones are never asked). */
  agents: readonly PoolAgent[];
  ticketGroupId: string | null;
  /** Whether this agent asked for the request (they never approve it). */
  isRequester(agent: PoolAgent): boolean;
}

/** A step's approvers as resolved now, and the fallback role when they are not the ones it names. */
export interface ResolvedApprovers {
  approvers: Approver[];
  fallback: FallbackRole | null;
}

/**
 * The people to ask for a step: those it names (the requester left out); when there is nobody,
 * the site's active MANAGERs, else its ADMINs (`after`: a fallback already tried, to go on from).
 * Empty only on a site whose every manager and admin is the requester.
 */
export function resolveApprovers(config: StepConfig | null, pool: StepPool, after: FallbackRole | null = null): ResolvedApprovers {
  if (config && after === null) {
    const named = eligible(stepApprovers(config, pool.ticketGroupId, pool.agents), pool);
    if (named.length) return { approvers: named, fallback: null };
  }
  const from = after === null ? 0 : FALLBACK_ROLES.indexOf(after) + 1;
  for (const role of FALLBACK_ROLES.slice(from)) {
    const found = fallbackApprovers(role, pool);
    if (found.length) return { approvers: found, fallback: role };
  }
  return { approvers: [], fallback: null };
}

/** Starts a step: resolves its approvers now (a chain stored before steps were resolved one by one keeps its own). */
export function startStep(step: StepSnapshot, pool: StepPool): StepSnapshot {
  if (!step.config) return { ...step, started: true };
  return { ...step, ...resolveApprovers(step.config, pool), started: true };
}

/** Whether a step has started: chains stored before steps started one by one had every step resolved. */
export function hasStarted(step: StepSnapshot): boolean {
  return step.started !== false;
}

/**
 * A started step with the approvers who left its pool before deciding dropped (a decision
 * already taken stands). When nobody is left to decide and nobody has approved, the step is
 * resolved again: from its configuration first (someone may have joined), then from the next
 * fallback role. Returns the same object when nothing changed.
 */
export function refreshStep(step: StepSnapshot, decisions: readonly DecisionRecord[], pool: StepPool): StepSnapshot {
  const decided = new Set(decisions.map((d) => d.approverId));
  const stillIn = poolOf(step, pool);
  const kept = step.approvers.filter((a) => decided.has(a.id) || stillIn.has(a.id));
  const undecided = kept.filter((a) => !decided.has(a.id));
  if (!undecided.length && !decisions.some((d) => d.decision === ApprovalDecision.APPROVE)) {
    const again = resolveApprovers(step.config ?? null, pool);
    // Nobody at all (the site's every manager and admin asked for it): it waits on nobody, and the desk may cancel it.
    const next = again.approvers.length ? again : { approvers: kept, fallback: step.fallback ?? null };
    return sameApprovers(step.approvers, next.approvers) && (step.fallback ?? null) === next.fallback ? step : { ...step, ...next };
  }
  return kept.length === step.approvers.length ? step : { ...step, approvers: kept };
}

/** The ids still in a started step's pool: its fallback role's agents, its configured pool, or (an old chain) anyone active. */
function poolOf(step: StepSnapshot, pool: StepPool): Set<string> {
  const still = step.fallback ? fallbackApprovers(step.fallback, pool) : step.config ? stepApprovers(step.config, pool.ticketGroupId, pool.agents) : pool.agents.filter((a) => a.active);
  return new Set(still.map((a) => a.id));
}

function fallbackApprovers(role: FallbackRole, pool: StepPool): Approver[] {
  return eligible(
    pool.agents.filter((a) => a.active && a.role === role).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    pool,
  );
}

function eligible(approvers: readonly Approver[], pool: StepPool): Approver[] {
  return approvers.flatMap((a) => {
    const agent = pool.agents.find((p) => p.id === a.id);
    return agent?.active && !pool.isRequester(agent) ? [{ id: a.id, name: a.name }] : [];
  });
}

function sameApprovers(a: readonly Approver[], b: readonly Approver[]): boolean {
  return a.length === b.length && a.every((x, i) => x.id === b[i]!.id);
}

/**
 * What an admin is told about steps that cannot be decided as configured today (a role or group
 * with no active agent): not refused, since people join later and the fallback asks the site's
 * managers (then admins) meanwhile, but said, named by field. Steps are checked as site-wide: a
 * role step of a ticket with a group is only known at the ticket.
 */
export function stepWarnings(steps: readonly StepConfig[], agents: readonly PoolAgent[]): FieldIssue[] {
  return steps.flatMap((s, i) => {
    if (stepApprovers(s, null, agents).length) return [];
    const who = s.role ? `no active ${s.role}` : s.groupId ? "no active member in its group" : "none of its named approvers active";
    return [{ field: `steps.${i}`, message: `Step ${i + 1} has ${who} today: until someone is, the site's managers (then its administrators) are asked instead.` }];
  });
}
