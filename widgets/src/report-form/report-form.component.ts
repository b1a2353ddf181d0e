// The report form: its settings, its state, loading the site, and what the reader types and picks.
// Its jobs live beside it: the fields as rendered (fields.ts), the draft that survives a reload
// (draft.controller.ts) and sending, from the checks to the receipt (sending.controller.ts); those
// are plain modules and reactive controllers, not custom elements, which would cost the first load
// bytes it must keep under 15 KB gzipped.
// Parts loaded on demand: the checks before sending (checks.ts), picking and uploading files
// (shared/evidence.ts, shared with the tracker and the agent composer), the success screen
// (receipt.ts), custom fields (custom-fields.ts), the knowledge base's suggestions while the reporter
// types (suggestions.ts), "report a problem / request something" where the site takes requests (kind-choice.ts).
import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { NETWORK_MESSAGE, SigapRequestError } from "../client/graphql-error.js";
import type { RecoveryKey, Priority, SiteInfoQuery, TicketStatus } from "../client/generated.js";
import { request, type Endpoint } from "../client/http.js";
import { SiteInfo } from "../client/report.operations.js";
import { defaultEndpoint } from "../shared/endpoint.js";
import type { SigapErrorDetail } from "../shared/error-detail.js";
import { emit } from "../shared/events.js";
import { LocaleController } from "../shared/locale.js";
import { themeStyles } from "../shared/theme.styles.js";
import { problemText } from "../shared/problem-text.js";
import { asRequestError } from "../shared/request-error.js";
import type { SuggestionHost } from "./suggestions.js";
import type { KindChoice, KindHost } from "./kind-choice.js";
import type { Evidence, EvidenceForm } from "../shared/evidence.js";
import { fieldProblem, type FieldRule } from "./field-rule.js";
import { DraftController, type DraftHost } from "./draft.controller.js";
import { renderField, type FieldsForm } from "./fields.js";
import { SendingController, type SendingHost } from "./sending.controller.js";
import { english, indonesian, messages, type ReportFormKey } from "./report-form.messages.js";
import { styles } from "./report-form.styles.js";

/** The optional fields a host can show with `fields` (reporterName and description always show). */
export type ReportField =
  | "channel"
  | "reporterPhone"
  | "reporterEmail"
  | "location"
  | "kelurahan"
  | "kecamatan"
  | "occurredAt"
  | "service"
  | "problemType"
  | "systemState"
  | "stepsTried"
  | "urgency"
  | "impact"
  | "attachments";

/** Every field of the form, by the name `prefill`, `locked` and `required` use. */
export type ReportFieldName = ReportField | "reporterName" | "description";

/** What `sigap-reported` carries: the gateway's receipt plus the tracking link the form showed. */
export interface ReportReceipt {
  code: string;
  trackingToken: string;
  status: TicketStatus;
  priority: Priority;
  createdAt: string;
  responseDueAt: string;
  resolutionDueAt: string;
  trackingUrl: string;
  /** What the tracker will ask for to open the ticket again (the gateway's rule). */
  findAgainWith: RecoveryKey[];
}

/** The site's settings, and the identified reporter its answer named (null when anonymous). */
type Site = SiteInfoQuery["site"] & { reporter?: SiteInfoQuery["reporter"] };
// Seed 002 figure 9's order.
const ORDER: readonly ReportFieldName[] = [
  "channel",
  "reporterName",
  "reporterPhone",
  "reporterEmail",
  "location",
  "kelurahan",
  "kecamatan",
  "occurredAt",
  "service",
  "problemType",
  "description",
  "systemState",
  "stepsTried",
  "urgency",
  "impact",
  "attachments",
];
const ALWAYS: readonly ReportFieldName[] = ["reporterName", "description"];

/** A comma list (attribute) or an array (property) as a list of names. */
const list = (v: string | readonly string[] | null | undefined): string[] =>
  (typeof v === "string" ? v.split(",") : (v ?? [])).map((s) => s.trim()).filter(Boolean);

/** Reads the `prefill` attribute: a JSON object, or {} for anything else. */
const jsonObject = {
  fromAttribute: (v: string | null): unknown => {
    try {
      const parsed: unknown = JSON.parse(v ?? "{}");
      return parsed && typeof parsed === "object" ? parsed : {};
    } catch {
      return {};
    }
  },
};

