/**
 * Operations of the queue's logging part (`log-ticket/`), loaded with it on first use, so the
 * queue's first load does not carry them.
 */
import { DESK_TICKET } from "./desk.operations.js";
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** Logs a phone, e-mail or walk-in report for a caller; the answer is a queue row and the caller's tracking link. */
export const LogTicket = operation<G.LogTicketMutation, G.LogTicketMutationVariables>(/* GraphQL */ `
  mutation LogTicket($input: LogTicketInput!) {
    logTicket(input: $input) { ticket { ...DeskTicketFields } trackingLink }
  }
  ${DESK_TICKET}
`);
