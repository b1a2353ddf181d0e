import { AgentLinkEntity } from "../modules/agents/agent-link.entity.js";
import { AgentEntity } from "../modules/agents/agent.entity.js";
import { SignInLockEntity } from "../modules/agents/sign-in-lock.entity.js";
import { AuditEntryEntity } from "../modules/audit/audit-entry.entity.js";
import { AttachmentEntity } from "../modules/attachments/attachment.entity.js";
import { CategoryEntity } from "../modules/catalog/category.entity.js";
import { CatalogTextEntity } from "../modules/catalog/catalog-text.entity.js";
import { ItServiceEntity } from "../modules/catalog/it-service.entity.js";
import { SupportGroupEntity } from "../modules/catalog/support-group.entity.js";
import { SavedQueueViewEntity } from "../modules/queue-views/saved-queue-view.entity.js";
import { FeedbackEntity } from "../modules/feedback/feedback.entity.js";
import { OutboxMessageEntity } from "../modules/notifications/outbox-message.entity.js";
import { InboundMessageEntity } from "../modules/inbound/inbound-message.entity.js";
import { TrackingLinkEntity } from "../modules/reporters/tracking-link.entity.js";
import { SiteEntity } from "../modules/sites/site.entity.js";
import { SlaPolicyEntity } from "../modules/sla/sla-policy.entity.js";
import { SiteHolidayEntity } from "../modules/sla/site-holiday.entity.js";
import { TicketEventEntity } from "../modules/tickets/ticket-event.entity.js";
import { TicketSequenceEntity } from "../modules/tickets/ticket-sequence.entity.js";
import { TicketEntity } from "../modules/tickets/ticket.entity.js";
import { WebhookDeliveryEntity } from "../modules/webhooks/webhook-delivery.entity.js";
import { WebhookEndpointEntity } from "../modules/webhooks/webhook-endpoint.entity.js";
import { CustomFieldEntity } from "../modules/fields/custom-field.entity.js";
import { TicketReadEntity } from "../modules/awareness/ticket-read.entity.js";
import { TicketFieldValueEntity } from "../modules/fields/ticket-field-value.entity.js";
import { CannedResponseEntity } from "../modules/canned/canned-response.entity.js";
import { ServiceApprovalEntity } from "../modules/approvals/service-approval.entity.js";
import { TicketApprovalEntity } from "../modules/approvals/ticket-approval.entity.js";
import { AssignmentPointerEntity } from "../modules/routing/assignment-pointer.entity.js";
import { DispatchSettingsEntity } from "../modules/routing/dispatch-settings.entity.js";
import { RoutingRuleEntity } from "../modules/routing/routing-rule.entity.js";
import { CostProposalEntity } from "../modules/workorders/cost-proposal.entity.js";
import { WorkOrderEntity } from "../modules/workorders/work-order.entity.js";
import { ArticleEntity } from "../modules/knowledge/article.entity.js";
import { ArticleVersionEntity } from "../modules/knowledge/article-version.entity.js";
import { ArticleTicketEntity } from "../modules/knowledge/article-ticket.entity.js";
import { ArticleDeflectionEntity } from "../modules/knowledge/article-deflection.entity.js";
import { ArticleWordEntity } from "../modules/knowledge/article-word.entity.js";
import { ProblemEntity } from "../modules/problems/problem.entity.js";
import { ProblemEventEntity } from "../modules/problems/problem-event.entity.js";
import { ProblemSequenceEntity } from "../modules/problems/problem-sequence.entity.js";
import { ProblemTicketEntity } from "../modules/problems/problem-ticket.entity.js";

/** Every table Sigap owns; both databases share these entities. */
export const ENTITIES = [
  SiteEntity,
  SlaPolicyEntity,
  ItServiceEntity,
  CategoryEntity,
  SupportGroupEntity,
  AgentEntity,
  TicketEntity,
  TicketEventEntity,
  TicketSequenceEntity,
  FeedbackEntity,
  AttachmentEntity,
  OutboxMessageEntity,
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
  InboundMessageEntity,
  SiteHolidayEntity,
  TrackingLinkEntity,
  SignInLockEntity,
  AgentLinkEntity,
  AuditEntryEntity,
  CustomFieldEntity,
  TicketFieldValueEntity,
  CatalogTextEntity,
  CannedResponseEntity,
  TicketReadEntity,
  SavedQueueViewEntity,
  ServiceApprovalEntity,
  TicketApprovalEntity,
  RoutingRuleEntity,
  DispatchSettingsEntity,
  AssignmentPointerEntity,
  WorkOrderEntity,
  CostProposalEntity,
  ArticleEntity,
  ArticleVersionEntity,
  ArticleTicketEntity,
  ArticleDeflectionEntity,
  ArticleWordEntity,
  ProblemEntity,
  ProblemTicketEntity,
  ProblemEventEntity,
  ProblemSequenceEntity,
];
