/**
 * The tracker's work-order part (seed 003), loaded on demand when the ticket is a work order:
 * the technician's findings, the extra cost's line items and total in rupiah, accept or decline
 * with a confirmation step, then the payment state. It reads the work order again whenever the
 * tracker's view of the ticket changes (a live push, a reload).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from "lit";
import type { WorkOrderFieldsFragment } from "../client/generated.js";
import { request, type Endpoint } from "../client/http.js";
import { DecideCost, TrackWorkOrder } from "../client/work-order.operations.js";
import type { LocaleController } from "../shared/locale.js";
import { problemText } from "../shared/problem-text.js";
import { renderWorkOrder } from "../shared/work-order/work-order-view.js";
import { messages, type WorkOrderKey } from "../shared/work-order/work-order.messages.js";
import { rupiah } from "../shared/work-order/rupiah.js";

/** What the part needs of the tracker (whose live feed brings the ticket's new status after a decision). */
export interface WorkOrderHost extends ReactiveControllerHost {
  readonly endpoint: Endpoint;
  readonly lc: LocaleController;
}

/** The customer's view of one work order and their decision on its cost. */
export class TrackedWorkOrder implements ReactiveController {
  private order: WorkOrderFieldsFragment | null = null;
  private readAt = "";
  private confirming: "accept" | "decline" | null = null;
  private sending = false;
  private problem = "";

  constructor(private readonly host: WorkOrderHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Reads the work order when the ticket changed since the last read. */
  private sync(code: string, token: string, updatedAt: string): void {
    if (this.readAt === `${code} ${updatedAt}`) return;
    this.readAt = `${code} ${updatedAt}`;
    void request(this.host.endpoint, TrackWorkOrder, { code, token: token || null }).then(
      (data) => this.set(data.trackTicket?.workOrder ?? null),
      (error: unknown) => this.fail(error),
    );
  }

  private set(order: WorkOrderFieldsFragment | null): void {
    this.order = order;
    this.host.requestUpdate();
  }

  private fail(error: unknown): void {
    this.problem = problemText(this.host.lc, error);
    this.sending = false;
    this.host.requestUpdate();
  }

  private t(key: WorkOrderKey, values?: Record<string, string | number>): string {
    return this.host.lc.t(messages, key, values);
  }

  private async decide(code: string, token: string, form: HTMLFormElement): Promise<void> {
    const note = String(new FormData(form).get("note") ?? "").trim();
    this.sending = true;
    this.problem = "";
    this.host.requestUpdate();
    try {
      const data = await request(this.host.endpoint, DecideCost, { code, token: token || null, accept: this.confirming === "accept", note: note || null });
      this.confirming = null;
      this.sending = false;
      this.set(data.decideCost.workOrder);
    } catch (error) {
      this.fail(error);
    }
  }

  /** The work order of the ticket as of `updatedAt` (read again when that moves), or a loading line until it is read. */
  render(code: string, token: string, updatedAt: string): TemplateResult {
    this.sync(code, token, updatedAt);
    const o = this.order;
    if (!o) return html`<p class="muted" role="status">${this.t("loading")}</p>`;
    const p = o.proposal;
    return html`<section part="work-order" class="panel" aria-labelledby="wo-title">
      <h3 id="wo-title">${this.t("title")}</h3>
      ${renderWorkOrder(this.host.lc, o)}
      ${o.awaitingDecision && p ? this.renderDecision(code, token, p.total) : nothing}
    </section>`;
  }

  private renderDecision(code: string, token: string, total: number): TemplateResult {
    const amount = rupiah(this.host.lc, total);
    const submit = (e: SubmitEvent) => {
      e.preventDefault();
      void this.decide(code, token, e.target as HTMLFormElement);
    };
    const ask = (what: "accept" | "decline" | null) => () => {
      this.confirming = what;
      this.problem = "";
      this.host.requestUpdate();
    };
    return html`<form part="cost-decision" novalidate @submit=${submit}>
      <label>${this.t("note")}<textarea name="note" rows="2" maxlength="5000" ?disabled=${this.sending}></textarea></label>
      ${this.confirming
        ? html`<p role="alert" class="strong">${this.t(this.confirming === "accept" ? "confirmAccept" : "confirmDecline", { total: amount })}</p>
            <div class="row end">
              <button type="button" class="secondary" ?disabled=${this.sending} @click=${ask(null)}>${this.t("cancel")}</button>
              <button type="submit" ?disabled=${this.sending}>${this.sending ? this.t("deciding") : this.t("confirm")}</button>
            </div>`
        : html`<div class="row end">
            <button type="button" class="secondary" @click=${ask("decline")}>${this.t("decline")}</button>
            <button type="button" @click=${ask("accept")}>${this.t("accept")}</button>
          </div>`}
      <p part="error" class="error" role="status">${this.problem}</p>
    </form>`;
  }
}
