import { html, nothing, type TemplateResult } from "lit";
import type { CustomFieldType, FieldsAdminQuery } from "../../client/generated.js";
import { FieldsAdmin, ReorderCustomFields, SaveCustomField, SetCustomFieldRetired } from "../../client/admin-fields.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { LocaleController } from "../../shared/locale.js";
import { AdminForm, renderField, type FieldIds } from "../admin-form.js";
import { AdminSection } from "../admin-section.js";
import { choiceDrafts, moved, toFieldInput, TYPE_FORM, TYPES, type AdminField, type ChoiceDraft, type LimitName } from "./field-draft.js";
import { fieldsMessages, indonesian, type FieldsKey } from "./fields.messages.js";

type Data = FieldsAdminQuery;
/** Rows of choices whose refusals can sit beside their inputs; the gateway's own cap is lower (50). */
const CHOICE_ROWS = 60;
const CHOICE_FIELDS = Array.from({ length: CHOICE_ROWS }, (_, i) => [`choices.${i}.value`, `choices.${i}.id`, `choices.${i}.en`]).flat();
const LIMIT_INPUT: Record<LimitName, "number" | "date"> = { maxLength: "number", min: "number", max: "number", minDate: "date", maxDate: "date" };

/**
 * The Custom fields section of `<sigap-desk-admin>` (`customFields` and its mutations): the site's
 * extra report questions in form order, added and edited with labels and help in both languages,
 * limits and choices for their type and the services they are asked on; moved, retired, brought back.
 * Every range and rule is the gateway's: the form sends what is typed and shows each refusal beside its input.
 *
 * @summary Custom report fields (a part `<sigap-desk-admin>` loads on demand).
 * @tagname sigap-admin-fields
 *
 * @csspart field-error - The gateway's refusal beside the field it names.
 * @csspart form-error - A refusal that names no field shown.
 */
export class SigapAdminFields extends AdminSection<Data> {
  static override properties = {
    ...AdminSection.properties,
    editing: { state: true, attribute: false },
    draftType: { state: true, attribute: false },
    choices: { state: true, attribute: false },
    scopeAll: { state: true, attribute: false },
  };

  protected readonly lc = new LocaleController(this, indonesian);
  private readonly fieldForm = new AdminForm(this, this.lc, "field", [
    "key", "type", "labelId", "labelEn", "helpId", "helpEn", "required", "maxLength", "min", "max", "minDate", "maxDate",
    ...CHOICE_FIELDS, "choices", "serviceIds",
  ]);
  private readonly listForm = new AdminForm(this, this.lc, "fields", []);
  /** The open form: a field's id, `new`, or "" for none. */
  private editing = "";
  /** The open form's type, which decides its limits and choices. */
  private draftType: CustomFieldType = "TEXT";
  /** The open form's choice rows, as typed. */
  private choices: ChoiceDraft[] = [];
  /** Whether the open form asks the field on every report. */
  private scopeAll = true;

  protected read(target: Endpoint): Promise<Data> {
    return request(target, FieldsAdmin, {});
  }

  private t(key: FieldsKey, values?: Record<string, string | number>): string {
    return this.lc.t(fieldsMessages, key, values);
  }

  private label(f: AdminField): string {
    return this.lc.lang === "id" ? f.label.id || f.label.en : f.label.en || f.label.id;
  }

  private serviceName(s: Data["catalogAdmin"]["services"][number]): string {
    return (s.names.find((n) => n.language === this.lc.lang) ?? s.names[0])?.name ?? s.id;
  }

  private open(field: AdminField | null): void {
    const key = field?.id ?? "new";
    if (this.editing === key) {
      this.editing = "";
      return;
    }
    this.editing = key;
    this.draftType = field?.type ?? "TEXT";
    this.choices = choiceDrafts(field);
    this.scopeAll = !field?.serviceIds;
    this.fieldForm.fields = {};
    this.fieldForm.general = [];
    this.fieldForm.saved = false;
  }

  private async act(form: AdminForm, run: (target: Endpoint) => Promise<unknown>): Promise<boolean> {
    const target = this.target;
    if (!target) return false;
    const ok = await form.run(() => run(target));
    if (ok) await this.reload();
    return ok;
  }

  private handleSave(event: SubmitEvent, field: AdminField | null): void {
    event.preventDefault();
    const f = new FormData(event.target as HTMLFormElement);
    const text = (k: string) => String(f.get(k) ?? "").trim();
    const serviceIds = this.scopeAll ? null : f.getAll("serviceIds").map(String);
    const input = toFieldInput(field?.id ?? null, this.draftType, text, this.choices, serviceIds);
    void this.act(this.fieldForm, (t) => request(t, SaveCustomField, { input })).then((ok) => ok && (this.editing = ""));
  }

