/**
 * Operations of the desk administration's People and Access sections, with an ADMIN's bearer token.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

const AGENT = /* GraphQL */ `
  fragment AdminAgentFields on AdminAgent { id name email role groupId language regions skills active hasPassword }
`;

const ACCESS = /* GraphQL */ `
  fragment AdminAccessFields on SiteAccess {
    siteKey previousSiteKey previousKeyValidUntil allowedOrigins maxUploadBytes maxUploadBytesCap maxAttachmentsPerTicket
    allowedUploadTypes uploadTypeChoices reporterSecretSet reporterJwksUrl
    rateLimits { key default { points seconds } override { points seconds } minPoints maxPoints minSeconds maxSeconds }
  }
`;

/** Every agent of the site, deactivated ones too, and the groups they may join. */
export const AdminPeople = operation<G.AdminPeopleQuery, G.AdminPeopleQueryVariables>(/* GraphQL */ `
  query AdminPeople { adminAgents(includeInactive: true) { ...AdminAgentFields } catalogAdmin { groups { id name retired } } me { id } }
  ${AGENT}
`);

/** Adds an agent and mails them a link to set their password. */
export const InviteAgent = operation<G.InviteAgentMutation, G.InviteAgentMutationVariables>(/* GraphQL */ `
  mutation InviteAgent($input: InviteAgentInput!) { inviteAgent(input: $input) { id } }
`);

/** Changes an agent's name, role, group, language, regions or skills. */
export const UpdateAgent = operation<G.UpdateAgentMutation, G.UpdateAgentMutationVariables>(/* GraphQL */ `
  mutation UpdateAgent($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { ...AdminAgentFields } }
  ${AGENT}
`);

/** Deactivates or reactivates an agent. */
export const SetAgentActive = operation<G.SetAgentActiveMutation, G.SetAgentActiveMutationVariables>(/* GraphQL */ `
  mutation SetAgentActive($id: ID!, $active: Boolean!) { setAgentActive(id: $id, active: $active) { id active } }
`);

/** The site's key, origins, upload limits, rate-limit overrides and reporter identity. */
export const SiteAccess = operation<G.SiteAccessQuery, G.SiteAccessQueryVariables>(/* GraphQL */ `
  query SiteAccess { siteAccess { ...AdminAccessFields } }
  ${ACCESS}
`);

/** A new site key; the previous one keeps working for overlapHours. */
export const RotateSiteKey = operation<G.RotateSiteKeyMutation, G.RotateSiteKeyMutationVariables>(/* GraphQL */ `
  mutation RotateSiteKey($overlapHours: Int) { rotateSiteKey(overlapHours: $overlapHours) { ...AdminAccessFields } }
  ${ACCESS}
`);

/** Changes the access settings given. */
export const UpdateSiteAccess = operation<G.UpdateSiteAccessMutation, G.UpdateSiteAccessMutationVariables>(/* GraphQL */ `
  mutation UpdateSiteAccess($input: UpdateSiteAccessInput!) { updateSiteAccess(input: $input) { ...AdminAccessFields } }
  ${ACCESS}
`);
