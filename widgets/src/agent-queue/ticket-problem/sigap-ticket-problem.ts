import { SigapTicketProblem } from "./ticket-problem.component.js";

export { SigapTicketProblem };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-ticket-problem")) customElements.define("sigap-ticket-problem", SigapTicketProblem);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-ticket-problem": SigapTicketProblem;
  }
}
