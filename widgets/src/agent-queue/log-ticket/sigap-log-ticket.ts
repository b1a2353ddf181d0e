import { SigapLogTicket, type SigapTicketLoggedDetail } from "./log-ticket.component.js";

export { SigapLogTicket, type SigapTicketLoggedDetail };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-log-ticket")) customElements.define("sigap-log-ticket", SigapLogTicket);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-log-ticket": SigapLogTicket;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-ticket-logged": CustomEvent<SigapTicketLoggedDetail>;
    "sigap-log-close": CustomEvent<null>;
  }
}
