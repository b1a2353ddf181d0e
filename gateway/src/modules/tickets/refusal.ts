/** One offending input field and what is wrong with it (the pure twin of errors.ts FieldProblem). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Why a rule refuses a command; the unit of work turns it into the client-facing error of the same code. */
export type RefusalCode = "CONFLICT" | "BAD_USER_INPUT" | "FORBIDDEN";

/**
 * A command refused by a pure rule. Rules throw it instead of a SigapError because they import
 * nothing from GraphQL; `ticket-change.ts` maps it one to one.
 */
export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly fields: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = "Refusal";
  }
}

/** A CONFLICT refusal: the ticket's state does not allow the command. */
export function conflictRefusal(message: string): Refusal {
  return new Refusal("CONFLICT", message);
}

/** A BAD_USER_INPUT refusal naming every offending field. */
export function inputRefusal(fields: readonly FieldIssue[]): Refusal {
  const message = fields.length === 1 ? fields[0]!.message : `${fields.length} fields need attention: ${fields.map((p) => p.message).join(" ")}`;
  return new Refusal("BAD_USER_INPUT", message, fields);
}
