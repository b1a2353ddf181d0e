import {
  SigapAgentQueue,
  type SigapAuthErrorDetail,
  type SigapTicketActionDetail,
  type SigapTicketActionName,
  type SigapTicketSelectDetail,
} from "./agent-queue.component.js";

export { SigapAgentQueue, type SigapAuthErrorDetail, type SigapTicketActionDetail, type SigapTicketActionName, type SigapTicketSelectDetail };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-agent-queue")) customElements.define("sigap-agent-queue", SigapAgentQueue);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-agent-queue": SigapAgentQueue;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-ticket-select": CustomEvent<SigapTicketSelectDetail>;
    "sigap-ticket-action": CustomEvent<SigapTicketActionDetail>;
    "sigap-auth-error": CustomEvent<SigapAuthErrorDetail>;
  }
}
