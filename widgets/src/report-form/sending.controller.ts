/**
 * Sending the report: the checks before it (checks.ts, fetched while the reader types), one
 * idempotency key per report kept in the draft while an attempt's outcome is unknown, the gateway's
 * refusals shown beside their fields, the wait a rate limit asks for, and the receipt (the success
 * screen, receipt.ts, fetched while the report is on its way).
 */
import type { ReactiveControllerHost } from "lit";
import { NETWORK_MESSAGE, SigapRequestError } from "../client/graphql-error.js";
import type { ReportIncidentInput } from "../client/generated.js";
import { request, type Endpoint } from "../client/http.js";
import type { SigapErrorDetail } from "../shared/error-detail.js";
import { emit } from "../shared/events.js";
import { problemText } from "../shared/problem-text.js";
import { asRequestError } from "../shared/request-error.js";
import type { CheckForm } from "./checks.js";
import type { SigapCustomFields } from "./custom-fields.js";
import type { DraftController } from "./draft.controller.js";
import type { ReceiptHost } from "./receipt.js";
import type { ReportFieldName, ReportReceipt } from "./report-form.component.js";
import type { ReportFormKey } from "./report-form.messages.js";

/** What a {@link SendingController} reads and sets of its form (the form's own code, so its private members). */
export interface SendingHost extends ReactiveControllerHost, CheckForm {
  siteKey: string;
  trackingUrl: string;
  client: Endpoint;
  site: { formToken: string } | null;
  values: Partial<Record<ReportFieldName, string>>;
  errors: Partial<Record<ReportFieldName, string>>;
  announcement: string;
  extra?: SigapCustomFields;
  renderRoot: HTMLElement | DocumentFragment;
  t(key: ReportFormKey, values?: Record<string, string | number>): string;
  announce(text: string): void;
  /** Once the form has rendered, focuses the first element that matches. */
  focusOn(selector: string): void;
  /** Fires `sigap-error`. */
  fail(error: SigapRequestError): void;
  loadSite(): Promise<void>;
}

/** The form's fields that the gateway's input names otherwise. */
const INPUT_OF: Partial<Record<ReportFieldName, keyof ReportIncidentInput>> = { service: "serviceId", attachments: "attachmentIds" };

/** The form's submit, retry and "report another": what is on its way, what failed, and the receipt. */
export class SendingController {
  /** An attempt (or the checks before it) is under way. */
  sending = false;
  /** A RATE_LIMITED refusal's wait is running: sending is off until it ends. */
  waiting = false;
  /** The last attempt's failure, when no field is to blame. */
  failure: SigapErrorDetail | null = null;
  /** The gateway's receipt, once the report arrived. */
  receipt: ReportReceipt | null = null;
  /** The success screen (receipt.ts), or null when it could not be fetched (a plain receipt shows). */
  receiptPart: typeof import("./receipt.js") | null = null;
  /** The receipt is an earlier attempt's, fetched again because the report was edited since. */
  private recovered = false;
  private receiptLoad?: Promise<typeof import("./receipt.js") | null>;
  private checksLoad?: Promise<typeof import("./checks.js") | null>;

  constructor(
    private readonly host: SendingHost & HTMLElement,
    /** The report kept across a reload while an attempt's outcome is unknown. */
    private readonly drafts: DraftController,
  ) {}

  /** The checks before sending (checks.ts), or null when they could not be fetched (offline). */
  checks(): Promise<typeof import("./checks.js") | null> {
    return (this.checksLoad ??= import("./checks.js").catch(() => {
      // Asked again next time: the reader may be back online.
      this.checksLoad = undefined;
      return null;
    }));
  }

  /** Checks and sends the report (the form's submit and the alert's retry). */
  readonly submit = async (e?: Event): Promise<void> => {
    e?.preventDefault();
    const h = this.host;
    // A double click lands here twice; the second must not send.
    if (this.sending || this.waiting || !h.siteKey) return;
    // Busy while the checks load: a second click must not slip past the guard above.
    this.set({ failure: null, sending: true });
    const checks = await this.checks();
    this.set({ sending: false });
    if (!checks) return this.refused(new SigapRequestError(NETWORK_MESSAGE, "NETWORK_ERROR"));
    const errors = (h.errors = checks.validate(h));
    if (this.point([...h.shown.filter((f) => errors[f]).map((f) => h.t(f)), ...(h.extra?.check() ?? [])])) return;
    const draft = this.drafts.hold();
    const input = this.payload(draft.key);
    const first = (draft.sent ??= input);
    this.drafts.save();
    this.set({ sending: true });
    try {
      await this.submitted(checks, input, false);
    } catch (error) {
      const err = asRequestError(error);
      if (err.code === "CONFLICT" && first !== input) {
        // An earlier attempt under this key did make a ticket (its answer was lost) and the
        // report was edited since: fetch that ticket's receipt rather than make a second one.
        return await this.submitted(checks, first, true).catch((again: unknown) => this.refused(asRequestError(again)));
      }
      // Only an error that may mean "not arrived" leaves a ticket possibly made under the key;
      // a key the gateway refuses as used cannot be retried, so the next attempt gets a new one.
      if (!err.retryable) draft.sent = undefined;
      if (err.code === "CONFLICT") this.drafts.clear();
      else this.drafts.save();
      this.refused(err);
    } finally {
      this.set({ sending: false });
    }
  };

