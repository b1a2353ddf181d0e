import { html, nothing, type TemplateResult } from "lit";
import type { AuditFilter, AuditLogQuery, AuditSetupQuery } from "../../client/generated.js";
import { AuditLog, AuditSetup } from "../../client/admin-audit.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { LocaleController } from "../../shared/locale.js";
import { AdminForm, renderField, type FieldIds } from "../admin-form.js";
import { AdminSection } from "../admin-section.js";
import { fieldChanges } from "./audit-changes.js";
import { auditStyles } from "./audit-section.styles.js";
import { auditMessages, indonesian, type AuditKey } from "./audit.messages.js";
import { zonedDateTime, zonedDayBound } from "./zoned-day.js";

type Setup = AuditSetupQuery;
type Entry = AuditLogQuery["auditLog"]["entries"][number];

/** Lines a page asks for (the gateway allows up to 200). */
const PAGE = 50;

/**
 * The Audit log section of `<sigap-desk-admin>` (`auditLog`): who changed what, when and from
 * where, with each changed field's value before and after, newest first; filtered by days (on the
 * site's clock), action or its prefix, subject type and agent, paged with the gateway's cursor.
 * Read only: no API changes a line. The filters' rules are the gateway's; its refusals show beside them.
 *
 * @summary The site's audit trail (a part `<sigap-desk-admin>` loads on demand).
 * @tagname sigap-admin-audit
 *
 * @csspart field-error - The gateway's refusal beside the filter it names.
 * @csspart form-error - A refusal that names no filter shown.
 */
export class SigapAdminAudit extends AdminSection<Setup> {
  static override styles = [...AdminSection.styles, auditStyles];
  static override properties = {
    ...AdminSection.properties,
    entries: { state: true, attribute: false },
    next: { state: true, attribute: false },
  };

  protected readonly lc = new LocaleController(this, indonesian);
  private readonly form = Object.assign(new AdminForm(this, this.lc, "audit", ["from", "to", "action", "subjectType", "actorId"]), {
    // The gateway names filters by their path in the query's arguments.
    alias: (field: string) => field.replace(/^filter\./, ""),
  });
  /** The lines shown, newest first. */
  private entries: Entry[] = [];
  /** Where the next page starts; null when the last page is shown. */
  private next: string | null = null;
  /** The filters applied. */
  private filter: AuditFilter = {};
  /** Which page request is the latest: an older answer arriving late is dropped. */
  private requests = 0;

  protected async read(target: Endpoint): Promise<Setup> {
    const [setup] = await Promise.all([request(target, AuditSetup, {}), this.fetchPage(target, null)]);
    return setup;
  }

  private t(key: AuditKey, values?: Record<string, string | number>): string {
    return this.lc.t(auditMessages, key, values);
  }

  /** The actor kind in words; a kind this widget does not know yet is shown as the gateway sends it. */
  private kind(kind: string): string {
    const key = `kind.${kind}`;
    return key in auditMessages.en ? this.t(key as AuditKey) : kind;
  }

  private get zone(): string {
    return this.data?.siteSettings.timeZone ?? "UTC";
  }

  /** Reads a page with the applied filters: the first one (replacing the lines) or the one after `after`. */
  private async fetchPage(target: Endpoint, after: string | null): Promise<void> {
    const at = ++this.requests;
    Object.assign(this.form, { busy: true, fields: {}, general: [] });
    this.requestUpdate();
    try {
      const { auditLog } = await request(target, AuditLog, { filter: this.filter, first: PAGE, after });
      if (at !== this.requests) return;
      this.entries = after ? [...this.entries, ...auditLog.entries] : auditLog.entries;
      this.next = auditLog.nextCursor;
    } catch (error) {
      // The first read's failure is the section's (with its retry); later ones show above the table.
      if (at !== this.requests) return;
      if (!this.data) throw error;
      this.form.fail(error);
    } finally {
      if (at === this.requests) this.form.busy = false;
      this.requestUpdate();
    }
  }

