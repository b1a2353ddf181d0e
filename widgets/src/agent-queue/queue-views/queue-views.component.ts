import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { request, type Endpoint } from "../../client/http.js";
import { DeleteQueueView, QueueViews, SaveQueueView, SetMyQueueView } from "../../client/queue-views.operations.js";
import { coalesced } from "../../shared/coalesce.js";
import { defaultEndpoint } from "../../shared/endpoint.js";
import { emit } from "../../shared/events.js";
import { LocaleController } from "../../shared/locale.js";
import { problemText } from "../../shared/problem-text.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { queueFilter, type QueueFilters } from "../queue-filters/queue-filters.rules.js";
import { indonesian, viewsMessages, type ViewsKey } from "./queue-views.messages.js";
import { countText, entryKey, filtersFor, type SavedView, type ViewEntry } from "./queue-views.rules.js";
import { queueViewsStyles } from "./queue-views.styles.js";

/** How long the counts wait after a change of the queue before asking again, so a burst of events costs one read. */
const RECOUNT_MS = 1000;

/**
 * The queue's views with live counts: mine, unassigned, my groups, at risk, breached, waiting on
 * the reporter, resolved, closed, cancelled, all, then the agent's saved views. Names, counts and
 * the cap come from the gateway; choosing a view sets the queue's filters and is remembered on
 * the gateway, so it follows the agent to other devices. "Save view" keeps the current filters
 * under a name. The counts are read again about a second after the queue's rows change (the
 * shell's live events). Below 40rem of width the list is one select.
 *
 * @summary The agent queue's views list with live counts and saved views.
 * @tagname sigap-queue-views
 *
 * @csspart views - The views list.
 * @csspart view - One view's button (the chosen one also `view-active`).
 * @csspart count - A view's count.
 * @csspart approvals - The button that opens the approvals inbox (the requests waiting for the agent's decision).
 * @csspart error - Why the views could not be read or saved.
 *
 * @fires {CustomEvent<QueueFilters>} sigap-filters-change - The agent chose a view: the queue's filters for it.
 */
export class SigapQueueViews extends LitElement {
  static override styles = [themeStyles, queueViewsStyles];

