/**
 * Operations of the ticket view's problem part: the linked problem, similar incidents, raising
 * and linking. Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** A ticket's linked problem, its similar-incident count, what the agent may do and the open problems to link to. */
export const TicketProblem = operation<G.TicketProblemQuery, G.TicketProblemQueryVariables>(/* GraphQL */ `
  query TicketProblem($id: ID!) {
    ticket(id: $id) { id problem { id code title status rootCause workaround allowedActions nextStatuses resolveModes } similarIncidentCount }
    myDeskActions
    problems(filter: { linkable: true }, first: 50) { edges { node { id code title } } }
  }
`);

/** The tickets of the last 7 days like this one. */
export const SimilarIncidentList = operation<G.SimilarIncidentListQuery, G.SimilarIncidentListQueryVariables>(/* GraphQL */ `
  query SimilarIncidentList($id: ID!) { similarIncidents(ticketId: $id) { count tickets { id code problemType status } } }
`);

/** Raises a problem linking incidents. */
export const RaiseProblem = operation<G.RaiseProblemMutation, G.RaiseProblemMutationVariables>(/* GraphQL */ `
  mutation RaiseProblem($input: RaiseProblemInput!) { raiseProblem(input: $input) { id code title status workaround allowedActions } }
`);

/** Links the ticket to an open problem. */
export const LinkIncident = operation<G.LinkIncidentMutation, G.LinkIncidentMutationVariables>(/* GraphQL */ `
  mutation LinkIncident($problemId: ID!, $ticketId: ID!) { linkIncident(problemId: $problemId, ticketId: $ticketId) { id code title status workaround allowedActions } }
`);

/** Unlinks the ticket from its problem. */
export const UnlinkIncident = operation<G.UnlinkIncidentMutation, G.UnlinkIncidentMutationVariables>(/* GraphQL */ `
  mutation UnlinkIncident($problemId: ID!, $ticketId: ID!) { unlinkIncident(problemId: $problemId, ticketId: $ticketId) { id } }
`);

/** Records a problem's root cause and workaround (a workaround makes it a known error). */
export const UpdateProblem = operation<G.UpdateProblemMutation, G.UpdateProblemMutationVariables>(/* GraphQL */ `
  mutation UpdateProblem($id: ID!, $input: UpdateProblemInput!) { updateProblem(id: $id, input: $input) { id status } }
`);

/** Moves a problem to one of its nextStatuses. */
export const ChangeProblemStatus = operation<G.ChangeProblemStatusMutation, G.ChangeProblemStatusMutationVariables>(/* GraphQL */ `
  mutation ChangeProblemStatus($id: ID!, $status: ProblemStatus!) { changeProblemStatus(id: $id, status: $status) { id status } }
`);

/** Resolves a problem and, by mode, its open incidents. */
export const ResolveProblem = operation<G.ResolveProblemMutation, G.ResolveProblemMutationVariables>(/* GraphQL */ `
  mutation ResolveProblem($id: ID!, $input: ResolveProblemInput!) { resolveProblem(id: $id, input: $input) { id status } }
`);
