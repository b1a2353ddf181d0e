import type { SigapAuthErrorDetail, SigapTicketActionDetail } from "../desk-parts.js";
import { SigapTicketComposer } from "./ticket-composer.component.js";

export { SigapTicketComposer, type SigapAuthErrorDetail, type SigapTicketActionDetail };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-ticket-composer")) customElements.define("sigap-ticket-composer", SigapTicketComposer);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-ticket-composer": SigapTicketComposer;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-ticket-action": CustomEvent<SigapTicketActionDetail>;
    "sigap-auth-error": CustomEvent<SigapAuthErrorDetail>;
  }
}
