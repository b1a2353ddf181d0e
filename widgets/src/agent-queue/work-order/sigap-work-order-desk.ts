import { SigapWorkOrderDesk } from "./work-order-desk.component.js";

export { SigapWorkOrderDesk };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-work-order-desk")) customElements.define("sigap-work-order-desk", SigapWorkOrderDesk);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-work-order-desk": SigapWorkOrderDesk;
  }
}
