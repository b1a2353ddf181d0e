import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import { CannedResponses, RenderCannedResponse, ReporterLanguage } from "../../client/canned.operations.js";
import type { CannedResponsesQuery } from "../../client/generated.js";
import { request, type Endpoint } from "../../client/http.js";
import { emit } from "../../shared/events.js";
import { LocaleController } from "../../shared/locale.js";
import { problemText } from "../../shared/problem-text.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { reportAuth } from "../desk-parts.js";
import { indonesian, pickerMessages, type PickerKey } from "./canned-picker.messages.js";
import { pickerStyles } from "./canned-picker.styles.js";
import { insertAtCursor } from "../composer-picker.js";
import { pickerKey } from "./picker-keys.js";

type Item = CannedResponsesQuery["cannedResponses"][number];

/** Detail of `sigap-canned-insert`: the response chosen and the text the gateway filled in for the ticket. */
export interface SigapCannedInsertDetail {
  id: string;
  title: string;
  text: string;
}

/**
 * The composer's canned responses: a search box over the responses the agent may insert (the
 * gateway's `cannedResponses`, searched as they type), arrows and Enter to choose, Escape to close.
 * It offers those in the reporter's language (the ticket's `reporterLanguage`, named above the
 * list) and those for any language, until the agent ticks "all languages"; the gateway filters.
 * The chosen one's text comes from `renderCannedResponse` (the gateway fills the placeholders) and
 * goes into `field` at its cursor, where the agent may still edit it before sending.
 *
 * @summary Pick a canned response and insert it into a reply or note.
 * @tagname sigap-canned-picker
 *
 * @csspart search - The search box.
 * @csspart all - The "all languages" toggle.
 * @csspart list - The list of responses.
 * @csspart option - One response.
 * @csspart error - A failed read or insertion.
 *
 * @fires {CustomEvent<SigapCannedInsertDetail>} sigap-canned-insert - A response's text went into the field.
 * @fires {CustomEvent<SigapAuthErrorDetail>} sigap-auth-error - The agent token was refused.
 */
export class SigapCannedPicker extends LitElement {
  static override styles = [themeStyles, pickerStyles];

  static override properties: PropertyDeclarations = {
    items: { state: true, attribute: false },
    active: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    all: { state: true, attribute: false },
    language: { state: true, attribute: false },
    target: { attribute: false },
    field: { attribute: false },
    ticketId: { attribute: "ticket-id" },
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private items: Item[] | null = null;
  private active = 0;
  private problem = "";
  private busy = false;
  private asked = 0;
  /** The agent asked for every language, not only the reporter's. */
  private all = false;
  /** The reporter's language, once read for `languageOf`. */
  private language = "";
  private languageOf = "";
  private text = "";

  /** The gateway and the agent's token, from the composer. */
  target: Endpoint | undefined;
  /** The text field the chosen response goes into, at its cursor. */
  field: HTMLTextAreaElement | null = null;
  /** The ticket whose reporter, code and tracking link fill the placeholders. */
  ticketId = "";
  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.reopen();
  }

  /** Shows the picker with the full list read afresh and the search box focused. */
  reopen(): void {
    this.hidden = false;
    const input = this.renderRoot.querySelector?.("input");
    if (input) input.value = "";
    this.all = false;
    void this.search("");
    void this.updateComplete.then(() => this.renderRoot.querySelector("input")?.focus());
  }

  private t(key: PickerKey): string {
    return this.lc.t(pickerMessages, key);
  }

  /** The reporter's language of the ticket written to, read once per ticket. */
  private async reporterLanguage(target: Endpoint): Promise<string> {
    if (this.languageOf !== this.ticketId) {
      this.language = (await request(target, ReporterLanguage, { id: this.ticketId })).ticket.reporterLanguage;
      this.languageOf = this.ticketId;
    }
    return this.language;
  }

