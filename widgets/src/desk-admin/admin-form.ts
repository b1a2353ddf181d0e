import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from "lit";
import type { FieldProblem } from "../client/graphql-error.js";
import { emit } from "../shared/events.js";
import type { LocaleController } from "../shared/locale.js";
import { problemCode, problemText } from "../shared/problem-text.js";
import { asRequestError } from "../shared/request-error.js";

/**
 * Sorts a BAD_USER_INPUT's problems onto the fields a form shows: a problem goes beside the first
 * shown field its path starts with (`holidays.0.day` beside `holidays.0.day`, `response` beside
 * `response`), the rest (`input`, a field the form does not show) above the form. The gateway's
 * sentences are shown as sent: they name the rule, which the widget does not repeat.
 */
export function placeProblems(problems: readonly FieldProblem[], shown: readonly string[]): { byField: Record<string, string>; general: string[] } {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  // Case aside: a ladder's problems name their target (RESPONSE) where the input calls it `response`.
  const lower = shown.map((f) => f.toLowerCase());
  for (const p of problems) {
    const named = p.field.toLowerCase();
    const at = lower.findIndex((f) => named === f || named.startsWith(`${f}.`));
    const field = shown[at >= 0 ? at : lower.findIndex((f) => f.startsWith(`${named}.`))];
    if (field) byField[field] = byField[field] ? `${byField[field]} ${p.message}` : p.message;
    else general.push(p.message);
  }
  return { byField, general };
}

/** The id of a field's error text, for its input's aria-describedby. */
export function errorId(form: string, field: string): string {
  return `${form}-${field.replace(/[^\w-]/g, "_")}-error`;
}

/**
 * One admin form's request state: busy while its mutation runs, the gateway's problems placed beside
 * the fields they name, and a "saved" note. A refused token is reported to the page
 * (`sigap-auth-error`, which the shell turns into a new sign-in).
 */
export class AdminForm implements ReactiveController {
  /** A mutation is under way. */
  busy = false;
  /** Problems by the shown field they belong to. */
  fields: Record<string, string> = {};
  /** What failed that belongs to no shown field. */
  general: string[] = [];
  /** The last change went through. */
  saved = false;
  /** Renames a problem's field before it is placed (a form whose request numbers what it shows by name). */
  alias: (field: string) => string = (field) => field;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly lc: LocaleController,
    /** The form's name, prefixing its error ids. */
    readonly name: string,
    /** The input fields the form shows, by the gateway's names. */
    private shown: readonly string[],
  ) {
    host.addController(this);
  }

  /** Changes the fields shown, for a form whose rows come and go (approval steps, routing rules). */
  show(fields: readonly string[]): void {
    this.shown = fields;
  }

  hostConnected(): void {}

  /** Runs one change; true when the gateway took it. */
  async run(call: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    this.saved = false;
    this.fields = {};
    this.general = [];
    this.host.requestUpdate();
    try {
      await call();
      this.saved = true;
      emit<{ form: string }>(this.host, "sigap-admin-change", { form: this.name });
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Shows a failure: field problems beside their fields, anything else above the form. */
  fail(e: unknown): void {
    const error = asRequestError(e);
    if (problemCode(error) === "UNAUTHENTICATED") emit(this.host, "sigap-auth-error", { message: error.message });
    const placed = placeProblems(error.fields.map((p) => ({ ...p, field: this.alias(p.field) })), this.shown);
    this.fields = placed.byField;
    this.general = error.fields.length ? placed.general : [problemText(this.lc, error)];
    this.host.requestUpdate();
  }

  /** The input's id, aria-invalid and aria-describedby (its hint, when it has one, and its error). */
  describe(field: string, hint = false): { id: string; invalid: "true" | "false"; describedBy: string | typeof nothing } {
    const bad = field in this.fields;
    const ids = [hint ? this.hintId(field) : "", bad ? errorId(this.name, field) : ""].filter(Boolean).join(" ");
    return { id: `${this.name}-${field.replace(/[^\w-]/g, "_")}`, invalid: bad ? "true" : "false", describedBy: ids || nothing };
  }

  /** The id of a field's hint text. */
  hintId(field: string): string {
    return `${this.name}-${field.replace(/[^\w-]/g, "_")}-hint`;
  }

  /** The error text beside a field (nothing when it is fine). */
  error(field: string): TemplateResult | typeof nothing {
    const text = this.fields[field];
    return text ? html`<p part="field-error" class="field-error" id=${errorId(this.name, field)}>${text}</p>` : nothing;
  }

  /** The form's general failure (an alert) or its "saved" note (a status). */
  outcome(savedText: string): TemplateResult {
    if (this.general.length) return html`<div part="form-error" class="form-error" role="alert">${this.general.map((m) => html`<p>${m}</p>`)}</div>`;
    if (Object.keys(this.fields).length) return html`<div part="form-error" class="form-error" role="alert"><p>${Object.values(this.fields).join(" ")}</p></div>`;
    return html`<p class="saved" role="status">${this.saved ? savedText : ""}</p>`;
  }
}

/** What a field's input carries: its id, aria-invalid and aria-describedby. */
export type FieldIds = ReturnType<AdminForm["describe"]>;

/** A labelled field: its input, its hint and the gateway's refusal beside it, tied together for screen readers. */
export function renderField(form: AdminForm, field: string, label: string, control: (d: FieldIds) => TemplateResult, hint?: string): TemplateResult {
  const d = form.describe(field, !!hint);
  return html`<div class="field">
    <label for=${d.id}>${label}</label>
    ${control(d)}
    ${hint ? html`<span id=${form.hintId(field)}>${hint}</span>` : nothing}
    ${form.error(field)}
  </div>`;
}

/** A select control for {@link renderField}: `name`'s options as [value, label] pairs. */
export function selectControl(name: string, options: ReadonlyArray<readonly [string, string]>): (d: FieldIds) => TemplateResult {
  return (d) =>
    html`<select id=${d.id} name=${name} aria-invalid=${d.invalid} aria-describedby=${d.describedBy}>
      ${options.map(([v, label]) => html`<option value=${v}>${label}</option>`)}
    </select>`;
}

/** A textarea's lines as a list, blank lines dropped. */
export function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}
