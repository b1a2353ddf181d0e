/**
 * The ticket view's conversation: the report, then every timeline entry oldest first, the composer
 * below the newest. Messages (public replies, the reporter's messages, internal notes) are bubbles;
 * everything else (assignments, status changes, escalations) is one muted line between them.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { LocaleController } from "../../shared/locale.js";
import { entrySentence, ticketText, type TimelineEntryLike } from "../../shared/ticket-text.js";
import { deskText } from "../agent-queue.messages.js";
import type { Detail } from "../desk-parts.js";

/** One item of the thread. */
export interface ThreadItem {
  /** `report`: the reporter's report; `message`: a bubble; `event`: a one-line change. */
  type: "report" | "message" | "event";
  /** Whose side the item sits on. */
  from: "reporter" | "desk";
  /** An internal note, never shown to the reporter. */
  internal: boolean;
  entry: TimelineEntryLike;
}

const MESSAGES = new Set(["AGENT_REPLY", "REPORTER_MESSAGE", "INTERNAL_NOTE"]);

/** "logged by", before the agent who logged a caller's report at the desk; its words travel with this part. */
const LOGGED_BY = { en: "logged by", id: "dicatat oleh" } as const;

/** The thread of a timeline, oldest first: the REPORTED entry becomes the report, entries with a message become bubbles. */
export function threadItems(entries: readonly TimelineEntryLike[]): ThreadItem[] {
  return entries.map((entry): ThreadItem => {
    const internal = entry.visibility === "INTERNAL";
    if (entry.kind === "REPORTED") return { type: "report", from: "reporter", internal: false, entry };
    const from = entry.kind === "REPORTER_MESSAGE" || entry.kind === "FEEDBACK" ? "reporter" : "desk";
    return { type: MESSAGES.has(entry.kind) || entry.message ? "message" : "event", from, internal, entry };
  });
}

/** Draws the thread; `file` draws an attachment's button. */
export function renderThread(lc: LocaleController, d: Detail, file: (id: string) => TemplateResult | typeof nothing): TemplateResult {
  const when = (iso: string): TemplateResult => html`<time datetime=${iso}>${lc.dateTime(iso)}</time>`;
  const files = (ids: readonly string[]) => (ids.length ? html`<ul class="files">${ids.map((id) => html`<li>${file(id)}</li>`)}</ul>` : nothing);
  const report = (at: string, ids: readonly string[], e?: TimelineEntryLike): TemplateResult => html`<li part="entry" class="bubble reporter report">
    <p class="meta">${when(at)} · ${d.reporterName} · ${deskText(lc, "reported")}${
      e?.channel ? ` · ${LOGGED_BY[lc.lang]} ${e.actorName} (${deskText(lc, e.channel)})` : nothing
    }</p>
    <p class="msg">${d.description}</p>
    ${d.systemState ? html`<p class="msg"><strong>${deskText(lc, "systemState")}:</strong> ${d.systemState}</p>` : nothing}
    ${d.stepsTried ? html`<p class="msg"><strong>${deskText(lc, "stepsTried")}:</strong> ${d.stepsTried}</p>` : nothing}
    ${files(ids)}
  </li>`;
  const items = threadItems(d.timeline ?? []);
  return html`<ol part="timeline" class="thread" aria-label=${deskText(lc, "conversation")}>
    ${items.some((i) => i.type === "report") ? nothing : report(d.createdAt, [])}
    ${items.map((item) => {
      const e = item.entry;
      if (item.type === "report") return report(e.at, e.attachmentIds, e);
      if (item.type === "event") {
        return html`<li part="entry" class="event"><span class="meta">${when(e.at)}${e.actorName ? ` · ${e.actorName}` : nothing}</span> ${entrySentence(lc, e, false)}</li>`;
      }
      return html`<li part=${item.internal ? "entry entry-internal" : "entry"} class="bubble ${item.from} ${item.internal ? "internal" : ""}">
        <p class="meta">
          ${when(e.at)}${e.actorName ? ` · ${e.actorName}` : nothing} · ${entrySentence(lc, e, false)}${item.internal
            ? html`<span class="tag">${lc.t(ticketText, "internal")}</span>`
            : nothing}
        </p>
        ${e.message ? html`<p class="msg">${e.message}</p>` : nothing}
        ${e.kind === "RESOLVED" && e.code ? html`<p class="meta">${lc.t(ticketText, "closureCode")}: ${e.codeLabel?.[lc.lang] ?? e.code}</p>` : nothing}
        ${files(e.attachmentIds)}
      </li>`;
    })}
  </ol>`;
}
