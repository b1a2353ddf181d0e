import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import { LogTicket } from "../../client/desk-logging.operations.js";
import { SigapRequestError } from "../../client/graphql-error.js";
import { request, type Endpoint } from "../../client/http.js";
import { defaultEndpoint } from "../../shared/endpoint.js";
import { LocaleController } from "../../shared/locale.js";
import { problemText } from "../../shared/problem-text.js";
import { ReplyFiles } from "../../shared/reply-files.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { priorityLabel } from "../../shared/ticket-text.js";
import { deskText, indonesian, type DeskKey } from "../agent-queue.messages.js";
import { directoryNames, matrixLevels, priorityFrom, type Option } from "../desk-directory.js";
import { notify, reportAuth, type Directory, type Row } from "../desk-parts.js";
import { logInput } from "./log-ticket.input.js";
import { logMessages, type LogKey } from "./log-ticket.messages.js";
import { logTicketStyles } from "./log-ticket.styles.js";
import { sheetStyles } from "../sheet.styles.js";
import type { SigapCustomFields } from "../../report-form/custom-fields.js";
import type { Priority } from "../../client/generated.js";

/** Detail of `sigap-ticket-logged`: the new ticket as a queue row, and the link that opens it for the caller. */
export interface SigapTicketLoggedDetail {
  ticket: Row;
  trackingLink: string | null;
}

// The channels logTicket takes (LogTicketInput.channel: WEB is the reporter's own form).
const CHANNELS = ["PHONE", "EMAIL", "WALK_IN"] as const;

/**
 * Desk-side logging (seed 002, figure 13): a modal form in which an agent writes down a phone,
 * e-mail or walk-in report for the caller, with the customer id, classification and allocation,
 * the site's custom fields (the report form's part, loaded only on a site that has fields) and
 * files (the composer's Attach button, drop and paste). The priority shown is the gateway's
 * matrix (deskDirectory); every other rule is the gateway's, which names each bad field. Each
 * opened dialog sends one idempotency key, so a double click or a retry logs one ticket. Loaded
 * by the queue when "New ticket" is first pressed.
 *
 * @summary The queue's "New ticket" dialog (an internal part of `<sigap-agent-queue>`).
 * @tagname sigap-log-ticket
 *
 * @csspart dialog - The dialog.
 * @csspart form - The logging form.
 * @csspart error - A field's or the form's problem.
 * @csspart code - The new ticket's code.
 * @csspart attach - The Attach files button.
 * @csspart chips - The attached files' list.
 *
 * @fires {CustomEvent<SigapTicketLoggedDetail>} sigap-ticket-logged - The gateway logged the ticket.
 * @fires {CustomEvent<null>} sigap-log-close - The dialog closed.
 */
export class SigapLogTicket extends LitElement {
  static override styles = [themeStyles, sheetStyles, logTicketStyles];

  static override properties: PropertyDeclarations = {
    busy: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    logged: { state: true, attribute: false },
    urgency: { state: true, attribute: false },
    impact: { state: true, attribute: false },
    service: { state: true, attribute: false },
    copied: { state: true, attribute: false },
    directory: { attribute: false },
    token: {},
    endpoint: {},
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);

  private busy = false;
  private errors: Record<string, string> = {};
  private problem = "";
  private logged: SigapTicketLoggedDetail | null = null;
  private urgency = "MEDIUM";
  private impact = "MEDIUM";
  private copied = false;
  /** The service chosen: the custom fields asked follow it. */
  private service = "";
  /** This dialog's idempotency key (16 random bytes in hex; any context, secure or not): every send of it is the same report. */
  private readonly key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  /** The attached files, once the form is drawn (they adopt styles into its shadow root). */
  private box?: ReplyFiles;
  /** The custom fields part, which sets itself here once loaded (custom-fields.ts reads `i18n`, `client`, `desk`, `value`). */
  private extra?: SigapCustomFields;
  /** Read by the custom fields part: this form's fields are the desk's (deskDirectory). */
  protected readonly desk = true;

  /** The site's directory the queue read (services, categories, groups, the priority matrix). */
  directory: Directory | null = null;
  /** The agent's bearer token. */
  token = "";
  /** The gateway's GraphQL URL. @default the /graphql of the origin the script came from */
  endpoint = "";
  /** `light`, `dark` or `auto`, as the queue's. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  protected override firstUpdated(): void {
    this.dialog?.showModal();
  }

  /** Read by the custom fields part: this dialog's language. */
  protected get i18n(): LocaleController {
    return this.lc;
  }

