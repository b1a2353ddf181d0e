/**
 * Operations on one ticket at the desk: its full read and the handling steps. Apart from the
 * queue's first screen (desk.operations.ts), so they load with the ticket view and the action
 * dialogs that use them. Types come from generated.ts (`pnpm codegen`).
 */
import { CHAIN } from "./approval.operations.js";
import { DESK_TICKET } from "./desk.operations.js";
import type * as G from "./generated.js";
import { operation } from "./operation.js";

const TIMELINE = /* GraphQL */ `
  fragment DeskTimelineFields on TimelineEntry {
    id at kind visibility actorName fromStatus toStatus message supportLevel hierarchyLevel priority code codeLabel { en id } systemNote { en id } groupName assigneeName attachmentIds channel
  }
`;

/** One ticket with its full timeline. */
export const DeskTicket = operation<G.DeskTicketQuery, G.DeskTicketQueryVariables>(/* GraphQL */ `
  query DeskTicket($id: ID!) {
    ticket(id: $id) {
      ...DeskTicketFields
      customerId
      approval { ...ApprovalChainFields }
      timeline { ...DeskTimelineFields }
      attachments { id filename contentType size url }
      feedback { serviceRating restoredRating informationRating suggestion }
      fields { label { en id } text { en id } }
    }
  }
  ${DESK_TICKET}
  ${TIMELINE}
  ${CHAIN}
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
