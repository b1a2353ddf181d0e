import { Role } from "../agents/role.js";
import type { Label } from "./closure.rules.js";
import { conflictRefusal, inputRefusal } from "./refusal.js";
import { isFinal } from "./status.rules.js";
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

/** The part of a ticket the ladder's escalation step reads. */
export interface AutoEscalationState extends EscalationState {
  responseDueAt: Date;
  resolutionDueAt: Date;
}

/** What the ladder's escalation step changes on a ticket. */
export interface AutoEscalationPatch {
  supportLevel?: number;
  hierarchyLevel?: number;
  responseEscalatedAt?: Date;
  resolutionEscalatedAt?: Date;
}

/** An automatic escalation: the fields that change and the entry that says why. */
export interface AutoEscalation {
  patch: AutoEscalationPatch;
  entry: EntryDraft;
}

/**
 * The escalation step of the SLA ladder (sla/ladder.rules, 100 % by default) for one missed
 * target: a missed response goes to the supervisor; a missed resolution moves the ticket one
 * support line up, or, at the highest line, to the next management level. The ladder decides
 * when and how often; this decides what one step does. The entry names nobody, so its public
 * part is safe for the reporter.
 */
export function automaticEscalation(t: AutoEscalationState, target: "RESPONSE" | "RESOLUTION", now: Date): AutoEscalation {
  if (target === "RESPONSE") {
    const hierarchyLevel = Math.max(t.hierarchyLevel, HIERARCHY.SUPERVISOR);
    return {
      patch: { responseEscalatedAt: now, hierarchyLevel },
      entry: {
        kind: TicketEventKind.AUTO_ESCALATED,
        visibility: Visibility.PUBLIC,
        data: { escalationKind: EscalationKind.HIERARCHICAL, hierarchyLevel, reason: "RESPONSE_TARGET_MISSED" },
      },
    };
  }
  if (t.supportLevel < MAX_SUPPORT_LEVEL) {
    const supportLevel = t.supportLevel + 1;
    return {
      patch: { resolutionEscalatedAt: now, supportLevel },
      entry: {
        kind: TicketEventKind.AUTO_ESCALATED,
        visibility: Visibility.PUBLIC,
        data: { escalationKind: EscalationKind.FUNCTIONAL, supportLevel, reason: "RESOLUTION_TARGET_MISSED" },
      },
    };
  }
  const hierarchyLevel = Math.min(HIERARCHY.MANAGER, t.hierarchyLevel + 1);
  return {
    patch: { resolutionEscalatedAt: now, hierarchyLevel },
    entry: {
      kind: TicketEventKind.AUTO_ESCALATED,
      visibility: Visibility.PUBLIC,
      data: { escalationKind: EscalationKind.HIERARCHICAL, hierarchyLevel, reason: "RESOLUTION_TARGET_MISSED" },
    },
  };
}