  static override properties: PropertyDeclarations = {
    entries: { state: true, attribute: false },
    chosen: { state: true, attribute: false },
    naming: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    note: { state: true, attribute: false },
    inbox: { state: true, attribute: false },
    token: {},
    endpoint: {},
    value: { attribute: false },
    rows: { attribute: false },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private readonly recount = coalesced(() => this.load());
  private timer: ReturnType<typeof setTimeout> | undefined;
  private entries: ViewEntry[] = [];
  private saved: SavedView[] = [];
  /** The chosen entry's key (a view name or `saved:<id>`); "" for the default queue. */
  private chosen = "";
  private naming = false;
  private problem = "";
  private note = "";
  /** Whether the approvals inbox is open (approvals/, loaded when first opened). */
  private inbox = false;
  /** The language the views' names were last read in. */
  private labelsIn = "";
  /** Whether the remembered view was applied (once, at the first read). */
  private restored = false;

  /** The agent's bearer token. */
  token = "";
  /** The gateway's GraphQL URL. @default the /graphql of the origin the script came from */
  endpoint = "";
  /** The queue's current filters, which "Save view" saves. */
  value: QueueFilters | undefined;
  /** The queue's rows: each new list (a live event, a reload) reads the counts again, about a second later. */
  rows: readonly unknown[] | undefined;

  private get target(): Endpoint {
    return { url: this.endpoint || defaultEndpoint(import.meta.url), token: this.token };
  }

  private t(key: ViewsKey, values?: Record<string, string | number>): string {
    return this.lc.t(viewsMessages, key, values);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has("token") || changed.has("endpoint")) {
      this.restored = false;
      void this.recount();
    } else if (changed.has("rows")) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.recount(), RECOUNT_MS);
    } else if (this.labelsIn && this.labelsIn !== this.lc.lang) {
      // The page's language changed: the gateway names the views in the new one.
      void this.recount();
    }
  }

  /** Reads the views and counts again now. */
  async load(): Promise<void> {
    if (!this.token) return;
    try {
      const language = this.lc.lang;
      const data = await request(this.target, QueueViews, { language });
      this.labelsIn = language;
      this.entries = data.queueViews;
      this.saved = data.savedQueueViews;
      this.problem = "";
      if (!this.restored) {
        this.restored = true;
        if (data.me.queueView) this.apply(data.me.queueView);
      }
    } catch (error) {
      this.problem = problemText(this.lc, error);
    }
  }

  /** Sets the queue's filters for a choice; false when the gateway lists no such view. */
  private apply(key: string): boolean {
    const filters = key ? filtersFor(key, this.saved) : null;
    if (key && !filters) return false;
    this.chosen = key;
    emit<QueueFilters>(this, "sigap-filters-change", filters ?? { ...(this.value as QueueFilters), view: "" });
    return true;
  }

  private async handleChoose(key: string): Promise<void> {
    // Choosing the chosen view again goes back to the default queue (open tickets).
    const next = key === this.chosen ? "" : key;
    if (!this.apply(next)) return;
    try {
      // "" forgets the choice, so the default queue is what a reload brings back too.
      await request(this.target, SetMyQueueView, { view: next });
    } catch (error) {
      this.problem = problemText(this.lc, error);
    }
  }

  private handleNaming(): void {
    this.naming = true;
    this.note = "";
  }

  private async handleSave(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const name = String(new FormData(e.target as HTMLFormElement).get("name") ?? "");
    try {
      const { saveQueueView } = await request(this.target, SaveQueueView, { input: { name, filter: queueFilter(this.value as QueueFilters) } });
      this.naming = false;
      this.note = this.t("saved", { name: name.trim() });
      await this.load();
      this.chosen = `saved:${saveQueueView.id}`;
      await request(this.target, SetMyQueueView, { view: this.chosen });
    } catch (error) {
      this.problem = problemText(this.lc, error);
    }
  }

  private async handleDelete(id: string): Promise<void> {
    try {
      await request(this.target, DeleteQueueView, { id });
      if (this.chosen === `saved:${id}`) this.apply("");
      await this.load();
    } catch (error) {
      this.problem = problemText(this.lc, error);
    }
  }

  private renderEntry(e: ViewEntry): TemplateResult {
    const key = entryKey(e);
    const active = key === this.chosen;
    // The count is read with its noun ("Mine 3 tickets"); the name keeps the visible text first, as WCAG 2.5.3 asks.
    return html`<span class="view" part=${active ? "view view-active" : "view"} ?data-active=${active}>
      <button type="button" aria-pressed=${active ? "true" : "false"} @click=${() => this.handleChoose(key)}>
        ${e.label} <span part="count" class="count">${countText(e)}</span><span class="visually-hidden"> ${this.t("tickets")}</span>
      </button>
      ${e.savedViewId
        ? html`<button type="button" class="delete" aria-label=${this.t("delete", { name: e.label })} @click=${() => this.handleDelete(e.savedViewId as string)}>×</button>`
        : nothing}
    </span>`;
  }

  override render(): TemplateResult {
    return html`<nav part="views" aria-label=${this.t("views")}>
        ${this.entries.map((e) => this.renderEntry(e))}
        <select aria-label=${this.t("views")} @change=${(e: Event) => this.handleChoose((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.chosen}>${this.t("noView")}</option>
          ${this.entries.map((e) => html`<option value=${entryKey(e)} ?selected=${entryKey(e) === this.chosen}>${e.label} (${countText(e)})</option>`)}
        </select>
        ${this.naming
          ? html`<form @submit=${this.handleSave}>
              <input name="name" required aria-label=${this.t("name")} placeholder=${this.t("name")} />
              <button type="submit">${this.t("save")}</button>
              <button type="button" @click=${() => (this.naming = false)}>${this.t("cancel")}</button>
            </form>`
          : html`<button type="button" class="secondary" @click=${this.handleNaming}>${this.t("saveView")}</button>`}
        <button type="button" class="secondary" part="approvals" @click=${() => import("../approvals/sigap-approvals-inbox.js").then(() => (this.inbox = true))}>${this.t("approvals")}</button>
      </nav>
      ${this.inbox
        ? html`<sigap-approvals-inbox token=${this.token} endpoint=${this.endpoint} @sigap-approvals-close=${() => (this.inbox = false)}></sigap-approvals-inbox>`
        : nothing}
      ${this.problem ? html`<p part="error" class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="visually-hidden" role="status">${this.note}</div>`;
  }
}
