import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import type { PaymentMethod, PaymentStatus, WorkOrderFieldsFragment } from "../../client/generated.js";
import { request, type Endpoint } from "../../client/http.js";
import { DeskWorkOrder, ProposeCost, RecordPayment } from "../../client/work-order.operations.js";
import { defaultEndpoint } from "../../shared/endpoint.js";
import { LocaleController } from "../../shared/locale.js";
import { problemText } from "../../shared/problem-text.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { ticketStyles } from "../../shared/ticket.styles.js";
import { renderWorkOrder } from "../../shared/work-order/work-order-view.js";
import { messages, type WorkOrderKey } from "../../shared/work-order/work-order.messages.js";
import { indonesian } from "../agent-queue.messages.js";
import { actionStyles } from "../actions/action.styles.js";
import { notify, reportAuth, type Row, type SigapTicketActionDetail } from "../desk-parts.js";

type Form = "cost" | "payment";
type Line = { description: string; quantity: string; unitAmount: string };

const STATUSES: readonly PaymentStatus[] = ["UNPAID", "PAID", "REFUNDED"];
const METHODS: readonly PaymentMethod[] = ["TRANSFER", "E_WALLET", "CASH_ON_DELIVERY"];
const blank = (): Line => ({ description: "", quantity: "1", unitAmount: "" });

/**
 * A work order in the agent's ticket view (seed 003), loaded on demand for WORK_ORDER tickets: the
 * findings, cost and payment as the customer sees them, and the technician's cost proposal form
 * (findings and line items) and the desk's payment form, each offered only when the gateway lists
 * PROPOSE_COST or RECORD_PAYMENT in the ticket's `allowedActions`. The gateway checks every value;
 * its BAD_USER_INPUT answer names the fields.
 *
 * @summary Findings, cost proposal and payment of one work order, for the desk.
 * @tagname sigap-work-order-desk
 *
 * @csspart work-order - The work order's panel.
 * @csspart action - The propose and record buttons.
 * @csspart action-form - The open form.
 * @csspart action-error - The form's error message.
 *
 * @fires {CustomEvent<SigapTicketActionDetail>} sigap-ticket-action - The gateway accepted a cost proposal or a payment.
 * @fires {CustomEvent<SigapAuthErrorDetail>} sigap-auth-error - The agent token was refused.
 */
export class SigapWorkOrderDesk extends LitElement {
  static override styles = [themeStyles, ticketStyles, actionStyles];

  static override properties: PropertyDeclarations = {
    ticket: { attribute: false },
    token: {},
    endpoint: {},
    theme: { reflect: true },
    order: { state: true, attribute: false },
    open: { state: true, attribute: false },
    lines: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    done: { state: true, attribute: false },
  };

  private readonly lc = new LocaleController(this, indonesian);

  private order: WorkOrderFieldsFragment | null = null;
  private open: Form | null = null;
  private lines: Line[] = [blank()];
  private busy = false;
  private problem = "";
  private done = "";
  private readVersion = "";

  /** The ticket (a desk row): its id, version and allowed actions. */
  ticket: Pick<Row, "id" | "code" | "version" | "allowedActions"> | null = null;
  /** The agent's bearer token. */
  token = "";
  /** The gateway's GraphQL URL. @default the /graphql of the origin the script came from */
  endpoint = "";
  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  private get target(): Endpoint {
    return { url: this.endpoint || defaultEndpoint(import.meta.url), token: this.token };
  }

  private t(key: WorkOrderKey, values?: Record<string, string | number>): string {
    return this.lc.t(messages, key, values);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const t = this.ticket;
    if (!changed.has("ticket") || !t || this.readVersion === `${t.id}:${t.version}`) return;
    if (!this.readVersion.startsWith(`${t.id}:`)) {
      this.open = null;
      this.done = "";
    }
    this.readVersion = `${t.id}:${t.version}`;
    void request(this.target, DeskWorkOrder, { id: t.id }).then(
      (data) => (this.order = data.ticket.workOrder),
      (error: unknown) => this.fail(error),
    );
  }

  private fail(error: unknown): void {
    this.busy = false;
    if (!reportAuth(this, error)) this.problem = problemText(this.lc, error);
  }

