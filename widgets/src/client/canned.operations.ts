/**
 * Canned responses: the agent's picker (list and render) and the administration's Replies section
 * (SUPERVISOR and up). Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

const CANNED = /* GraphQL */ `
  fragment CannedFields on CannedResponse { id title body language groupId updatedAt updatedBy }
`;

/** What the agent may insert, narrowed by the gateway's search. */
export const CannedResponses = operation<G.CannedResponsesQuery, G.CannedResponsesQueryVariables>(/* GraphQL */ `
  query CannedResponses($search: String, $language: String) { cannedResponses(search: $search, language: $language) { id title language } }
`);

/** The language of a ticket's reporter, which the picker offers responses in first. */
export const ReporterLanguage = operation<G.ReporterLanguageQuery, G.ReporterLanguageQueryVariables>(/* GraphQL */ `
  query ReporterLanguage($id: ID!) { ticket(id: $id) { reporterLanguage } }
`);

/** A response's text with its placeholders filled in for the ticket. */
export const RenderCannedResponse = operation<G.RenderCannedResponseQuery, G.RenderCannedResponseQueryVariables>(/* GraphQL */ `
  query RenderCannedResponse($id: ID!, $ticketId: ID!) { renderCannedResponse(id: $id, ticketId: $ticketId) }
`);

/** Every response of the site, the placeholders a body may use and the groups to scope one to. */
export const AllCannedResponses = operation<G.AllCannedResponsesQuery, G.AllCannedResponsesQueryVariables>(/* GraphQL */ `
  query AllCannedResponses { allCannedResponses { ...CannedFields } cannedPlaceholders deskDirectory { groups { id name } } }
  ${CANNED}
`);

/** Creates (no id) or changes a response. */
export const SaveCannedResponse = operation<G.SaveCannedResponseMutation, G.SaveCannedResponseMutationVariables>(/* GraphQL */ `
  mutation SaveCannedResponse($input: CannedResponseInput!) { saveCannedResponse(input: $input) { ...CannedFields } }
  ${CANNED}
`);

/** Deletes a response. */
export const DeleteCannedResponse = operation<G.DeleteCannedResponseMutation, G.DeleteCannedResponseMutationVariables>(/* GraphQL */ `
  mutation DeleteCannedResponse($id: ID!) { deleteCannedResponse(id: $id) }
`);
