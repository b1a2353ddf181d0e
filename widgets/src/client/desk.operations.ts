/**
 * Operations of the agent queue's first screen: the desk surface, with a bearer token. One
 * ticket's reads and the handling steps are in desk-ticket.operations.ts, loaded with the parts
 * that use them.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** The desk's selection of a ticket (a queue row), shared with the parts loaded on demand. */
export const DESK_TICKET = /* GraphQL */ `
  fragment DeskTicketFields on Ticket {
    id code type typeLabel { en id } status pendingReason channel reporterName reporterPhone reporterEmail location kelurahan kecamatan
    occurredAt serviceId problemType description systemState stepsTried urgency impact priority categoryId groupId assigneeId
    supportLevel hierarchyLevel createdAt firstRespondedAt responseDueAt resolutionDueAt pausedAt resolvedAt closedAt
    resolution closureCode knowledgeBase version unread
    nextStatuses allowedActions closureLabel { en id }
    escalationTargets {
      functional { level label { en id } groups { id name level } }
      hierarchical { level label { en id } roles agents { id name role groupId active } }
    }
    sla { responseBreached resolutionBreached paused responseRemainingMs resolutionRemainingMs running changesAt measuredAt responseWindowMs resolutionWindowMs }
  }
`;

/** The signed-in agent and the site's directory, with the rules the queue shows (statuses, ticket types, priority matrix, closure codes, at-risk share). */
export const DeskBootstrap = operation<G.DeskBootstrapQuery, G.DeskBootstrapQueryVariables>(/* GraphQL */ `
  query DeskBootstrap {
    me { id name email role groupId }
    deskDirectory {
      services { id name retired ticketType }
      categories { id name parentId retired }
      groups { id name level retired }
      agents { id name role groupId active }
      slaPolicy { priority labelEn labelId responseMinutes resolutionMinutes }
      priorityMatrix { urgency impact priority }
      closureCodes { code label { en id } }
      ticketTypes { type label { en id } }
      statuses { status open final label { en id } }
      pendingReasons { reason label { en id } }
      managementLevels { level label { en id } }
      atRiskFraction
      customFields { key type label { en id } choices { value label { en id } } }
    }
  }
`);

/** A page of the queue. */
export const Queue = operation<G.QueueQuery, G.QueueQueryVariables>(/* GraphQL */ `
  query Queue($filter: QueueFilter, $first: Int, $after: String) {
    queue(filter: $filter, first: $first, after: $after) {
      edges { cursor node { ...DeskTicketFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${DESK_TICKET}
`);

/** Live queue changes. */
export const QueueChanged = operation<G.QueueChangedSubscription, G.QueueChangedSubscriptionVariables>(/* GraphQL */ `
  subscription QueueChanged { queueChanged { kind ticket { ...DeskTicketFields } } }
  ${DESK_TICKET}
`);
