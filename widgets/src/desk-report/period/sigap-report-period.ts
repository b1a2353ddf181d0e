import { SigapReportPeriod } from "./period-picker.component.js";
import type { ReportPeriod } from "./report-period.js";

export { SigapReportPeriod };

if (!customElements.get("sigap-report-period")) customElements.define("sigap-report-period", SigapReportPeriod);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-report-period": SigapReportPeriod;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-period-change": CustomEvent<ReportPeriod>;
  }
}
