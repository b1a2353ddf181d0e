/**
 * Operations of the report form: kept apart so the form loads nothing else.
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

/** Reports an incident. */
export const ReportIncident = operation<G.ReportIncidentMutation, G.ReportIncidentMutationVariables>(/* GraphQL */ `
  mutation ReportIncident($input: ReportIncidentInput!) {
    reportIncident(input: $input) { code trackingToken status priority createdAt responseDueAt resolutionDueAt findAgainWith }
  }
`);
