import { SigapReportDrill } from "./drill.component.js";

export { SigapReportDrill };

if (!customElements.get("sigap-report-drill")) customElements.define("sigap-report-drill", SigapReportDrill);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-report-drill": SigapReportDrill;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-report-drill-close": CustomEvent<Record<string, never>>;
  }
}
