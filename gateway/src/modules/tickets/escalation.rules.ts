import { Role } from "../agents/role.js";
import { overdueTargets, type SlaClock } from "../sla/sla.rules.js";
import type { Label } from "./closure.rules.js";
import { conflictRefusal, inputRefusal } from "./refusal.js";
import { isFinal, isOpen, pausesClock } from "./status.rules.js";
import { EscalationKind, TicketEventKind, TicketStatus, Visibility } from "./ticket.enums.js";
import type { EntryDraft } from "./timeline-entry.js";

/** Functional support lines (seed 002, figure 14): 1 the service desk, 2–3 specialists. */
export const SUPPORT_LEVELS: Readonly<Record<number, Label>> = Object.freeze({
  1: { en: "Level 1: service desk", id: "Level 1: service desk" },
  2: { en: "Level 2: technical support", id: "Level 2: dukungan teknis" },
  3: { en: "Level 3: specialists and vendors", id: "Level 3: spesialis dan vendor" },
});

/** The highest support line. */
export const MAX_SUPPORT_LEVEL = 3;

/** Management levels a hierarchical escalation informs: 1 the supervisor, 2 the manager. */
export const HIERARCHY = Object.freeze({ SUPERVISOR: 1, MANAGER: 2 });

/** Labels of the management levels. */
export const MANAGEMENT_LEVELS: Readonly<Record<number, Label>> = Object.freeze({
  [HIERARCHY.SUPERVISOR]: { en: "Supervisor", id: "Supervisor" },
  [HIERARCHY.MANAGER]: { en: "Manager", id: "Manajer" },
});

const LEVEL_ROLES: Readonly<Record<number, readonly Role[]>> = Object.freeze({
  [HIERARCHY.SUPERVISOR]: Object.freeze([Role.SUPERVISOR, Role.MANAGER, Role.ADMIN]),
  [HIERARCHY.MANAGER]: Object.freeze([Role.MANAGER, Role.ADMIN]),
});

/** The roles that may receive a hierarchical escalation to a management level, most fitting first. */
export function rolesForLevel(level: number): readonly Role[] {
  return LEVEL_ROLES[level] ?? [];
}

/** Support lines a ticket at `supportLevel` can be escalated to, lowest first. */
export function functionalLevels(supportLevel: number): number[] {
  const out: number[] = [];
  for (let l = supportLevel + 1; l <= MAX_SUPPORT_LEVEL; l++) out.push(l);
  return out;
}

/** Management levels a ticket already at `hierarchyLevel` can still inform, lowest first. */
export function hierarchicalLevels(hierarchyLevel: number): number[] {
  const out: number[] = [];
  for (let l = hierarchyLevel + 1; l <= HIERARCHY.MANAGER; l++) out.push(l);
  return out;
}

/** The part of a ticket escalation reads. */
export interface EscalationState {
  status: TicketStatus;
  supportLevel: number;
  hierarchyLevel: number;
}

/** Why a ticket cannot be escalated in this direction now; null when it can. */
export function escalationRefusal(state: EscalationState, kind: EscalationKind): string | null {
  if (isFinal(state.status) || state.status === TicketStatus.RESOLVED) {
    return `A ${state.status} ticket cannot be escalated.${state.status === TicketStatus.RESOLVED ? " Reopen it first." : ""}`;
  }
  if (kind === EscalationKind.FUNCTIONAL && !functionalLevels(state.supportLevel).length) {
    return `This ticket is already with support level ${MAX_SUPPORT_LEVEL}, the highest; escalate hierarchically instead.`;
  }
  if (kind === EscalationKind.HIERARCHICAL && !hierarchicalLevels(state.hierarchyLevel).length) {
    return "The manager already knows about this ticket; there is no higher level.";
  }
  return null;
}

/** An escalation the desk asks for: the direction, the level (default one above) and the person, if named. */
export interface EscalationRequest {
  kind: EscalationKind;
  level?: number | null;
  person?: { name: string; role: Role } | null;
  group?: { name: string; level: number } | null;
}

/**
 * The level an escalation goes to, after checking it: CONFLICT when the ticket cannot go
 * higher, BAD_USER_INPUT for a level out of range, a group of another level, or a person whose
 * role does not receive that management level.
 */
