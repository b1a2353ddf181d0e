/**
 * A work order as both the tracker and the desk show it: findings, the newest cost proposal's
 * line items and total in rupiah with where the decision stands, and the payment.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { WorkOrderFieldsFragment } from "../../client/generated.js";
import type { LocaleController } from "../locale.js";
import { rupiah } from "./rupiah.js";
import { messages, type WorkOrderKey } from "./work-order.messages.js";

/** The work order's findings, cost table and payment. */
export function renderWorkOrder(lc: LocaleController, o: WorkOrderFieldsFragment): TemplateResult {
  const t = (key: WorkOrderKey, values?: Record<string, string | number>) => lc.t(messages, key, values);
  const p = o.proposal;
  const pay = o.payment;
  return html`${o.findings ? html`<h4>${t("findings")}</h4><p class="msg">${o.findings}</p>` : nothing}
    ${p
      ? html`<table part="cost-table">
          <caption>${t("proposal")} — ${p.decidedAt ? t("decidedAt", { what: t(p.status), at: lc.dateTime(p.decidedAt) }) : t(p.status)}</caption>
          <thead><tr><th scope="col">${t("item")}</th><th scope="col">${t("qty")}</th><th scope="col">${t("unit")}</th><th scope="col">${t("amount")}</th></tr></thead>
          <tbody>${p.lines.map((l) => html`<tr><td>${l.description}</td><td>${l.quantity}</td><td>${rupiah(lc, l.unitAmount)}</td><td>${rupiah(lc, l.amount)}</td></tr>`)}</tbody>
          <tfoot><tr><th scope="row" colspan="3">${t("total")}</th><td part="cost-total"><strong>${rupiah(lc, p.total)}</strong></td></tr></tfoot>
        </table>
        ${p.decisionNote ? html`<p class="msg">${p.decisionNote}</p>` : nothing}`
      : nothing}
    <p part="payment"><strong>${t("payment")}:</strong> ${t(pay.status)}${pay.method ? ` · ${t(pay.method)}` : ""}${pay.amount !== null ? ` · ${rupiah(lc, pay.amount)}` : ""}
      ${o.paymentDue ? html`<span class="muted">${t("due")}</span>` : nothing}</p>`;
}
