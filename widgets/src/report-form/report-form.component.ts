// Past 400 lines (667): one job, the report form, whose fields, draft that survives a reload, file list
// and sending share one state. Issue 11 split the agent queue into parts and controllers; this form is
// next (a draft controller and a fields part are the natural cuts), left whole so far because its first
// load must stay under 15 KB gzipped and every custom element costs bytes there.
// Parts loaded on demand: the checks before sending (checks.ts), picking and uploading files
// (shared/evidence.ts, shared with the tracker and the agent composer), the success screen
// (receipt.ts), custom fields (custom-fields.ts), the knowledge base's suggestions while the reporter
// types (suggestions.ts), "report a problem / request something" where the site takes requests (kind-choice.ts).
import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { NETWORK_MESSAGE, SigapRequestError } from "../client/graphql-error.js";
import type { RecoveryKey, Channel, Impact, Priority, ReportIncidentInput, SiteInfoQuery, TicketStatus, Urgency } from "../client/generated.js";
import { request, type Endpoint } from "../client/http.js";
import { ReportIncident, SiteInfo } from "../client/report.operations.js";
import { defaultEndpoint } from "../shared/endpoint.js";
import type { SigapErrorDetail } from "../shared/error-detail.js";
import { emit } from "../shared/events.js";
import { LocaleController } from "../shared/locale.js";
import { themeStyles } from "../shared/theme.styles.js";
import { problemText } from "../shared/problem-text.js";
import { asRequestError } from "../shared/request-error.js";
import type { CheckForm } from "./checks.js";
import type { SuggestionHost } from "./suggestions.js";
import type { KindChoice, KindHost } from "./kind-choice.js";
import type { Evidence, EvidenceForm } from "../shared/evidence.js";
import { chars, fieldProblem, type FieldRule } from "./field-rule.js";
import { megabytes } from "../shared/file-size.js";
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
type TextField = "reporterName" | "reporterPhone" | "reporterEmail" | "location" | "kelurahan" | "kecamatan" | "problemType" | "description" | "systemState" | "stepsTried";

/** What survives a reload in sessionStorage while a report may have reached the gateway. */
interface Draft {
  key: string;
  values: Partial<Record<ReportFieldName, string>>;
  files: Evidence[];
  /** The payload of an attempt whose outcome is unknown: it may have made a ticket under `key`. */
  sent?: ReportIncidentInput;
}

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
const LONG: readonly ReportFieldName[] = ["description", "systemState", "stepsTried", "attachments"];
const CHANNELS: readonly Channel[] = ["WEB", "PHONE", "EMAIL", "WALK_IN"];
const AUTOCOMPLETE: Partial<Record<ReportFieldName, string>> = { reporterName: "name", reporterPhone: "tel", reporterEmail: "email", location: "street-address" };

/** A comma list (attribute) or an array (property) as a list of names. */
const list = (v: string | readonly string[] | null | undefined): string[] =>
  (typeof v === "string" ? v.split(",") : (v ?? [])).map((s) => s.trim()).filter(Boolean);

// randomUUID needs a secure context; a plain-http intranet page still deserves a key.
const newKey = (): string =>
  crypto.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

