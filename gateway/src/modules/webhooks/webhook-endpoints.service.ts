import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager, FindOptionsWhere } from "typeorm";
import type { Clock } from "../../clock.js";
import type { Transactor } from "../../db/transactions.js";
import { badInput, conflict, notFound, type FieldProblem } from "../../errors.js";
import { recordAudit } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import type { DomainEventType, OutboxDraft } from "../notifications/notification.types.js";
import type { Notifications } from "../notifications/notifications.service.js";
import { checkTarget, RefusedTarget } from "./webhook-http.js";
import { WebhookDeliveryEntity } from "./webhook-delivery.entity.js";
import { WebhookEndpointEntity } from "./webhook-endpoint.entity.js";
import { isWebhookEventType } from "./webhook-payload.rules.js";
import { newWebhookSecret } from "./webhook-signing.js";
import { urlFormProblem } from "./ssrf.rules.js";

/** What an admin gives to create an endpoint. */
export interface CreateEndpointParams {
  url: string;
  description?: string | null;
  eventTypes: readonly string[];
}

/** What an admin may change on an endpoint; absent fields stay. */
export interface UpdateEndpointParams {
  url?: string | null;
  description?: string | null;
  eventTypes?: readonly string[] | null;
  /** true re-enables (and forgets the failures), false disables with the reason given. */
  enabled?: boolean | null;
  disabledReason?: string | null;
}

/** Which delivery attempts to list, newest first. */
export interface DeliveryFilter {
  endpointId?: string | null;
  eventType?: string | null;
  ticketId?: string | null;
  ok?: boolean | null;
  /** @default 50, at most 200 */
  first?: number | null;
}

/** An endpoint with the secret that is shown once: on creation and on rotation. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpointEntity;
  secret: string;
}

/** How many endpoints one site may have; each event is one request per endpoint. */
export const MAX_ENDPOINTS_PER_SITE = 20;
/** How long the previous secret keeps signing after a rotation, by default. */
export const DEFAULT_ROTATION_OVERLAP_HOURS = 24;
const CACHE_MS = 5_000;

/**
 * A site's webhook endpoints: the admin surface (GraphQL and CLI both call this) and the store
 * the planner reads. The planner's reads are cached per site for a few seconds, because it runs
 * inside every report's transaction; changes made here clear the cache at once, changes made by
 * another process (the CLI) are seen within five seconds.
 */
