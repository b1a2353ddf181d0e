/**
 * Who may change which agent, and what a change of an agent may hold: pure, no database, no
 * GraphQL. The service reads the rows and counts the admins; these say yes or no and why.
 */
import { MAIL_LANGUAGES } from "../notifications/mail-language.js";
import { Role } from "./role.js";

/** Most entries a region or skill list may hold. */
export const TAG_LIST_MAX_ITEMS = 20;
/** Longest region or skill, in characters (code points, as MySQL's utf8mb4 and SQLite count them). */
export const TAG_MAX_LENGTH = 60;
/** Longest agent name, in characters (the column is VARCHAR(120)). */
export const AGENT_NAME_MAX_LENGTH = 120;

/** One bad field of a change and what is wrong with it. */
export interface AgentFieldProblem {
  field: string;
  message: string;
}

/** A change of an agent: fields left undefined stay. */
export interface AgentPatch {
  name?: string;
  role?: Role;
  /** null takes the agent out of any group. */
  groupId?: string | null;
  language?: string;
  regions?: string[];
  skills?: string[];
}

/** Who makes a change: a signed-in agent, or the command line (role null), which may do what an ADMIN may. */
export interface AgentChanger {
  id: string | null;
  role: Role | null;
  groupId: string | null;
}

/** The agent being changed, as it is before the change. */
export interface AgentState {
  id: string;
  role: Role;
  active: boolean;
  groupId: string | null;
}

/** Why a change is refused: not allowed for this caller, or it would leave the site without an admin. */
export interface AgentRefusal {
  code: "FORBIDDEN" | "CONFLICT";
  message: string;
}

/** The fields a SUPERVISOR may change on the agents of their group: routing and mail, not who they are or what they may do. */
export const SUPERVISOR_FIELDS: ReadonlySet<keyof AgentPatch> = new Set(["language", "regions", "skills"]);

/** The length of a string as both databases count it: code points, not UTF-16 units. */
export function charLength(value: string): number {
  return Array.from(value).length;
}

/**
 * A region or skill list as stored: each entry trimmed, later duplicates (compared without case)
 * dropped; problems name the list and the entry.
 */
export function tagList(field: string, values: readonly string[]): { value: string[]; problems: AgentFieldProblem[] } {
  const problems: AgentFieldProblem[] = [];
  const seen = new Set<string>();
  const value: string[] = [];
  for (const raw of values) {
    const entry = raw.trim();
    if (!entry) problems.push({ field, message: `${field} may not hold an empty entry` });
    else if (charLength(entry) > TAG_MAX_LENGTH) problems.push({ field, message: `${field} entries are at most ${TAG_MAX_LENGTH} characters, got "${entry.slice(0, 20)}…" (${charLength(entry)})` });
    else if (!seen.has(entry.toLowerCase())) {
      seen.add(entry.toLowerCase());
      value.push(entry);
    }
  }
  if (value.length > TAG_LIST_MAX_ITEMS) problems.push({ field, message: `${field} holds at most ${TAG_LIST_MAX_ITEMS} entries, got ${value.length}` });
  return { value, problems };
}

/** Every problem with the values of a change (not who makes it), one or more per field. */
export function agentPatchProblems(patch: AgentPatch): AgentFieldProblem[] {
  const problems: AgentFieldProblem[] = [];
  if (patch.name !== undefined && (!patch.name?.trim() || charLength(patch.name.trim()) > AGENT_NAME_MAX_LENGTH)) {
    problems.push({ field: "name", message: `name is required, at most ${AGENT_NAME_MAX_LENGTH} characters` });
  }
  if (patch.role !== undefined && !(Object.values(Role) as unknown[]).includes(patch.role)) {
    problems.push({ field: "role", message: `role must be one of ${Object.values(Role).join(", ")}` });
  }
  if (patch.language !== undefined && !(MAIL_LANGUAGES as unknown[]).includes(patch.language)) {
    problems.push({ field: "language", message: `language must be ${MAIL_LANGUAGES.join(" or ")}, got "${patch.language}"` });
  }
  if (patch.regions !== undefined) problems.push(...tagList("regions", patch.regions ?? []).problems);
  if (patch.skills !== undefined) problems.push(...tagList("skills", patch.skills ?? []).problems);
  return problems;
}

/** Whether a caller may see and change this agent at all: an ADMIN (or the CLI) any, a SUPERVISOR the members of their own group. */
export function mayManage(changer: AgentChanger, target: Pick<AgentState, "groupId">): boolean {
  if (changer.role === null || changer.role === Role.ADMIN) return true;
  return changer.role === Role.SUPERVISOR && changer.groupId !== null && target.groupId === changer.groupId;
}

/**
 * Why a change of an agent is refused, or null when it may go ahead. `otherActiveAdmins` counts
 * the site's active ADMINs other than the target.
 */
export function changeRefusal(changer: AgentChanger, target: AgentState, patch: AgentPatch, otherActiveAdmins: number): AgentRefusal | null {
  if (!mayManage(changer, target)) {
    return { code: "FORBIDDEN", message: changer.role === Role.SUPERVISOR ? "A SUPERVISOR may change only the agents of their own support group." : "Your role may not change agents." };
  }
  const given = (Object.keys(patch) as Array<keyof AgentPatch>).filter((k) => patch[k] !== undefined);
  if (changer.role === Role.SUPERVISOR) {
    const beyond = given.filter((k) => !SUPERVISOR_FIELDS.has(k));
    if (beyond.length) return { code: "FORBIDDEN", message: `A SUPERVISOR may change only the language, regions and skills of their group's agents, not ${beyond.join(", ")}.` };
  }
  const roleChanges = patch.role !== undefined && patch.role !== target.role;
  if (!roleChanges) return null;
  if (changer.id !== null && changer.id === target.id) return { code: "FORBIDDEN", message: "You cannot change your own role; ask another admin." };
  // The CLI stands for the server's operator and may do what an ADMIN may.
  if ((patch.role === Role.ADMIN || target.role === Role.ADMIN) && changer.role !== null && changer.role !== Role.ADMIN) {
    return { code: "FORBIDDEN", message: "Only an ADMIN grants or removes the ADMIN role." };
  }
  if (target.role === Role.ADMIN && target.active && otherActiveAdmins === 0) {
    return { code: "CONFLICT", message: "This is the site's last active ADMIN: make another agent ADMIN first, so someone can still administer the desk." };
  }
  return null;
}

/** Why deactivating an agent is refused (the last active ADMIN), or null. */
export function deactivationRefusal(target: AgentState, otherActiveAdmins: number): AgentRefusal | null {
  if (target.role === Role.ADMIN && target.active && otherActiveAdmins === 0) {
    return { code: "CONFLICT", message: "This is the site's last active ADMIN: make another agent ADMIN first, so someone can still administer the desk." };
  }
  return null;
}
