import { SigapReportWorkOrders } from "./work-orders.component.js";

export { SigapReportWorkOrders };

if (!customElements.get("sigap-report-work-orders")) customElements.define("sigap-report-work-orders", SigapReportWorkOrders);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-report-work-orders": SigapReportWorkOrders;
  }
}