/** `datetime-local`'s value for now, the latest time "when it happened" may be. */
const localNow = (): string => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

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
    sending: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    receipt: { state: true, attribute: false },
    recovered: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    waiting: { state: true, attribute: false },
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

  private site: Site | null = null;
  private siteFailed = false;
  private values: Partial<Record<ReportFieldName, string>> = {};
  private errors: Partial<Record<ReportFieldName, string>> = {};
  private files: Evidence[] = [];
  private sending = false;
  private failure: SigapErrorDetail | null = null;
  private receipt: ReportReceipt | null = null;
  private recovered = false;
  private announcement = "";
  /** A RATE_LIMITED refusal's wait is running: sending is off until it ends. */
  private waiting = false;

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

  private draft: Draft | null = null;
  private loadSiteAbort?: AbortController;
  /** The language the catalogue was asked in. */
  private siteLang?: string;
  private fileCount = 0;
  /** The success screen, loaded while the first report is on its way (null when that failed). */
  private receiptLoad?: Promise<typeof import("./receipt.js") | null>;
  private receiptPart: typeof import("./receipt.js") | null = null;
  private checksLoad?: Promise<typeof import("./checks.js") | null>;
  /** The "problem or request" choice (kind-choice.ts), loaded with a site that takes requests. */
  private kinds?: KindChoice;
  /** The suggested articles (suggestions.ts), loaded once the description is long enough to search. */
  private tips?: import("./suggestions.js").Suggestions;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("siteKey")) this.restoreDraft();
  }

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

  private storageKey(): string {
    return `sigap-report:${this.siteKey}`;
  }

  /** Brings back a report that may have been sent before a reload, so resending it reuses its key. */
  private restoreDraft(): void {
    try {
      const saved = JSON.parse(sessionStorage.getItem(this.storageKey()) ?? "null") as Draft | null;
      // Anything else in that slot (another version, a hand edit) is not ours to trust.
      this.draft = saved && /^[\w-]{8,64}$/.test(saved.key) && Array.isArray(saved.files) ? saved : null;
    } catch {
      this.draft = null;
    }
    if (this.draft) {
      this.values = { ...this.draft.values };
      this.files = this.draft.files;
      this.fileCount = Math.max(0, ...this.files.map((x) => x.n));
    }
  }

  private saveDraft(): void {
    try {
      if (this.draft) sessionStorage.setItem(this.storageKey(), JSON.stringify(this.draft));
      else sessionStorage.removeItem(this.storageKey());
    } catch {
      // Storage may be off (private mode, policy); the key still lives for this page view.
    }
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

  private handleInput(e: Event): void {
    const el = e.target as HTMLInputElement;
    const name = el.name as ReportFieldName;
    this.values = { ...this.values, [name]: el.value };
    // Past the limit is said at once, beside the counter; nothing is ever cut.
    const p = fieldProblem(this.rule(name), el.value);
    const long = p?.[0] === "errLong" ? this.t("errLong", p[1]) : "";
    if (long || this.errors[name]) this.errors = { ...this.errors, [name]: long || undefined };
    // A reader who types will send: the checks arrive meanwhile, not on the click.
    void this.checks();
    if (name === "description" && el.value.length > 19) void import("./suggestions.js").then((m) => (this.tips ??= new m.Suggestions(this as unknown as SuggestionHost)).typed(el.value));
  }

  /** The checks before sending (checks.ts), or null when they could not be fetched (offline). */
  private checks(): Promise<typeof import("./checks.js") | null> {
    return (this.checksLoad ??= import("./checks.js").catch(() => {
      // Asked again next time: the reader may be back online.
      this.checksLoad = undefined;
      return null;
    }));
  }

  private payload(key: string): ReportIncidentInput {
    // The honeypot goes as found: people leave it empty, a bot that fills every field is refused.
    const website = this.renderRoot.querySelector<HTMLInputElement>("[name=website]")?.value ?? "";
    // The reporter's language goes with the report: the desk mails them in it.
    const input: ReportIncidentInput = { idempotencyKey: key, reporterName: "", description: "", formToken: this.site?.formToken ?? null, website, language: this.i18n.lang, fields: this.extra?.payload() };
    for (const f of this.shown) {
      const v = this.value(f).trim();
      if (f === "attachments") {
        const ids = this.files.flatMap((x) => (x.id ? [x.id] : []));
        if (ids.length) input.attachmentIds = ids;
      } else if (!v) continue;
      else if (f === "channel") input.channel = v as Channel;
      else if (f === "urgency") input.urgency = v as Urgency;
      else if (f === "impact") input.impact = v as Impact;
      else if (f === "service") input.serviceId = v;
      else if (f === "occurredAt") input.occurredAt = new Date(v).toISOString();
      else input[f as TextField] = v;
    }
    return input;
  }

  private async handleSubmit(e?: Event): Promise<void> {
    e?.preventDefault();
    // A double click lands here twice; the second must not send.
    if (this.sending || this.waiting || !this.siteKey) return;
    this.failure = null;
    // Busy while the checks load: a second click must not slip past the guard above.
    this.sending = true;
    const checks = await this.checks();
    this.sending = false;
    if (!checks) return this.showFailure(new SigapRequestError(NETWORK_MESSAGE, "NETWORK_ERROR"));
    const errors = (this.errors = checks.validate(this as unknown as CheckForm));
    const bad = [...this.shown.filter((f) => errors[f]).map((f) => this.t(f)), ...(this.extra?.check() ?? [])];
    if (bad.length) {
      this.announce(this.t("summary", { n: bad.length, names: bad.join(", ") }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
      return;
    }
    const draft: Draft = (this.draft ??= { key: newKey(), values: {}, files: [] });
    draft.values = { ...this.values };
    draft.files = this.files.filter((x) => x.id);
    const input = this.payload(draft.key);
    draft.sent ??= input;
    this.saveDraft();
    this.sending = true;
    try {
      await this.submitted(input, false);
    } catch (error) {
      const err = asRequestError(error);
      if (err.code === "CONFLICT" && draft.sent !== input) {
        // An earlier attempt under this key did make a ticket (its answer was lost) and the
        // report was edited since: fetch that ticket's receipt rather than make a second one.
        try {
          await this.submitted(draft.sent, true);
          return;
        } catch (again) {
          this.showFailure(asRequestError(again));
          return;
        }
      }
      // Only an error that may mean "not arrived" leaves a ticket possibly made under the key;
      // a key the gateway refuses as used cannot be retried, so the next attempt gets a new one.
      if (!err.retryable) draft.sent = undefined;
      if (err.code === "CONFLICT") this.draft = null;
      this.saveDraft();
      this.showFailure(err);
    } finally {
      this.sending = false;
    }
  }

  private async submitted(input: ReportIncidentInput, recovered: boolean): Promise<void> {
    // The success screen loads alongside the report; without it (offline) a plain receipt shows.
    const [res, part] = await Promise.all([
      request(this.client, ReportIncident, { input }),
      (this.receiptLoad ??= import("./receipt.js").catch(() => null)),
    ]);
    this.receiptPart = part;
    const r = res.reportIncident;
    const fill = (tpl: string): string => tpl.replace(/\{(code|token)\}/g, (_, k: string) => encodeURIComponent(k === "code" ? r.code : r.trackingToken));
    let trackingUrl: string;
    try {
      trackingUrl = new URL(fill(this.trackingUrl), location.href).href;
    } catch {
      trackingUrl = new URL(fill("?code={code}&token={token}"), location.href).href;
    }
    this.draft = null;
    this.saveDraft();
    this.values = {};
    this.files = [];
    this.recovered = recovered;
    this.receipt = { ...r, trackingUrl };
    emit<ReportReceipt>(this, "sigap-reported", this.receipt);
    this.announce(part ? part.receivedText(this.receiptHost, r.code) : r.code);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>("[part~=receipt]")?.focus();
  }

  private showFailure(err: SigapRequestError): void {
    this.fail(err);
    // A form token past its age (a form left open for hours): fetch a fresh one for the next attempt.
    if (err.fields.some((p) => p.field === "formToken")) void this.loadSite();
    const map: Record<string, ReportFieldName> = { serviceId: "service", attachmentIds: "attachments" };
    const fieldErrors: Partial<Record<ReportFieldName, string>> = {};
    for (const p of err.code === "BAD_USER_INPUT" ? err.fields : []) {
      const f = map[p.field] ?? (p.field as ReportFieldName);
      if (this.shown.includes(f)) fieldErrors[f] = p.message;
    }
    const named = [...Object.keys(fieldErrors).map((f) => this.t(f as ReportFieldName)), ...(this.extra?.refused(err.fields) ?? [])];
    if (named.length) {
      this.errors = fieldErrors;
      this.announce(this.t("summary", { n: named.length, names: named.join(", ") }));
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    this.failure = { code: err.code, message: problemText(this.i18n, err) };
    if (err.code === "RATE_LIMITED" && err.retryAfter) {
      // The gateway said when it takes reports again: sending stays off until then.
      this.waiting = true;
      setTimeout(() => {
        this.waiting = false;
        this.failure = null;
      }, err.retryAfter * 1000);
    }
  }

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

  private handleRemove(n: number): void {
    this.files = this.files.filter((x) => x.n !== n);
    this.renderRoot.querySelector<HTMLElement>("#f-attachments")?.focus();
  }

  /** What the success screen needs of the form. */
  private get receiptHost(): import("./receipt.js").ReceiptHost {
    return {
      lc: this.i18n,
      recovered: this.recovered,
      announce: (text) => this.announce(text),
      another: () => void this.handleAnother(),
      root: this.renderRoot,
    };
  }

  private async handleAnother(): Promise<void> {
    this.receipt = null;
    this.errors = {};
    this.announcement = "";
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>("input:not([readonly]),select:not(:disabled),textarea:not([readonly])")?.focus();
  }

  private hint(f: ReportFieldName): string {
    const site = this.site;
    const v = this.value(f);
    if (!site) return "";
    if (f === "urgency" || f === "impact") return site[`${f}Help`].find((h) => h.level === v)?.[this.i18n.lang].join(" ") ?? "";
    if (f === "service") return site.services.find((s) => s.id === v)?.description ?? "";
    if (f === "attachments") {
      const types = site.allowedUploadTypes.map((t) => t.split("/")[1]?.toUpperCase().replace("PLAIN", "TXT")).join(", ");
      return this.t("filesHint", { n: site.maxAttachmentsPerTicket, size: megabytes(site.maxUploadBytes), types });
    }
    return "";
  }

  private renderControl(f: ReportFieldName, describedBy: string | typeof nothing): TemplateResult {
    const id = `f-${f}`;
    const v = this.value(f);
    const invalid = this.errors[f] ? "true" : nothing;
    const req = this.isRequired(f) ? "true" : nothing;
    const locked = this.isLocked(f);
    if (f === "channel" || f === "urgency" || f === "impact" || f === "service") {
      // Urgency and impact levels are the site's (its help tables), in the gateway's order.
      const options: Array<[string, string]> =
        f === "channel"
          ? CHANNELS.map((c) => [c, this.t(c)])
          : [
              ["", this.t("choose")],
              ...(f === "service"
                ? (this.kinds?.services(this.site?.services ?? []) ?? this.site?.services ?? []).map((s): [string, string] => [s.id, s.name])
                : (this.site?.[`${f}Help`] ?? []).map((h): [string, string] => [h.level, this.t(h.level as Urgency)])),
            ];
      return html`<select id=${id} name=${f} part="input" aria-invalid=${invalid} aria-required=${req} aria-describedby=${describedBy} ?disabled=${locked} @change=${this.handleInput}>
        ${options.map(([value, label]) => html`<option value=${value} ?selected=${value === v}>${label}</option>`)}
      </select>`;
    }
    if (f === "attachments") {
      return html`<input id=${id} type="file" multiple part="input" accept=${this.site?.allowedUploadTypes.join(",") ?? nothing} aria-invalid=${invalid} aria-required=${req} aria-describedby=${describedBy} ?disabled=${!this.site} @change=${this.handleFiles} />`;
    }
    if (LONG.includes(f)) {
      return html`<textarea id=${id} name=${f} part="input" rows=${f === "description" ? 5 : 3} aria-invalid=${invalid} aria-required=${req} aria-describedby=${describedBy} ?readonly=${locked} .value=${v} @input=${this.handleInput}></textarea>`;
    }
    const type = f === "reporterEmail" ? "email" : f === "reporterPhone" ? "tel" : f === "occurredAt" ? "datetime-local" : "text";
    return html`<input id=${id} name=${f} type=${type} part="input" max=${f === "occurredAt" ? localNow() : nothing} autocomplete=${AUTOCOMPLETE[f] ?? nothing} aria-invalid=${invalid} aria-required=${req} aria-describedby=${describedBy} ?readonly=${locked} .value=${v} @input=${this.handleInput} />`;
  }

  private renderField(f: ReportFieldName): TemplateResult {
    const id = `f-${f}`;
    const hint = this.hint(f);
    const error = this.errors[f];
    // Long texts count their characters against the gateway's limit as they are typed.
    const max = LONG.includes(f) && f !== "attachments" ? this.rule(f)?.maxLength : 0;
    const describedBy = [hint && `${id}-hint`, max && `${id}-count`, error && `${id}-error`, f === "attachments" && this.files.length && `${id}-list`].filter(Boolean).join(" ") || nothing;
    return html`<div class="field ${LONG.includes(f) ? "wide" : ""}" part="field field-${f}">
      <label for=${id} part="label">${this.kinds?.label(f) ?? this.t(f)}${this.isRequired(f) ? html` <span class="req">${this.t("req")}</span>` : nothing}</label>
      ${this.renderControl(f, describedBy)}
      ${hint ? html`<p id="${id}-hint" class="hint" part="hint">${hint}</p>` : nothing}
      ${max ? html`<p id="${id}-count" class="hint" part="counter">${this.t("count", { n: chars(this.value(f)), max })}</p>` : nothing}
      ${f === "attachments" && this.files.length
        ? html`<ul id="${id}-list" class="files" part="files">
            ${this.files.map(
              (x) => html`<li class=${x.error ? "error" : ""}>
                <span>${x.error ?? x.name}${x.id || x.error ? nothing : html` <span class="hint">${this.t("uploading")}</span>`}</span>
                <button type="button" class="secondary" @click=${() => this.handleRemove(x.n)} aria-label=${this.t("remove", { name: x.name })}>×</button>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${error ? html`<p id="${id}-error" class="error" part="error">${error}</p>` : nothing}
    </div>`;
  }

  override render(): TemplateResult {
    // The words of the reader's language arrive in a small chunk of their own.
    if (!this.i18n.ready) return html``;
    const live = html`<div class="visually-hidden" role="status">${this.announcement}</div>`;
    const r = this.receipt;
    if (r) {
      const part = this.receiptPart;
      return html`${part ? part.renderReceipt(this.receiptHost, r) : html`<p part="receipt" tabindex="-1">${r.code}</p>`}${live}`;
    }
    if (this.tips?.solved) return html`${this.tips.thanks()}${live}`;
    const alert = !this.siteKey ? this.t("noKey") : this.failure?.message;
    return html`<form part="form" novalidate @submit=${this.handleSubmit}>
        ${this.kinds?.render()}${this.shown.map((f) => this.renderField(f))}
        ${this.site?.customFields[0] ? html`<sigap-custom-fields .form=${this}></sigap-custom-fields>` : nothing}
        ${this.tips?.render()}
        <div class="hp" inert aria-hidden="true"><label>Website <input name="website" tabindex="-1" autocomplete="off" /></label></div>
        ${this.siteFailed ? html`<p class="hint wide">${this.t("siteErr")} <button type="button" class="secondary" @click=${this.loadSite}>${this.t("retry")}</button></p>` : nothing}
        <div class="wide" role="alert">
          ${alert
            ? html`<div class="alert" part="alert">
                ${alert}
                ${this.failure && !this.waiting ? html`<button type="button" class="secondary" @click=${() => this.handleSubmit()}>${this.t("retry")}</button>` : nothing}
              </div>`
            : nothing}
        </div>
        <div class="wide">
          <button type="submit" part="submit" ?disabled=${this.sending || this.waiting || !this.siteKey} aria-busy=${this.sending ? "true" : nothing}>${this.t(this.sending ? "sending" : "send")}</button>
        </div>
      </form>
      ${live}`;
  }
}
