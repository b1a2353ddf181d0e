/**
 * Operations of the feedback stars, by code and token: kept apart from the tracker's so the stars
 * load only the documents they send.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** The reporter rates the service. */
export const SubmitFeedback = operation<G.SubmitFeedbackMutation, G.SubmitFeedbackMutationVariables>(/* GraphQL */ `
  mutation SubmitFeedback($code: String!, $token: String, $input: FeedbackInput!) {
    submitFeedback(code: $code, token: $token, input: $input) { code feedbackOpen feedback { serviceRating restoredRating informationRating suggestion createdAt } }
  }
`);

/** Whether feedback is open on a ticket (for the stars widget on its own). */
export const FeedbackState = operation<G.FeedbackStateQuery, G.FeedbackStateQueryVariables>(/* GraphQL */ `
  query FeedbackState($code: String!, $token: String) {
    trackTicket(code: $code, token: $token) { code status feedbackOpen feedback { serviceRating restoredRating informationRating suggestion createdAt } }
  }
`);
