import { SigapReportBreakdown } from "./breakdown.component.js";

export { SigapReportBreakdown };

if (!customElements.get("sigap-report-breakdown")) customElements.define("sigap-report-breakdown", SigapReportBreakdown);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-report-breakdown": SigapReportBreakdown;
  }
}
