import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import { LocaleController } from "../../shared/locale.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { ticketStyles } from "../../shared/ticket.styles.js";
import { notify } from "../desk-parts.js";
import { indonesian, type SearchKey, searchMessages } from "./queue-search.messages.js";
import { SEARCH_DEBOUNCE_MS, searchKeyAction, searchTerm } from "./queue-search.rules.js";
import { queueSearchStyles } from "./queue-search.styles.js";

/** Detail of `sigap-search`: the term to search for, "" to stop searching. */
export interface SigapSearchDetail {
  term: string;
}

/**
 * The queue's search box: searches a pause after typing, at once on Enter, and stops on Escape;
 * how many tickets match is the queue list's count line. What a term matches is the gateway's (`QueueFilter.search`).
 * Loaded on demand by `<sigap-queue-filters>`, so the queue's first load stays small.
 *
 * @summary The agent queue's search box.
 * @tagname sigap-queue-search
 *
 * @csspart search - The search field.
 * @csspart search-status - The hint line (Enter, Esc, every status).
 *
 * @fires {CustomEvent<SigapSearchDetail>} sigap-search - The term to search for changed.
 */
export class SigapQueueSearch extends LitElement {
  static override styles = [themeStyles, ticketStyles, queueSearchStyles];

  static override properties: PropertyDeclarations = {
    value: { attribute: false },
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sent = "";

  /** The term searched for now. */
  value = "";
  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has("value")) this.sent = this.value;
  }

  private t(key: SearchKey, values?: Record<string, string | number>): string {
    return this.lc.t(searchMessages, key, values);
  }

  private send(typed: string): void {
    clearTimeout(this.timer);
    const term = searchTerm(typed);
    if (term === this.sent) return;
    this.sent = term;
    notify<SigapSearchDetail>(this, "sigap-search", { term });
  }

  private handleInput(e: InputEvent): void {
    const typed = (e.currentTarget as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.send(typed), SEARCH_DEBOUNCE_MS);
  }

  private handleKey(e: KeyboardEvent): void {
    const input = e.currentTarget as HTMLInputElement;
    const action = searchKeyAction(e.key);
    if (!action) return;
    // Escape in an empty box is the page's (it may close a dialog); Enter never submits a form.
    if (action === "clear" && !input.value) return;
    e.preventDefault();
    if (action === "clear") input.value = "";
    this.send(input.value);
  }

  override render(): TemplateResult {
    return html`<label
        >${this.t("search")}<input
          part="search"
          type="search"
          maxlength="200"
          autocomplete="off"
          aria-describedby="search-status"
          placeholder=${this.t("placeholder")}
          .value=${this.value}
          @input=${this.handleInput}
          @keydown=${this.handleKey}
      /></label>
      <div id="search-status" part="search-status" class="status muted" role="status">
        ${this.value ? this.t("hint") : nothing}
      </div>`;
  }
}
