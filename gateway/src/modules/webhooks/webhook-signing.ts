import { createHash, randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** A new endpoint secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/**
 * The `webhook-id` of an event sent to an endpoint: stable across retries and replays (receivers
 * deduplicate on it, as the specification asks), different per endpoint.
 */
export function webhookMessageId(eventId: string, endpointId: string): string {
  return `msg_${createHash("sha256").update(`${eventId}\n${endpointId}`).digest("base64url").slice(0, 32)}`;
}

/**
 * The three Standard Webhooks headers for a body, signed with every given secret (the current one
 * first; during a rotation the previous one too, space-separated as the specification allows).
 * Signing goes through the specification's reference package so receivers using it always agree.
 */
export function signedHeaders(id: string, at: Date, body: string, secrets: readonly string[]): Record<string, string> {
  const signature = secrets.map((s) => new Webhook(s).sign(id, at, body)).join(" ");
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
}
