/**
 * The values a report gave for the site's custom fields, in the ticket detail of the agent queue:
 * each field's label and its values in words (choice labels, Ya/Yes), in the agent's language.
 * Labels and words are the gateway's (`Ticket.fields`); a retired field's old values still show.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { DeskTicketQuery } from "../client/generated.js";
import type { LocaleController } from "../shared/locale.js";

/** One field's values as the desk's ticket query reads them. */
export type FieldValues = NonNullable<DeskTicketQuery["ticket"]>["fields"][number];

/** The custom field values as a definition list, or nothing when the report gave none. */
export function renderFieldValues(lc: LocaleController, fields: readonly FieldValues[] | undefined): TemplateResult | typeof nothing {
  if (!fields?.length) return nothing;
  return html`<dl class="facts" part="custom-fields">
    ${fields.map((f) => html`<dt>${f.label[lc.lang]}</dt><dd>${f.text[lc.lang]}</dd>`)}
  </dl>`;
}
