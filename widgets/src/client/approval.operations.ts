/**
 * Operations of the approval parts: the tracker's chain of a request, the workspace's approvals
 * inbox and decision. Kept apart so no widget's first load carries them.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** An approval chain as both surfaces draw it (shared/approval/approval-chain.ts); the desk's ticket read asks it too. */
export const CHAIN = /* GraphQL */ `
  fragment ApprovalChainFields on ApprovalChain {
    state currentStep validUntil documentUrl
    steps { position rule label { en id } state approvers fallbackRole decisions { approverName decision reason at } }
  }
`;

/** A tracked request's approval chain. */
export const TrackedApproval = operation<G.TrackedApprovalQuery, G.TrackedApprovalQueryVariables>(/* GraphQL */ `
  query TrackedApproval($code: String!, $token: String) { trackTicket(code: $code, token: $token) { code updatedAt approval { ...ApprovalChainFields } } }
  ${CHAIN}
`);

/** The requests waiting for the signed-in agent's decision. */
export const MyApprovals = operation<G.MyApprovalsQuery, G.MyApprovalsQueryVariables>(/* GraphQL */ `
  query MyApprovals { myApprovals { id code reporterName description serviceId createdAt approval { ...ApprovalChainFields } } }
  ${CHAIN}
`);

/** Approves or rejects the current step of a request. */
export const DecideApproval = operation<G.DecideApprovalMutation, G.DecideApprovalMutationVariables>(/* GraphQL */ `
  mutation DecideApproval($ticketId: ID!, $input: DecideApprovalInput!) { decideApproval(ticketId: $ticketId, input: $input) { id status approval { ...ApprovalChainFields } } }
  ${CHAIN}
`);
