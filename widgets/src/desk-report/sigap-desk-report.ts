import { SigapDeskReport } from "./desk-report.component.js";

export { SigapDeskReport };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-desk-report")) customElements.define("sigap-desk-report", SigapDeskReport);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-desk-report": SigapDeskReport;
  }
}
