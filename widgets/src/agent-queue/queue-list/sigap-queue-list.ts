import { SigapQueueList, type SigapTicketOpenDetail } from "./queue-list.component.js";

export { SigapQueueList, type SigapTicketOpenDetail };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-queue-list")) customElements.define("sigap-queue-list", SigapQueueList);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-queue-list": SigapQueueList;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-ticket-open": CustomEvent<SigapTicketOpenDetail>;
    "sigap-queue-more": CustomEvent<null>;
  }
}