  private setChoice(at: number, part: keyof ChoiceDraft, value: string): void {
    this.choices = this.choices.map((c, i) => (i === at ? { ...c, [part]: value } : c));
  }

  private renderChoices(): TemplateResult {
    const form = this.fieldForm;
    const cell = (at: number, part: keyof ChoiceDraft, label: string) =>
      renderField(form, `choices.${at}.${part}`, label, (d: FieldIds) => html`<input id=${d.id} .value=${this.choices[at]?.[part] ?? ""}
        @input=${(e: Event) => this.setChoice(at, part, (e.target as HTMLInputElement).value)} aria-invalid=${d.invalid} aria-describedby=${d.describedBy} />`);
    const d = form.describe("choices");
    return html`<fieldset class="wide" aria-describedby=${d.describedBy}><legend>${this.t("choices")}</legend>
      ${this.choices.map(
        (_, at) => html`<fieldset class="wide"><legend>${this.t("choiceN", { n: at + 1 })}</legend>
          ${cell(at, "value", this.t("choiceValue"))}${cell(at, "id", this.t("choiceId"))}${cell(at, "en", this.t("choiceEn"))}
          <div class="actions"><button type="button" class="secondary" ?disabled=${this.choices.length < 2}
            @click=${() => (this.choices = this.choices.filter((__, i) => i !== at))}>${this.t("removeChoice", { n: at + 1 })}</button></div>
        </fieldset>`,
      )}
      <div class="actions wide"><button type="button" class="secondary" @click=${() => (this.choices = [...this.choices, { value: "", id: "", en: "" }])}>${this.t("addChoice")}</button></div>
      ${form.error("choices")}
    </fieldset>`;
  }

  private renderScope(field: AdminField | null, services: Data["catalogAdmin"]["services"]): TemplateResult {
    const form = this.fieldForm;
    const d = form.describe("serviceIds");
    const picked = new Set(field?.serviceIds ?? []);
    return html`<fieldset class="wide block" aria-describedby=${d.describedBy}><legend>${this.t("scope")}</legend>
      <label class="check"><input type="radio" name="scope" .checked=${this.scopeAll} @change=${() => (this.scopeAll = true)} />${this.t("scopeAll")}</label>
      <label class="check"><input type="radio" name="scope" .checked=${!this.scopeAll} @change=${() => (this.scopeAll = false)} />${this.t("scopeSome")}</label>
      ${this.scopeAll
        ? nothing
        : html`<fieldset class="plain"><legend class="hint">${this.t("scopeSome")}</legend>${services
            .filter((s) => !s.retired || picked.has(s.id))
            .map((s) => html`<label class="check"><input type="checkbox" name="serviceIds" value=${s.id} ?checked=${picked.has(s.id)} />${this.serviceName(s)}</label>`)}</fieldset>`}
      ${form.error("serviceIds")}
    </fieldset>`;
  }

