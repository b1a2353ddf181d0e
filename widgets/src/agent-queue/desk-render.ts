/** Bits of markup the queue list and the ticket view both draw: SLA countdowns and badges. */
import { html, nothing, type TemplateResult } from "lit";
import type { LocaleController } from "../shared/locale.js";
import { readSla, SLA_ICON } from "../shared/sla-clock.js";
import { priorityLabel, statusLabel } from "../shared/ticket-text.js";
import { deskText } from "./agent-queue.messages.js";
import type { Directory, Row } from "./desk-parts.js";

/** A ticket's SLA countdown at `now`, in words and icon (never colour alone). */
export function renderCountdown(lc: LocaleController, t: Row, now: number, dir: Directory | null): TemplateResult {
  const sla = readSla(t, now, dir?.atRiskFraction ?? 0);
  const d = lc.duration(sla.remainingMs);
  const text =
    sla.tone === "paused"
      ? deskText(lc, "pausedLeft", { d })
      : sla.target
        ? deskText(lc, `${sla.target}.${sla.remainingMs < 0 ? "over" : "in"}`, { d })
        : deskText(lc, sla.tone);
  return html`<span part="countdown" class="tone-${sla.tone}"><span aria-hidden="true">${SLA_ICON[sla.tone]} </span>${text}${
    sla.tone === "risk" || sla.tone === "breached" ? html`<span class="visually-hidden"> (${deskText(lc, sla.tone)})</span>` : nothing
  }</span>`;
}

/** A request's or work order's type badge, in the gateway's words (Ticket.typeLabel); nothing for an incident, the rule. */
export function renderTypeBadge(lc: LocaleController, t: Pick<Row, "type" | "typeLabel">): TemplateResult | typeof nothing {
  return t.type === "INCIDENT" ? nothing : html` <span part="badge type" class="badge type">${t.typeLabel[lc.lang]}</span>`;
}

/** A ticket's priority, status and (for a request or work order) type badges. */
export function renderBadges(lc: LocaleController, t: Row): TemplateResult {
  return html`<span part="badge priority" class="badge ${t.priority}">${priorityLabel(lc, t.priority)}</span>
    <span part="badge status" class="badge ${t.status}">${statusLabel(lc, t.status)}</span>${renderTypeBadge(lc, t)}`;
}