/**
 * @tag sigap-report-form
 * @summary The incident report form of seed 002 (figure 9): the host picks which fields show, may
 * prefill and lock them, and gets the ticket code and tracking link back.
 *
 * @csspart form - The form.
 * @csspart kind - "Report a problem / Request something", first in the form where the site takes requests (also `kind-option` for each).
 * @csspart field - Each field's wrapper (also `field-<name>`, e.g. `field-reporterName`).
 * @csspart label - A field's label.
 * @csspart input - A field's input, select or textarea.
 * @csspart hint - Help text under a field (urgency levels, service description, file limits).
 * @csspart counter - The character count under a long text, against the gateway's limit.
 * @csspart error - A field's error message.
 * @csspart files - The list of picked evidence files.
 * @csspart alert - The region that shows a failed submit and its retry button.
 * @csspart submit - The submit button.
 * @csspart receipt - The success state.
 * @csspart code - The ticket code.
 * @csspart copy-button - The button that copies the code.
 * @csspart tracking-link - The link to follow the ticket.
 * @csspart another-button - The "report another problem" button.
 *
 * @cssproperty --sigap-color-bg - Background.
 * @cssproperty --sigap-color-surface - Background of read-only fields, the alert and the receipt.
 * @cssproperty --sigap-color-fg - Text.
 * @cssproperty --sigap-color-muted - Hints and secondary text.
 * @cssproperty --sigap-color-border - Field borders.
 * @cssproperty --sigap-color-accent - Buttons and links.
 * @cssproperty --sigap-color-accent-fg - Text on buttons.
 * @cssproperty --sigap-color-danger - Errors.
 * @cssproperty --sigap-color-focus - The focus ring.
 * @cssproperty --sigap-radius - Corner radius.
 * @cssproperty --sigap-space - Gap between fields.
 * @cssproperty --sigap-font-family - Font (inherits the page's by default).
 * @cssproperty --sigap-font-size - Base font size.
 * @cssproperty --sigap-code-font-size - Size of the ticket code. @default 2rem
 *
 * @fires {CustomEvent<ReportReceipt>} sigap-reported - The gateway logged the report; the detail is the receipt.
 * @fires {CustomEvent<SigapErrorDetail>} sigap-error - Sending the report (or loading the site) failed.
 */
export class SigapReportForm extends LitElement {
  static override styles = [themeStyles, styles];

  // Declared here rather than with @state()/@property() decorators, whose code and helper cost each
  // widget about 0.4 KB gzipped of its size budget; the fields themselves are declared (and
  // documented) below. States also say `attribute: false`, the only thing the manifest analyzer reads.
  static override properties: PropertyDeclarations = {
    site: { state: true, attribute: false },
    siteFailed: { state: true, attribute: false },
    values: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    files: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    siteKey: { attribute: "site-key" },
    endpoint: {},
    fields: {},
    required: {},
    prefill: { converter: jsonObject },
    locked: {},
    reporterToken: { attribute: "reporter-token" },
    trackingUrl: { attribute: "tracking-url" },
    theme: { reflect: true },
  };

  private readonly i18n = new LocaleController(this, indonesian, english);
  // Not `send`: the evidence part (shared/evidence.ts) takes a form's `send` as its upload function.
  private readonly sender = new SendingController(this as unknown as SendingHost & HTMLElement, new DraftController(this as unknown as DraftHost));

  private site: Site | null = null;
  private siteFailed = false;
  private values: Partial<Record<ReportFieldName, string>> = {};
  private errors: Partial<Record<ReportFieldName, string>> = {};
  private files: Evidence[] = [];
  private announcement = "";

  /** The site's public key (required). */
  siteKey = "";

  /** The gateway's GraphQL URL. @default the gateway that served this script */
  endpoint = defaultEndpoint(import.meta.url);

  /** Optional fields to show, as a comma list or an array. @default "reporterPhone,reporterEmail,occurredAt,service,urgency,attachments" */
  fields: string | readonly ReportField[] = "reporterPhone,reporterEmail,occurredAt,service,urgency,attachments";

  /** Which shown optional fields are required (reporterName and description always are). @default "" */
  required: string | readonly ReportField[] = "";

  /** Starting values by field name (`service` takes a service id, `occurredAt` a `YYYY-MM-DDTHH:mm` local time); JSON in the attribute. @default {} */
  prefill: Partial<Record<ReportFieldName, string>> = {};

