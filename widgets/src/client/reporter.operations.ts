/**
 * Operations on a reporter's ticket (tracker and feedback stars), by code and token.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

const TICKET_VIEW = /* GraphQL */ `
  fragment TicketViewFields on TicketView {
    code status pendingReason priority urgency impact channel serviceName problemType description
    createdAt updatedAt responseDueAt resolutionDueAt firstRespondedAt resolvedAt closedAt resolution
    sla { responseBreached resolutionBreached paused atRisk responseRemainingMs resolutionRemainingMs }
    timeline { id at kind actorKind actorName fromStatus toStatus message supportLevel hierarchyLevel priority code attachmentIds }
    attachments { id filename contentType size url }
    feedbackOpen
    feedback { serviceRating restoredRating informationRating suggestion createdAt }
  }
`;

/** The reporter's view of a ticket. */
export const TrackTicket = operation<G.TrackTicketQuery, G.TrackTicketQueryVariables>(/* GraphQL */ `
  query TrackTicket($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { ...TicketViewFields } }
  ${TICKET_VIEW}
`);

/** Live changes of the reporter's ticket. */
export const TicketUpdated = operation<G.TicketUpdatedSubscription, G.TicketUpdatedSubscriptionVariables>(/* GraphQL */ `
  subscription TicketUpdated($code: String!, $token: String!) { ticketUpdated(code: $code, token: $token) { ...TicketViewFields } }
  ${TICKET_VIEW}
`);

/** The reporter replies. */
export const AddReporterMessage = operation<G.AddReporterMessageMutation, G.AddReporterMessageMutationVariables>(/* GraphQL */ `
  mutation AddReporterMessage($code: String!, $token: String!, $input: MessageInput!) {
    addReporterMessage(code: $code, token: $token, input: $input) { ...TicketViewFields }
  }
  ${TICKET_VIEW}
`);

/** The reporter rates the service. */
export const SubmitFeedback = operation<G.SubmitFeedbackMutation, G.SubmitFeedbackMutationVariables>(/* GraphQL */ `
  mutation SubmitFeedback($code: String!, $token: String!, $input: FeedbackInput!) {
    submitFeedback(code: $code, token: $token, input: $input) { code feedbackOpen feedback { serviceRating restoredRating informationRating suggestion createdAt } }
  }
`);

/** Whether feedback is open on a ticket (for the stars widget on its own). */
export const FeedbackState = operation<G.FeedbackStateQuery, G.FeedbackStateQueryVariables>(/* GraphQL */ `
  query FeedbackState($code: String!, $token: String!) {
    trackTicket(code: $code, token: $token) { code status feedbackOpen feedback { serviceRating restoredRating informationRating suggestion createdAt } }
  }
`);
