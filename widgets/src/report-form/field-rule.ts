/**
 * One report field checked against the gateway's rule for it (`site.reportFields`): the same
 * limits, pattern and counting the gateway applies, so the form says what is wrong before sending.
 */
import type { SiteInfoQuery } from "../client/generated.js";

/** The gateway's rule for one field of the report. */
export type FieldRule = SiteInfoQuery["site"]["reportFields"][number];

/** What is wrong with a non-empty value: a message key of the form and its values. */
export type FieldProblem = ["errLong", { n: number; max: number }] | ["errShort", { min: number }] | ["errPattern", Record<string, never>];

/** Length as the gateway counts it: characters (code points), not UTF-16 units. */
export const chars = (v: string): number => [...v].length;

/** The first thing wrong with `value` under `rule` (too long, too short, wrong pattern), or undefined. */
export function fieldProblem(rule: FieldRule | undefined, value: string): FieldProblem | undefined {
  const n = chars(value);
  if (rule?.maxLength && n > rule.maxLength) return ["errLong", { n: n - rule.maxLength, max: rule.maxLength }];
  if (rule?.minLength && n < rule.minLength) return ["errShort", { min: rule.minLength }];
  if (rule?.pattern && !new RegExp(`^(?:${rule.pattern})$`).test(value)) return ["errPattern", {}];
  return undefined;
}
