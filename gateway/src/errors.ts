import { GraphQLError } from "graphql";

/** The error codes a client may branch on; everything else is masked as INTERNAL_SERVER_ERROR. */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "QUERY_TOO_COMPLEX"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "SERVICE_UNAVAILABLE";

/** One offending input field and what is wrong with it. */
export interface FieldProblem {
  /** Dotted path of the field inside the input, e.g. `reporterEmail`. */
  field: string;
  message: string;
}

/** A client-facing error: its message is safe to show a person, its code is literal. */
export class SigapError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
    this.name = "SigapError";
  }
}

/** Bad input, naming every offending field. */
export function badInput(problems: FieldProblem[]): SigapError {
  const message =
    problems.length === 1 ? problems[0]!.message : `${problems.length} fields need attention: ${problems.map((p) => p.message).join(" ")}`;
  return new SigapError("BAD_USER_INPUT", message, { fields: problems });
}

/** A field-level bad input shortcut. */
export function badField(field: string, message: string): SigapError {
  return badInput([{ field, message }]);
}

/** The thing does not exist, or the caller may not know it exists. */
export function notFound(message: string): SigapError {
  return new SigapError("NOT_FOUND", message);
}

/** The caller is known but may not do this. */
export function forbidden(message: string): SigapError {
  return new SigapError("FORBIDDEN", message);
}

/** The caller is not identified (or the token is bad). */
export function unauthenticated(message: string): SigapError {
  return new SigapError("UNAUTHENTICATED", message);
}

/** The request clashes with the current state (a forbidden transition, feedback already given). */
export function conflict(message: string): SigapError {
  return new SigapError("CONFLICT", message);
}