  /** Prefilled fields shown read-only, e.g. the signed-in employee's name. @default "" */
  locked: string | readonly ReportFieldName[] = "";

  /** An identified-reporter JWT signed by the host site, sent as `x-sigap-reporter-token`. @default "" */
  reporterToken = "";

  /** The tracking link, `{code}` and `{token}` filled in, resolved against the page's URL. @default "?code={code}&token={token}" */
  trackingUrl = "?code={code}&token={token}";

  /** The look: light, dark, or the reader's system setting. */
  theme?: "light" | "dark" | "auto";

  /**
   * The custom fields part (custom-fields.ts), which sets itself here once loaded. Only a site
   * that has fields loads it, when the site is read.
   */
  extra?: import("./custom-fields.js").SigapCustomFields;

  private loadSiteAbort?: AbortController;
  /** The language the catalogue was asked in. */
  private siteLang?: string;
  private fileCount = 0;
  /** The "problem or request" choice (kind-choice.ts), loaded with a site that takes requests. */
  private kinds?: KindChoice;
  /** The suggested articles (suggestions.ts), loaded once the description is long enough to search. */
  private tips?: import("./suggestions.js").Suggestions;

  override updated(changed: PropertyValues<this>): void {
    // The catalogue comes in the page's language: a page that switches language gets it again.
    if (changed.has("siteKey") || changed.has("endpoint") || changed.has("reporterToken") || (this.siteLang && this.siteLang !== this.i18n.wanted)) void this.loadSite();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: a load that disconnecting aborted must run again.
    if (this.hasUpdated && !this.site) void this.loadSite();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadSiteAbort?.abort();
  }

  // The reporter token goes with every request: the site's answer names the identified reporter.
  private get client(): Endpoint {
    return { url: this.endpoint, siteKey: this.siteKey, reporterToken: this.reporterToken };
  }

  private get shown(): ReportFieldName[] {
    const picked = list(this.fields);
    // Impact is the desk's call unless the site lets reporters state it (seeds 001/002).
    return ORDER.filter((f) => ALWAYS.includes(f) || (f === "impact" ? this.site?.reporterSetsImpact : picked.includes(f) || this.kinds?.needs(f)));
  }

  /** The gateway's rule for a field: limits, pattern, whether it requires it. */
  private rule(f: ReportFieldName): FieldRule | undefined {
    return this.site?.reportFields.find((r) => r.field === f);
  }

  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by the fields (fields.ts) and the checks (checks.ts), the form's own code.
  private isRequired(f: ReportFieldName): boolean {
    return ALWAYS.includes(f) || list(this.required).includes(f) || !!this.rule(f)?.required || !!this.kinds?.needs(f);
  }

  /** The identified reporter's name or e-mail (from the gateway's `reporter`), prefilled and locked. */
  private who(f: ReportFieldName): string | null | undefined {
    const r = this.site?.reporter;
    return f === "reporterName" ? r?.name : f === "reporterEmail" ? r?.email : null;
  }

  private isLocked(f: ReportFieldName): boolean {
    return this.who(f) != null || (list(this.locked).includes(f) && this.prefill?.[f] != null);
  }

  private value(f: ReportFieldName): string {
    const pre = this.who(f) ?? this.prefill?.[f];
    const v = this.isLocked(f) ? pre : (this.values[f] ?? pre ?? (f === "channel" ? "WEB" : ""));
    return String(v ?? "");
  }

  private t(key: ReportFormKey, values?: Record<string, string | number>): string {
    return this.i18n.t(messages, key, values);
  }

  private async loadSite(): Promise<void> {
    this.loadSiteAbort?.abort();
    if (!this.siteKey) return;
    const abort = (this.loadSiteAbort = new AbortController());
    this.siteFailed = false;
    try {
      this.siteLang = this.i18n.wanted;
      const d = await request(this.client, SiteInfo, { language: this.siteLang }, abort.signal);
      // A site that takes requests asks first what the reporter came for; offline, the form is as on a site without.
      const part = d.site.offersRequests && (await import("./kind-choice.js").catch(() => null));
      this.site = { ...d.site, reporter: d.reporter };
      this.kinds = part ? (this.kinds ?? new part.KindChoice(this as unknown as KindHost)) : undefined;
      if (d.site.customFields[0]) void import("./custom-fields.js");
    } catch (error) {
      if (abort.signal.aborted) return;
      this.siteFailed = true;
      this.fail(asRequestError(error));
    }
  }

