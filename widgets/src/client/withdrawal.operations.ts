/**
 * The reporter's withdrawal of their ticket, used only by the tracker's on-demand withdrawal part.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";
import { TICKET_VIEW } from "./tracker.operations.js";

/** The reporter withdraws their ticket before the desk resolves it (CANCELLED, their words on the timeline; an approval it waits for reads WITHDRAWN). */
export const WithdrawTicket = operation<G.WithdrawTicketMutation, G.WithdrawTicketMutationVariables>(/* GraphQL */ `
  mutation WithdrawTicket($code: String!, $token: String, $input: WithdrawTicketInput!) {
    withdrawTicket(code: $code, token: $token, input: $input) { ...TicketViewFields }
  }
  ${TICKET_VIEW}
`);
