import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import type * as G from "../client/generated.js";
import { request, type Endpoint } from "../client/http.js";
import { HelpArticle, HelpArticles, RateArticle } from "../client/knowledge.operations.js";
import { defaultEndpoint } from "../shared/endpoint.js";
import type { SigapErrorDetail } from "../shared/error-detail.js";
import { emit } from "../shared/events.js";
import { LocaleController } from "../shared/locale.js";
import { problemText } from "../shared/problem-text.js";
import { asRequestError } from "../shared/request-error.js";
import { linkButtonStyles } from "../shared/link-button.styles.js";
import { themeStyles } from "../shared/theme.styles.js";
import { renderBody } from "./article-text.js";
import { indonesian, messages } from "./knowledge-base.messages.js";
import { styles } from "./knowledge-base.styles.js";

type Listed = G.HelpArticlesQuery["helpArticles"][number];
type Read = G.HelpArticleQuery["helpArticle"];

/**
 * @tag sigap-knowledge-base
 * @summary The help centre for a company site (issue 14): search the site's published articles,
 * browse them by service, read one and say whether it helped — in the reader's language.
 *
 * @csspart search - The search form.
 * @csspart input - The search box and the service picker.
 * @csspart list - The list of articles.
 * @csspart item - One article in the list.
 * @csspart article - The article being read.
 * @csspart rate - The "was this helpful?" question and its buttons.
 * @csspart alert - A failed load, with its retry button.
 *
 * @cssproperty --sigap-color-bg - Background.
 * @cssproperty --sigap-color-surface - Background of the list's items.
 * @cssproperty --sigap-color-fg - Text.
 * @cssproperty --sigap-color-muted - Summaries and dates.
 * @cssproperty --sigap-color-border - Borders.
 * @cssproperty --sigap-color-accent - Links and buttons.
 * @cssproperty --sigap-color-accent-fg - Text on buttons.
 * @cssproperty --sigap-color-danger - Errors.
 * @cssproperty --sigap-color-focus - The focus ring.
 * @cssproperty --sigap-radius - Corner radius.
 * @cssproperty --sigap-font-family - Font (inherits the page's by default).
 *
 * @fires {CustomEvent<SigapErrorDetail>} sigap-error - Loading the articles failed.
 */
export class SigapKnowledgeBase extends LitElement {
  static override styles = [themeStyles, linkButtonStyles, styles];

  static override properties: PropertyDeclarations = {
    articles: { state: true, attribute: false },
    services: { state: true, attribute: false },
    reading: { state: true, attribute: false },
    rated: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    siteKey: { attribute: "site-key" },
    endpoint: {},
    service: {},
    theme: { reflect: true },
  };

  private readonly i18n = new LocaleController(this, indonesian);

  private articles: Listed[] | null = null;
  private services: Array<{ id: string; name: string }> = [];
  private reading: Read | null = null;
  private rated = false;
  private failure: { message: string; retry: () => void } | null = null;
  private announcement = "";
  private query = "";
  private loadAbort?: AbortController;
  private loadedLang?: string;

  /** The site's public key (required). */
  siteKey = "";

  /** The gateway's GraphQL URL. @default the gateway that served this script */
  endpoint = defaultEndpoint(import.meta.url);

  /** An IT service id to browse first; the reader may pick another. @default "" (all services) */
  service = "";

  /** The look: light, dark, or the reader's system setting. */
  theme?: "light" | "dark" | "auto";

  private get client(): Endpoint {
    return { url: this.endpoint, siteKey: this.siteKey };
  }

  override updated(changed: PropertyValues<this>): void {
    // Articles come in the reader's language: a page that switches language lists them again.
    if (changed.has("siteKey") || changed.has("endpoint") || changed.has("service") || (this.loadedLang && this.loadedLang !== this.i18n.lang)) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
  }

  private t(key: keyof typeof messages.en, values?: Record<string, string | number>): string {
    return this.i18n.t(messages, key, values);
  }

  private announce(text: string): void {
    this.announcement = "";
    requestAnimationFrame(() => (this.announcement = text));
  }

  private fail(error: unknown, retry: () => void): void {
    const err = asRequestError(error);
    this.failure = { message: `${this.t("loadErr")} ${problemText(this.i18n, err)}`, retry };
    emit<SigapErrorDetail>(this, "sigap-error", { code: err.code, message: err.message });
  }

