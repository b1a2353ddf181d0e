import { registerEnumType } from "type-graphql";
import {
  ActorKind,
  Channel,
  EscalationKind,
  Impact,
  PendingReason,
  Priority,
  TicketEventKind,
  TicketStatus,
  TicketType,
  Urgency,
  Visibility,
} from "./modules/tickets/ticket.enums.js";
import { SiteAction, TicketAction } from "./modules/agents/permissions.rules.js";
import { Role } from "./modules/agents/role.js";
import { QueueOrder } from "./modules/sites/site-settings.rules.js";
import { CustomFieldType } from "./modules/fields/custom-field.rules.js";
import { CatalogKind } from "./modules/catalog/catalog.rules.js";
import { QueueView } from "./modules/tickets/queue-views.rules.js";
import { AssignmentStrategy } from "./modules/routing/assignment.rules.js";
import { CostProposalStatus, DeclinedCostOutcome, PaymentMethod, PaymentStatus } from "./modules/workorders/work-order.rules.js";
import { ProblemAction, ProblemResolveMode, ProblemStatus } from "./modules/problems/problem.rules.js";
import { ProblemEventKind } from "./modules/problems/problem-event.entity.js";
import { ResolutionAnswer } from "./modules/tickets/confirmation.rules.js";

// The domain enums stay free of GraphQL; this is where the schema learns them.
registerEnumType(TicketStatus, { name: "TicketStatus", description: "Where a ticket is in its lifecycle." });
registerEnumType(TicketType, { name: "TicketType", description: "What a ticket is: an incident, a service request or a work order. A catalogue service says which it opens." });
registerEnumType(Urgency, { name: "Urgency", description: "How urgently the service is needed back (seed 002, table 3)." });
registerEnumType(Impact, { name: "Impact", description: "How widely the incident hurts the business (seed 002, table 4)." });
registerEnumType(Priority, { name: "Priority", description: "P1 Critical, P2 High, P3 Medium, P4 Low, P5 Planning." });
registerEnumType(Channel, { name: "Channel", description: "How the report reached the desk." });
registerEnumType(PendingReason, { name: "PendingReason", description: "What a PENDING ticket waits on." });
registerEnumType(EscalationKind, { name: "EscalationKind", description: "Functional (next support level) or hierarchical (management)." });
registerEnumType(Role, { name: "Role", description: "What a desk member may do." });
registerEnumType(TicketEventKind, { name: "TicketEventKind", description: "What a timeline entry records." });
registerEnumType(Visibility, { name: "Visibility", description: "Whether the reporter sees a timeline entry." });
registerEnumType(ActorKind, { name: "ActorKind", description: "Who acted." });
registerEnumType(TicketAction, { name: "TicketAction", description: "Something a desk member can do to a ticket; the gateway enforces exactly Ticket.allowedActions." });
registerEnumType(SiteAction, { name: "SiteAction", description: "Something a desk member may do that concerns the desk rather than one ticket; myDeskActions lists yours." });
registerEnumType(QueueOrder, { name: "QueueOrder", description: "Order within a priority in the desk queue: the next SLA deadline first, or arrival." });
registerEnumType(CustomFieldType, { name: "CustomFieldType", description: "The kind of value a custom field holds." });
registerEnumType(QueueView, { name: "QueueView", description: "A built-in view of the desk queue (mine, unassigned, at risk, …)." });
registerEnumType(CatalogKind, { name: "CatalogKind", description: "A kind of catalogue entry an admin retires or reorders." });
registerEnumType(AssignmentStrategy, { name: "AssignmentStrategy", description: "How a routed ticket's technician is picked inside the group: in turn, or the least loaded." });
registerEnumType(DeclinedCostOutcome, { name: "DeclinedCostOutcome", description: "What a work order whose extra cost the customer declined becomes: cancelled, or continued without the extra work." });
registerEnumType(CostProposalStatus, { name: "CostProposalStatus", description: "Where a work order's cost proposal stands." });
registerEnumType(PaymentStatus, { name: "PaymentStatus", description: "Whether the customer paid a work order." });
registerEnumType(PaymentMethod, { name: "PaymentMethod", description: "How the customer paid: bank transfer, e-wallet or cash on delivery." });
registerEnumType(ProblemStatus, { name: "ProblemStatus", description: "Where a problem is in its lifecycle: NEW → INVESTIGATING → KNOWN_ERROR (a workaround exists) → RESOLVED → CLOSED." });
registerEnumType(ProblemAction, { name: "ProblemAction", description: "Something a desk member may do to a problem; the gateway enforces exactly Problem.allowedActions." });
registerEnumType(ProblemResolveMode, { name: "ProblemResolveMode", description: "What resolving a problem does to its open linked incidents." });
registerEnumType(ProblemEventKind, { name: "ProblemEventKind", description: "What a problem timeline entry records." });
registerEnumType(ResolutionAnswer, { name: "ResolutionAnswer", description: "The reporter's answer to the closure check: the fix holds, or it does not." });
