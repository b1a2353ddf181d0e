/**
 * The report form's fields, as the reader sees them: each one's label, control, hint, character
 * counter, file list and error, from what the form holds (the site's settings, the values, the
 * gateway's rules). Plain templates in the form's own shadow root: no element of its own, which
 * would cost the first load bytes.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { Channel, SiteInfoQuery, Urgency } from "../client/generated.js";
import type { Evidence } from "../shared/evidence.js";
import { megabytes } from "../shared/file-size.js";
import type { LocaleController } from "../shared/locale.js";
import { chars, type FieldRule } from "./field-rule.js";
import type { KindChoice } from "./kind-choice.js";
import type { ReportFieldName } from "./report-form.component.js";
import type { ReportFormKey } from "./report-form.messages.js";

/** What the fields read of the form that holds them (its own code, so its private members). */
export interface FieldsForm {
  i18n: LocaleController;
  site: SiteInfoQuery["site"] | null;
  errors: Partial<Record<ReportFieldName, string>>;
  files: Evidence[];
  kinds?: KindChoice;
  value(f: ReportFieldName): string;
  rule(f: ReportFieldName): FieldRule | undefined;
  isRequired(f: ReportFieldName): boolean;
  isLocked(f: ReportFieldName): boolean;
  t(key: ReportFormKey, values?: Record<string, string | number>): string;
  handleInput(e: Event): void;
  handleFiles(e: Event): void;
  handleRemove(n: number): void;
}

const LONG: readonly ReportFieldName[] = ["description", "systemState", "stepsTried", "attachments"];
const CHANNELS: readonly Channel[] = ["WEB", "PHONE", "EMAIL", "WALK_IN"];
const AUTOCOMPLETE: Partial<Record<ReportFieldName, string>> = { reporterName: "name", reporterPhone: "tel", reporterEmail: "email", location: "street-address" };

/** `datetime-local`'s value for now, the latest time "when it happened" may be. */
const localNow = (): string => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** The help under a field: the chosen level's or service's description, the file limits. */
function hint(form: FieldsForm, f: ReportFieldName): string {
  const site = form.site;
  const v = form.value(f);
  if (!site) return "";
  if (f === "urgency" || f === "impact") return site[`${f}Help`].find((h) => h.level === v)?.[form.i18n.lang].join(" ") ?? "";
  if (f === "service") return site.services.find((s) => s.id === v)?.description ?? "";
  if (f === "attachments") {
    const types = site.allowedUploadTypes.map((t) => t.split("/")[1]?.toUpperCase().replace("PLAIN", "TXT")).join(", ");
    return form.t("filesHint", { n: site.maxAttachmentsPerTicket, size: megabytes(site.maxUploadBytes), types });
  }
  return "";
}

function control(form: FieldsForm, f: ReportFieldName, describedBy: string | typeof nothing): TemplateResult {
  const id = `f-${f}`;
  const v = form.value(f);
  const invalid = form.errors[f] ? "true" : nothing;
  const req = form.isRequired(f) ? "true" : nothing;
  const locked = form.isLocked(f);
  if (f === "channel" || f === "urgency" || f === "impact" || f === "service") {
    // Urgency and impact levels are the site's (its help tables), in the gateway's order.
    const options: Array<[string, string]> =
      f === "channel"
        ? CHANNELS.map((c) => [c, form.t(c)])
        : [
            ["", form.t("choose")],
            ...(f === "service"
              ? (form.kinds?.services(form.site?.services ?? []) ?? form.site?.services ?? []).map((s): [string, string] => [s.id, s.name])
              : (form.site?.[`${f}Help`] ?? []).map((h): [string, string] => [h.level, form.t(h.level as Urgency)])),
          ];
    return html`<select id=${id} name=${f} part="input" aria-invalid=${invalid} aria-required=${req} aria-describedby=${describedBy} ?disabled=${locked} @change=${form.handleInput}>
      ${options.map(([value, label]) => html`<option value=${value} ?selected=${value === v}>${label}</option>`)}
    </select>`;
  }
  if (f === "attachments") {
    return html`<input id=${id} type="file" multiple part="input" accept=${form.site?.allowedUploadTypes.join(",") ?? nothing} aria-invalid=${invalid} aria-required=${req} aria-describedby=${describedBy} ?disabled=${!form.site} @change=${form.handleFiles} />`;
  }
  if (LONG.includes(f)) {
    return html`<textarea id=${id} name=${f} part="input" rows=${f === "description" ? 5 : 3} aria-invalid=${invalid} aria-required=${req} aria-describedby=${describedBy} ?readonly=${locked} .value=${v} @input=${form.handleInput}></textarea>`;
  }
  const type = f === "reporterEmail" ? "email" : f === "reporterPhone" ? "tel" : f === "occurredAt" ? "datetime-local" : "text";
  return html`<input id=${id} name=${f} type=${type} part="input" max=${f === "occurredAt" ? localNow() : nothing} autocomplete=${AUTOCOMPLETE[f] ?? nothing} aria-invalid=${invalid} aria-required=${req} aria-describedby=${describedBy} ?readonly=${locked} .value=${v} @input=${form.handleInput} />`;
}

/** One field of the form: label, control, hint, counter, file list and error (`part="field field-<name>"`). */
export function renderField(form: FieldsForm, f: ReportFieldName): TemplateResult {
  const id = `f-${f}`;
  const help = hint(form, f);
  const error = form.errors[f];
  const files = f === "attachments" ? form.files : [];
  // Long texts count their characters against the gateway's limit as they are typed.
  const max = LONG.includes(f) && f !== "attachments" ? form.rule(f)?.maxLength : 0;
  const describedBy = [help && `${id}-hint`, max && `${id}-count`, error && `${id}-error`, files.length && `${id}-list`].filter(Boolean).join(" ") || nothing;
  return html`<div class="field ${LONG.includes(f) ? "wide" : ""}" part="field field-${f}">
    <label for=${id} part="label">${form.kinds?.label(f) ?? form.t(f)}${form.isRequired(f) ? html` <span class="req">${form.t("req")}</span>` : nothing}</label>
    ${control(form, f, describedBy)}
    ${help ? html`<p id="${id}-hint" class="hint" part="hint">${help}</p>` : nothing}
    ${max ? html`<p id="${id}-count" class="hint" part="counter">${form.t("count", { n: chars(form.value(f)), max })}</p>` : nothing}
    ${files.length
      ? html`<ul id="${id}-list" class="files" part="files">
          ${files.map(
            (x) => html`<li class=${x.error ? "error" : ""}>
              <span>${x.error ?? x.name}${x.id || x.error ? nothing : html` <span class="hint">${form.t("uploading")}</span>`}</span>
              <button type="button" class="secondary" @click=${() => form.handleRemove(x.n)} aria-label=${form.t("remove", { name: x.name })}>×</button>
            </li>`,
          )}
        </ul>`
      : nothing}
    ${error ? html`<p id="${id}-error" class="error" part="error">${error}</p>` : nothing}
  </div>`;
}