  private renderForm(field: AdminField | null, data: Data): TemplateResult {
    const form = this.fieldForm;
    const shape = TYPE_FORM[this.draftType];
    const input = (name: string, value: string, extra: { type?: string; readonly?: boolean } = {}) => (d: FieldIds) =>
      html`<input id=${d.id} name=${name} type=${extra.type ?? "text"} step=${extra.type === "number" ? "any" : nothing} ?readonly=${!!extra.readonly} .value=${value}
        aria-invalid=${d.invalid} aria-describedby=${d.describedBy} />`;
    const area = (name: "helpId" | "helpEn", value: string) => (d: FieldIds) =>
      html`<textarea id=${d.id} name=${name} rows="2" .value=${value} aria-invalid=${d.invalid} aria-describedby=${d.describedBy}></textarea>`;
    const limit = (name: LimitName) => {
      const value = field?.[name];
      return renderField(form, name, this.t(name), input(name, value === null || value === undefined ? "" : String(value), { type: LIMIT_INPUT[name] }));
    };
    const legend = field ? this.t("editOf", { name: this.label(field) }) : this.t("add");
    return html`<form @submit=${(e: SubmitEvent) => this.handleSave(e, field)} aria-busy=${form.busy ? "true" : "false"} novalidate>
      <fieldset><legend>${legend}</legend>
        ${renderField(form, "key", this.t("key"), input("key", field?.key ?? "", { readonly: !!field }), this.t("keyHint"))}
        ${renderField(form, "type", this.t("type"), (d) => html`<select id=${d.id} name="type" ?disabled=${!!field} aria-invalid=${d.invalid} aria-describedby=${d.describedBy}
            @change=${(e: Event) => (this.draftType = (e.target as HTMLSelectElement).value as CustomFieldType)}>
            ${TYPES.map((t) => html`<option value=${t} ?selected=${t === this.draftType}>${this.t(`type.${t}`)}</option>`)}</select>`, field ? this.t("typeHint") : undefined)}
        ${renderField(form, "labelId", this.t("labelId"), input("labelId", field?.label.id ?? ""))}
        ${renderField(form, "labelEn", this.t("labelEn"), input("labelEn", field?.label.en ?? ""))}
        ${renderField(form, "helpId", this.t("helpId"), area("helpId", field?.helpId ?? ""))}
        ${renderField(form, "helpEn", this.t("helpEn"), area("helpEn", field?.helpEn ?? ""))}
        <div class="field"><label class="check"><input type="checkbox" name="required" ?checked=${field?.required ?? false}
          aria-invalid=${form.describe("required").invalid} aria-describedby=${form.describe("required").describedBy} />${this.t("required")}</label>${form.error("required")}</div>
        ${shape.limits.length ? html`<fieldset class="wide"><legend>${this.t("limits")}</legend>${shape.limits.map(limit)}</fieldset>` : nothing}
        ${shape.choices ? this.renderChoices() : nothing}
        ${this.renderScope(field, data.catalogAdmin.services)}
      </fieldset>
      ${form.outcome(this.t("saved"))}
      <div class="actions">
        <button type="submit" ?disabled=${form.busy}>${form.busy ? this.t("saving") : this.t("save")}</button>
        <button type="button" class="secondary" @click=${() => (this.editing = "")}>${this.t("cancel")}</button>
      </div>
    </form>`;
  }

  private renderEntry(f: AdminField, at: number, data: Data): TemplateResult {
    const name = this.label(f);
    const ids = data.customFields.map((x) => x.id);
    const scope = f.serviceIds ? this.t("someServices", { n: f.serviceIds.length }) : this.t("allServices");
    const facts = [this.t(`type.${f.type}`), f.required ? this.t("requiredTag") : "", scope, f.retired ? this.t("retired") : ""].filter(Boolean);
    const button = (label: string, aria: string, run: () => void, disabled = false) =>
      html`<button type="button" class="secondary" aria-label=${aria} ?disabled=${disabled || this.listForm.busy} @click=${run}>${label}</button>`;
    const retire = (retired: boolean) => () => this.act(this.listForm, (t) => request(t, SetCustomFieldRetired, { id: f.id, retired }));
    return html`<li>
      <div class="entry">
        <span class=${f.retired ? "muted" : ""}>${name} <code>${f.key}</code></span>
        <span class="muted">${facts.join(" · ")}</span>
        <span class="muted" lang=${this.lc.lang === "id" ? "en" : "id"}>${this.lc.lang === "id" ? f.label.en : f.label.id}</span>
        <span class="actions">
          ${button(this.t("up"), this.t("upOf", { name }), () => this.act(this.listForm, (t) => request(t, ReorderCustomFields, { ids: moved(ids, at, -1) })), at === 0)}
          ${button(this.t("down"), this.t("downOf", { name }), () => this.act(this.listForm, (t) => request(t, ReorderCustomFields, { ids: moved(ids, at, 1) })), at === ids.length - 1)}
          ${button(this.t("edit"), this.t("editOf", { name }), () => this.open(f))}
          ${f.retired ? button(this.t("restore"), this.t("restoreOf", { name }), retire(false)) : button(this.t("retire"), this.t("retireOf", { name }), retire(true))}
        </span>
      </div>
      ${this.editing === f.id ? this.renderForm(f, data) : nothing}
    </li>`;
  }

  override render(): TemplateResult {
    const data = this.data;
    if (!data) return this.waiting(this.t("loading"), this.t("retry"));
    return html`${this.listForm.outcome("")}
      <section aria-labelledby="fields-title">
        <h3 id="fields-title">${this.t("fields")}</h3>
        ${data.customFields.length ? html`<ul class="entries">${data.customFields.map((f, at) => this.renderEntry(f, at, data))}</ul>` : html`<p class="muted">${this.t("none")}</p>`}
        ${this.editing === "new" ? this.renderForm(null, data) : html`<button type="button" class="secondary" @click=${() => this.open(null)}>${this.t("add")}</button>`}
      </section>`;
  }
}
