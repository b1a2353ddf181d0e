import { IsOptional, MaxLength } from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

/** The event types of the schema; each value is the Standard Webhooks type sent in `type`. */
export enum WebhookEventType {
  TICKET_CREATED = "ticket.created",
  TICKET_STATUS_CHANGED = "ticket.status_changed",
  TICKET_ASSIGNED = "ticket.assigned",
  TICKET_ESCALATED = "ticket.escalated",
  TICKET_MESSAGE_ADDED = "ticket.message_added",
  TICKET_RESOLVED = "ticket.resolved",
  TICKET_CLOSED = "ticket.closed",
  FEEDBACK_SUBMITTED = "feedback.submitted",
  SLA_WARNING = "sla.warning",
  SLA_BREACHED = "sla.breached",
  TICKET_APPROVAL_REQUESTED = "ticket.approval_requested",
  TICKET_APPROVED = "ticket.approved",
  TICKET_REJECTED = "ticket.rejected",
  WORK_ORDER_COST_PROPOSED = "work_order.cost_proposed",
  WORK_ORDER_COST_ACCEPTED = "work_order.cost_accepted",
  WORK_ORDER_COST_DECLINED = "work_order.cost_declined",
  WORK_ORDER_PAYMENT_RECORDED = "work_order.payment_recorded",
}

registerEnumType(WebhookEventType, {
  name: "WebhookEventType",
  description: "An event a webhook endpoint can subscribe to; sent in the body's `type` as ticket.created, sla.breached and so on.",
});

/** A webhook endpoint as admins see it; the secret is never read back. */
@ObjectType({ description: "Where a site's events are POSTed, signed to the Standard Webhooks specification." })
export class WebhookEndpoint {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  url: string;

  @Field(() => String)
  description: string;

  @Field(() => [WebhookEventType])
  eventTypes: WebhookEventType[];

  @Field(() => Boolean)
  enabled: boolean;

  @Field(() => String, { nullable: true, description: "Why it is disabled: an admin, a 410 Gone, or days of failures." })
  disabledReason: string | null;

  @Field(() => Date, { nullable: true, description: "When the current run of failed deliveries began; null after a success." })
  failingSince: Date | null;

  @Field(() => Date, { nullable: true, description: "Until when the previous secret also signs, after a rotation." })
  previousSecretExpiresAt: Date | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

/** An endpoint with its secret, shown only when created or rotated. */
@ObjectType({ description: "An endpoint and its signing secret (whsec_…), shown only now: keep it." })
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;

  @Field(() => String)
  secret: string;
}

/** One delivery attempt. */
@ObjectType({ description: "One attempt to deliver one event to one endpoint." })
export class WebhookDelivery {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  endpointId: string;

  @Field(() => String, { description: "The domain event's id (the body's `id`)." })
  eventId: string;

  @Field(() => String)
  eventType: string;

  @Field(() => String, { description: "The webhook-id header; the same for every attempt and replay." })
  webhookId: string;

  @Field(() => ID, { nullable: true })
  ticketId: string | null;

  @Field(() => Int, { description: "1 for the first attempt of a series; a replay starts a new series." })
  attempt: number;

  @Field(() => Boolean)
  replay: boolean;

  @Field(() => Boolean)
  ok: boolean;

  @Field(() => Int, { nullable: true })
  statusCode: number | null;

  @Field(() => Int, { nullable: true })
  latencyMs: number | null;

  @Field(() => String, { nullable: true, description: "At most 500 characters of the receiver's answer." })
  responseExcerpt: string | null;

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field(() => Date)
  createdAt: Date;
}

/** A new endpoint. */
@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: "https:// (or http://) URL of a public host." })
  url: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(255)
  description?: string | null;

  @Field(() => [WebhookEventType])
  eventTypes: WebhookEventType[];
}

/** Changes to an endpoint; absent fields stay. */
@InputType()
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  url?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(255)
  description?: string | null;

  @Field(() => [WebhookEventType], { nullable: true })
  @IsOptional()
  eventTypes?: WebhookEventType[] | null;

  @Field(() => Boolean, { nullable: true, description: "true re-enables (and forgets past failures); false disables." })
  @IsOptional()
  enabled?: boolean | null;

  @Field(() => String, { nullable: true, description: "Why, when disabling." })
  @IsOptional()
  @MaxLength(255)
  disabledReason?: string | null;
}

/** Which delivery attempts to list. */
@InputType()
export class WebhookDeliveryFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  endpointId?: string | null;

  @Field(() => WebhookEventType, { nullable: true })
  @IsOptional()
  eventType?: WebhookEventType | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  ticketId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: successes only; false: failures only." })
  @IsOptional()
  ok?: boolean | null;
}
