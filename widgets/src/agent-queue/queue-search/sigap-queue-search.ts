import { SigapQueueSearch, type SigapSearchDetail } from "./queue-search.component.js";

export { SigapQueueSearch, type SigapSearchDetail };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-queue-search")) customElements.define("sigap-queue-search", SigapQueueSearch);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-queue-search": SigapQueueSearch;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-search": CustomEvent<SigapSearchDetail>;
  }
}