export function escalationTarget(state: EscalationState, req: EscalationRequest): number {
  const refusal = escalationRefusal(state, req.kind);
  if (refusal) throw conflictRefusal(refusal);
  if (req.kind === EscalationKind.FUNCTIONAL) {
    const level = req.level ?? state.supportLevel + 1;
    if (!functionalLevels(state.supportLevel).includes(level)) {
      throw inputRefusal([{ field: "level", message: `level must be above the current support level ${state.supportLevel} and at most ${MAX_SUPPORT_LEVEL}` }]);
    }
    if (req.group && req.group.level !== level) {
      throw inputRefusal([{ field: "groupId", message: `${req.group.name} is a level ${req.group.level} group, not level ${level}` }]);
    }
    return level;
  }
  const level = req.level ?? state.hierarchyLevel + 1;
  if (!hierarchicalLevels(state.hierarchyLevel).includes(level)) {
    throw inputRefusal([{ field: "level", message: `level must be above the current management level ${state.hierarchyLevel}: 1 supervisor or 2 manager` }]);
  }
  const needed = rolesForLevel(level);
  if (req.person && !needed.includes(req.person.role)) {
    throw inputRefusal([{ field: "agentId", message: `${req.person.name} is ${req.person.role}; level ${level} goes to a ${needed[0]!.toLowerCase()}` }]);
  }
  return level;
}

/** The part of a ticket the SLA sweep's escalation reads and writes. */
export interface OverdueState extends SlaClock, EscalationState {
  responseEscalatedAt: Date | null;
  resolutionEscalatedAt: Date | null;
}

/** What an overdue ticket does at `now`: the fields that change and the entries that say why. */
export interface OverdueEffect {
  patch: Partial<OverdueState>;
  entries: EntryDraft[];
}

/**
 * What an overdue ticket does by itself: a missed response target alerts the supervisor; a
 * missed resolution target moves it one support line up, or, at the highest line, alerts the
 * next management level. Each target escalates once; PENDING and closed tickets wait.
 * Returns null when nothing is due.
 */
export function overdueEffect(t: OverdueState, now: Date): OverdueEffect | null {
  if (!isOpen(t.status) || pausesClock(t.status)) return null;
  const targets = overdueTargets(t, { response: t.responseEscalatedAt !== null, resolution: t.resolutionEscalatedAt !== null }, now);
  if (!targets.length) return null;
  const patch: Partial<OverdueState> = {};
  const entries: EntryDraft[] = [];
  let hierarchyLevel = t.hierarchyLevel;
  for (const target of targets) {
    if (target === "RESPONSE") {
      patch.responseEscalatedAt = now;
      hierarchyLevel = Math.max(hierarchyLevel, HIERARCHY.SUPERVISOR);
      patch.hierarchyLevel = hierarchyLevel;
      entries.push({
        kind: TicketEventKind.AUTO_ESCALATED,
        visibility: Visibility.PUBLIC,
        body: `Nobody responded by the response target (${t.responseDueAt.toISOString()}); the supervisor has been alerted.`,
        data: { escalationKind: EscalationKind.HIERARCHICAL, hierarchyLevel, reason: "RESPONSE_TARGET_MISSED" },
      });
    } else if (t.supportLevel < MAX_SUPPORT_LEVEL) {
      patch.resolutionEscalatedAt = now;
      patch.supportLevel = t.supportLevel + 1;
      entries.push({
        kind: TicketEventKind.AUTO_ESCALATED,
        visibility: Visibility.PUBLIC,
        body: `Not resolved by the resolution target (${t.resolutionDueAt.toISOString()}); escalated to support level ${patch.supportLevel}.`,
        data: { escalationKind: EscalationKind.FUNCTIONAL, supportLevel: patch.supportLevel, reason: "RESOLUTION_TARGET_MISSED" },
      });
    } else {
      patch.resolutionEscalatedAt = now;
      hierarchyLevel = Math.min(HIERARCHY.MANAGER, hierarchyLevel + 1);
      patch.hierarchyLevel = hierarchyLevel;
      entries.push({
        kind: TicketEventKind.AUTO_ESCALATED,
        visibility: Visibility.PUBLIC,
        body: `Not resolved by the resolution target (${t.resolutionDueAt.toISOString()}) at the highest support level; management level ${hierarchyLevel} has been alerted.`,
        data: { escalationKind: EscalationKind.HIERARCHICAL, hierarchyLevel, reason: "RESOLUTION_TARGET_MISSED" },
      });
    }
  }
  return { patch, entries };
}
