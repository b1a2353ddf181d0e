/**
 * The routing section's draft of the site's rules: blank text and "any" choices as the form shows
 * them, and the `RoutingRuleInput` they become (blank: null, matching anything). Whether a rule is
 * valid is the gateway's to say (`setRoutingRules` names `rules.<i>.<field>`).
 */
import type { RoutingRuleInput } from "../../client/generated.js";

/** One rule as the form edits it: "" is "any" (and, for the group, "not chosen yet"). */
export interface RuleDraft {
  region: string;
  serviceId: string;
  categoryId: string;
  skill: string;
  groupId: string;
}

/** A rule as the gateway returns it. */
export interface RuleConfig {
  region: string | null;
  serviceId: string | null;
  categoryId: string | null;
  skill: string | null;
  groupId: string;
}

/** The inputs of a rule the form shows, in the order they appear. */
export const RULE_FIELDS = ["region", "skill", "serviceId", "categoryId", "groupId"] as const;

/** A new rule: every condition "any", no group yet. */
export function newRule(): RuleDraft {
  return { region: "", serviceId: "", categoryId: "", skill: "", groupId: "" };
}

/** The draft of a stored rule. */
export function ruleDraft(r: RuleConfig): RuleDraft {
  return { region: r.region ?? "", serviceId: r.serviceId ?? "", categoryId: r.categoryId ?? "", skill: r.skill ?? "", groupId: r.groupId };
}

/** What `setRoutingRules` takes for a draft: trimmed text, blanks as null; the group as chosen (blank: the gateway says it is needed). */
export function ruleInput(d: RuleDraft): RoutingRuleInput {
  const blank = (v: string) => v.trim() || null;
  return { region: blank(d.region), serviceId: blank(d.serviceId), categoryId: blank(d.categoryId), skill: blank(d.skill), groupId: d.groupId.trim() };
}

/** The fields `count` rules show, by the gateway's names. */
export function ruleFields(count: number): string[] {
  return [...Array.from({ length: count }, (_, i) => RULE_FIELDS.map((f) => `rules.${i}.${f}`)).flat(), "rules"];
}
