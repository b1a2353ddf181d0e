/**
 * Every GraphQL operation the widgets send. Their types are generated from schema/sigap.graphql
 * into generated.ts by `pnpm codegen`; a test fails when an operation no longer matches the
 * schema or the generated file is stale.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

const TICKET_VIEW = /* GraphQL */ `
  fragment TicketViewFields on TicketView {
    code status pendingReason priority urgency impact channel serviceName problemType description
    createdAt updatedAt responseDueAt resolutionDueAt firstRespondedAt resolvedAt closedAt resolution
    sla { responseBreached resolutionBreached paused atRisk responseRemainingMs resolutionRemainingMs }
    timeline { id at kind actorKind actorName fromStatus toStatus message supportLevel hierarchyLevel priority code attachmentIds }
    attachments { id filename contentType size url }
    feedbackOpen
    feedback { serviceRating restoredRating informationRating suggestion createdAt }
  }
`;

const DESK_TICKET = /* GraphQL */ `
  fragment DeskTicketFields on Ticket {
    id code status isOpen pendingReason channel reporterName reporterPhone reporterEmail location kelurahan kecamatan
    occurredAt serviceId problemType description systemState stepsTried urgency impact priority categoryId groupId assigneeId
    supportLevel hierarchyLevel createdAt updatedAt firstRespondedAt responseDueAt resolutionDueAt pausedAt resolvedAt closedAt
    resolution closureCode knowledgeBase version
    sla { responseBreached resolutionBreached paused atRisk responseRemainingMs resolutionRemainingMs }
  }
`;

const TIMELINE = /* GraphQL */ `
  fragment DeskTimelineFields on TimelineEntry {
    id at kind visibility actorKind actorName fromStatus toStatus message supportLevel hierarchyLevel priority code groupName assigneeName attachmentIds
  }
`;

/** The site's catalogue, help text and limits for the report form. */
export const SiteInfo = operation<G.SiteInfoQuery, G.SiteInfoQueryVariables>(/* GraphQL */ `
  query SiteInfo {
    site {
      name timeZone
      services { id name description }
      urgencyHelp { level en id }
      impactHelp { level en id }
      maxUploadBytes maxAttachmentsPerTicket allowedUploadTypes
    }
  }
`);

/** Reports an incident. */
export const ReportIncident = operation<G.ReportIncidentMutation, G.ReportIncidentMutationVariables>(/* GraphQL */ `
  mutation ReportIncident($input: ReportIncidentInput!) {
    reportIncident(input: $input) { code trackingToken status priority createdAt responseDueAt resolutionDueAt }
  }
`);

/** The reporter's view of a ticket. */
export const TrackTicket = operation<G.TrackTicketQuery, G.TrackTicketQueryVariables>(/* GraphQL */ `
  query TrackTicket($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { ...TicketViewFields } }
  ${TICKET_VIEW}
`);

/** Live changes of the reporter's ticket. */
export const TicketUpdated = operation<G.TicketUpdatedSubscription, G.TicketUpdatedSubscriptionVariables>(/* GraphQL */ `
  subscription TicketUpdated($code: String!, $token: String!) { ticketUpdated(code: $code, token: $token) { ...TicketViewFields } }
  ${TICKET_VIEW}
`);

/** The reporter replies. */
export const AddReporterMessage = operation<G.AddReporterMessageMutation, G.AddReporterMessageMutationVariables>(/* GraphQL */ `
  mutation AddReporterMessage($code: String!, $token: String!, $input: MessageInput!) {
    addReporterMessage(code: $code, token: $token, input: $input) { ...TicketViewFields }
  }
  ${TICKET_VIEW}
`);

/** The reporter rates the service. */
export const SubmitFeedback = operation<G.SubmitFeedbackMutation, G.SubmitFeedbackMutationVariables>(/* GraphQL */ `
  mutation SubmitFeedback($code: String!, $token: String!, $input: FeedbackInput!) {
    submitFeedback(code: $code, token: $token, input: $input) { code feedbackOpen feedback { serviceRating restoredRating informationRating suggestion createdAt } }
  }
`);

/** Whether feedback is open on a ticket (for the stars widget on its own). */
export const FeedbackState = operation<G.FeedbackStateQuery, G.FeedbackStateQueryVariables>(/* GraphQL */ `
  query FeedbackState($code: String!, $token: String!) {
    trackTicket(code: $code, token: $token) { code status feedbackOpen feedback { serviceRating restoredRating informationRating suggestion createdAt } }
  }
`);

/** The signed-in agent and the site's directory. */
export const DeskBootstrap = operation<G.DeskBootstrapQuery, G.DeskBootstrapQueryVariables>(/* GraphQL */ `
  query DeskBootstrap {
    me { id name email role groupId }
    deskDirectory {
      services { id name }
      categories { id name parentId }
      groups { id name level }
      agents { id name role groupId active }
      slaPolicy { priority labelEn labelId responseMinutes resolutionMinutes }
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
      timeline { ...DeskTimelineFields }
      attachments { id filename contentType size url }
      feedback { serviceRating restoredRating informationRating suggestion createdAt }
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
