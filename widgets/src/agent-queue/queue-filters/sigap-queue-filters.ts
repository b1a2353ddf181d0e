import { SigapQueueFilters } from "./queue-filters.component.js";
import type { QueueFilters } from "./queue-filters.rules.js";

export { SigapQueueFilters, type QueueFilters };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-queue-filters")) customElements.define("sigap-queue-filters", SigapQueueFilters);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-queue-filters": SigapQueueFilters;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-filters-change": CustomEvent<QueueFilters>;
  }
}
