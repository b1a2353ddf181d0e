/**
 * The report form's custom fields: the site's own questions (`site.customFields`), rendered from
 * the schema at run time in the form's language and checked against the gateway's limits before
 * sending. Loaded on demand, only on sites that have fields, so the form's first load does not
 * carry it. It renders into the form's shadow root (no shadow of its own): the form's styles,
 * parts and error style apply to these fields as to its own.
 */
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import type { CustomFieldsQuery, CustomFieldValueInput } from "../client/generated.js";
import { request, type Endpoint } from "../client/http.js";
import { CustomFields, DeskCustomFields } from "../client/custom-fields.operations.js";
import type { LocaleController } from "../shared/locale.js";

type Field = CustomFieldsQuery["site"]["customFields"][number];

/** A refusal's field problems as the gateway names them (`fields.<key>`). */
export interface FieldRefusal {
  field: string;
  message: string;
}

/**
 * What this part reads of the form that holds it (the report form, or the desk's logging dialog):
 * its language, where it sends requests, and the service chosen. `desk`: the fields are read as
 * the signed-in agent's (deskDirectory), not with the widget's site key.
 */
interface FormParts {
  i18n: LocaleController;
  client: Endpoint;
  extra?: SigapCustomFields;
  desk?: boolean;
  value(field: "service"): string;
}

/** This part's own words, in both languages: they travel with it, so any form may hold it. */
const words = {
  en: {
    yes: "Yes", no: "No", min: "At least {n}.", max: "At most {n}.", from: "On or after {n}.", until: "On or before {n}.", num: "Enter a number.",
    choose: "Choose…", req: "(required)", errRequired: "Fill this in.", errLong: "Too long: {n} characters over the limit of {max}.",
  },
  id: {
    yes: "Ya", no: "Tidak", min: "Paling sedikit {n}.", max: "Paling banyak {n}.", from: "Paling awal {n}.", until: "Paling lambat {n}.", num: "Isi dengan angka.",
    choose: "Pilih…", req: "(wajib)", errRequired: "Wajib diisi.", errLong: "Terlalu panjang: lebih {n} karakter dari batas {max}.",
  },
};

// Characters as the gateway counts them (code points), as field-rule.ts's chars: not imported, so the
// report form and the desk's logging dialog that both load this part share no extra chunk for it.
const chars = (v: string): number => [...v].length;

const fill = (text: string, n: string | number): string => text.replace("{n}", String(n));

/**
 * @tag sigap-custom-fields
 * @summary The site's custom fields inside `<sigap-report-form>` (an internal part, not placed by pages).
 */
export class SigapCustomFields extends LitElement {
  static override properties: PropertyDeclarations = {
    form: { attribute: false },
    defs: { state: true, attribute: false },
    values: { state: true, attribute: false },
    errors: { state: true, attribute: false },
  };

  /** The form that holds this part (`<sigap-report-form>` or `<sigap-log-ticket>`). */
  form: LitElement | null = null;

  private defs: Field[] = [];
  private values: Record<string, string[]> = {};
  private errors: Record<string, string> = {};
  private loading?: Promise<void>;
  private watching = false;

  // The form's shadow root holds these fields, so its styles and parts apply to them.
  override createRenderRoot(): HTMLElement {
    this.style.display = "contents";
    return this;
  }

  // The form's i18n and client are private to its class, not to its parts: this part is the form's own code.
  private get host(): FormParts | null {
    return this.form as unknown as FormParts | null;
  }

  private get lc(): LocaleController | undefined {
    return this.host?.i18n;
  }

