/**
 * An article's body as the widgets show it: plain text split into paragraphs at blank lines and
 * into lines within them. Never HTML: each piece is rendered as text, so an article cannot carry
 * markup or script into the page.
 */
import { html, nothing, type TemplateResult } from "lit";

/** The paragraphs of a body, each a list of its lines, blank ones dropped. */
export function paragraphs(body: string): string[][] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.split("\n").map((l) => l.trim()).filter(Boolean))
    .filter((p) => p.length > 0);
}

/** A body as paragraphs of text with line breaks, for the help centre and the report form's suggestions. */
export function renderBody(body: string): TemplateResult[] {
  return paragraphs(body).map((lines) => html`<p>${lines.map((l, i) => html`${i ? html`<br />` : nothing}${l}`)}</p>`);
}
