import { SigapTicketPresence } from "./ticket-presence.component.js";

export { SigapTicketPresence };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-ticket-presence")) customElements.define("sigap-ticket-presence", SigapTicketPresence);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-ticket-presence": SigapTicketPresence;
  }
}
