/**
 * Operations of the ticket tracker, by code and token (or code alone, with a reporter token).
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** The reporter's view of a ticket, as every tracker operation reads it. */
export const TICKET_VIEW = /* GraphQL */ `
  fragment TicketViewFields on TicketView {
    code status type typeLabel { en id } pendingReason priority serviceName description
    fields { label { en id } text { en id } }
    createdAt updatedAt responseDueAt resolutionDueAt firstRespondedAt resolvedAt closedAt resolution closureLabel { en id }
    sla { responseBreached resolutionBreached paused responseRemainingMs resolutionRemainingMs running changesAt measuredAt responseWindowMs resolutionWindowMs }
    timeline { id at kind actorName fromStatus toStatus message supportLevel hierarchyLevel priority code codeLabel { en id } systemNote { en id } attachmentIds }
    attachments { id filename contentType size url }
    feedbackOpen confirmationOpen withdrawOpen
    feedback { createdAt }
  }
`;

/** The reporter's view of a ticket. */
export const TrackTicket = operation<G.TrackTicketQuery, G.TrackTicketQueryVariables>(/* GraphQL */ `
  query TrackTicket($code: String!, $token: String) {
    trackTicket(code: $code, token: $token) { ...TicketViewFields }
    site { atRiskFraction }
  }
  ${TICKET_VIEW}
`);

/** Live changes of the reporter's ticket. */
export const TicketUpdated = operation<G.TicketUpdatedSubscription, G.TicketUpdatedSubscriptionVariables>(/* GraphQL */ `
  subscription TicketUpdated($code: String!, $token: String) { ticketUpdated(code: $code, token: $token) { ...TicketViewFields } }
  ${TICKET_VIEW}
`);

/** The reporter replies. */
export const AddReporterMessage = operation<G.AddReporterMessageMutation, G.AddReporterMessageMutationVariables>(/* GraphQL */ `
  mutation AddReporterMessage($code: String!, $token: String, $input: MessageInput!) {
    addReporterMessage(code: $code, token: $token, input: $input) { ...TicketViewFields }
  }
  ${TICKET_VIEW}
`);
