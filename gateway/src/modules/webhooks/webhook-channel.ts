import type { Logger } from "pino";
import { v7 as uuidv7 } from "uuid";
import type { DataSource, EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import { groupCommit } from "../../db/group-commit.js";
import { sharedWhileInFlight } from "../../db/shared-reads.js";
import type { Transactor } from "../../db/transactions.js";
import { AgentEntity } from "../agents/agent.entity.js";
import { Role } from "../agents/role.js";
import type { DeliveryOutcome, DomainEvent, OutboxDraft, OutboxMessage } from "../notifications/notification.types.js";
import type { Notifications } from "../notifications/notifications.service.js";
import { SiteEntity } from "../sites/site.entity.js";
import { failedTooLong, judgeStatus, excerpt, DISABLE_AFTER_FAILING_DAYS, WEBHOOK_RETRY_DELAYS_SECONDS, WEBHOOK_TIMEOUT_MS } from "./webhook-delivery.rules.js";
import { WebhookDeliveryEntity } from "./webhook-delivery.entity.js";
import type { WebhookEndpoints } from "./webhook-endpoints.service.js";
import { WebhookEndpointEntity } from "./webhook-endpoint.entity.js";
import { postJson } from "./webhook-http.js";
import { webhookPayload } from "./webhook-payload.rules.js";
import { signedHeaders, webhookMessageId } from "./webhook-signing.js";

/** The e-mail template the outbox renders when an endpoint is disabled by the gateway. */
export const WEBHOOK_DISABLED_TEMPLATE = "webhook-disabled";

/**
 * The WEBHOOK channel of the notification backbone: a planner that turns each event into one
 * draft per subscribed endpoint, and a sender that signs and POSTs one message, logs the
 * attempt, and disables an endpoint that said 410 Gone or has failed for days (telling the
 * site's admins by e-mail).
 */
export class WebhookChannel {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly clock: Clock,
    private readonly endpoints: WebhookEndpoints,
    private readonly notifications: Notifications,
    private readonly allowPrivate: boolean,
    private readonly log: Logger,
  ) {}

  /** A dispatcher round sends many messages to one endpoint at once: they share one read of it. */
  private readonly endpoint = sharedWhileInFlight((id: string) => this.ds.getRepository(WebhookEndpointEntity).findOneBy({ id }));

  /** Log rows of attempts that change nothing else, written together: one INSERT for what a dispatcher round delivered meanwhile. */
  private readonly logOnly = groupCommit((rows: WebhookDeliveryEntity[]) => this.tx(async (em) => void (await em.insert(WebhookDeliveryEntity, rows))));

  /** Registers the planner and the sender with the backbone. */
  attach(): void {
    this.notifications.addPlanner((em, event) => this.plan(em, event));
    this.notifications.addChannel("WEBHOOK", (message) => this.send(message), { delaysSeconds: WEBHOOK_RETRY_DELAYS_SECONDS });
  }

  /** One draft per enabled endpoint of the event's site that subscribes to its type. */
  async plan(em: EntityManager, event: DomainEvent): Promise<OutboxDraft[]> {
    const subscribed = (await this.endpoints.enabledFor(em, event.siteId)).filter((e) => e.eventTypes.includes(event.type));
    if (!subscribed.length) return [];
    const payload = webhookPayload(event);
    return subscribed.map((e) => ({ eventId: event.id, channel: "WEBHOOK", recipient: e.id, siteId: event.siteId, ticketId: event.ticketId, payload }));
  }

  /** One attempt: never throws for the receiver's failure, answers with the outcome. */
  async send(message: OutboxMessage): Promise<DeliveryOutcome> {
    const endpoint = await this.endpoint(message.recipient);
    const eventId = typeof message.payload["id"] === "string" ? message.payload["id"] : message.eventId;
    const body = JSON.stringify(message.payload);
    const attempt = {
      message,
      eventId,
      body,
      webhookId: webhookMessageId(eventId, message.recipient),
      at: this.clock.now(),
    };
    if (!endpoint) return { ok: false, retryable: false, detail: "the webhook endpoint has been deleted" };
    if (!endpoint.enabled) {
      const detail = `the endpoint is disabled: ${endpoint.disabledReason ?? "by an admin"}`;
      await this.record(attempt, endpoint, { ok: false, statusCode: null, latencyMs: null, responseExcerpt: null, error: detail }, null);
      return { ok: false, retryable: false, detail };
    }

    const secrets = [endpoint.secret];
    if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > attempt.at) secrets.push(endpoint.previousSecret);
    const result = await postJson(new URL(endpoint.url), body, signedHeaders(attempt.webhookId, attempt.at, body, secrets), WEBHOOK_TIMEOUT_MS, this.allowPrivate);

    if (result.kind === "error") {
      const detail = result.refused ? `refused: ${result.message}` : `no answer: ${result.message}`;
      // A refused address will not become public by waiting: the message dies, the admin fixes the URL.
      await this.record(attempt, endpoint, { ok: false, statusCode: null, latencyMs: result.latencyMs, responseExcerpt: null, error: detail }, null);
      return { ok: false, retryable: !result.refused, detail, latencyMs: result.latencyMs };
    }
    const verdict = judgeStatus(result.status);
    const responseExcerpt = excerpt(result.body);
    const detail = verdict.ok ? `HTTP ${result.status}` : `the receiver answered HTTP ${result.status}`;
    const disable = verdict.disable ? `The receiver answered 410 Gone on ${attempt.at.toISOString()}.` : null;
    await this.record(
      attempt,
      endpoint,
      { ok: verdict.ok, statusCode: result.status, latencyMs: result.latencyMs, responseExcerpt, error: verdict.ok ? null : detail },
      disable,
    );
    return { ok: verdict.ok, retryable: verdict.retryable, detail, statusCode: result.status, latencyMs: result.latencyMs, responseExcerpt };
  }

  /** Logs the attempt and moves the endpoint's failure streak, disabling it when it has gone on too long. */
  private async record(
    attempt: { message: OutboxMessage; eventId: string; body: string; webhookId: string; at: Date },
    endpoint: WebhookEndpointEntity,
    result: Pick<WebhookDeliveryEntity, "ok" | "statusCode" | "latencyMs" | "responseExcerpt" | "error">,
    disableNow: string | null,
  ): Promise<void> {
    const { message, at } = attempt;
    const row: WebhookDeliveryEntity = {
      // Time-ordered, so attempts logged in the same instant still list in the order they were made.
      id: uuidv7(),
      siteId: message.siteId,
      endpointId: endpoint.id,
      messageId: message.id,
      eventId: attempt.eventId.slice(0, 160),
      eventType: String(message.payload["type"] ?? "unknown").slice(0, 40),
      webhookId: attempt.webhookId,
      ticketId: message.ticketId,
      attempt: message.attempts + 1,
      replay: message.eventId.startsWith("replay:"),
      ...result,
      error: result.error?.slice(0, 500) ?? null,
      payload: attempt.body,
      createdAt: at,
    };
    // The usual attempt (a success on a healthy endpoint, or any on a disabled one) changes only the log.
    if (!endpoint.enabled || (result.ok && !endpoint.failingSince)) return this.logOnly(row);
    const disabled = await this.tx(async (em): Promise<boolean> => {
      await em.insert(WebhookDeliveryEntity, row);
      if (!endpoint.enabled) return false;
      if (result.ok) {
        if (endpoint.failingSince) await em.update(WebhookEndpointEntity, { id: endpoint.id }, { failingSince: null });
        return false;
      }
      const since = endpoint.failingSince ?? at;
      const reason =
        disableNow ??
        (failedTooLong(since, at)
          ? `Every delivery failed for ${DISABLE_AFTER_FAILING_DAYS} days (since ${since.toISOString()}); last: ${result.error ?? "no answer"}`.slice(0, 255)
          : null);
      if (!reason) {
        if (!endpoint.failingSince) await em.update(WebhookEndpointEntity, { id: endpoint.id }, { failingSince: since });
        return false;
      }
      // Only the attempt that flips `enabled` sends the notice, even if two gateways fail at once.
      const flipped = await em.update(WebhookEndpointEntity, { id: endpoint.id, enabled: true }, { enabled: false, disabledReason: reason, failingSince: since, updatedAt: at });
      if (!flipped.affected) return false;
      await this.notifications.enqueue(em, await this.disabledNotice(em, endpoint, reason, at));
      this.log.warn({ endpointId: endpoint.id, siteId: endpoint.siteId, reason }, "webhook endpoint disabled");
      return true;
    });
    if (disabled) this.endpoints.forget(endpoint.siteId);
  }

  /** One e-mail per active admin of the site, in the template the outbox renders. */
  private async disabledNotice(em: EntityManager, endpoint: WebhookEndpointEntity, reason: string, at: Date): Promise<OutboxDraft[]> {
    const [admins, site] = await Promise.all([
      em.find(AgentEntity, { where: { siteId: endpoint.siteId, role: Role.ADMIN, active: true } }),
      em.findOneBy(SiteEntity, { id: endpoint.siteId }),
    ]);
    return admins.map((admin) => ({
      eventId: `webhook-disabled:${endpoint.id}:${at.getTime()}`,
      channel: "EMAIL",
      recipient: admin.email,
      siteId: endpoint.siteId,
      ticketId: null,
      payload: {
        template: WEBHOOK_DISABLED_TEMPLATE,
        language: admin.language,
        to: admin.email,
        vars: {
          adminName: admin.name,
          siteName: site?.name ?? "",
          endpointId: endpoint.id,
          endpointUrl: endpoint.url,
          endpointDescription: endpoint.description,
          reason,
          disabledAt: at.toISOString(),
        },
      },
    }));
  }
}