export class WebhookEndpoints {
  private readonly bySite = new Map<string, { rows: Promise<WebhookEndpointEntity[]>; until: number }>();

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly clock: Clock,
    private readonly notifications: Notifications,
    private readonly allowPrivate: boolean,
  ) {}

  /** The site's enabled endpoints, for the planner (cached briefly). */
  enabledFor(em: EntityManager, siteId: string): Promise<WebhookEndpointEntity[]> {
    const now = Date.now();
    let hit = this.bySite.get(siteId);
    if (!hit || hit.until < now) {
      const rows = em.find(WebhookEndpointEntity, { where: { siteId, enabled: true } });
      rows.catch(() => this.bySite.delete(siteId));
      hit = { rows, until: now + CACHE_MS };
      this.bySite.set(siteId, hit);
    }
    return hit.rows;
  }

  /** Forgets cached endpoints (after any change). */
  forget(siteId: string): void {
    this.bySite.delete(siteId);
  }

  /** Every endpoint of a site, oldest first. */
  list(siteId: string): Promise<WebhookEndpointEntity[]> {
    return this.ds.getRepository(WebhookEndpointEntity).find({ where: { siteId }, order: { createdAt: "ASC", id: "ASC" } });
  }

  /** One endpoint of a site, or NOT_FOUND. */
  async get(siteId: string, id: string): Promise<WebhookEndpointEntity> {
    const row = await this.ds.getRepository(WebhookEndpointEntity).findOneBy({ id, siteId });
    if (!row) throw notFound("No such webhook endpoint on this site.");
    return row;
  }

  /** Creates an endpoint with a fresh secret; refuses unreachable-by-rule URLs and unknown event types. */
  async create(siteId: string, params: CreateEndpointParams, actor: AuditActor): Promise<EndpointWithSecret> {
    const problems = [...(await this.urlProblems(params.url)), ...eventTypeProblems(params.eventTypes), ...descriptionProblems(params.description)];
    if (problems.length) throw badInput(problems);
    const count = await this.ds.getRepository(WebhookEndpointEntity).countBy({ siteId });
    if (count >= MAX_ENDPOINTS_PER_SITE) throw conflict(`A site may have at most ${MAX_ENDPOINTS_PER_SITE} webhook endpoints; delete one first.`);
    const now = this.clock.now();
    const endpoint = Object.assign(new WebhookEndpointEntity(), {
      id: randomUUID(),
      siteId,
      url: params.url.trim(),
      description: params.description?.trim() ?? "",
      eventTypes: unique(params.eventTypes) as DomainEventType[],
      secret: newWebhookSecret(),
      previousSecret: null,
      previousSecretExpiresAt: null,
      enabled: true,
      disabledReason: null,
      failingSince: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.tx(async (em) => {
      await em.getRepository(WebhookEndpointEntity).insert(endpoint);
      await recordAudit(em, { siteId, actor, action: "webhook.create", subjectType: "webhook", subjectId: endpoint.id, before: null, after: audited(endpoint) }, now);
    });
    this.forget(siteId);
    return { endpoint, secret: endpoint.secret };
  }

  /** Changes an endpoint; every bad value is named. */
  async update(siteId: string, id: string, params: UpdateEndpointParams, actor: AuditActor): Promise<WebhookEndpointEntity> {
    const endpoint = await this.get(siteId, id);
    const before = audited(endpoint);
    const problems: FieldProblem[] = [];
    if (params.url != null) problems.push(...(await this.urlProblems(params.url)));
    if (params.eventTypes != null) problems.push(...eventTypeProblems(params.eventTypes));
    problems.push(...descriptionProblems(params.description));
    if (params.disabledReason != null && params.disabledReason.length > 255) problems.push({ field: "disabledReason", message: "the reason may be at most 255 characters" });
    if (problems.length) throw badInput(problems);
    if (params.url != null) endpoint.url = params.url.trim();
    if (params.description != null) endpoint.description = params.description.trim();
    if (params.eventTypes != null) endpoint.eventTypes = unique(params.eventTypes) as DomainEventType[];
    if (params.enabled === true) Object.assign(endpoint, { enabled: true, disabledReason: null, failingSince: null });
    if (params.enabled === false) Object.assign(endpoint, { enabled: false, disabledReason: params.disabledReason?.trim() || "Disabled by an admin." });
    endpoint.updatedAt = this.clock.now();
    await this.tx(async (em) => {
      await em.getRepository(WebhookEndpointEntity).save(endpoint);
      await recordAudit(em, { siteId, actor, action: "webhook.update", subjectType: "webhook", subjectId: id, before, after: audited(endpoint) }, endpoint.updatedAt);
    });
    this.forget(siteId);
    return endpoint;
  }

  /** Deletes an endpoint; its messages still queued die at their next attempt, its log stays. */
  async remove(siteId: string, id: string, actor: AuditActor): Promise<void> {
    const endpoint = await this.get(siteId, id);
    await this.tx(async (em) => {
      await em.getRepository(WebhookEndpointEntity).delete({ id, siteId });
      await recordAudit(em, { siteId, actor, action: "webhook.delete", subjectType: "webhook", subjectId: id, before: audited(endpoint), after: null }, this.clock.now());
    });
    this.forget(siteId);
  }

  /**
   * Gives an endpoint a new secret, shown once. The old one also signs (a second `v1,` signature)
   * for `overlapHours`, so the receiver can switch without losing a delivery.
   */
  async rotateSecret(siteId: string, id: string, overlapHours: number, actor: AuditActor): Promise<EndpointWithSecret> {
    if (!Number.isFinite(overlapHours) || overlapHours < 0 || overlapHours > 24 * 7) {
      throw badInput([{ field: "overlapHours", message: `overlapHours must be from 0 to ${24 * 7}, got ${overlapHours}` }]);
    }
    const endpoint = await this.get(siteId, id);
    const now = this.clock.now();
    Object.assign(endpoint, {
      previousSecret: overlapHours > 0 ? endpoint.secret : null,
      previousSecretExpiresAt: overlapHours > 0 ? new Date(now.getTime() + overlapHours * 3_600_000) : null,
      secret: newWebhookSecret(),
      updatedAt: now,
    });
    await this.tx(async (em) => {
      await em.getRepository(WebhookEndpointEntity).save(endpoint);
      // A plain line: the secret's value never enters the trail.
      await recordAudit(em, { siteId, actor, action: "webhook.rotate_secret", subjectType: "webhook", subjectId: id }, now);
    });
    return { endpoint, secret: endpoint.secret };
  }

  /** Delivery attempts of a site, newest first. */
  deliveries(siteId: string, filter: DeliveryFilter = {}): Promise<WebhookDeliveryEntity[]> {
    const first = Math.min(Math.max(Math.floor(filter.first ?? 50), 1), 200);
    const where: FindOptionsWhere<WebhookDeliveryEntity> = { siteId };
    if (filter.endpointId) where.endpointId = filter.endpointId;
    if (filter.eventType) where.eventType = filter.eventType;
    if (filter.ticketId) where.ticketId = filter.ticketId;
    if (filter.ok != null) where.ok = filter.ok;
    return this.ds.getRepository(WebhookDeliveryEntity).find({ where, order: { createdAt: "DESC", id: "DESC" }, take: first });
  }

  /**
   * Sends a delivered (or failed) event again as a new series of attempts, with the same body and
   * `webhook-id` so the receiver can tell it is the same event. Returns the replay's outbox event id.
   */
  async replay(siteId: string, deliveryId: string, actor: AuditActor): Promise<string> {
    const delivery = await this.ds.getRepository(WebhookDeliveryEntity).findOneBy({ id: deliveryId, siteId });
    if (!delivery) throw notFound("No such webhook delivery on this site.");
    const endpoint = await this.ds.getRepository(WebhookEndpointEntity).findOneBy({ id: delivery.endpointId, siteId });
    if (!endpoint) throw notFound("The endpoint of this delivery has been deleted.");
    if (!endpoint.enabled) throw conflict("This endpoint is disabled; enable it before replaying.");
    const eventId = `replay:${randomUUID()}:${delivery.eventId}`.slice(0, 160);
    const draft: OutboxDraft = {
      eventId,
      channel: "WEBHOOK",
      recipient: endpoint.id,
      siteId,
      ticketId: delivery.ticketId,
      payload: JSON.parse(delivery.payload) as Record<string, unknown>,
    };
    await this.tx(async (em) => {
      await this.notifications.enqueue(em, [draft]);
      await recordAudit(em, { siteId, actor, action: "webhook.replay", subjectType: "webhook_delivery", subjectId: deliveryId }, this.clock.now());
    });
    return eventId;
  }

  private async urlProblems(url: string): Promise<FieldProblem[]> {
    const form = urlFormProblem(url.trim());
    if (form) return [{ field: "url", message: form }];
    try {
      await checkTarget(new URL(url.trim()), this.allowPrivate);
      return [];
    } catch (error) {
      if (error instanceof RefusedTarget) return [{ field: "url", message: error.message }];
      throw error;
    }
  }
}

function eventTypeProblems(types: readonly string[]): FieldProblem[] {
  if (!types.length) return [{ field: "eventTypes", message: "subscribe to at least one event type" }];
  const unknown = types.filter((t) => !isWebhookEventType(t));
  return unknown.length ? [{ field: "eventTypes", message: `unknown event types: ${unknown.join(", ")}` }] : [];
}

function descriptionProblems(description: string | null | undefined): FieldProblem[] {
  return description != null && description.length > 255 ? [{ field: "description", message: "the description may be at most 255 characters" }] : [];
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** An endpoint's fields as its audit lines show them (never its secrets). */
function audited(e: WebhookEndpointEntity): Record<string, unknown> {
  return { url: e.url, description: e.description, eventTypes: [...e.eventTypes], enabled: e.enabled, disabledReason: e.disabledReason };
}