  private async search(text: string): Promise<void> {
    if (!this.target) return;
    this.text = text;
    const asked = ++this.asked;
    try {
      const language = this.all ? null : await this.reporterLanguage(this.target);
      const { cannedResponses } = await request(this.target, CannedResponses, { search: text.trim() || null, language });
      // Typing fast sends several searches: only the last one's answer is shown.
      if (asked !== this.asked) return;
      this.items = cannedResponses;
      this.active = 0;
      this.problem = "";
    } catch (error) {
      if (asked === this.asked && !reportAuth(this, error)) this.problem = problemText(this.lc, error);
    }
  }

  private async choose(item: Item | undefined): Promise<void> {
    if (!item || !this.target || this.busy) return;
    this.busy = true;
    try {
      const text = (await request(this.target, RenderCannedResponse, { id: item.id, ticketId: this.ticketId })).renderCannedResponse;
      insertAtCursor(this.field, text);
      emit<SigapCannedInsertDetail>(this, "sigap-canned-insert", { id: item.id, title: item.title, text });
      this.close();
    } catch (error) {
      if (!reportAuth(this, error)) this.problem = problemText(this.lc, error);
    } finally {
      this.busy = false;
    }
  }

  private close(): void {
    this.hidden = true;
    this.field?.focus();
  }

  private handleKey(event: KeyboardEvent): void {
    const move = pickerKey(event.key, this.active, this.items?.length ?? 0);
    if (!move) return;
    event.preventDefault();
    // Escape and Enter are the picker's: the composer's form must not submit or close with them.
    event.stopPropagation();
    if (move.kind === "move") {
      this.active = move.to;
      void this.updateComplete.then(() => this.renderRoot.querySelector(`#opt-${move.to}`)?.scrollIntoView({ block: "nearest" }));
    } else if (move.kind === "choose") void this.choose(this.items?.[move.at]);
    else this.close();
  }

  override render(): TemplateResult {
    const items = this.items ?? [];
    const expanded = items.length > 0;
    return html`<div class="head">
        <label for="search">${this.t("label")}</label>
        <button type="button" class="close" @click=${this.close}>${this.t("close")}</button>
      </div>
      <input
        part="search"
        id="search"
        type="search"
        autocomplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-controls="list"
        aria-expanded=${expanded ? "true" : "false"}
        aria-activedescendant=${expanded ? `opt-${this.active}` : nothing}
        aria-describedby="hint"
        placeholder=${this.t("search")}
        @input=${(e: Event) => void this.search((e.target as HTMLInputElement).value)}
        @keydown=${this.handleKey}
      />
      <span id="hint" class="muted">${this.t("hint")}</span>
      <div class="languages">
        <span class="muted">${this.language ? this.lc.t(pickerMessages, "reporterLanguage", { lang: this.t(this.language === "en" ? "en" : "id") }) : ""}</span>
        <label part="all"><input type="checkbox" .checked=${this.all} @change=${(e: Event) => {
          this.all = (e.target as HTMLInputElement).checked;
          void this.search(this.text);
        }} /> ${this.t("all")}</label>
      </div>
      <ul part="list" id="list" role="listbox" aria-label=${this.t("label")} aria-busy=${this.busy ? "true" : "false"}>
        ${items.map(
          (item, i) => html`<li part="option" id="opt-${i}" role="option" aria-selected=${i === this.active ? "true" : "false"} @click=${() => void this.choose(item)}>
            <span>${item.title}</span><span class="muted">${item.language ? item.language.toUpperCase() : this.t("any")}</span>
          </li>`,
        )}
      </ul>
      ${this.items && !items.length ? html`<p class="muted" role="status">${this.t("none")}</p>` : nothing}
      ${this.items ? nothing : html`<p class="muted" role="status">${this.problem ? "" : this.t("loading")}</p>`}
      ${this.busy ? html`<p class="muted" role="status">${this.t("inserting")}</p>` : nothing}
      ${this.problem ? html`<p part="error" class="error" role="alert">${this.problem}</p>` : nothing}`;
  }
}
