/**
 * Operations of the work-order parts (tracker and desk), loaded with those parts only.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

const WORK_ORDER = /* GraphQL */ `
  fragment WorkOrderFields on WorkOrder {
    findings awaitingDecision paymentDue
    proposal { id total status proposedAt decidedAt decisionNote lines { description quantity unitAmount amount } }
    payment { status method amount recordedAt }
  }
`;

/** A work order's findings, cost and payment, as the customer reads them. */
export const TrackWorkOrder = operation<G.TrackWorkOrderQuery, G.TrackWorkOrderQueryVariables>(/* GraphQL */ `
  query TrackWorkOrder($code: String!, $token: String) { trackTicket(code: $code, token: $token) { updatedAt workOrder { ...WorkOrderFields } } }
  ${WORK_ORDER}
`);

/** The customer accepts or declines the waiting cost. */
export const DecideCost = operation<G.DecideCostMutation, G.DecideCostMutationVariables>(/* GraphQL */ `
  mutation DecideCost($code: String!, $token: String, $accept: Boolean!, $note: String) {
    decideCost(code: $code, token: $token, accept: $accept, note: $note) { updatedAt workOrder { ...WorkOrderFields } }
  }
  ${WORK_ORDER}
`);

/** The desk's view of a ticket's work order. */
export const DeskWorkOrder = operation<G.DeskWorkOrderQuery, G.DeskWorkOrderQueryVariables>(/* GraphQL */ `
  query DeskWorkOrder($id: ID!) { ticket(id: $id) { id updatedAt workOrder { ...WorkOrderFields } } }
  ${WORK_ORDER}
`);

/** The technician proposes an extra cost (and the findings behind it). */
export const ProposeCost = operation<G.ProposeCostMutation, G.ProposeCostMutationVariables>(/* GraphQL */ `
  mutation ProposeCost($id: ID!, $input: ProposeCostInput!) { proposeCost(id: $id, input: $input) { id workOrder { ...WorkOrderFields } } }
  ${WORK_ORDER}
`);

/** The desk records the payment. */
export const RecordPayment = operation<G.RecordPaymentMutation, G.RecordPaymentMutationVariables>(/* GraphQL */ `
  mutation RecordPayment($id: ID!, $input: RecordPaymentInput!) { recordPayment(id: $id, input: $input) { id workOrder { ...WorkOrderFields } } }
  ${WORK_ORDER}
`);