  override willUpdate(): void {
    const host = this.host;
    if (!host) return;
    host.extra = this;
    this.loading ??= this.load(host.client);
    if (this.watching) return;
    this.watching = true;
    // The form's updates (a service chosen, the page's language changed) may change what is asked and how it reads.
    this.form?.addController({ hostUpdated: () => this.requestUpdate() });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.host?.extra === this) this.host.extra = undefined;
  }

  private async load(client: Endpoint): Promise<void> {
    try {
      this.defs = this.host?.desk ? (await request(client, DeskCustomFields, {})).deskDirectory.customFields : (await request(client, CustomFields, {})).site.customFields;
    } catch {
      // The form reports a site that cannot be reached; without definitions these fields stay empty.
      this.loading = undefined;
    }
  }

  private get language(): "en" | "id" {
    return this.lc?.lang ?? "en";
  }

  private t(key: "errRequired" | "errLong" | "req" | "choose", values?: Record<string, number>): string {
    return this.lc ? this.lc.t(words, key, values) : key;
  }

  /** The fields asked now: those for every report, and those of the chosen service. */
  private get asked(): Field[] {
    const service = this.host?.value("service") ?? "";
    return this.defs.filter((f) => !f.serviceIds || f.serviceIds.includes(service));
  }

  /** What is wrong with a field's value, in the reader's words, or "". */
  private problem(f: Field): string {
    const v = this.values[f.key] ?? [];
    const w = words[this.language];
    if (!v.length) return f.required ? this.t("errRequired") : "";
    const one = v[0]!;
    if (f.maxLength && chars(one) > f.maxLength) return this.t("errLong", { n: chars(one) - f.maxLength, max: f.maxLength });
    if (f.type === "NUMBER") {
      if (!Number.isFinite(Number(one))) return w.num;
      if (f.min !== null && Number(one) < f.min) return fill(w.min, f.min);
      if (f.max !== null && Number(one) > f.max) return fill(w.max, f.max);
    }
    if (f.type === "DATE") {
      if (f.minDate && one < f.minDate) return fill(w.from, f.minDate);
      if (f.maxDate && one > f.maxDate) return fill(w.until, f.maxDate);
    }
    return "";
  }

  /** Checks every asked field, shows what is wrong, and returns the labels of the bad ones. */
  check(): string[] {
    const errors: Record<string, string> = {};
    for (const f of this.asked) {
      const p = this.problem(f);
      if (p) errors[f.key] = p;
    }
    this.errors = errors;
    return this.asked.filter((f) => errors[f.key]).map((f) => f.label[this.language]);
  }

  /** The values to send: one entry per value, a multi-choice key repeated per choice. */
  payload(): CustomFieldValueInput[] {
    return this.asked.flatMap((f) => (this.values[f.key] ?? []).map((value) => ({ key: f.key, value })));
  }

  /** Shows the gateway's refusals of these fields; returns the labels of those it named. */
  refused(problems: readonly FieldRefusal[]): string[] {
    const errors: Record<string, string> = {};
    for (const p of problems) if (p.field.startsWith("fields.")) errors[p.field.slice(7)] = p.message;
    this.errors = errors;
    return this.asked.filter((f) => errors[f.key]).map((f) => f.label[this.language]);
  }

  private handleInput(f: Field, e: Event): void {
    const el = e.target as HTMLInputElement;
    let v = this.values[f.key] ?? [];
    if (f.type === "MULTI_CHOICE") v = el.checked ? [...v, el.value] : v.filter((x) => x !== el.value);
    else v = el.value.trim() ? [el.value.trim()] : [];
    this.values = { ...this.values, [f.key]: v };
    // Past the limit is said at once, as the form's own texts do; nothing is ever cut.
    const long = f.maxLength && v[0] && chars(v[0]) > f.maxLength ? this.problem(f) : "";
    if (long || this.errors[f.key]) this.errors = { ...this.errors, [f.key]: long };
  }

  private renderControl(f: Field, id: string, describedBy: string | typeof nothing): TemplateResult {
    const v = this.values[f.key] ?? [];
    const invalid = this.errors[f.key] ? "true" : nothing;
    const req = f.required ? "true" : nothing;
    const on = (e: Event) => this.handleInput(f, e);
    const w = words[this.language];
    if (f.type === "MULTI_CHOICE") {
      return html`<div id=${id} class="choices" role="group" aria-labelledby="${id}-label" aria-invalid=${invalid} aria-required=${req} aria-describedby=${describedBy}>
        ${f.choices.map((c) => html`<label part="choice"><input type="checkbox" value=${c.value} .checked=${v.includes(c.value)} @change=${on} /> ${c.label[this.language]}</label>`)}
      </div>`;
    }
    if (f.type === "CHOICE" || f.type === "YES_NO") {
      const options: Array<[string, string]> =
        f.type === "CHOICE" ? f.choices.map((c) => [c.value, c.label[this.language]]) : [["true", w.yes], ["false", w.no]];
      return html`<select id=${id} name="cf-${f.key}" part="input" aria-invalid=${invalid} aria-required=${req} aria-describedby=${describedBy} @change=${on}>
        <option value="">${this.t("choose")}</option>
        ${options.map(([value, label]) => html`<option value=${value} ?selected=${v[0] === value}>${label}</option>`)}
      </select>`;
    }
    const type = f.type === "NUMBER" ? "number" : f.type === "DATE" ? "date" : "text";
    const min = f.type === "NUMBER" ? f.min : f.minDate;
    const max = f.type === "NUMBER" ? f.max : f.maxDate;
    return html`<input id=${id} name="cf-${f.key}" type=${type} part="input" step=${type === "number" ? "any" : nothing} min=${min ?? nothing} max=${max ?? nothing}
      aria-invalid=${invalid} aria-required=${req} aria-describedby=${describedBy} .value=${v[0] ?? ""} @input=${on} />`;
  }

  override render(): TemplateResult {
    return html`${this.asked.map((f) => {
      const id = `cf-${f.key}`;
      const help = f.help?.[this.language];
      const error = this.errors[f.key];
      const describedBy = [help && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || nothing;
      // A group of boxes is named by its legend-like label; a single control by its <label for>.
      const label = html`${f.label[this.language]}${f.required ? html` <span class="req">${this.t("req")}</span>` : nothing}`;
      return html`<div class="field ${f.type === "MULTI_CHOICE" ? "wide" : ""}" part="field field-custom field-${id}">
        ${f.type === "MULTI_CHOICE" ? html`<span id="${id}-label" class="label" part="label">${label}</span>` : html`<label for=${id} part="label">${label}</label>`}
        ${this.renderControl(f, id, describedBy)}
        ${help ? html`<p id="${id}-hint" class="hint" part="hint">${help}</p>` : nothing}
        ${error ? html`<p id="${id}-error" class="error" part="error">${error}</p>` : nothing}
      </div>`;
    })}`;
  }
}

if (!customElements.get("sigap-custom-fields")) customElements.define("sigap-custom-fields", SigapCustomFields);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-custom-fields": SigapCustomFields;
  }
}
