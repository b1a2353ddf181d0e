/**
 * The report form's suggested articles (issue 14): while the reporter describes the problem, up to
 * three published articles of the site that match it, one opened inline at a time; "this solved
 * it" ends the form with thanks and no ticket. Loaded on demand, once the description is long
 * enough to search: most readers never see it, so the form's first load does not carry it.
 * Ignoring the suggestions costs nothing: they never stand between the reader and "send".
 */
import { css, html, nothing, type TemplateResult } from "lit";
import { ArticleSolved, SuggestArticles } from "../client/knowledge.operations.js";
import type { Endpoint } from "../client/http.js";
import { request } from "../client/http.js";
import { renderBody } from "../knowledge-base/article-text.js";
import { linkButtonStyles } from "../shared/link-button.styles.js";
import type { LocaleController } from "../shared/locale.js";

/** Typing pauses this long before the gateway is asked. */
export const DEBOUNCE_MS = 400;

/** What the suggestions read of the form that holds them (its own code, so its private members). */
export interface SuggestionHost {
  client: Endpoint;
  i18n: Pick<LocaleController, "lang">;
  values: Partial<Record<string, string>>;
  renderRoot: HTMLElement | DocumentFragment;
  requestUpdate(): void;
  announce(text: string): void;
}

/** The part's styles, adopted by the form's shadow root when the part loads (a constructed sheet: no inline style under a strict CSP). */
const styles = css`
  .suggestions li {
    display: block;
    border-color: var(--_border);
    border-left-color: var(--_accent);
  }
  .suggestions h2 {
    font-size: 1em;
    margin: 0 0 0.5rem;
  }
  .suggestions p {
    margin: 0.5rem 0;
  }
  [part="deflected"] {
    border-color: var(--_accent);
  }
`;

/** One suggested article. */
export interface Suggested {
  id: string;
  title: string;
  body: string;
}

/** The suggestions' own words, in both languages: they travel with them rather than weigh on the form. */
const words = {
  en: {
    heading: "These articles may solve it",
    found: "{n} articles may solve your problem; see them above the send button.",
    solved: "This solved it",
    thanks: "Glad that helped. No ticket was made.",
    back: "I still need help",
  },
  id: {
    heading: "Artikel ini mungkin menyelesaikannya",
    found: "{n} artikel mungkin menyelesaikan masalah anda; lihat di atas tombol kirim.",
    solved: "Masalah saya selesai",
    thanks: "Senang bisa membantu. Tidak ada tiket yang dibuat.",
    back: "Saya masih butuh bantuan",
  },
};

/** The suggestions of one form: fetched as the reader types, rendered under the fields. */
export class Suggestions {
  /** The articles matching the latest description. */
  articles: Suggested[] = [];
  /** The article opened inline, by id. */
  open: string | null = null;
  /** "This solved it" was counted: the form shows thanks instead of itself. */
  solved = false;
  private timer?: ReturnType<typeof setTimeout>;
  private abort?: AbortController;

  constructor(private readonly host: SuggestionHost) {
    const root = host.renderRoot as Partial<ShadowRoot>;
    const sheets = [linkButtonStyles.styleSheet, styles.styleSheet].filter((x): x is CSSStyleSheet => !!x);
    if (root.adoptedStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
  }

  private get w() {
    return words[this.host.i18n.lang];
  }

  /** The description changed: asks again once typing pauses. */
  typed(text: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.fetch(text.trim()), DEBOUNCE_MS);
  }

  private async fetch(text: string): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    try {
      const d = await request(this.host.client, SuggestArticles, { text, language: this.host.i18n.lang, serviceId: this.host.values["service"] || null }, abort.signal);
      const before = this.articles.length;
      this.articles = d.suggestArticles;
      if (!this.articles.some((a) => a.id === this.open)) this.open = null;
      if (this.articles.length && !before) this.host.announce(this.w.found.replace("{n}", String(this.articles.length)));
      this.host.requestUpdate();
    } catch {
      // No suggestions (offline, a limit): the form goes on as if there were none.
    }
  }

  private toggle(id: string): void {
    this.open = this.open === id ? null : id;
    this.host.requestUpdate();
  }

  private async handleSolved(id: string): Promise<void> {
    try {
      await request(this.host.client, ArticleSolved, { id });
    } catch {
      // Not counted (offline): the reader's problem is solved all the same.
    }
    this.solved = true;
    this.host.requestUpdate();
  }

  private handleBack(): void {
    this.solved = false;
    this.host.requestUpdate();
  }

  /** The list under the form's fields; nothing without suggestions. */
  render(): TemplateResult | typeof nothing {
    if (!this.articles.length) return nothing;
    const w = this.w;
    return html`<section class="wide suggestions" part="suggestions" aria-labelledby="sg-h">
      <h2 id="sg-h" class="hint">${w.heading}</h2>
      <ul>
        ${this.articles.map((a) => {
          const open = this.open === a.id;
          return html`<li part="suggestion">
            <button type="button" class="link" aria-expanded=${open ? "true" : "false"} aria-controls="sg-${a.id}" @click=${() => this.toggle(a.id)}>${a.title}</button>
            ${open
              ? html`<div id="sg-${a.id}" part="suggestion-body">
                  ${renderBody(a.body)}
                  <button type="button" class="secondary" part="solved-button" @click=${() => this.handleSolved(a.id)}>${w.solved}</button>
                </div>`
              : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  /** What the form shows once an article solved the problem. */
  thanks(): TemplateResult {
    return html`<div part="deflected" class="alert" role="status">
      <p>${this.w.thanks}</p>
      <button type="button" class="secondary" @click=${() => this.handleBack()}>${this.w.back}</button>
    </div>`;
  }
}
