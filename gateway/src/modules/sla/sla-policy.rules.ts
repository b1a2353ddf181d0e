import { PRIORITY_LABEL, priorityRank } from "../tickets/priority.rules.js";
import { Priority, TicketType } from "../tickets/ticket.enums.js";
import { DEFAULT_SLA_POLICY, type SlaPolicy, type SlaTarget } from "./sla.rules.js";

/** The longest target a policy may set: 365 days, in minutes. */
export const MAX_TARGET_MINUTES = 365 * 24 * 60;

/** One problem with a policy: the field it concerns (`P2.responseMinutes`, or `P2` for a whole target) and a sentence for the admin. */
export interface PolicyProblem {
  field: string;
  message: string;
}

/** One priority's targets as an admin lists them (GraphQL's SlaTargetInput, `sigap site:sla P1=15/240`). */
export interface SlaTargetEntry extends SlaTarget {
  priority: Priority;
}

const TARGET_FIELDS = [
  ["responseMinutes", "response"],
  ["resolutionMinutes", "resolution"],
] as const;

/** Every priority, most urgent first. */
const PRIORITIES: readonly Priority[] = Object.values(Priority).sort((a, b) => priorityRank(a) - priorityRank(b));

function describePriority(p: Priority): string {
  return `${p} (${PRIORITY_LABEL[p].en})`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number") return String(value);
  return JSON.stringify(value) ?? String(value);
}

function isValidMinutes(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0 && value <= MAX_TARGET_MINUTES;
}

/**
 * Every problem with a policy, each naming its field; empty when it is valid. Whole minutes from 1
 * to 365 days, response no longer than resolution, and a less urgent priority never gets a tighter
 * target than a more urgent one (ITIL desks refuse that rather than warn: the queue orders by
 * priority, so such a policy would breach the less urgent tickets first). The ordering problem
 * names the less urgent priority's field, the one that breaks "never tighter".
 */
export function slaPolicyProblems(policy: SlaPolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  // Policies arrive as JSON from the admin API, so the declared type is a hope, not a fact.
  const targetOf = (p: Priority): Partial<Record<keyof SlaTarget, unknown>> | undefined => {
    const target: unknown = (policy as Partial<SlaPolicy> | null | undefined)?.[p];
    return typeof target === "object" && target !== null ? target : undefined;
  };

  for (const p of PRIORITIES) {
    const target = targetOf(p);
    if (!target) {
      problems.push({ field: p, message: `${describePriority(p)} has no SLA target.` });
      continue;
    }
    for (const [field, name] of TARGET_FIELDS) {
      const value = target[field];
      if (isValidMinutes(value)) continue;
      problems.push({
        field: `${p}.${field}`,
        message:
          typeof value === "number" && Number.isInteger(value) && value > MAX_TARGET_MINUTES
            ? `The ${name} target of ${describePriority(p)} may be at most ${MAX_TARGET_MINUTES} minutes (365 days), got ${value}.`
            : `The ${name} target of ${describePriority(p)} must be a whole number of minutes above zero, got ${describeValue(value)}.`,
      });
    }
    const { responseMinutes, resolutionMinutes } = target;
    if (isValidMinutes(responseMinutes) && isValidMinutes(resolutionMinutes) && responseMinutes > resolutionMinutes) {
      problems.push({
        field: `${p}.responseMinutes`,
        message: `The response target of ${describePriority(p)} (${responseMinutes} minutes) is longer than its resolution target (${resolutionMinutes} minutes); a ticket cannot be resolved before it is responded to.`,
      });
    }
  }

  // Comparing each priority with the next less urgent one that has a valid value is enough:
  // the order is transitive, and skipping invalid ones avoids reporting one mistake twice.
  for (const [field, name] of TARGET_FIELDS) {
    let previous: { priority: Priority; minutes: number } | undefined;
    for (const p of PRIORITIES) {
      const minutes = targetOf(p)?.[field];
      if (!isValidMinutes(minutes)) continue;
      if (previous && previous.minutes > minutes) {
        problems.push({
          field: `${p}.${field}`,
          message: `The ${name} target of ${describePriority(previous.priority)} (${previous.minutes} minutes) is longer than that of ${describePriority(p)} (${minutes} minutes); a more urgent priority may not wait longer.`,
        });
      }
      previous = { priority: p, minutes };
    }
  }
  return problems;
}

/**
 * A policy from a list of targets that must name each priority exactly once; the problems name
 * the priority given twice or left out (and then the policy is incomplete). The targets' values
 * are checked by {@link slaPolicyProblems}.
 */
