/**
 * The limits inside Apollo's request pipeline. After the operation is resolved (and before it
 * runs): the cost limits for the caller's kind, then one rate point per executed root field, so
 * aliases cannot multiply what one request may do. A refused operation runs none of its fields.
 * Before the response goes out: lookups that ended NOT_FOUND count as failed guesses, and
 * RATE_LIMITED answers get HTTP 429 and Retry-After.
 */
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { SigapError } from "../../errors.js";
import { queryTooComplex, type LimitedContext, type Limits } from "./limits.js";
import { GUESS_FIELDS } from "./limits.rules.js";
import { MAX_TOKENS } from "./operation-cost.js";
import { rootFields } from "./root-fields.js";

// graphql-js's own message when `parseOptions.maxTokens` stops the parser (16.x spells it "more that").
const TOO_MANY_TOKENS = /Document contains more tha[nt] (\d+) tokens/;

/** Apollo's parse options that cap every document at the largest token budget any caller has. */
export const LIMITED_PARSE_OPTIONS = { maxTokens: MAX_TOKENS } as const;

/** The Apollo plugin that applies `limits` to every HTTP operation. */
export function limitsPlugin<C extends LimitedContext>(limits: Limits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      // Response keys of root fields that take a ticket's token, to count their NOT_FOUND answers.
      let guessKeys: Set<string> | null = null;
      return {
        async didEncounterErrors(rc) {
          // The parser's token cap is a cost limit: say so in the cost limits' terms.
          const errors = rc.errors as import("graphql").GraphQLError[];
          const m = errors.length === 1 && !rc.document ? TOO_MANY_TOKENS.exec(errors[0]!.message) : null;
          if (m && limits.enabled) {
            errors[0] = queryTooComplex({ limit: "tokens", max: Number(m[1]) });
            rc.response.http.status = 400;
          }
        },
        async didResolveOperation(rc) {
          const caller = limits.callerOf(rc.contextValue);
          if (!caller || !rc.operation || !limits.enabled) return;
          const kind = await limits.kindOf(rc.contextValue, caller);
          const tooComplex = limits.costError(rc.document, kind);
          if (tooComplex) {
            rc.response.http.status = 400;
            throw tooComplex;
          }
          if (kind === "agent" || (!caller.siteKey && caller.bearer)) return;
          const fields = rootFields(rc.document, rc.operation);
          const site = await rc.contextValue.publicSite().then(
            (s) => s.site,
            () => null,
          );
          const guesses = fields.filter((f) => GUESS_FIELDS.has(f.name));
          guessKeys = guesses.length ? new Set(guesses.map((f) => f.key)) : null;
          try {
            await limits.admit(caller, site, fields);
          } catch (error) {
            if (error instanceof SigapError) tooMany(rc.response.http, Number(error.extensions["retryAfter"]));
            throw error;
          }
        },
        async willSendResponse(rc) {
          const body = rc.response.body.kind === "single" ? rc.response.body.singleResult : null;
          if (!body?.errors) return;
          const caller = limits.callerOf(rc.contextValue);
          if (guessKeys && caller) {
            const keys = guessKeys;
            const failures = body.errors.filter((e) => e.extensions?.["code"] === "NOT_FOUND" && keys.has(String(e.path?.[0]))).length;
            const site = await rc.contextValue.publicSite().then(
              (s) => s.site,
              () => null,
            );
            await limits.recordFailures(caller, site, failures).catch(() => undefined);
          }
          // A resolver refused (the report form sent too soon): answer 429 when nothing else succeeded.
          const waits = body.errors.filter((e) => e.extensions?.["code"] === "RATE_LIMITED").map((e) => Number(e.extensions?.["retryAfter"]) || 1);
          if (waits.length && !rc.response.http.status && (body.data === null || body.data === undefined)) tooMany(rc.response.http, Math.max(...waits));
        },
      };
    },
  };
}

function tooMany(http: GraphQLRequestContextWillSendResponse<never>["response"]["http"], retryAfter: number): void {
  http.status = 429;
  http.headers.set("retry-after", String(retryAfter));
}