  private get client(): Endpoint {
    return { url: this.endpoint || defaultEndpoint(import.meta.url), token: this.token };
  }

  private value(_field: "service"): string {
    return this.service;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector("dialog");
  }

  private w(key: LogKey, values?: Record<string, string | number>): string {
    return this.lc.t(logMessages, key, values);
  }

  private d(key: DeskKey): string {
    return deskText(this.lc, key);
  }

  private async handleSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.errors = {};
    this.problem = "";
    let data: FormData | undefined;
    try {
      data = new FormData(e.target as HTMLFormElement);
      const input = { ...logInput(data), idempotencyKey: this.key, fields: this.extra?.payload() };
      const { logTicket } = await request(this.client, LogTicket, { input });
      this.logged = { ticket: logTicket.ticket, trackingLink: logTicket.trackingLink };
      notify<SigapTicketLoggedDetail>(this, "sigap-ticket-logged", this.logged);
    } catch (error) {
      if (reportAuth(this, error)) return;
      const fields = error instanceof SigapRequestError ? error.fields : [];
      // A field the gateway refuses while it is blank is one it requires: said in the dialog's language (the gateway words its reasons in English).
      const blank = (name: string): boolean => data?.has(name) === true && String(data.get(name)).trim() === "";
      this.errors = Object.fromEntries(fields.map((f) => [f.field, blank(f.field) ? this.w("required") : f.message]));
      this.extra?.refused(fields);
      this.problem = fields.length ? this.d("fix") : problemText(this.lc, error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
    } finally {
      this.busy = false;
    }
  }

  /** A field the agent corrects loses its mark from the last try; with the last mark gone, so does "check the marked fields". */
  private handleInput(e: Event): void {
    const name = (e.target as HTMLInputElement).name;
    if (!this.errors[name]) return;
    this.errors = { ...this.errors, [name]: "" };
    if (!Object.values(this.errors).some(Boolean)) this.problem = "";
  }

  private handleChange(e: Event): void {
    const el = e.target as HTMLSelectElement;
    if (el.name === "urgency") this.urgency = el.value;
    if (el.name === "impact") this.impact = el.value;
    if (el.name === "serviceId") this.service = el.value;
  }

