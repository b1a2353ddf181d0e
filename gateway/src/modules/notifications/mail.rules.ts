/** Pure rules of Sigap's mail: links, which status events mail the reporter, escaping. */
import type { DomainEventType } from "./notification.types.js";

/** The status events a site may choose to mail the reporter about. */
export const REPORTER_STATUS_EVENTS = ["status_changed", "resolved", "closed"] as const;

/** One of {@link REPORTER_STATUS_EVENTS}. */
export type ReporterStatusEvent = (typeof REPORTER_STATUS_EVENTS)[number];

/** The tracking page when a site names none: the demo portal's. */
export const DEFAULT_TRACKING_URL = "/demo/portal/track.html?code={code}&token={token}";

/**
 * The tracking link of a ticket: the site's template (or the default) with `{code}` and
 * `{token}` filled in (the token is empty after the receipt: only the reporter holds it),
 * resolved against the public URL when it is relative.
 */
export function trackingLink(template: string | null, publicUrl: string, code: string, token: string | null): string {
  const filled = (template ?? DEFAULT_TRACKING_URL).replaceAll("{code}", encodeURIComponent(code)).replaceAll("{token}", encodeURIComponent(token ?? ""));
  try {
    return new URL(filled, `${publicUrl}/`).href;
  } catch {
    return filled;
  }
}

/** Whether a site's choice (null: all) mails the reporter about an event type. */
export function mailsReporter(choice: readonly string[] | null, type: DomainEventType): boolean {
  const name = type.replace(/^ticket\./, "");
  if (!(REPORTER_STATUS_EVENTS as readonly string[]).includes(name)) return true;
  return choice === null || choice.includes(name);
}

/** Text safe inside HTML elements and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A colour safe to put in a style attribute, or Sigap's own. */
export function safeColor(value: string | null): string {
  return value && /^#[0-9a-fA-F]{3,8}$/.test(value) ? value : "#0b6e4f";
}

/** An http(s) URL safe to link or load, or null. */
export function safeUrl(value: string | null | undefined): string | null {
  return value && /^https?:\/\/[^\s"'<>]+$/i.test(value) ? value : null;
}
