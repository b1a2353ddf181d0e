import { css, html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import { LocaleController } from "../../shared/locale.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { priorityLabel, statusLabel } from "../../shared/ticket-text.js";
import { ticketStyles } from "../../shared/ticket.styles.js";
import { deskText, indonesian } from "../agent-queue.messages.js";
import { fieldOptions, fieldValueOptions, priorities, statusChoices } from "../desk-directory.js";
import { notify, type Directory } from "../desk-parts.js";
import type { SigapSearchDetail } from "../queue-search/queue-search.component.js";
import { fieldValueControl, filterCount, filtersFrom, NO_FILTERS, type QueueFilters } from "./queue-filters.rules.js";

/**
 * The queue's search box and filters: statuses, priority, ticket type (where the catalogue opens more than incidents), group, assignee, a custom field's value and breached only,
 * with the choices the gateway's directory lists. Below 40rem of width they fold behind a "Filters" button, so on a phone
 * the queue itself is on the first screen.
 *
 * @summary The agent queue's filter form.
 * @tagname sigap-queue-filters
 *
 * @csspart filters - The filter form.
 * @csspart filters-toggle - The "Filters" button of narrow screens.
 * @csspart search - The search field (`sigap-queue-search`, loaded on demand).
 * @csspart search-status - The search box's hint line.
 *
 * @fires {CustomEvent<QueueFilters>} sigap-filters-change - The agent changed a filter.
 */
export class SigapQueueFilters extends LitElement {
  static override styles = [
    themeStyles,
    ticketStyles,
    css`
      :host {
        container-type: inline-size;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem var(--_gap);
        padding: 0.5rem var(--_gap);
        background: var(--_surface);
        border-radius: var(--_radius);
      }
      .filters > label:not(.check) {
        display: grid;
        font-size: 0.9em;
      }
      .filters select,
      .filters > label:not(.check) > input {
        width: auto;
        min-width: 8rem;
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.75rem;
      }
      legend {
        font-size: 0.9em;
        padding: 0;
      }
      .check {
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
      }
      .check input {
        width: auto;
      }
      .toggle {
        display: none;
      }
      @container (max-width: 40rem) {
        .toggle {
          display: inline-block;
          margin-bottom: 0.5rem;
        }
        .filters:not(.shown) {
          display: none;
        }
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    shown: { state: true, attribute: false },
    directory: { attribute: false },
    value: { attribute: false },
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private shown = false;

  /** The site's directory: the statuses, priorities, groups and agents to choose from. */
  directory: Directory | null = null;
  /** The filters set now. */
  value: QueueFilters = NO_FILTERS;
  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  override firstUpdated(): void {
    // The search box is a chunk of its own, so the queue's first load stays within its budget.
    void import("../queue-search/sigap-queue-search.js");
  }

  private handleSearch(e: CustomEvent<SigapSearchDetail>): void {
    this.value = { ...this.value, search: e.detail.term };
    notify<QueueFilters>(this, "sigap-filters-change", this.value);
  }

  private handleChange(e: Event): void {
    this.value = filtersFrom(new FormData(e.currentTarget as HTMLFormElement), this.value);
    notify<QueueFilters>(this, "sigap-filters-change", this.value);
  }

  /** The custom field select and a value control fitting the chosen field's type; nothing for a site without fields. */
  private renderFieldFilter(dir: Directory, f: QueueFilters): TemplateResult | typeof nothing {
    if (!dir.customFields.length) return nothing;
    const lang = this.lc.lang;
    const t = (k: Parameters<typeof deskText>[1]): string => deskText(this.lc, k);
    const field = dir.customFields.find((x) => x.key === f.fieldKey);
    const control = field ? fieldValueControl(field.type) : null;
    const opt = ([v, l]: readonly [string, string]) => html`<option value=${v} ?selected=${v === f.fieldValue}>${l}</option>`;
    return html`<label
        >${t("field")}<select name="fieldKey">
          <option value="" ?selected=${!field}>${t("any")}</option>
          ${fieldOptions(dir.customFields, lang).map(([k, l]) => html`<option value=${k} ?selected=${k === f.fieldKey}>${l}</option>`)}
        </select></label
      >
      ${field && control === "select"
        ? html`<label
            >${t("fieldValue")}<select name="fieldValue">
              ${opt(["", t("any")])}${fieldValueOptions(field, lang, [t("yes"), t("no")]).map(opt)}
            </select></label
          >`
        : field
          ? html`<label>${t("fieldValue")}<input name="fieldValue" type=${control === "date" ? "date" : "text"} maxlength="1000" .value=${f.fieldValue} /></label>`
          : nothing}`;
  }

  override render(): TemplateResult {
    const dir = this.directory;
    if (!dir) return html``;
    const f = this.value;
    const t = (k: Parameters<typeof deskText>[1]): string => deskText(this.lc, k);
    const opt = (v: string, l: string, cur: string) => html`<option value=${v} ?selected=${v === cur}>${l}</option>`;
    const n = filterCount(f);
    return html`<sigap-queue-search exportparts="search,search-status" .theme=${this.theme} .value=${f.search} @sigap-search=${this.handleSearch}></sigap-queue-search>
      <button part="filters-toggle" type="button" class="toggle secondary" aria-expanded=${this.shown ? "true" : "false"} aria-controls="filters" @click=${() => (this.shown = !this.shown)}>
        ${t("filters")}${n ? ` (${n})` : ""}
      </button>
      <form id="filters" part="filters" class="filters ${this.shown ? "shown" : ""}" aria-label=${t("filters")} @change=${this.handleChange} @submit=${(e: Event) => e.preventDefault()}>
        <fieldset>
          <legend>${t("status")}</legend>
          ${statusChoices(dir.statuses).filterable.map(
            (s) => html`<label class="check"><input type="checkbox" name="status" value=${s} .checked=${f.statuses.includes(s)} />${statusLabel(this.lc, s)}</label>`,
          )}
        </fieldset>
        <label>${t("priority")}<select name="priority">${opt("", t("any"), f.priority)}${priorities(dir.slaPolicy).map((p) => opt(p, priorityLabel(this.lc, p), f.priority))}</select></label>
        ${dir.ticketTypes.length > 1
          ? html`<label>${t("type")}<select name="type">${opt("", t("any"), f.type)}${dir.ticketTypes.map((x) => opt(x.type, x.label[this.lc.lang], f.type))}</select></label>`
          : nothing}
        <label>${t("group")}<select name="groupId">${opt("", t("any"), f.groupId)}${dir.groups.map((g) => opt(g.id, g.name, f.groupId))}</select></label>
        <label
          >${t("assignee")}<select name="assigneeId">
            ${opt("", t("any"), f.assigneeId)}${opt("me", t("me"), f.assigneeId)}${dir.agents.map((x) => opt(x.id, x.name, f.assigneeId))}
          </select></label
        >
        ${this.renderFieldFilter(dir, f)}
        <label class="check"><input type="checkbox" name="breached" .checked=${f.breached} />${t("breachedOnly")}</label>
      </form>`;
  }
}
