/**
 * Operations of the desk administration's Webhooks section, with an ADMIN's bearer token.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

const ENDPOINT = /* GraphQL */ `
  fragment AdminWebhookFields on WebhookEndpoint { id url description eventTypes enabled disabledReason failingSince previousSecretExpiresAt }
`;

/** The site's webhook endpoints, oldest first. */
export const WebhookEndpoints = operation<G.WebhookEndpointsQuery, G.WebhookEndpointsQueryVariables>(/* GraphQL */ `
  query WebhookEndpoints { webhookEndpoints { ...AdminWebhookFields } }
  ${ENDPOINT}
`);

/** Adds an endpoint; its secret is in this answer only. */
export const CreateWebhookEndpoint = operation<G.CreateWebhookEndpointMutation, G.CreateWebhookEndpointMutationVariables>(/* GraphQL */ `
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ...AdminWebhookFields } } }
  ${ENDPOINT}
`);

/** Enables or disables an endpoint. */
export const UpdateWebhookEndpoint = operation<G.UpdateWebhookEndpointMutation, G.UpdateWebhookEndpointMutationVariables>(/* GraphQL */ `
  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, input: $input) { ...AdminWebhookFields } }
  ${ENDPOINT}
`);

/** A new signing secret, in this answer only; the old one signs too for the overlap. */
export const RotateWebhookSecret = operation<G.RotateWebhookSecretMutation, G.RotateWebhookSecretMutationVariables>(/* GraphQL */ `
  mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { ...AdminWebhookFields } } }
  ${ENDPOINT}
`);

/** Deletes an endpoint (its delivery log stays). */
export const DeleteWebhookEndpoint = operation<G.DeleteWebhookEndpointMutation, G.DeleteWebhookEndpointMutationVariables>(/* GraphQL */ `
  mutation DeleteWebhookEndpoint($id: ID!) { deleteWebhookEndpoint(id: $id) }
`);
