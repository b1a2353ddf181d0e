/**
 * Operations of the desk report (`<sigap-desk-report>`), with a desk member's bearer token.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

const FIGURES = /* GraphQL */ `
  fragment ReportFigures on RecapFigures {
    ticketsIn resolved closed cancelled reopened backlog backlogAgeMedianHours backlogAgeP90Hours
    responseTargets responseTargetsKept responseKeptPercent resolutionTargets resolutionTargetsKept resolutionKeptPercent
    firstResponseMedianHours firstResponseP90Hours resolutionMedianHours resolutionP90Hours
    firstContactResolved firstContactPercent escalationsFunctional escalationsHierarchical
    satisfaction { question mean responses } satisfactionResponseRate suggestions
  }
`;

const WORK_ORDER_FIGURES = /* GraphQL */ `
  fragment ReportWorkOrderFigures on RecapWorkOrderFigures {
    workOrdersIn completed unpaidCompleted unpaidCompletedPaymentDue
    costsProposed { count amount } costsAccepted { count amount } costsDeclined { count amount } costsAwaiting { count amount }
    payments { method count amount } paid { count amount } refunded { count amount }
  }
`;

/** Who is signed in (the report shows whose figures they are). */
export const ReportMe = operation<G.ReportMeQuery, G.ReportMeQueryVariables>(/* GraphQL */ `
  query ReportMe { me { id name role } }
`);

/** A period's recap: totals, the previous period, every breakdown and the trend; and its work orders' costs and payments, if any. */
export const DeskRecap = operation<G.DeskRecapQuery, G.DeskRecapQueryVariables>(/* GraphQL */ `
  query DeskRecap($input: RecapInput!) {
    recap(input: $input) {
      from to timeZone firstDay lastDay deflections
      totals { ...ReportFigures } previous { ...ReportFigures }
      breakdowns { dimension rows { key label figures { ...ReportFigures } } }
      trend { start figures { ticketsIn resolved closed backlog } }
      workOrders { totals { ...ReportWorkOrderFigures } breakdowns { dimension rows { key label figures { ...ReportWorkOrderFigures } } } }
    }
  }
  ${FIGURES}
  ${WORK_ORDER_FIGURES}
`);

/** The tickets behind one figure (of the period, or of one breakdown row). */
export const RecapTicketsPage = operation<G.RecapTicketsPageQuery, G.RecapTicketsPageQueryVariables>(/* GraphQL */ `
  query RecapTicketsPage($input: RecapInput!, $figure: RecapFigure!, $dimension: RecapDimension, $key: String, $first: Int, $after: String) {
    recapTickets(input: $input, figure: $figure, dimension: $dimension, key: $key, first: $first, after: $after) {
      totalCount nodes { id code status priority createdAt summary } pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Any change to the desk's tickets: the report re-reads its figures (the queue's live stream, ids only). */
export const ReportLive = operation<G.ReportLiveSubscription, G.ReportLiveSubscriptionVariables>(/* GraphQL */ `
  subscription ReportLive { queueChanged { kind } }
`);
