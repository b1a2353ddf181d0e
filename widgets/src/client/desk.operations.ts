/**
 * Operations of the agent queue: the desk surface, with a bearer token.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** The desk's selection of a ticket (a queue row), shared with the parts loaded on demand. */
export const DESK_TICKET = /* GraphQL */ `
  fragment DeskTicketFields on Ticket {
    id code type status pendingReason channel reporterName reporterPhone reporterEmail location kelurahan kecamatan
    occurredAt serviceId problemType description systemState stepsTried urgency impact priority categoryId groupId assigneeId
    supportLevel hierarchyLevel createdAt firstRespondedAt responseDueAt resolutionDueAt pausedAt resolvedAt closedAt
    resolution closureCode knowledgeBase version unread
    nextStatuses allowedActions closureLabel { en id }
    escalationTargets {
      functional { level label { en id } groups { id name level } }
      hierarchical { level label { en id } roles agents { id name role groupId active } }
    }
    sla { responseBreached resolutionBreached paused responseRemainingMs resolutionRemainingMs running changesAt measuredAt }
  }
`;

const TIMELINE = /* GraphQL */ `
  fragment DeskTimelineFields on TimelineEntry {
    id at kind visibility actorName fromStatus toStatus message supportLevel hierarchyLevel priority code codeLabel { en id } groupName assigneeName attachmentIds channel
  }
`;

/** The signed-in agent and the site's directory, with the rules the queue shows (statuses, priority matrix, closure codes, at-risk share). */
export const DeskBootstrap = operation<G.DeskBootstrapQuery, G.DeskBootstrapQueryVariables>(/* GraphQL */ `
  query DeskBootstrap {
    me { id name email role groupId }
    deskDirectory {
      services { id name retired }
      categories { id name parentId retired }
      groups { id name level retired }
      agents { id name role groupId active }
      slaPolicy { priority labelEn labelId responseMinutes resolutionMinutes }
      priorityMatrix { urgency impact priority }
      closureCodes { code label { en id } }
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

/** One ticket with its full timeline. */
export const DeskTicket = operation<G.DeskTicketQuery, G.DeskTicketQueryVariables>(/* GraphQL */ `
  query DeskTicket($id: ID!) {
    ticket(id: $id) {
      ...DeskTicketFields
      customerId
      timeline { ...DeskTimelineFields }
      attachments { id filename contentType size url }
      feedback { serviceRating restoredRating informationRating suggestion }
      fields { label { en id } text { en id } }
    }
  }
  ${DESK_TICKET}
  ${TIMELINE}
`);

/** Live queue changes. */
export const QueueChanged = operation<G.QueueChangedSubscription, G.QueueChangedSubscriptionVariables>(/* GraphQL */ `
  subscription QueueChanged { queueChanged { kind ticket { ...DeskTicketFields } } }
  ${DESK_TICKET}
`);

/** Classification. */
export const ClassifyTicket = operation<G.ClassifyTicketMutation, G.ClassifyTicketMutationVariables>(/* GraphQL */ `
  mutation ClassifyTicket($id: ID!, $input: ClassifyTicketInput!) { classifyTicket(id: $id, input: $input) { ...DeskTicketFields } }
  ${DESK_TICKET}
`);

/** Allocation. */
export const AssignTicket = operation<G.AssignTicketMutation, G.AssignTicketMutationVariables>(/* GraphQL */ `
  mutation AssignTicket($id: ID!, $input: AssignTicketInput!) { assignTicket(id: $id, input: $input) { ...DeskTicketFields } }
  ${DESK_TICKET}
`);

/** Status change (also resolve, close, reopen, cancel). */
export const ChangeTicketStatus = operation<G.ChangeTicketStatusMutation, G.ChangeTicketStatusMutationVariables>(/* GraphQL */ `
  mutation ChangeTicketStatus($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { ...DeskTicketFields } }
  ${DESK_TICKET}
`);

/** Public reply. */
export const ReplyToReporter = operation<G.ReplyToReporterMutation, G.ReplyToReporterMutationVariables>(/* GraphQL */ `
  mutation ReplyToReporter($id: ID!, $input: MessageInput!) { replyToReporter(id: $id, input: $input) { ...DeskTicketFields } }
  ${DESK_TICKET}
`);

/** Internal note. */
export const AddInternalNote = operation<G.AddInternalNoteMutation, G.AddInternalNoteMutationVariables>(/* GraphQL */ `
  mutation AddInternalNote($id: ID!, $input: MessageInput!) { addInternalNote(id: $id, input: $input) { ...DeskTicketFields } }
  ${DESK_TICKET}
`);

/** Escalation. */
export const EscalateTicket = operation<G.EscalateTicketMutation, G.EscalateTicketMutationVariables>(/* GraphQL */ `
  mutation EscalateTicket($id: ID!, $input: EscalateTicketInput!) { escalateTicket(id: $id, input: $input) { ...DeskTicketFields } }
  ${DESK_TICKET}
`);
