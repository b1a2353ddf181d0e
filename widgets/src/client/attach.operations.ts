/**
 * Operations of the reply attachments (shared/reply-files.ts), loaded with them on the first file:
 * the site's upload limits, for an agent (bearer) or a reporter (site key).
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** The agent's site upload limits. */
export const DeskUploadLimits = operation<G.DeskUploadLimitsQuery, G.DeskUploadLimitsQueryVariables>(/* GraphQL */ `
  query DeskUploadLimits { uploadLimits { maxUploadBytes maxAttachmentsPerTicket allowedUploadTypes } }
`);

/** The widget's site upload limits. */
export const SiteUploadLimits = operation<G.SiteUploadLimitsQuery, G.SiteUploadLimitsQueryVariables>(/* GraphQL */ `
  query SiteUploadLimits { site { maxUploadBytes maxAttachmentsPerTicket allowedUploadTypes } }
`);
