import { SigapDeskAwareness } from "./desk-awareness.component.js";

export { SigapDeskAwareness };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-desk-awareness")) customElements.define("sigap-desk-awareness", SigapDeskAwareness);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-desk-awareness": SigapDeskAwareness;
  }
}
