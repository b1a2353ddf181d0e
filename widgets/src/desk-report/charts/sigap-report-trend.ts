import { SigapReportTrend } from "./trend-chart.component.js";

export { SigapReportTrend };

if (!customElements.get("sigap-report-trend")) customElements.define("sigap-report-trend", SigapReportTrend);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-report-trend": SigapReportTrend;
  }
}
