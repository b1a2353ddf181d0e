/**
 * Operations of the report form's first load: kept apart so the form loads nothing else. Sending
 * the report is report-incident.operations.ts, loaded with the checks before sending.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** The site's catalogue, help text, field rules and form token for the report form. */
export const SiteInfo = operation<G.SiteInfoQuery, G.SiteInfoQueryVariables>(/* GraphQL */ `
  query SiteInfo($language: String) {
    site(language: $language) {
      services { id name description ticketType }
      urgencyHelp { level en id }
      impactHelp { level en id }
      reporterSetsImpact offersRequests
      reportFields { field minLength maxLength pattern required }
      formToken
      maxUploadBytes maxAttachmentsPerTicket allowedUploadTypes
      customFields { key }
    }
    reporter { name email }
  }
`);

