/**
 * Which technician group a new ticket goes to (seed 003: a repair job goes to the technicians of
 * the customer's area who know the product). Rules are tried by position; the first whose every
 * given condition holds wins. Pure: the service reads the rules and applies the result.
 */
import { charCount } from "../tickets/field.rules.js";
import type { FieldIssue } from "../tickets/refusal.js";
import { TicketType } from "../tickets/ticket.enums.js";

/** A site may keep at most this many routing rules. */
export const ROUTING_RULES_MAX = 100;
/** Longest region or skill of a rule, in characters (as an agent's regions and skills). */
export const ROUTING_TAG_MAX_LENGTH = 60;

/** One routing rule's conditions and target; a null condition matches anything. */
export interface RouteSpec {
  /** The ticket's kecamatan (or the branch written there), compared without case or extra spaces. */
  region: string | null;
  serviceId: string | null;
  categoryId: string | null;
  /** What the chosen technician must know (one of their skills); null: any member of the group. */
  skill: string | null;
  groupId: string;
}

/** What of a new ticket routing looks at. */
export interface RoutedTicket {
  kecamatan: string | null;
  serviceId: string | null;
  categoryId: string | null;
}

/** A region or skill as compared: trimmed, single-spaced, lower case. */
export function tagKey(value: string | null | undefined): string {
  return (value ?? "").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Whether one rule's conditions all hold for the ticket. */
export function routeMatches(rule: RouteSpec, t: RoutedTicket): boolean {
  if (rule.region !== null && tagKey(rule.region) !== tagKey(t.kecamatan)) return false;
  if (rule.serviceId !== null && rule.serviceId !== t.serviceId) return false;
  if (rule.categoryId !== null && rule.categoryId !== t.categoryId) return false;
  return true;
}

/** The first matching rule, in the order given (by position); null when none matches. */
export function matchRoute<R extends RouteSpec>(rules: readonly R[], t: RoutedTicket): R | null {
  return rules.find((r) => routeMatches(r, t)) ?? null;
}

/**
 * The rules as stored, or every problem with them (`rules.<i>.<field>`): a region and skill at
 * most {@link ROUTING_TAG_MAX_LENGTH} characters (blank means any), a group always, and at most
 * {@link ROUTING_RULES_MAX} rules. Which ids exist is the service's to check.
 */
export function routingRuleProblems(rules: readonly RouteSpec[]): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (rules.length > ROUTING_RULES_MAX) problems.push({ field: "rules", message: `A site keeps at most ${ROUTING_RULES_MAX} routing rules, got ${rules.length}` });
  rules.forEach((r, i) => {
    for (const key of ["region", "skill"] as const) {
      const v = r[key]?.trim() ?? "";
      if (charCount(v) > ROUTING_TAG_MAX_LENGTH) problems.push({ field: `rules.${i}.${key}`, message: `${key} is at most ${ROUTING_TAG_MAX_LENGTH} characters (rule ${i + 1})` });
    }
    if (!r.groupId.trim()) problems.push({ field: `rules.${i}.groupId`, message: `groupId is required: the technician group rule ${i + 1} sends tickets to` });
  });
  return problems;
}

/** A rule as stored: blanks become "any" (null), text is trimmed. */
export function normalizeRoute(r: RouteSpec): RouteSpec {
  const blank = (v: string | null) => (v?.trim() ? v.trim().replace(/\s+/g, " ") : null);
  return { region: blank(r.region), serviceId: r.serviceId || null, categoryId: r.categoryId || null, skill: blank(r.skill), groupId: r.groupId.trim() };
}

/** Whether intake routes a new ticket of this type: work orders always, incidents where the site opts in, requests never. */
export function routesType(type: TicketType, routeIncidents: boolean): boolean {
  return type === TicketType.WORK_ORDER || (type === TicketType.INCIDENT && routeIncidents);
}
