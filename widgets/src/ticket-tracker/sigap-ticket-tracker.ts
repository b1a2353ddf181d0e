import { SigapTicketTracker, type SigapFeedbackOpenDetail, type SigapStatusDetail } from "./ticket-tracker.component.js";

export { SigapTicketTracker, type SigapFeedbackOpenDetail, type SigapStatusDetail };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-ticket-tracker")) customElements.define("sigap-ticket-tracker", SigapTicketTracker);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-ticket-tracker": SigapTicketTracker;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-status": CustomEvent<SigapStatusDetail>;
    "sigap-feedback-open": CustomEvent<SigapFeedbackOpenDetail>;
  }
}
