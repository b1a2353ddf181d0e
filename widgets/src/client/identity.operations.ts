/**
 * Operations of the tracker's on-demand parts: "my tickets" of an identified reporter, and the
 * one-time link an anonymous reporter asks for. Kept apart so the tracker's first load carries none.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

const PAGE = /* GraphQL */ `
  fragment MyTicketPageFields on MyTicketPage {
    items { code status priority summary createdAt updatedAt unreadReplies }
    nextCursor
  }
`;

/** A page of the identified reporter's tickets. */
export const MyTickets = operation<G.MyTicketsQuery, G.MyTicketsQueryVariables>(/* GraphQL */ `
  query MyTickets($after: String) { myTickets(first: 20, after: $after) { ...MyTicketPageFields } }
  ${PAGE}
`);

/** The first page again whenever one of the reporter's tickets changes. */
export const MyTicketsChanged = operation<G.MyTicketsChangedSubscription, G.MyTicketsChangedSubscriptionVariables>(/* GraphQL */ `
  subscription MyTicketsChanged { myTicketsChanged(first: 20) { ...MyTicketPageFields } }
  ${PAGE}
`);

/** Asks for a one-time link by code and the e-mail or phone given on the report. */
export const RequestTrackingLink = operation<G.RequestTrackingLinkMutation, G.RequestTrackingLinkMutationVariables>(/* GraphQL */ `
  mutation RequestTrackingLink($code: String!, $contact: String!) { requestTrackingLink(code: $code, contact: $contact) }
`);

/** Exchanges a one-time link for the code and a fresh tracking token. */
export const OpenTrackingLink = operation<G.OpenTrackingLinkMutation, G.OpenTrackingLinkMutationVariables>(/* GraphQL */ `
  mutation OpenTrackingLink($link: String!) { openTrackingLink(link: $link) { code trackingToken } }
`);