  private handleFilter(event: SubmitEvent): void {
    event.preventDefault();
    if (!this.target) return;
    const f = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(f.get(name) ?? "").trim() || null;
    const [from, to] = [text("from"), text("to")];
    const filter: AuditFilter = {
      from: from && zonedDayBound(from, this.zone),
      to: to && zonedDayBound(to, this.zone, true),
      action: text("action"),
      subjectType: text("subjectType"),
      actorId: text("actorId"),
    };
    this.filter = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== null)) as AuditFilter;
    void this.fetchPage(this.target, null);
  }

  private handleClear(event: Event): void {
    (event.target as HTMLButtonElement).form?.reset();
    this.filter = {};
    if (this.target) void this.fetchPage(this.target, null);
  }

  private handleMore(): void {
    if (this.target && this.next) void this.fetchPage(this.target, this.next);
  }

  private renderFilters(setup: Setup): TemplateResult {
    const form = this.form;
    const input = (name: string, type: string) => (d: FieldIds) => html`<input id=${d.id} name=${name} type=${type} aria-invalid=${d.invalid} aria-describedby=${d.describedBy} />`;
    return html`<form @submit=${this.handleFilter} aria-busy=${form.busy ? "true" : "false"} novalidate>
      <fieldset>
        <legend>${this.t("filters")}</legend>
        ${renderField(form, "from", this.t("from"), input("from", "date"))}
        ${renderField(form, "to", this.t("to"), input("to", "date"))}
        ${renderField(form, "action", this.t("action"), input("action", "text"), this.t("actionHint"))}
        ${renderField(form, "subjectType", this.t("subjectType"), input("subjectType", "text"), this.t("subjectTypeHint"))}
        ${renderField(form, "actorId", this.t("actor"), (d) => html`<select id=${d.id} name="actorId" aria-invalid=${d.invalid} aria-describedby=${d.describedBy}>
            <option value="">${this.t("anyone")}</option>
            ${setup.adminAgents.map((a) => html`<option value=${a.id}>${a.name}</option>`)}
          </select>`)}
      </fieldset>
      ${form.outcome("")}
      <div class="actions">
        <button type="submit" ?disabled=${form.busy}>${this.t("show")}</button>
        <button type="button" class="secondary" ?disabled=${form.busy} @click=${this.handleClear}>${this.t("clear")}</button>
      </div>
    </form>`;
  }

  private renderChanges(e: Entry): TemplateResult {
    const changes = fieldChanges(e.beforeJson, e.afterJson);
    if (!changes.length) return html`<span class="muted">${this.t("noChange")}</span>`;
    const value = (v: string | null, tag: "del" | "ins" | "span") => {
      if (!v) return html`<span class="muted">${this.t("noValue")}</span>`;
      return tag === "del" ? html`<del>${v}</del>` : tag === "ins" ? html`<ins>${v}</ins>` : html`<span class="value">${v}</span>`;
    };
    const label = (field: string) => (field ? html`<code>${field}</code>: ` : nothing);
    // A creation or a removal has one side only: its values are listed under what happened, not as "→ none".
    const side = e.beforeJson === null ? "after" : e.afterJson === null ? "before" : null;
    if (side) {
      return html`<span class="muted">${this.t(side === "after" ? "created" : "removed")}</span>
        <ul class="changes">${changes.map((c) => html`<li>${label(c.field)}${value(c[side], "span")}</li>`)}</ul>`;
    }
    return html`<ul class="changes">${changes.map((c) => html`<li>${label(c.field)}${value(c.before, "del")} → ${value(c.after, "ins")}</li>`)}</ul>`;
  }

  private renderRow(e: Entry): TemplateResult {
    return html`<tr>
      <th scope="row"><time datetime=${e.at}>${zonedDateTime(e.at, this.lc.locale, this.zone)}</time></th>
      <td>${e.actorName}<br /><span class="muted">${this.kind(e.actorKind)}</span></td>
      <td>${e.ip ?? html`<span class="muted">—</span>`}</td>
      <td><code class="action">${e.action}</code></td>
      <td>${e.subjectType}${e.subjectId ? html` <code>${e.subjectId}</code>` : nothing}</td>
      <td>${this.renderChanges(e)}</td>
    </tr>`;
  }

  override render(): TemplateResult {
    const setup = this.data;
    if (!setup) return this.waiting(this.t("loading"), this.t("retry"));
    const count = this.entries.length;
    return html`<h3>${this.t("title")}</h3>
      ${this.renderFilters(setup)}
      <p class="hint">${this.t("zone", { zone: this.zone })}</p>
      <!-- The lines have no controls: the box that scrolls them sideways on a phone takes the focus itself. -->
      <div class="scroll" tabindex="0" role="region" aria-labelledby="audit-caption"><table>
        <caption id="audit-caption">${this.t("caption")}</caption>
        <thead><tr>
          <th scope="col">${this.t("when")}</th><th scope="col">${this.t("who")}</th><th scope="col">${this.t("where")}</th>
          <th scope="col">${this.t("what")}</th><th scope="col">${this.t("which")}</th><th scope="col">${this.t("changes")}</th>
        </tr></thead>
        <tbody>${this.entries.map((e) => this.renderRow(e))}</tbody>
      </table></div>
      <p class="muted" role="status">${count ? this.t(this.next ? "shown" : "end", { count }) : this.t("none")}</p>
      ${this.next
        ? html`<div class="actions more"><button type="button" class="secondary" ?disabled=${this.form.busy} @click=${this.handleMore}>${this.form.busy ? this.t("loadingMore") : this.t("more")}</button></div>`
        : nothing}`;
  }
}
