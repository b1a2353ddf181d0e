/**
 * The reporter's closure check, used only by the tracker's on-demand resolution part.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";
import { TICKET_VIEW } from "./tracker.operations.js";

/** The reporter says the fix holds (the ticket closes) or that it does not, in their words (it reopens). */
export const ConfirmResolution = operation<G.ConfirmResolutionMutation, G.ConfirmResolutionMutationVariables>(/* GraphQL */ `
  mutation ConfirmResolution($code: String!, $token: String, $input: ConfirmResolutionInput!) {
    confirmResolution(code: $code, token: $token, input: $input) { ...TicketViewFields }
  }
  ${TICKET_VIEW}
`);
