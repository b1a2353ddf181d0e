/**
 * Operations of the desk's awareness: unread tickets and who else is on a ticket.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** Open tickets of mine or my group with reporter activity I have not read (at most 100 counted), and who I am. */
export const UnreadCount = operation<G.UnreadCountQuery, G.UnreadCountQueryVariables>(/* GraphQL */ `
  query UnreadCount { unreadCount me { id } }
`);

/** Marks a ticket read for the signed-in agent. */
export const MarkTicketRead = operation<G.MarkTicketReadMutation, G.MarkTicketReadMutationVariables>(/* GraphQL */ `
  mutation MarkTicketRead($id: ID!) { markTicketRead(id: $id) { id unread } }
`);

/** A heartbeat on an open ticket, saying whether the agent is typing. */
export const AnnouncePresence = operation<G.AnnouncePresenceMutation, G.AnnouncePresenceMutationVariables>(/* GraphQL */ `
  mutation AnnouncePresence($ticketId: ID!, $typing: Boolean!) { announcePresence(ticketId: $ticketId, typing: $typing) }
`);

/** The agent closed a ticket. */
export const LeaveTicket = operation<G.LeaveTicketMutation, G.LeaveTicketMutationVariables>(/* GraphQL */ `
  mutation LeaveTicket($ticketId: ID!) { leaveTicket(ticketId: $ticketId) }
`);

/** The other agents on a ticket, live. */
export const TicketPresence = operation<G.TicketPresenceSubscription, G.TicketPresenceSubscriptionVariables>(/* GraphQL */ `
  subscription TicketPresence($ticketId: ID!) { ticketPresence(ticketId: $ticketId) { agentId name typing since } }
`);
