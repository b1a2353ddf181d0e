import { html, nothing, type TemplateResult } from "lit";
import type { LocaleController } from "./locale.js";
import { entrySentence, ticketText, type TimelineEntryLike } from "./ticket-text.js";

/** How {@link renderTimeline} draws one surface's timeline. */
export interface TimelineOptions {
  /** The reporter's own view: "Your message" instead of "Message from the reporter". */
  forReporter: boolean;
  /** Accessible name of the list. */
  label: string;
  /** Draws a link or button for an attachment id; attachments are not listed without it. */
  attachment?: (id: string) => TemplateResult | typeof nothing;
}

/** A ticket's activity timeline, oldest first; internal entries are boxed and labelled, not only tinted. */
export function renderTimeline(lc: LocaleController, entries: readonly TimelineEntryLike[], o: TimelineOptions): TemplateResult {
  return html`<ol part="timeline" class="timeline" aria-label=${o.label}>
    ${entries.map((e) => {
      const internal = e.visibility === "INTERNAL";
      return html`<li part=${internal ? "entry entry-internal" : "entry"} class=${internal ? "entry internal" : "entry"}>
        <p class="meta">
          <time datetime=${e.at}>${lc.dateTime(e.at)}</time>${e.actorName ? ` · ${e.actorName}` : nothing}${internal
            ? html`<span class="tag">${lc.t(ticketText, "internal")}</span>`
            : nothing}
        </p>
        <p class="what">${entrySentence(lc, e, o.forReporter)}</p>
        ${e.systemNote ? html`<p class="msg">${e.systemNote[lc.lang]}</p>` : nothing}
        ${e.message ? html`<p class="msg">${e.message}</p>` : nothing}
        ${e.kind === "RESOLVED" && e.codeLabel ? html`<p class="meta">${lc.t(ticketText, "closureCode")}: ${e.codeLabel[lc.lang]}</p>` : nothing}
        ${o.attachment && e.attachmentIds.length
          ? html`<ul class="files">${e.attachmentIds.map((id) => html`<li>${o.attachment!(id)}</li>`)}</ul>`
          : nothing}
      </li>`;
    })}
  </ol>`;
}
