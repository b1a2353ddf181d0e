import { SigapQueueViews } from "./queue-views.component.js";

export { SigapQueueViews };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-queue-views")) customElements.define("sigap-queue-views", SigapQueueViews);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-queue-views": SigapQueueViews;
  }
}
