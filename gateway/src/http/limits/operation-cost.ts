/**
 * Operation cost limits: depth, aliases, directives and a static cost per operation, checked by
 * graphql-armor's validation rules, plus a token count; stricter for site-key callers (anyone
 * who read a site key out of a page) than for signed-in agents. Each document is judged once per
 * kind of caller and the verdict remembered with the parsed document Apollo caches.
 */
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { TokenKind, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from "graphql";

/** Which limit an operation broke, as `extensions.limit` names it. */
export type CostLimitName = "depth" | "aliases" | "tokens" | "cost" | "directives";

/** The limits one kind of caller gets. */
export type CostLimits = Record<CostLimitName, number>;

/** Who is calling: a site-key widget (or anyone pretending to be one), or a signed-in agent. */
export type CallerKind = "public" | "agent";

/**
 * Limits per kind of caller. The widgets' own operations stay well inside them (a test checks
 * every operation the widgets send); the agent limits leave room for the desk's full-ticket
 * queries and hand-written API calls.
 */
export const COST_LIMITS: Record<CallerKind, CostLimits> = {
  public: { depth: 7, aliases: 10, tokens: 1000, cost: 1500, directives: 10 },
  agent: { depth: 10, aliases: 60, tokens: 5000, cost: 60_000, directives: 50 },
};

/** The most tokens any caller may send: the parser stops there, before the document exists. */
export const MAX_TOKENS = Math.max(COST_LIMITS.public.tokens, COST_LIMITS.agent.tokens);

/** A broken limit. */
export interface CostViolation {
  limit: CostLimitName;
  max: number;
}

/** Counts a parsed document's tokens from its location chain (parse keeps it unless told not to). */
export function countTokens(document: DocumentNode): number {
  let n = 0;
  for (let t = document.loc?.startToken; t && t.kind !== TokenKind.EOF; t = t.next ?? undefined) {
    if (t.kind !== TokenKind.SOF && t.kind !== TokenKind.COMMENT) n++;
  }
  return n;
}

/** Judges documents against the limits of each kind of caller. */
export interface CostGuard {
  /** The first limit `document` breaks for `kind`, or null. */
  check(document: DocumentNode, kind: CallerKind): CostViolation | null;
}

/** Creates a guard for `schema` with `limits` per kind. */
export function createCostGuard(schema: GraphQLSchema, limits: Record<CallerKind, CostLimits> = COST_LIMITS): CostGuard {
  const verdicts: Record<CallerKind, WeakMap<DocumentNode, CostViolation | null>> = { public: new WeakMap(), agent: new WeakMap() };

  const judge = (document: DocumentNode, max: CostLimits): CostViolation | null => {
    const broken: CostViolation[] = [];
    // armor's rules report through onReject; they do not throw (propagateOnRejection: false) so
    // every rule runs in the one pass, and the first broken limit in this list order is named.
    const onReject = (limit: CostLimitName) => [() => void broken.push({ limit, max: max[limit] })];
    const common = { exposeLimits: true, propagateOnRejection: false } as const;
    const rules: ValidationRule[] = [
      maxDepthRule({ ...common, n: max.depth, onReject: onReject("depth") }),
      maxAliasesRule({ ...common, n: max.aliases, onReject: onReject("aliases") }),
      maxDirectivesRule({ ...common, n: max.directives, onReject: onReject("directives") }),
      costLimitRule({ ...common, maxCost: max.cost, onReject: onReject("cost") }),
    ];
    validate(schema, document, rules);
    const order: CostLimitName[] = ["depth", "aliases", "directives", "cost"];
    broken.sort((a, b) => order.indexOf(a.limit) - order.indexOf(b.limit));
    // Tokens last: a document over several limits is named by the more telling one (1,000 aliases are "aliases").
    return broken[0] ?? (countTokens(document) > max.tokens ? { limit: "tokens", max: max.tokens } : null);
  };

  return {
    check(document, kind) {
      const cache = verdicts[kind];
      let verdict = cache.get(document);
      if (verdict === undefined) {
        verdict = judge(document, limits[kind]);
        cache.set(document, verdict);
      }
      return verdict;
    },
  };
}
