/** The ticket view's side panel: who reported, where, what it is, who holds it, and its SLA. */
import { html, nothing, type TemplateResult } from "lit";
import type { LocaleController } from "../../shared/locale.js";
import { statusLabel } from "../../shared/ticket-text.js";
import { deskText, type DeskKey } from "../agent-queue.messages.js";
import { managementLabel, pendingOptions } from "../desk-directory.js";
import type { Detail, Directory } from "../desk-parts.js";
import { renderCountdown } from "../desk-render.js";

/** The caller's customer id's label: the one fact only desk-logged tickets have, so its words travel with this part. */
const CUSTOMER_ID = { en: "Customer id", id: "ID pelanggan" } as const;

/** Draws the facts of a ticket; `names` are the directory's display names by id. */
export function renderFacts(lc: LocaleController, d: Detail, dir: Directory, names: ReadonlyMap<string, string>, now: number): TemplateResult {
  const t = (k: DeskKey): string => deskText(lc, k);
  const nameOf = (id: string | null | undefined): string => (id && names.get(id)) || "";
  const when = (iso: string | null): TemplateResult | string => (iso ? html`<time datetime=${iso}>${lc.dateTime(iso)}</time>` : "");
  const fact = (label: DeskKey, value: unknown): TemplateResult | typeof nothing => (value || value === 0 ? html`<dt>${t(label)}</dt><dd>${value}</dd>` : nothing);
  const pending = pendingOptions(dir.pendingReasons, lc.lang).find(([r]) => r === d.pendingReason)?.[1] ?? "";
  const contact = html`${d.reporterName}${d.reporterPhone ? html`<br /><a href="tel:${d.reporterPhone}">${d.reporterPhone}</a>` : nothing}${
    d.reporterEmail ? html`<br /><a href="mailto:${d.reporterEmail}">${d.reporterEmail}</a>` : nothing
  }`;
  const fb = d.feedback;
  return html`<dl class="facts">
      <dt>${t("sla")}</dt>
      <dd>${renderCountdown(lc, d, now, dir)}</dd>
      <dt>${t("contact")}</dt>
      <dd>${contact}</dd>
      ${d.type !== "INCIDENT" ? html`<dt>${t("type")}</dt><dd>${d.typeLabel[lc.lang]}</dd>` : nothing}
      ${d.customerId ? html`<dt>${CUSTOMER_ID[lc.lang]}</dt><dd>${d.customerId}</dd>` : nothing}
      ${fact("status", d.status === "PENDING" ? `${statusLabel(lc, d.status)} (${pending})` : "")}
      ${fact("assignee", [nameOf(d.groupId), nameOf(d.assigneeId)].filter(Boolean).join(" / ") || t("unassigned"))}
      ${fact("service", nameOf(d.serviceId))} ${fact("category", nameOf(d.categoryId))} ${fact("problemType", d.problemType)}
      ${fact("urgency", t(d.urgency))} ${fact("impact", t(d.impact))} ${fact("channel", t(d.channel))} ${fact("location", d.location)}
      ${fact("area", [d.kelurahan, d.kecamatan].filter(Boolean).join(" / "))} ${fact("occurred", when(d.occurredAt))}
      ${fact("handling", d.supportLevel)} ${fact("mgmt", managementLabel(dir.managementLevels, d.hierarchyLevel, lc.lang))}
      ${fact("responseDue", when(d.responseDueAt))} ${fact("resolutionDue", when(d.resolutionDueAt))}
      ${fact("resolution", d.resolution ? `${d.resolution}${d.closureCode ? ` (${d.closureLabel?.[lc.lang] ?? d.closureCode})` : ""}` : "")}
      ${fact("kb", d.resolution ? t(d.knowledgeBase ? "yes" : "no") : "")}
    </dl>
    ${fb
      ? html`<dl class="facts" aria-label=${t("feedback")}>
          ${fact("q1", `${fb.serviceRating}/5`)} ${fact("q2", `${fb.restoredRating}/5`)} ${fact("q3", `${fb.informationRating}/5`)}
          ${fact("suggestion", fb.suggestion)}
        </dl>`
      : nothing}`;
}