  /** What the success screen needs of the form. */
  get screen(): ReceiptHost {
    const h = this.host;
    return { lc: h.i18n, recovered: this.recovered, announce: (text) => h.announce(text), another: () => this.another(), root: h.renderRoot };
  }

  private set(state: Partial<Pick<SendingController, "sending" | "waiting" | "failure" | "receipt">>): void {
    Object.assign(this, state);
    this.host.requestUpdate();
  }

  private payload(key: string): ReportIncidentInput {
    const h = this.host;
    // The honeypot goes as found: people leave it empty, a bot that fills every field is refused.
    const website = h.renderRoot.querySelector<HTMLInputElement>("[name=website]")?.value ?? "";
    // The reporter's language goes with the report: the desk mails them in it.
    const input: ReportIncidentInput = { idempotencyKey: key, reporterName: "", description: "", formToken: h.site?.formToken ?? null, website, language: h.i18n.lang, fields: h.extra?.payload() };
    for (const f of h.shown) {
      const v = f === "attachments" ? h.files.flatMap((x) => x.id ?? []) : h.value(f).trim();
      // Each field goes under the gateway's name, when it has a value; the time as an instant.
      if (v.length) (input as Record<string, unknown>)[INPUT_OF[f] ?? f] = f === "occurredAt" ? new Date(v as string).toISOString() : v;
    }
    return input;
  }

  /** Sends one attempt with the mutation that came with the checks; on success, shows the receipt. */
  private async submitted({ ReportIncident }: typeof import("./checks.js"), input: ReportIncidentInput, recovered: boolean): Promise<void> {
    const h = this.host;
    // The success screen loads alongside the report; without it (offline) a plain receipt shows.
    const [res, part] = await Promise.all([request(h.client, ReportIncident, { input }), (this.receiptLoad ??= import("./receipt.js").catch(() => null))]);
    this.receiptPart = part;
    const r = res.reportIncident;
    const fill = (tpl: string): string => new URL(tpl.replace(/\{(code|token)\}/g, (_, k: string) => encodeURIComponent(k === "code" ? r.code : r.trackingToken)), location.href).href;
    let trackingUrl: string;
    try {
      trackingUrl = fill(h.trackingUrl);
    } catch {
      trackingUrl = fill("?code={code}&token={token}");
    }
    this.drafts.clear();
    h.values = {};
    h.files = [];
    this.recovered = recovered;
    const receipt = { ...r, trackingUrl };
    this.set({ receipt });
    emit<ReportReceipt>(h, "sigap-reported", receipt);
    h.announce(part ? part.receivedText(this.screen, r.code) : r.code);
    h.focusOn("[part~=receipt]");
  }

  /** Shows a failed attempt: its field problems beside their fields, or the alert with a retry. */
  private refused(err: SigapRequestError): void {
    const h = this.host;
    h.fail(err);
    // A form token past its age (a form left open for hours): fetch a fresh one for the next attempt.
    if (err.fields.some((p) => p.field === "formToken")) void h.loadSite();
    const fieldErrors: Partial<Record<ReportFieldName, string>> = {};
    for (const p of err.code === "BAD_USER_INPUT" ? err.fields : []) {
      const f = h.shown.find((x) => (INPUT_OF[x] ?? x) === p.field);
      if (f) fieldErrors[f] = p.message;
    }
    const named = [...Object.keys(fieldErrors).map((f) => h.t(f as ReportFieldName)), ...(h.extra?.refused(err.fields) ?? [])];
    if (named.length) h.errors = fieldErrors;
    if (this.point(named)) return;
    this.set({ failure: { code: err.code, message: problemText(h.i18n, err) } });
    if (err.code === "RATE_LIMITED" && err.retryAfter) {
      // The gateway said when it takes reports again: sending stays off until then.
      this.set({ waiting: true });
      setTimeout(() => this.set({ waiting: false, failure: null }), err.retryAfter * 1000);
    }
  }

  /** Names the fields to fix, in one announcement, and puts the reader on the first; false when none is. */
  private point(names: string[]): boolean {
    const h = this.host;
    if (!names.length) return false;
    h.announce(h.t("summary", { n: names.length, names: names.join(", ") }));
    h.focusOn("[aria-invalid=true]");
    return true;
  }

  /** Back to an empty form for the next report. */
  private another(): void {
    const h = this.host;
    this.set({ receipt: null });
    h.errors = {};
    h.announcement = "";
    h.focusOn("input:not([readonly]),select:not(:disabled),textarea:not([readonly])");
  }
}
