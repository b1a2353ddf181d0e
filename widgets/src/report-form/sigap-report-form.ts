import type { SigapErrorDetail } from "../shared/error-detail.js";
import { SigapReportForm, type ReportReceipt } from "./report-form.component.js";

export { SigapReportForm };
export type { ReportField, ReportFieldName, ReportReceipt } from "./report-form.component.js";

// A page may load the script twice (two snippets, or npm plus a CDN); defining twice would throw.
if (!customElements.get("sigap-report-form")) customElements.define("sigap-report-form", SigapReportForm);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-report-form": SigapReportForm;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-reported": CustomEvent<ReportReceipt>;
    "sigap-error": CustomEvent<SigapErrorDetail>;
  }
}