  private fail(error: SigapRequestError): void {
    emit<SigapErrorDetail>(this, "sigap-error", { code: error.code, message: error.message });
  }

  private announce(text: string): void {
    // The same words twice in a row would not be read again; clear first.
    this.announcement = "";
    requestAnimationFrame(() => (this.announcement = text));
  }

  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: bound by the fields (fields.ts), the form's own code.
  private handleInput(e: Event): void {
    const el = e.target as HTMLInputElement;
    const name = el.name as ReportFieldName;
    this.values = { ...this.values, [name]: el.value };
    // Past the limit is said at once, beside the counter; nothing is ever cut.
    const p = fieldProblem(this.rule(name), el.value);
    const long = p?.[0] === "errLong" ? this.t("errLong", p[1]) : "";
    if (long || this.errors[name]) this.errors = { ...this.errors, [name]: long || undefined };
    // A reader who types will send: the checks arrive meanwhile, not on the click.
    void this.sender.checks();
    if (name === "description" && el.value.length > 19) void import("./suggestions.js").then((m) => (this.tips ??= new m.Suggestions(this as unknown as SuggestionHost)).typed(el.value));
  }

  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: bound by the fields (fields.ts), the form's own code.
  private handleFiles(e: Event): void {
    const input = e.target as HTMLInputElement;
    const picked = [...(input.files ?? [])];
    // Cleared so picking the same file again after removing it fires change again.
    input.value = "";
    if (!this.site) return;
    if (this.errors.attachments) this.errors = { ...this.errors, attachments: undefined };
    // The checks and the upload load on the first pick: most reports carry no file.
    import("../shared/evidence.js").then(
      (part) => part.pick(this as unknown as EvidenceForm, picked),
      () => {
        // Offline: each file says so, as a failed upload would, and can be picked again.
        const why = problemText(this.i18n, new SigapRequestError(NETWORK_MESSAGE, "NETWORK_ERROR"));
        this.files = [...this.files, ...picked.map((f) => ({ n: ++this.fileCount, name: f.name, error: `${f.name}: ${why}` }))];
        this.announce(why);
      },
    );
  }

  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: bound by the fields (fields.ts), the form's own code.
  private handleRemove(n: number): void {
    this.files = this.files.filter((x) => x.n !== n);
    this.focusOn("#f-attachments");
  }

  private focusOn(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  override render(): TemplateResult {
    // The words of the reader's language arrive in a small chunk of their own.
    if (!this.i18n.ready) return html``;
    const live = html`<div class="visually-hidden" role="status">${this.announcement}</div>`;
    const { receipt: r, receiptPart: part, failure, sending, waiting, submit } = this.sender;
    if (r) {
      return html`${part ? part.renderReceipt(this.sender.screen, r) : html`<p part="receipt" tabindex="-1">${r.code}</p>`}${live}`;
    }
    if (this.tips?.solved) return html`${this.tips.thanks()}${live}`;
    const alert = !this.siteKey ? this.t("noKey") : failure?.message;
    return html`<form part="form" novalidate @submit=${submit}>
        ${this.kinds?.render()}${this.shown.map((f) => renderField(this as unknown as FieldsForm, f))}
        ${this.site?.customFields[0] ? html`<sigap-custom-fields .form=${this}></sigap-custom-fields>` : nothing}
        ${this.tips?.render()}
        <div class="hp" inert aria-hidden="true"><label>Website <input name="website" tabindex="-1" autocomplete="off" /></label></div>
        ${this.siteFailed ? html`<p class="hint wide">${this.t("siteErr")} <button type="button" class="secondary" @click=${this.loadSite}>${this.t("retry")}</button></p>` : nothing}
        <div class="wide" role="alert">
          ${alert
            ? html`<div class="alert" part="alert">
                ${alert}
                ${failure && !waiting ? html`<button type="button" class="secondary" @click=${() => submit()}>${this.t("retry")}</button>` : nothing}
              </div>`
            : nothing}
        </div>
        <div class="wide">
          <button type="submit" part="submit" ?disabled=${sending || waiting || !this.siteKey} aria-busy=${sending ? "true" : nothing}>${this.t(sending ? "sending" : "send")}</button>
        </div>
      </form>
      ${live}`;
  }
}
