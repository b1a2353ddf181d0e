import { css, html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import { DeskArticles, LinkArticle } from "../../client/desk-knowledge.operations.js";
import type { DeskArticlesQuery } from "../../client/generated.js";
import { request, type Endpoint } from "../../client/http.js";
import { emit } from "../../shared/events.js";
import { linkButtonStyles } from "../../shared/link-button.styles.js";
import { LocaleController } from "../../shared/locale.js";
import { problemText } from "../../shared/problem-text.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { pickerStyles } from "../canned-picker/canned-picker.styles.js";
import { insertAtCursor } from "../composer-picker.js";
import { reportAuth } from "../desk-parts.js";
import { articlePickerMessages, indonesian, type ArticlePickerKey } from "./article-picker.messages.js";

type Item = DeskArticlesQuery["deskArticles"][number];

/** What the ticket offers the first search: its words, service and category. */
export interface TicketText {
  id: string;
  text: string;
  serviceId: string | null;
  categoryId: string | null;
}

/** Detail of `sigap-article-insert`: the article whose title and text went into the reply. */
export interface SigapArticleInsertDetail {
  id: string;
  title: string;
  text: string;
}

/**
 * The composer's suggested articles: the site's published articles ranked for the ticket's own
 * text, service and category (the gateway's `deskArticles`), searched afresh as the agent types.
 * "Insert into reply" puts an article's title and whole text into `field` at its cursor (only for
 * one reporters may read: an internal article never goes into a reply); "Link to ticket" records that the article served the ticket (`linkArticleToTicket`).
 *
 * @summary Suggest knowledge-base articles for a ticket, insert one into a reply or link it.
 * @tagname sigap-article-picker
 *
 * @csspart search - The search box.
 * @csspart list - The list of articles.
 * @csspart option - One article.
 * @csspart error - A failed read or link.
 *
 * @fires {CustomEvent<SigapArticleInsertDetail>} sigap-article-insert - An article's title and text went into the field.
 * @fires {CustomEvent<SigapAuthErrorDetail>} sigap-auth-error - The agent token was refused.
 */
export class SigapArticlePicker extends LitElement {
  static override styles = [
    themeStyles,
    pickerStyles,
    linkButtonStyles,
    css`
      .actions {
        display: flex;
        flex-direction: column;
        align-items: end;
        gap: 0.25rem;
        white-space: nowrap;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    items: { state: true, attribute: false },
    linked: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    target: { attribute: false },
    field: { attribute: false },
    ticket: { attribute: false },
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private items: Item[] | null = null;
  private linked: ReadonlySet<string> = new Set();
  private problem = "";
  private asked = 0;

  /** The gateway and the agent's token, from the composer. */
  target: Endpoint | undefined;
  /** The text field an article goes into, at its cursor. */
  field: HTMLTextAreaElement | null = null;
  /** The ticket the articles are suggested for. */
  ticket: TicketText | null = null;
  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.reopen();
  }

  /** Shows the picker with the ticket's suggestions read afresh. */
  reopen(): void {
    this.hidden = false;
    this.linked = new Set();
    const input = this.renderRoot.querySelector?.("input");
    if (input) input.value = "";
    void this.search("");
    void this.updateComplete.then(() => this.renderRoot.querySelector("input")?.focus());
  }

  private t(key: ArticlePickerKey): string {
    return this.lc.t(articlePickerMessages, key);
  }

  private async search(typed: string): Promise<void> {
    const ticket = this.ticket;
    if (!this.target || !ticket) return;
    const asked = ++this.asked;
    // The agent's words search the whole site; without them the ticket's own words, service and category.
    const filter = typed.trim() ? { query: typed.trim() } : { query: ticket.text, serviceId: ticket.serviceId, categoryId: ticket.categoryId };
    try {
      let { deskArticles } = await request(this.target, DeskArticles, { filter });
      // A service or category with no article yet: the ticket's words alone.
      if (!deskArticles.length && !typed.trim()) deskArticles = (await request(this.target, DeskArticles, { filter: { query: ticket.text } })).deskArticles;
      if (asked !== this.asked) return;
      this.items = deskArticles;
      this.problem = "";
    } catch (error) {
      if (asked === this.asked && !reportAuth(this, error)) this.problem = problemText(this.lc, error);
    }
  }

  private insert(item: Item): void {
    // The whole article: its summary is cut at 160 characters, which drops the fix of a drafted "Symptom / Fix" article.
    const text = `${item.title}\n\n${item.body}`;
    insertAtCursor(this.field, text);
    emit<SigapArticleInsertDetail>(this, "sigap-article-insert", { id: item.id, title: item.title, text });
    this.close();
  }

  private async link(item: Item): Promise<void> {
    if (!this.target || !this.ticket) return;
    try {
      await request(this.target, LinkArticle, { articleId: item.id, ticketId: this.ticket.id });
      this.linked = new Set([...this.linked, item.id]);
    } catch (error) {
      if (!reportAuth(this, error)) this.problem = problemText(this.lc, error);
    }
  }

  private close(): void {
    this.hidden = true;
    this.field?.focus();
  }

  override render(): TemplateResult {
    const items = this.items ?? [];
    return html`<div class="head">
        <label for="search">${this.t("label")}</label>
        <button type="button" class="close" @click=${this.close}>${this.t("close")}</button>
      </div>
      <input part="search" id="search" type="search" autocomplete="off" placeholder=${this.t("search")} @input=${(e: Event) => void this.search((e.target as HTMLInputElement).value)} @keydown=${(e: KeyboardEvent) => {
        // Escape and Enter are the picker's: the composer's form must not submit or close with them.
        if (e.key === "Escape" || e.key === "Enter") {
          e.preventDefault();
          e.stopPropagation();
          if (e.key === "Escape") this.close();
        }
      }} />
      <ul part="list" aria-label=${this.t("label")}>
        ${items.map(
          (item) => html`<li part="option">
            <span><strong>${item.title}</strong>${item.visibility === "INTERNAL" ? html` <span class="muted">(${this.t("internal")})</span>` : nothing}<br /><span class="muted">${item.summary}</span></span>
            <span class="actions">
              ${item.reporterMayRead ? html`<button type="button" class="link" @click=${() => this.insert(item)}>${this.t("insert")}</button>` : nothing}
              ${this.linked.has(item.id) ? html`<span class="muted" role="status">${this.t("linked")}</span>` : html`<button type="button" class="link" @click=${() => void this.link(item)}>${this.t("link")}</button>`}
            </span>
          </li>`,
        )}
      </ul>
      ${this.items && !items.length ? html`<p class="muted" role="status">${this.t("none")}</p>` : nothing}
      ${this.items ? nothing : html`<p class="muted" role="status">${this.problem ? "" : this.t("loading")}</p>`}
      ${this.problem ? html`<p part="error" class="error" role="alert">${this.problem}</p>` : nothing}`;
  }
}
