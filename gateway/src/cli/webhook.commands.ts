/** The webhook commands: endpoints, secret rotation, deliveries and replay. */
import os from "node:os";
import { cliActor } from "../modules/audit/audit-trail.js";
import type { WebhookDeliveryEntity } from "../modules/webhooks/webhook-delivery.entity.js";
import { DEFAULT_ROTATION_OVERLAP_HOURS } from "../modules/webhooks/webhook-endpoints.service.js";
import type { WebhookEndpointEntity } from "../modules/webhooks/webhook-endpoint.entity.js";
import { WEBHOOK_EVENT_TYPES } from "../modules/webhooks/webhook-payload.rules.js";
import { type Command, str, many, findSite, text, optionalText, number, list, table, print } from "./command.js";

/** The webhook commands, by name. */
export const webhookCommands: Record<string, Command> = {
  "webhook:add": {
    summary: "add a webhook endpoint for some event types; prints its id and its secret (shown only now)",
    usage: `webhook:add --site <id|key> --url <https://...> --event <${WEBHOOK_EVENT_TYPES[0]}|...|all>... [--description <text>]`,
    example: "pnpm sigap webhook:add --site pk_demo_sigap --url https://sms.example/hooks/sigap --event ticket.created --description \"SMS receipt\"",
    options: { site: str, url: str, event: many, description: str },
    required: ["site", "url", "event"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const events = list(values, "event").flatMap((e) => (e === "all" ? [...WEBHOOK_EVENT_TYPES] : e.split(",").map((x) => x.trim())));
      const { endpoint, secret } = await services.webhooks.create(site.id, { url: text(values, "url"), eventTypes: events, description: optionalText(values, "description") ?? null }, cliActor(os.userInfo().username));
      if (!json) print(`endpoint id  ${endpoint.id}\nsecret       ${secret}\n(keep the secret: it is not shown again; webhook:rotate makes a new one)`);
      return { endpoint: endpointJson(endpoint), secret };
    },
  },
  "webhook:list": {
    summary: "list a site's webhook endpoints, their event types and state",
    usage: "webhook:list --site <id|key>",
    example: "pnpm sigap webhook:list --site pk_demo_sigap",
    options: { site: str },
    required: ["site"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const endpoints = await services.webhooks.list(site.id);
      if (!json) {
        print(
          endpoints.length
            ? table(
                ["ID", "URL", "EVENTS", "STATE"],
                endpoints.map((e) => [e.id, e.url, e.eventTypes.join(","), e.enabled ? (e.failingSince ? `failing since ${e.failingSince.toISOString()}` : "enabled") : `disabled: ${e.disabledReason ?? ""}`]),
              )
            : "No webhook endpoints yet. Add one with webhook:add.",
        );
      }
      return endpoints.map(endpointJson);
    },
  },
  "webhook:rotate": {
    summary: "give an endpoint a new secret (printed once); the old one also signs for --overlap-hours (default 24)",
    usage: "webhook:rotate --site <id|key> --endpoint <id> [--overlap-hours <0-168>]",
    example: "pnpm sigap webhook:rotate --site pk_demo_sigap --endpoint 7d0c… --overlap-hours 48",
    options: { site: str, endpoint: str, "overlap-hours": str },
    required: ["site", "endpoint"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const { endpoint, secret } = await services.webhooks.rotateSecret(site.id, text(values, "endpoint"), number(values, "overlap-hours") ?? DEFAULT_ROTATION_OVERLAP_HOURS, cliActor(os.userInfo().username));
      if (!json) {
        const until = endpoint.previousSecretExpiresAt ? `the old secret also signs until ${endpoint.previousSecretExpiresAt.toISOString()}` : "the old secret no longer signs";
        print(`secret  ${secret}\n(${until})`);
      }
      return { endpoint: endpointJson(endpoint), secret };
    },
  },
  "webhook:deliveries": {
    summary: "list delivery attempts, newest first (status code, latency, error)",
    usage: "webhook:deliveries --site <id|key> [--endpoint <id>] [--event <type>] [--failed] [--limit <n>]",
    example: "pnpm sigap webhook:deliveries --site pk_demo_sigap --failed --limit 20",
    options: { site: str, endpoint: str, event: str, failed: { type: "boolean" }, limit: str },
    required: ["site"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const rows = await services.webhooks.deliveries(site.id, {
        endpointId: optionalText(values, "endpoint") ?? null,
        eventType: optionalText(values, "event") ?? null,
        ok: values["failed"] === true ? false : null,
        first: number(values, "limit") ?? 50,
      });
      if (!json) {
        print(
          rows.length
            ? table(
                ["ID", "AT", "EVENT", "ATTEMPT", "RESULT", "MS"],
                rows.map((d) => [d.id, d.createdAt.toISOString(), d.eventType, `${d.attempt}${d.replay ? " (replay)" : ""}`, d.ok ? `ok ${d.statusCode}` : (d.error ?? "failed"), String(d.latencyMs ?? "")]),
              )
            : "No deliveries yet.",
        );
      }
      return rows.map(deliveryJson);
    },
  },
  "webhook:replay": {
    summary: "send a delivery's event again (same body and webhook-id) as a new series of attempts",
    usage: "webhook:replay --site <id|key> --delivery <id>",
    example: "pnpm sigap webhook:replay --site pk_demo_sigap --delivery 1f2e…",
    options: { site: str, delivery: str },
    required: ["site", "delivery"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const replayId = await services.webhooks.replay(site.id, text(values, "delivery"), cliActor(os.userInfo().username));
      if (!json) print(`queued ${replayId}; the gateway's dispatcher sends it`);
      return { replayId };
    },
  },
};

/** A webhook endpoint as `--json` shows it (never its secret). */
function endpointJson(e: WebhookEndpointEntity) {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    enabled: e.enabled,
    disabledReason: e.disabledReason,
    failingSince: e.failingSince?.toISOString() ?? null,
    previousSecretExpiresAt: e.previousSecretExpiresAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}

/** A delivery attempt as `--json` shows it, without the payload. */
function deliveryJson(d: WebhookDeliveryEntity) {
  const { payload: _body, createdAt, ...rest } = d;
  return { ...rest, createdAt: createdAt.toISOString() };
}
