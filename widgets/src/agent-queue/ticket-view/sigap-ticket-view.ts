import type { SigapAuthErrorDetail, SigapTicketActionDetail } from "../desk-parts.js";
import { SigapTicketView } from "./ticket-view.component.js";

export { SigapTicketView, type SigapAuthErrorDetail, type SigapTicketActionDetail };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-ticket-view")) customElements.define("sigap-ticket-view", SigapTicketView);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-ticket-view": SigapTicketView;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-ticket-action": CustomEvent<SigapTicketActionDetail>;
    "sigap-auth-error": CustomEvent<SigapAuthErrorDetail>;
    "sigap-ticket-close": CustomEvent<null>;
  }
}
