import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, Kind, type GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { ArgumentValidationError } from "type-graphql";
import type { ValidationError } from "class-validator";
import type { SigapContext } from "../context.js";
import { SigapError, type FieldProblem } from "../errors.js";
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from "./availability.js";

/** graphql-js's message when it gives up coercing variables (maxErrors). */
const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables/;

/** Codes graphql-js and Apollo give to request errors, safe to pass to the client. */
const REQUEST_ERROR_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/**
 * The one place errors become what clients see: our typed errors and request errors go out as
 * they are; input validation becomes BAD_USER_INPUT naming each field; a database that cannot be
 * reached becomes a retryable SERVICE_UNAVAILABLE; anything else is logged and masked, with no
 * stack trace. With `log` null nothing is logged: over HTTP {@link errorLogPlugin} logs instead,
 * with the request's own logger.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: Logger | null): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
  if (original instanceof SigapError) {
    return { ...base, message: original.message, extensions: { ...original.extensions } };
  }
  if (original instanceof ArgumentValidationError) {
    const fields = flatten(original.extensions.validationErrors);
    const message = fields.length === 1 ? fields[0]!.message : `${fields.length} fields need attention: ${fields.map((f) => f.message).join("; ")}`;
    return { ...base, message, extensions: { code: "BAD_USER_INPUT", fields } };
  }
  const code = formatted.extensions?.["code"];
  if (typeof code === "string" && REQUEST_ERROR_CODES.has(code)) {
    return { ...base, extensions: { code } };
  }
  if (original instanceof GraphQLError && !original.originalError && code === undefined) {
    // Errors graphql-js raises itself (e.g. variable coercion) carry no code but are the client's.
    return { ...base, extensions: { code: "BAD_USER_INPUT" } };
  }
  if (original instanceof GraphQLError && !original.originalError && TOO_MANY_VARIABLE_ERRORS.test(original.message)) {
    // graphql-js stops coercing variables after 50 wrong values and says so without a code; Apollo
    // then calls it INTERNAL_SERVER_ERROR. It is the client's input all the same.
    return { ...base, message: "Too many values in the variables are wrong (more than 50); correct them and send again.", extensions: { code: "BAD_USER_INPUT" } };
  }
  if (original instanceof GraphQLError && original.nodes?.length === 1 && original.nodes[0]!.kind === Kind.VARIABLE_DEFINITION) {
    // A variable that does not coerce to its type ("got invalid value"): graphql-js wraps the
    // scalar's own error, so it has an originalError; Apollo calls it BAD_USER_INPUT over HTTP,
    // and so must the WebSocket, where no Apollo stands in between.
    return { ...base, extensions: { code: "BAD_USER_INPUT" } };
  }
  if (original instanceof GraphQLError && !original.originalError && isClientStatus(original.extensions["http"])) {
    // Apollo's own refusals of a request (a persisted-query hash that does not match its query, an
    // unsupported persisted-query version) carry a 4xx status but no code.
    return { ...base, extensions: { code: "BAD_REQUEST" } };
  }
  if (isDatabaseUnavailable(original)) {
    log?.warn({ err: original, path: formatted.path }, "database unavailable while serving a request");
    return {
      ...base,
      message: "The desk is briefly unavailable; please try again in a few seconds.",
      extensions: { code: "SERVICE_UNAVAILABLE", retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS },
    };
  }
  log?.error({ err: original, path: formatted.path }, "unexpected error while serving a request");
  return { ...base, message: "Something went wrong on our side; it has been logged. Please try again.", extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

/**
 * Logs the faults among a request's errors with the request's logger (so each line carries its
 * request id), by the same judgement {@link formatError} uses to mask them.
 */
export function errorLogPlugin(): ApolloServerPlugin<SigapContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const e of errors) formatError(e.toJSON(), e, contextValue.request.log);
        },
      };
    },
  };
}

function isClientStatus(http: unknown): boolean {
  const status = (http as { status?: unknown } | undefined)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

function flatten(errors: ValidationError[], prefix = ""): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