  private async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = true;
    } catch {
      // No clipboard (permission refused): the code stays on screen to read out.
    }
  }

  private field(name: string, label: string, control: (id: string, err: string) => TemplateResult, wide = false): TemplateResult {
    const err = this.errors[name] ?? "";
    return html`<div class="field ${wide ? "wide" : ""}"><label for="l-${name}">${label}</label>${control(`l-${name}`, err)}<span id="l-${name}-e" part=${err ? "error" : nothing} class="error">${err}</span></div>`;
  }

  private input(name: string, label: string, type = "text", required = false): TemplateResult {
    return this.field(
      name,
      label,
      (id, err) => html`<input id=${id} name=${name} type=${type} ?required=${required} aria-describedby="${id}-e" aria-invalid=${err ? "true" : "false"} />`,
    );
  }

  private select(name: string, label: string, options: readonly Option[], value = ""): TemplateResult {
    return this.field(
      name,
      label,
      (id, err) => html`<select id=${id} name=${name} aria-describedby="${id}-e" aria-invalid=${err ? "true" : "false"} @change=${this.handleChange}>
        ${options.map(([v, l]) => html`<option value=${v} ?selected=${v === value}>${l}</option>`)}
      </select>`,
    );
  }

  /**
   * The SLA targets the ticket will get at priority `p`: the site's incident targets (deskDirectory),
   * shown only while the chosen service opens incidents (a request's type may have targets of its own).
   */
  private targets(dir: Directory, p: Priority | undefined): string {
    const type = this.service ? dir.services.find((s) => s.id === this.service)?.ticketType : "INCIDENT";
    const target = type === "INCIDENT" ? dir.slaPolicy.find((t) => t.priority === p) : undefined;
    return target ? this.w("targets", { response: this.lc.duration(target.responseMinutes * 60_000), resolution: this.lc.duration(target.resolutionMinutes * 60_000) }) : "";
  }

  private renderForm(dir: Directory): TemplateResult {
    const none: Option = ["", this.w("none")];
    const names = directoryNames(dir);
    const live = <T extends { id: string; retired: boolean }>(list: readonly T[]): Option[] => list.filter((x) => !x.retired).map((x): Option => [x.id, names.get(x.id) ?? x.id]);
    const { urgencies, impacts } = matrixLevels(dir.priorityMatrix);
    const p = priorityFrom(dir.priorityMatrix, this.urgency, this.impact);
    const targets = this.targets(dir, p);
    const box = (this.box ??= new ReplyFiles(this, { target: () => this.client }));
    // The site's own questions: their part loads only where a site has some.
    if (dir.customFields[0]) void import("../../report-form/custom-fields.js");
    return html`<form part="form" novalidate @submit=${this.handleSubmit} @input=${this.handleInput} @dragover=${box.handle} @drop=${box.handle} @paste=${box.handle}>
      <div class="grid">
        ${this.select("channel", this.w("channel"), CHANNELS.map((c): Option => [c, this.d(c)]))}
        ${this.input("customerId", this.w("customerId"))}
        ${this.input("reporterName", this.w("caller"), "text", true)}
        ${this.input("reporterPhone", this.w("phone"), "tel")}
        ${this.input("reporterEmail", this.w("email"), "email")}
        ${this.select("language", this.w("language"), [none, ["id", this.w("id")], ["en", this.w("en")]])}
        ${this.field("location", this.d("location"), (id, err) => html`<input id=${id} name="location" aria-describedby="${id}-e" aria-invalid=${err ? "true" : "false"} />`, true)}
        ${this.input("kelurahan", this.w("kelurahan"))}
        ${this.input("kecamatan", this.w("kecamatan"))}
        ${this.select("serviceId", this.d("service"), [none, ...live(dir.services)])}
        ${this.select("categoryId", this.d("category"), [none, ...live(dir.categories)])}
        ${this.select("urgency", this.d("urgency"), urgencies.map((l): Option => [l, this.d(l)]), this.urgency)}
        ${this.select("impact", this.d("impact"), impacts.map((l): Option => [l, this.d(l)]), this.impact)}
        <p class="wide" aria-live="polite">${p ? deskText(this.lc, "resulting", { p: priorityLabel(this.lc, p) }) : ""}${targets ? html`<br />${targets}` : nothing}</p>
        ${this.select("groupId", this.d("group"), [none, ...live(dir.groups)])}
        <label class="check"><input type="checkbox" name="me" /> ${this.d("toMe")}</label>
        ${this.field("problemType", this.w("problemType"), (id, err) => html`<input id=${id} name="problemType" aria-describedby="${id}-e" aria-invalid=${err ? "true" : "false"} />`, true)}
        ${this.field("description", this.d("description"), (id, err) => html`<textarea id=${id} name="description" rows="4" required aria-describedby="${id}-e" aria-invalid=${err ? "true" : "false"}></textarea>`, true)}
        ${dir.customFields[0] ? html`<sigap-custom-fields .form=${this}></sigap-custom-fields>` : nothing}
      </div>
      ${this.problem ? html`<p part="error" class="error" role="alert">${[this.problem, this.errors["attachmentIds"]].filter(Boolean).join(" ")}</p>` : nothing}
      <div class="row">
        ${box.render()}
        <button type="submit" ?disabled=${this.busy || box.busy}>${this.busy ? this.w("busy") : this.w("submit")}</button>
        <button type="button" class="secondary" @click=${() => this.dialog?.close()}>${this.w("cancel")}</button>
      </div>
    </form>`;
  }

  private renderDone(done: SigapTicketLoggedDetail): TemplateResult {
    const code = done.ticket.code;
    return html`<p role="status">${this.w("done", { code })}</p>
      <p part="code" class="code">${code}</p>
      <div class="row">
        <button type="button" @click=${() => this.copy(code)}>${this.w("copy")}</button>
        ${done.trackingLink ? html`<button type="button" class="secondary" @click=${() => this.copy(done.trackingLink!)}>${this.w("copyLink")}</button>` : nothing}
        <button type="button" class="secondary" @click=${() => this.dialog?.close()}>${this.w("close")}</button>
        <span role="status">${this.copied ? this.w("copied") : ""}</span>
      </div>`;
  }

  override render(): TemplateResult {
    const dir = this.directory;
    return html`<dialog part="dialog" aria-labelledby="log-title" @close=${() => notify<null>(this, "sigap-log-close", null)}>
      <h2 id="log-title">${this.w("title")}</h2>
      ${this.logged ? this.renderDone(this.logged) : dir ? this.renderForm(dir) : nothing}
    </dialog>`;
  }
}
