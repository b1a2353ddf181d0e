import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import type { DeskRecapQuery, PaymentMethod, ReportWorkOrderFiguresFragment } from "../../client/generated.js";
import { themeStyles } from "../../shared/theme.styles.js";
import type { ReportKey, Translate } from "../desk-report.messages.js";
import { reportStyles } from "../desk-report.styles.js";
import { formatNumber } from "../headline/figures.js";

type WorkOrders = NonNullable<DeskRecapQuery["recap"]["workOrders"]>;
type Figures = ReportWorkOrderFiguresFragment;
type CountAmount = { count: number; amount: number };

const method = (m: PaymentMethod) => (f: Figures): CountAmount => f.payments.find((p) => p.method === m) ?? { count: 0, amount: 0 };

type Figure = { key: ReportKey; count(f: Figures): number; money?: (f: Figures) => CountAmount };
const money = (key: ReportKey, pick: (f: Figures) => CountAmount): Figure => ({ key, count: (f) => pick(f).count, money: pick });

/** The figures table's rows, in the gateway's order (recaps/export-columns.ts WORK_ORDER_FIGURES): a count, and rupiah for money. */
const FIGURES: readonly Figure[] = [
  { key: "woIn", count: (f) => f.workOrdersIn },
  { key: "woCompleted", count: (f) => f.completed },
  { key: "woUnpaid", count: (f) => f.unpaidCompleted },
  { key: "woUnpaidDue", count: (f) => f.unpaidCompletedPaymentDue },
  money("woProposed", (f) => f.costsProposed),
  money("woAccepted", (f) => f.costsAccepted),
  money("woDeclined", (f) => f.costsDeclined),
  money("woAwaiting", (f) => f.costsAwaiting),
  money("woTRANSFER", method("TRANSFER")),
  money("woE_WALLET", method("E_WALLET")),
  money("woCASH_ON_DELIVERY", method("CASH_ON_DELIVERY")),
  money("woPaid", (f) => f.paid),
  money("woRefunded", (f) => f.refunded),
];

/** A breakdown table's columns: where the jobs and the money are. */
const COLUMNS: ReadonlyArray<{ key: ReportKey; value(f: Figures): number; rupiah?: true }> = [
  { key: "woIn", value: (f) => f.workOrdersIn },
  { key: "woCompleted", value: (f) => f.completed },
  { key: "woUnpaid", value: (f) => f.unpaidCompleted },
  { key: "woAccepted", value: (f) => f.costsAccepted.amount, rupiah: true },
  { key: "woPaid", value: (f) => f.paid.amount, rupiah: true },
];

/**
 * The recap's work orders (seed 003): how many came in and were completed, the extra costs
 * proposed, accepted, declined and awaiting the customer, payments by method and the jobs done
 * but unpaid; then the same by kecamatan, group, service or technician. Shown only when the
 * period had work orders (the gateway sends none otherwise).
 *
 * @summary A desk report's work-order costs and payments.
 * @tagname sigap-report-work-orders
 * @csspart table - A table of figures.
 */
export class SigapReportWorkOrders extends LitElement {
  static override styles = [themeStyles, reportStyles];

  static override properties: PropertyDeclarations = {
    workOrders: { attribute: false },
    t: { attribute: false },
    locale: {},
  };

  /** The recap's work-order part. */
  workOrders: WorkOrders | null = null;
  /** The shell's translator. */
  t: Translate = (key) => key;
  /** The BCP 47 tag numbers and rupiah are written in. @default en-GB */
  locale = "en-GB";

  private rupiah(amount: number): string {
    return new Intl.NumberFormat(this.locale, { style: "currency", currency: "IDR", minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount);
  }

  override render(): TemplateResult | typeof nothing {
    const w = this.workOrders;
    if (!w) return nothing;
    const t = this.t;
    return html`<div class="tables">
      <div class="scroll"><table part="table">
        <caption>${t("woFigures")}</caption>
        <thead><tr><th scope="col">${t("woFigure")}</th><th scope="col" class="n">${t("woCount")}</th><th scope="col" class="n">${t("woAmount")}</th></tr></thead>
        <tbody>
          ${FIGURES.map(
            (f) => html`<tr><th scope="row">${t(f.key)}</th><td class="n">${formatNumber(f.count(w.totals), this.locale)}</td><td class="n">${f.money ? this.rupiah(f.money(w.totals).amount) : t("none")}</td></tr>`,
          )}
        </tbody>
      </table></div>
      ${w.breakdowns.map(
        (b) => html`<div class="scroll"><table part="table">
          <caption>${t("woBy", { dimension: t(b.dimension) })}</caption>
          <thead><tr><th scope="col">${t(b.dimension)}</th>${COLUMNS.map((c) => html`<th scope="col" class="n">${t(c.key)}</th>`)}</tr></thead>
          <tbody>
            ${b.rows.length ? b.rows.map((row) => html`<tr><th scope="row">${row.label}</th>${COLUMNS.map((c) => html`<td class="n">${c.rupiah ? this.rupiah(c.value(row.figures)) : formatNumber(c.value(row.figures), this.locale)}</td>`)}</tr>`) : html`<tr><td colspan=${COLUMNS.length + 1} class="muted">${t("woNoRows")}</td></tr>`}
          </tbody>
        </table></div>`,
      )}
    </div>`;
  }
}