  private async load(): Promise<void> {
    this.loadAbort?.abort();
    if (!this.siteKey) return;
    const abort = (this.loadAbort = new AbortController());
    this.failure = null;
    this.loadedLang = this.i18n.lang;
    const filter = { query: this.query.trim() || null, language: this.loadedLang, serviceId: this.service || null };
    try {
      const d = await request(this.client, HelpArticles, { filter, language: this.loadedLang }, abort.signal);
      this.articles = d.helpArticles;
      this.services = d.site.services;
      if (filter.query) this.announce(d.helpArticles.length ? this.t("found", { n: d.helpArticles.length }) : this.t("none"));
    } catch (error) {
      if (!abort.signal.aborted) this.fail(error, () => void this.load());
    }
  }

  private handleSearch(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    this.query = (form.elements.namedItem("q") as HTMLInputElement).value;
    this.service = (form.elements.namedItem("service") as HTMLSelectElement).value;
    this.reading = null;
    void this.load();
  }

  private async handleOpen(id: string): Promise<void> {
    this.failure = null;
    try {
      this.reading = (await request(this.client, HelpArticle, { id })).helpArticle;
      this.rated = false;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>("h2")?.focus();
    } catch (error) {
      this.fail(error, () => void this.handleOpen(id));
    }
  }

  private async handleBack(): Promise<void> {
    const id = this.reading?.id;
    this.reading = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-id="${id}"]`)?.focus();
  }

  private async handleRate(helpful: boolean): Promise<void> {
    const id = this.reading?.id;
    if (!id) return;
    this.rated = true;
    this.announce(this.t("thanks"));
    try {
      await request(this.client, RateArticle, { id, helpful });
    } catch {
      // Not counted (offline, a limit): the reader is thanked all the same.
    }
  }

  private renderArticle(a: Read): TemplateResult {
    const date = new Intl.DateTimeFormat(this.i18n.lang === "id" ? "id-ID" : "en-GB", { dateStyle: "long" }).format(new Date(a.updatedAt));
    return html`<article part="article" aria-labelledby="kb-title">
      <button type="button" class="link" @click=${this.handleBack}>← ${this.t("back")}</button>
      <h2 id="kb-title" tabindex="-1">${a.title}</h2>
      <p class="muted">${this.t("updated", { date })}</p>
      ${renderBody(a.body)}
      <div class="rate" part="rate">
        ${this.rated
          ? html`<p>${this.t("thanks")}</p>`
          : html`<p id="kb-helpful">${this.t("helpful")}</p>
              <button type="button" aria-describedby="kb-helpful" @click=${() => this.handleRate(true)}>${this.t("yes")}</button>
              <button type="button" class="secondary" aria-describedby="kb-helpful" @click=${() => this.handleRate(false)}>${this.t("no")}</button>`}
      </div>
    </article>`;
  }

  private renderList(): TemplateResult | typeof nothing {
    const list = this.articles;
    if (!list) return nothing;
    if (!list.length) return html`<p class="muted">${this.t("none")}</p>`;
    return html`<ul part="list" aria-label=${this.t("results")}>
      ${list.map(
        (a) => html`<li part="item">
          <button type="button" class="link" data-id=${a.id} @click=${() => this.handleOpen(a.id)}>${a.title}</button>
          <p class="muted">${a.summary}</p>
        </li>`,
      )}
    </ul>`;
  }

  override render(): TemplateResult {
    if (!this.i18n.ready) return html``;
    const live = html`<div class="visually-hidden" role="status">${this.announcement}</div>`;
    const alert = !this.siteKey ? html`<div class="alert" part="alert">${this.t("noKey")}</div>` : this.failure
      ? html`<div class="alert" part="alert">${this.failure.message} <button type="button" class="secondary" @click=${this.failure.retry}>${this.t("retry")}</button></div>`
      : nothing;
    return html`<form role="search" part="search" @submit=${this.handleSearch}>
        <label>${this.t("search")}<input name="q" type="search" part="input" .value=${this.query} /></label>
        <label>${this.t("service")}<select name="service" part="input">
          <option value="">${this.t("allServices")}</option>
          ${this.services.map((s) => html`<option value=${s.id} ?selected=${s.id === this.service}>${s.name}</option>`)}
        </select></label>
        <button type="submit">${this.t("searchButton")}</button>
      </form>
      <div role="alert">${alert}</div>
      ${this.reading ? this.renderArticle(this.reading) : this.renderList()}
      ${live}`;
  }
}
