import { html, nothing, type TemplateResult } from "lit";
import type { TicketViewFieldsFragment } from "../client/generated.js";
import type { LocaleController } from "../shared/locale.js";
import { SLA_ICON, type SlaReading } from "../shared/sla-clock.js";
import { pendingLabel, priorityLabel, statusLabel, type TicketTextKey } from "../shared/ticket-text.js";
import type { TrackerKey } from "./ticket-tracker.messages.js";

/** A word of the tracker: its own, or a ticket word shared with the agent queue. */
export type TrackerText = (key: TrackerKey | TicketTextKey, values?: Record<string, string | number>) => string;

/** What a due time says beside it: when it was met, or how long is left (or overdue) of the running target. */
export type DueNote = { key: "responded" | "resolvedAt"; at: string } | { key: "left" | "over"; ms: number } | null;

/** The note beside one due time: the running target names itself by its countdown; a paused clock and a waiting target say nothing. */
export function dueNote(sla: SlaReading, target: "response" | "resolution", doneAt: string | null): DueNote {
  if (doneAt) return { key: target === "response" ? "responded" : "resolvedAt", at: doneAt };
  if (sla.target !== target || sla.tone === "paused") return null;
  return { key: sla.remainingMs < 0 ? "over" : "left", ms: sla.remainingMs };
}

/** One due time with its note. */
function renderDue(lc: LocaleController, t: TrackerText, label: string, due: string, note: DueNote): TemplateResult {
  const words = note && ("at" in note ? t(note.key, { at: lc.dateTime(note.at) }) : t(note.key, { d: lc.duration(note.ms) }));
  return html`<dt>${label}</dt>
    <dd><time datetime=${due}>${lc.dateTime(due)}</time>${words ? html` <span class="muted">(${words})</span>` : nothing}</dd>`;
}

/** The ticket's facts (status, priority, type, service, due times, SLA state) and what the reporter reported. */
export function renderDetails(lc: LocaleController, t: TrackerText, v: TicketViewFieldsFragment, sla: SlaReading): TemplateResult {
  return html`<dl part="details" class="facts">
      <dt>${t("status")}</dt>
      <dd>${statusLabel(lc, v.status)}${v.status === "PENDING" && v.pendingReason ? ` (${pendingLabel(lc, v.pendingReason)})` : nothing}</dd>
      <dt>${t("priority")}</dt>
      <dd>${priorityLabel(lc, v.priority)}</dd>
      ${v.type === "INCIDENT" ? nothing : html`<dt>${t("type")}</dt><dd part="type">${v.typeLabel[lc.lang]}</dd>`}
      ${v.serviceName ? html`<dt>${t("service")}</dt><dd>${v.serviceName}</dd>` : nothing}
      ${renderDue(lc, t, t("responseDue"), v.responseDueAt, dueNote(sla, "response", v.firstRespondedAt))}
      ${renderDue(lc, t, t("resolutionDue"), v.resolutionDueAt, dueNote(sla, "resolution", v.resolvedAt))}
      <dt>${t("sla")}</dt>
      <dd part="sla" class="tone-${sla.tone}"><span aria-hidden="true">${SLA_ICON[sla.tone]}</span> ${t(sla.tone)}</dd>
    </dl>
    <section part="report" class="panel">
      <h3>${t("reported")}</h3>
      <p class="msg">${v.description}</p>
      ${v.fields.length ? html`<dl class="facts">${v.fields.map((f) => html`<dt>${f.label[lc.lang]}</dt><dd>${f.text[lc.lang]}</dd>`)}</dl>` : nothing}
    </section>`;
}
