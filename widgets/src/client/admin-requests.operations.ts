/**
 * Operations of the desk administration's request sections (approvals, routing, the SLA targets
 * per ticket type), with an ADMIN's bearer token. Types come from generated.ts (`pnpm codegen`).
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

const CHAIN = /* GraphQL */ `
  fragment AdminServiceApprovalFields on ServiceApproval { serviceId validDays steps { rule role groupId agentIds } warnings { field message } }
`;

/** What the approvals section picks from: the services, the groups and the active agents. */
export const ApprovalSetup = operation<G.ApprovalSetupQuery, G.ApprovalSetupQueryVariables>(/* GraphQL */ `
  query ApprovalSetup {
    catalogAdmin { services { id names { language name } retired ticketType } groups { id name retired } }
    adminAgents { id name role }
  }
`);

/** One service's approval steps. */
export const AdminServiceApproval = operation<G.AdminServiceApprovalQuery, G.AdminServiceApprovalQueryVariables>(/* GraphQL */ `
  query AdminServiceApproval($serviceId: ID!) { serviceApproval(serviceId: $serviceId) { ...AdminServiceApprovalFields } }
  ${CHAIN}
`);

/** Replaces a service's approval steps (none: no approval); BAD_USER_INPUT names `steps.<i>.<field>` or validDays. */
export const SetServiceApproval = operation<G.SetServiceApprovalMutation, G.SetServiceApprovalMutationVariables>(/* GraphQL */ `
  mutation SetServiceApproval($serviceId: ID!, $steps: [ApprovalStepInput!]!, $validDays: Int) {
    setServiceApproval(serviceId: $serviceId, steps: $steps, validDays: $validDays) { ...AdminServiceApprovalFields }
  }
  ${CHAIN}
`);

/** The routing rules, the dispatch settings and the catalogue their rules pick from. */
export const RoutingAdmin = operation<G.RoutingAdminQuery, G.RoutingAdminQueryVariables>(/* GraphQL */ `
  query RoutingAdmin {
    routingRules { id region serviceId categoryId skill groupId }
    dispatchSettings { assignment routeIncidents declinedCost }
    catalogAdmin { services { id names { language name } retired } categories { id parentId names { language name } retired } groups { id name retired } }
  }
`);

/** Replaces the routing rules, tried in the order given; BAD_USER_INPUT names `rules.<i>.<field>`. */
export const SetRoutingRules = operation<G.SetRoutingRulesMutation, G.SetRoutingRulesMutationVariables>(/* GraphQL */ `
  mutation SetRoutingRules($rules: [RoutingRuleInput!]!) { setRoutingRules(rules: $rules) { id region serviceId categoryId skill groupId } }
`);

/** Changes the assignment strategy, incident routing and the declined-cost outcome. */
export const SetDispatchSettings = operation<G.SetDispatchSettingsMutation, G.SetDispatchSettingsMutationVariables>(/* GraphQL */ `
  mutation SetDispatchSettings($input: DispatchSettingsInput!) { setDispatchSettings(input: $input) { assignment routeIncidents declinedCost } }
`);

const POLICY = /* GraphQL */ `
  fragment AdminTypedPolicyFields on SiteSettingsView {
    slaPolicy(ticketType: $ticketType) { priority responseMinutes resolutionMinutes }
    slaPolicyTypes
    priorityMatrix { urgency impact priority }
  }
`;

/** A ticket type's SLA targets (the incident ones when it has none of its own), which types have their own, and the matrix. */
export const TypedSlaPolicy = operation<G.TypedSlaPolicyQuery, G.TypedSlaPolicyQueryVariables>(/* GraphQL */ `
  query TypedSlaPolicy($ticketType: TicketType!) { siteSettings { ...AdminTypedPolicyFields } }
  ${POLICY}
`);

/** Replaces a ticket type's SLA targets of all five priorities; BAD_USER_INPUT names `targets.P2.responseMinutes` and the like. */
export const SetTypedSlaPolicy = operation<G.SetTypedSlaPolicyMutation, G.SetTypedSlaPolicyMutationVariables>(/* GraphQL */ `
  mutation SetTypedSlaPolicy($targets: [SlaTargetInput!]!, $ticketType: TicketType!) { setSlaPolicy(targets: $targets, ticketType: $ticketType) { ...AdminTypedPolicyFields } }
  ${POLICY}
`);

/** Drops a SERVICE_REQUEST or WORK_ORDER policy: new tickets of the type follow the incident targets again. */
export const ClearSlaPolicy = operation<G.ClearSlaPolicyMutation, G.ClearSlaPolicyMutationVariables>(/* GraphQL */ `
  mutation ClearSlaPolicy($ticketType: TicketType!) { clearSlaPolicy(ticketType: $ticketType) { ...AdminTypedPolicyFields } }
  ${POLICY}
`);