export function policyFromTargets(targets: readonly SlaTargetEntry[]): { policy: SlaPolicy; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const policy: Partial<SlaPolicy> = {};
  for (const t of targets) {
    if (!PRIORITIES.includes(t.priority)) {
      problems.push({ field: String(t.priority), message: `${describeValue(t.priority)} is not a priority; give P1 to P5.` });
    } else if (policy[t.priority]) {
      problems.push({ field: t.priority, message: `${describePriority(t.priority)} is given twice; give each priority once.` });
    } else {
      policy[t.priority] = { responseMinutes: t.responseMinutes, resolutionMinutes: t.resolutionMinutes };
    }
  }
  for (const p of PRIORITIES) {
    if (!policy[p]) problems.push({ field: p, message: `${describePriority(p)} is missing; a policy sets all five priorities.` });
  }
  return { policy: policy as SlaPolicy, problems };
}

/** A policy as a list, most urgent priority first (the order GraphQL and the CLI show it in). */
export function policyTargets(policy: SlaPolicy): SlaTargetEntry[] {
  return PRIORITIES.map((priority) => ({ priority, responseMinutes: policy[priority].responseMinutes, resolutionMinutes: policy[priority].resolutionMinutes }));
}

/**
 * Parses `sigap site:sla` targets such as `P1=15/240` (response/resolution minutes; `4h`, `1d`
 * read as hours and days) into entries, naming each one that is not of that form.
 */
export function parseTargets(items: readonly string[]): { targets: SlaTargetEntry[]; problems: PolicyProblem[] } {
  const targets: SlaTargetEntry[] = [];
  const problems: PolicyProblem[] = [];
  for (const item of items) {
    const match = /^\s*(P[1-5])\s*=\s*(\d+[mhd]?)\s*\/\s*(\d+[mhd]?)\s*$/i.exec(item);
    if (!match) {
      problems.push({ field: item.split("=")[0]?.trim().toUpperCase() || "targets", message: `"${item}" must look like P1=15/240 (response/resolution minutes; 4h and 1d also read)` });
      continue;
    }
    targets.push({ priority: match[1]!.toUpperCase() as Priority, responseMinutes: minutesOf(match[2]!), resolutionMinutes: minutesOf(match[3]!) });
  }
  return { targets, problems };
}

function minutesOf(text: string): number {
  const unit = text.slice(-1).toLowerCase();
  const n = Number.parseInt(text, 10);
  return unit === "h" ? n * 60 : unit === "d" ? n * 24 * 60 : n;
}

/** One stored row of a site's policy (table sla_policy): one ticket type's targets for one priority. */
export interface SlaPolicyRow extends SlaTargetEntry {
  ticketType: TicketType;
}

/** A site's SLA policy for every ticket type, each resolved to what a ticket of that type is held to. */
export interface SitePolicies {
  byType: Record<TicketType, SlaPolicy>;
  /** The types other than INCIDENT that have targets of their own (the rest follow INCIDENT's). */
  own: TicketType[];
}

/**
 * Every ticket type's policy from a site's rows. INCIDENT's rows override seed 002's default per
 * priority; a SERVICE_REQUEST or WORK_ORDER with rows of its own overrides INCIDENT's policy with
 * them, and a type without rows follows INCIDENT's policy whole (the incident policy is the default).
 */
export function sitePolicies(rows: readonly SlaPolicyRow[]): SitePolicies {
  const overrides = (base: SlaPolicy, type: TicketType): SlaPolicy => {
    const policy = { ...base };
    for (const r of rows) if (r.ticketType === type) policy[r.priority] = { responseMinutes: r.responseMinutes, resolutionMinutes: r.resolutionMinutes };
    return policy;
  };
  const incident = overrides(DEFAULT_SLA_POLICY, TicketType.INCIDENT);
  const own = Object.values(TicketType).filter((type) => type !== TicketType.INCIDENT && rows.some((r) => r.ticketType === type));
  const byType = Object.fromEntries(Object.values(TicketType).map((type) => [type, own.includes(type) ? overrides(incident, type) : incident])) as Record<TicketType, SlaPolicy>;
  return { byType, own };
}

/**
 * Why a type's own targets may not be cleared, or null when they may: INCIDENT's policy is the one
 * the others fall back to, so it is replaced (setSlaPolicy), never cleared.
 */
export function clearPolicyProblem(ticketType: TicketType): PolicyProblem | null {
  return ticketType === TicketType.INCIDENT
    ? { field: "ticketType", message: "The incident policy is the one other ticket types fall back to; replace it with setSlaPolicy instead of clearing it." }
    : null;
}

/** A target as `sigap site:sla` writes it: `15/240`. */
export function formatTarget(target: SlaTarget): string {
  return `${target.responseMinutes}/${target.resolutionMinutes}`;
}
