/** Pure rules of Sigap's mail: links, which status events mail the reporter, which entries mail the desk, escaping. */
import { TicketEventKind } from "../tickets/ticket.enums.js";
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

/**
 * Whether the desk planner mails about a timeline entry of this kind. An AUTO_ESCALATED entry is
 * the SLA ladder's escalation step, and the step's own sla.* event already mails exactly the
 * people the site's ladder names for it (sla-step.planner): the ladder is the one place that
 * decides who hears of a step, so one step is one mail a person, never a step mail plus an
 * escalation mail. Escalations a person asks for (ESCALATED) still mail the new line.
 */
export function deskMailsEntry(kind: TicketEventKind): boolean {
  return kind !== TicketEventKind.AUTO_ESCALATED;
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

/** A site's mail settings (`sigap site:set`); null clears a nullable one. */
export interface MailSettings {
  language?: string;
  accentColor?: string | null;
  logoUrl?: string | null;
  trackingUrl?: string | null;
  /** null: all of {@link REPORTER_STATUS_EVENTS}. */
  reporterMailEvents?: string[] | null;
}

/** Every bad value of a mail settings patch, named. */
export function mailSettingsProblems(patch: MailSettings): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  if (patch.language !== undefined && patch.language !== "id" && patch.language !== "en") problems.push({ field: "language", message: `language must be id or en, got "${patch.language}"` });
  if (patch.accentColor && !/^#[0-9a-fA-F]{3,8}$/.test(patch.accentColor)) problems.push({ field: "accentColor", message: `accentColor must look like #0b6e4f, got "${patch.accentColor}"` });
  if (patch.logoUrl && (!safeUrl(patch.logoUrl) || patch.logoUrl.length > 500)) problems.push({ field: "logoUrl", message: "logoUrl must be an http(s) URL of at most 500 characters" });
  if (patch.trackingUrl && (!patch.trackingUrl.includes("{code}") || patch.trackingUrl.length > 500 || /[\s"'<>]/.test(patch.trackingUrl))) {
    problems.push({ field: "trackingUrl", message: "trackingUrl must hold {code} (and should hold {token}), e.g. https://company.example/lacak?code={code}&token={token}" });
  }
  for (const e of patch.reporterMailEvents ?? []) {
    if (!(REPORTER_STATUS_EVENTS as readonly string[]).includes(e)) problems.push({ field: "reporterMailEvents", message: `reporterMailEvents may hold ${REPORTER_STATUS_EVENTS.join(", ")}; got "${e}"` });
  }
  return problems;
}
