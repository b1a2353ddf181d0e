import { SigapReportHeadline, type ReportDrillDetail } from "./headline.component.js";

export { SigapReportHeadline, type ReportDrillDetail };

if (!customElements.get("sigap-report-headline")) customElements.define("sigap-report-headline", SigapReportHeadline);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-report-headline": SigapReportHeadline;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-report-drill": CustomEvent<ReportDrillDetail>;
  }
}