  private toggle(form: Form): void {
    this.open = this.open === form ? null : form;
    this.problem = this.done = "";
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const t = this.ticket;
    if (!t || !this.open) return;
    const data = new FormData(e.target as HTMLFormElement);
    const v = (k: string) => String(data.get(k) ?? "").trim();
    const form = this.open;
    this.busy = true;
    this.problem = "";
    try {
      let ticket: { workOrder: WorkOrderFieldsFragment | null };
      if (form === "cost") {
        const lines = this.lines.map((l) => ({ description: l.description, quantity: Number(l.quantity), unitAmount: Number(l.unitAmount) }));
        ticket = (await request(this.target, ProposeCost, { id: t.id, input: { findings: v("findings") || null, lines } })).proposeCost;
        this.lines = [blank()];
      } else {
        const amount = v("amount");
        const input = { status: v("status") as PaymentStatus, method: (v("method") || null) as PaymentMethod | null, amount: amount ? Number(amount) : null };
        ticket = (await request(this.target, RecordPayment, { id: t.id, input })).recordPayment;
      }
      this.order = ticket.workOrder;
      this.open = null;
      this.done = this.t(form === "cost" ? "proposed" : "recorded");
      this.busy = false;
      // Without the ticket: the view reads it again (status, timeline) rather than this part asking for all of it.
      notify<SigapTicketActionDetail>(this, "sigap-ticket-action", { id: t.id, code: t.code, action: form });
    } catch (error) {
      // A BAD_USER_INPUT message names every bad line and field (lines.<i>.<field>) in words.
      this.fail(error);
    }
  }

  private editLine(i: number, key: keyof Line, value: string): void {
    this.lines = this.lines.map((l, j) => (j === i ? { ...l, [key]: value } : l));
  }

  private renderCost(): TemplateResult {
    return html`<label>${this.t("findings")}<textarea name="findings" rows="3" maxlength="5000">${this.order?.findings ?? ""}</textarea></label>
      <fieldset><legend>${this.t("proposal")}</legend>
        ${this.lines.map(
          (l, i) => html`<div class="row" role="group" aria-label=${this.t("line", { n: i + 1 })}>
            <label class="grow">${this.t("description")}<input .value=${l.description} maxlength="200" @input=${(e: InputEvent) => this.editLine(i, "description", (e.target as HTMLInputElement).value)} /></label>
            <label>${this.t("qty")}<input type="number" min="1" step="1" .value=${l.quantity} @input=${(e: InputEvent) => this.editLine(i, "quantity", (e.target as HTMLInputElement).value)} /></label>
            <label>${this.t("unit")}<input type="number" min="0" step="1" .value=${l.unitAmount} @input=${(e: InputEvent) => this.editLine(i, "unitAmount", (e.target as HTMLInputElement).value)} /></label>
            ${this.lines.length > 1
              ? html`<button type="button" class="secondary" aria-label=${this.t("removeLine", { n: i + 1 })} @click=${() => (this.lines = this.lines.filter((_, j) => j !== i))}>✕</button>`
              : nothing}
          </div>`,
        )}
        <button type="button" class="secondary" @click=${() => (this.lines = [...this.lines, blank()])}>${this.t("addLine")}</button>
      </fieldset>`;
  }

  private renderPayment(): TemplateResult {
    const pay = this.order?.payment;
    // The form opens on what is usually recorded next: an unpaid job being paid.
    const next = pay && pay.status !== "UNPAID" ? pay.status : "PAID";
    return html`<div class="row">
      <label>${this.t("status")}<select name="status">${STATUSES.map((s) => html`<option value=${s} ?selected=${s === next}>${this.t(s)}</option>`)}</select></label>
      <label>${this.t("method")}<select name="method"><option value=""></option>${METHODS.map((m) => html`<option value=${m} ?selected=${m === pay?.method}>${this.t(m)}</option>`)}</select></label>
      <label>${this.t("paid")}<input name="amount" type="number" min="0" step="1" .value=${String(pay?.amount ?? this.order?.proposal?.total ?? "")} /></label>
    </div>`;
  }

  override render(): TemplateResult {
    const o = this.order;
    if (!o) return html`<p class="muted" role="status">${this.t("loading")}</p>`;
    const allowed = this.ticket?.allowedActions ?? [];
    const offers: Array<[Form, WorkOrderKey]> = [];
    if (allowed.includes("PROPOSE_COST")) offers.push(["cost", "propose"]);
    if (allowed.includes("RECORD_PAYMENT")) offers.push(["payment", "record"]);
    return html`<section part="work-order" class="panel" aria-labelledby="wo-desk-title">
      <h3 id="wo-desk-title">${this.t("title")}</h3>
      ${renderWorkOrder(this.lc, o)}
      <div class="bar" role="group" aria-label=${this.t("title")}>
        ${offers.map(
          ([form, label]) => html`<button part="action" type="button" class="secondary" aria-expanded=${this.open === form ? "true" : "false"} @click=${() => this.toggle(form)}>${this.t(label)}</button>`,
        )}
      </div>
      ${this.open
        ? html`<form part="action-form" novalidate @submit=${this.submit}>
            ${this.open === "cost" ? this.renderCost() : this.renderPayment()}
            <p part="action-error" class="error" role="alert">${this.problem}</p>
            <div class="row end"><button type="submit" ?disabled=${this.busy}>${this.busy ? this.t("saving") : this.t(this.open === "cost" ? "send" : "save")}</button></div>
          </form>`
        : nothing}
      <p class="done muted" role="status">${this.done}</p>
    </section>`;
  }
}
