import type { SigapAuthErrorDetail, SigapTicketActionDetail } from "../desk-parts.js";
import { SigapTicketActions } from "./ticket-actions-bar.component.js";

export { SigapTicketActions };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-ticket-actions")) customElements.define("sigap-ticket-actions", SigapTicketActions);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-ticket-actions": SigapTicketActions;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-ticket-action": CustomEvent<SigapTicketActionDetail>;
    "sigap-auth-error": CustomEvent<SigapAuthErrorDetail>;
  }
}
