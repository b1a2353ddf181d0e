/**
 * The report form's mutation: loaded with the checks before sending (report-form/checks.ts), as a
 * report is never sent before they are here, so the form's first load does not carry it.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** Reports an incident. */
export const ReportIncident = operation<G.ReportIncidentMutation, G.ReportIncidentMutationVariables>(/* GraphQL */ `
  mutation ReportIncident($input: ReportIncidentInput!) {
    reportIncident(input: $input) { code trackingToken status priority createdAt responseDueAt resolutionDueAt findAgainWith }
  }
`);
